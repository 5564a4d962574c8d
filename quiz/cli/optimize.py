"""`quiz optimize` and `quiz simulate`: FSRS fitted to a learner, and what a retention costs."""

from __future__ import annotations

import json
import shlex
from typing import TYPE_CHECKING

import click

from quiz.cli.context import AppContext
from quiz.errors import QuizError

if TYPE_CHECKING:
    from rich.status import Status

LEARNER_HELP = "Whose history (default: $QUIZ_LEARNER, else your user name)."


@click.command()
@click.option("--learner", metavar="NAME", envvar="QUIZ_LEARNER", help=LEARNER_HELP)
@click.option("--dry-run", is_flag=True, help="Fit and report, but save nothing.")
@click.option("--undo", is_flag=True, help="Go back to the parameters before the last fit.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract below.")
@click.pass_obj
def optimize(obj: AppContext, learner: str | None, dry_run: bool, undo: bool, as_json: bool) -> None:
    """Fit FSRS's parameters to a learner's own reviews; keep them only if they predict better.

    \b
    Default and fitted parameters are compared on the same history with time-series splits
    (each part predicted by parameters fitted on the parts before it), so the figures are honest.
    Saved parameters are used for the learner's next answers; their cards' memory is recomputed.
    --json prints {"learner", "reviews", "log_loss": {"default", "fitted"},
                   "rmse": {"default", "fitted"}, "saved"}.
    """
    personal = obj.desk(learner).personal
    if undo:
        if not personal.undo():
            raise QuizError(f"{personal.learner} has no fitted parameters to undo")
        click.echo(f"{personal.learner}: back to the parameters before the last fit")
        return
    with _spinner(as_json, "Fitting FSRS to the review history"):
        report = personal.optimize(dry_run=dry_run)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
        return
    fit = report.fit
    click.echo(f"{report.learner}: {report.reviews} reviews to learn from; FSRS's default parameters "
               "against a fit, on held-out reviews (lower is better; log loss decides)")
    click.echo(f"  log loss  default {fit.default.log_loss:.4f}   fitted {fit.fitted.log_loss:.4f}")
    click.echo(f"  RMSE      default {fit.default.rmse:.4f}   fitted {fit.fitted.rmse:.4f}")
    undo_hint = f"quiz optimize --learner {shlex.quote(report.learner)} --undo"
    if report.saved:
        click.echo(f"  saved: the next intervals use the fitted parameters (undo: {undo_hint})")
    elif dry_run:
        click.echo("  not saved (--dry-run)" + ("; it would be" if fit.better else "; it would not be either"))
    else:
        click.echo("  not saved: the fitted parameters predict no better than the ones in use")


def _retentions(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise click.BadParameter("give retentions such as 0.85,0.9,0.95") from None
    if not values or any(not 0.7 <= v <= 0.99 for v in values):
        raise click.BadParameter("each retention must be between 0.7 and 0.99")
    return values


@click.command()
@click.option("--learner", metavar="NAME", envvar="QUIZ_LEARNER", help=LEARNER_HELP)
@click.option("--retention", "retention_text", default="0.8,0.85,0.9,0.95", show_default=True,
              help="Desired retentions to compare, comma separated.")
@click.option("--days", type=click.IntRange(7, 1825), default=365, show_default=True,
              help="Length of the period (up to five years).")
@click.option("--cards", type=click.IntRange(1, 20000), default=None,
              help="Cards to learn (default: the learner's; up to 20,000).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def simulate(
    obj: AppContext, learner: str | None, retention_text: str, days: int, cards: int | None, as_json: bool
) -> None:
    """For each desired retention: reviews a day and cards remembered after the period, with the
    learner's parameters and daily new-card limit; and the suggested retention: the least study time
    per fact remembered within 0.80–0.95, the range most people keep (JSON: suggested_retention;
    cheapest_retention is FSRS's own search over 0.70–0.95)."""
    try:
        retentions = _retentions(retention_text)
    except click.BadParameter as error:
        raise QuizError(f"--retention: {error.message}") from None
    desk = obj.desk(learner)
    count = cards or max(1, sum(b.cards for b in desk.banks()))
    with _spinner(as_json, "Simulating"):
        report = desk.personal.simulate(retentions, days, count)
    used = (f"{desk.learner}'s parameters, fitted {report.fitted_at[:10]}" if report.fitted_at
            else f"FSRS's default parameters ({desk.learner} has no fit yet: see `quiz optimize`)")
    if as_json:
        click.echo(json.dumps({
            "learner": desk.learner, "days": report.days, "cards": report.cards,
            "parameters": "fitted" if report.fitted_at else "default",
            "rows": [{"retention": r.retention, "reviews_per_day": r.reviews_per_day, "remembered": r.remembered}
                     for r in report.rows],
            "suggested_retention": report.suggested,
            "cheapest_retention": report.cheapest,
        }, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{desk.learner}: {report.cards} card{'' if report.cards == 1 else 's'} over {report.days} day{'' if report.days == 1 else 's'}")
    for header in ("retention", "reviews a day", "remembered at the end"):
        table.add_column(header, justify="right")
    for row in report.rows:
        table.add_row(f"{row.retention:.2f}", f"{row.reviews_per_day:.1f}", f"{row.remembered:.0f}")
    console = Console()
    console.print(f"With {used}.", markup=False, highlight=False)
    console.print(table)
    console.print(report.explain(), markup=False, highlight=False)


class _spinner:
    """A progress spinner on stderr while something slow runs (not with --json or off a terminal)."""

    def __init__(self, quiet: bool, text: str) -> None:
        self.quiet, self.text = quiet, text
        self.status: Status | None = None

    def __enter__(self) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        if not self.quiet and console.is_terminal:
            self.status = console.status(self.text)
            self.status.start()

    def __exit__(self, *exc: object) -> None:
        if self.status is not None:
            self.status.stop()
