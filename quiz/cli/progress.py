"""`quiz status` and `quiz learner list|add|remove`: a learner's progress, and who studies here."""

from __future__ import annotations

import json

import click

from quiz.cli.context import AppContext
from quiz.cli.format import counted
from quiz.errors import LearnerError

LEARNER_HELP = "Who is studying (default: $QUIZ_LEARNER, else who studied here last, else your user name)."


@click.command()
@click.option("--learner", metavar="NAME", envvar="QUIZ_LEARNER", help=LEARNER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@click.pass_obj
def status(obj: AppContext, learner: str | None, as_json: bool) -> None:
    """Per bank: cards new / learning / review / suspended, due now, reviewed today, total.

    \b
    --json prints one object (a stable contract):
      {"learner": str, "known_learner": bool, "reviews_total": int, "reviews_today": int,
       "streak_days": int, "due_now": int, "new_available": int,
       "banks": [{"name", "title", "new", "learning", "review", "suspended", "due_now",
                  "new_available", "reviewed_today", "reviews_total"}]}
    "today" is the learner's study day (local time, rolling over at 4 am by default).
    """
    desk = obj.desk(learner)
    report = desk.status()
    if learner is not None and not report["known_learner"] and not as_json:  # JSON says known_learner
        raise LearnerError(f"no learner '{desk.learner}' (see `quiz learner list`)")
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{report['learner']}: {report['reviews_today']} reviewed today, "
        f"{report['reviews_total']} in all, streak {counted(report['streak_days'], 'day')}; "
        f"{report['due_now']} due now, {report['new_available']} new available"
    )
    for note in (desk.nothing_to_study(None), desk.buried_note(None)):
        if note:
            click.echo(note)
    header = ("bank", "new", "learning", "review", "suspended", "due", "today", "total")
    rows = [
        (b["name"], b["new"], b["learning"], b["review"], b["suspended"], b["due_now"],
         b["reviewed_today"], b["reviews_total"])
        for b in report["banks"]
    ]
    if not rows:
        click.echo("No banks yet: see `quiz bank import`.")
        return
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        cells = [str(row[0]).ljust(widths[0])] + [str(v).rjust(w) for v, w in zip(row[1:], widths[1:], strict=False)]
        click.echo("  ".join(cells).rstrip())


@click.group()
def learner() -> None:
    """Learner profiles: several people can study in one database."""


@learner.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: [{name, created, reviews}].")
@click.pass_obj
def learner_list(obj: AppContext, as_json: bool) -> None:
    """List learners with their number of reviews."""
    people = obj.desk().learner_rows()
    if as_json:
        click.echo(json.dumps([{"name": p.name, "created": p.created, "reviews": p.reviews} for p in people],
                              ensure_ascii=False, indent=2))
        return
    if not people:
        click.echo("No learners yet (one is created when someone first studies).")
    for person in people:
        click.echo(f"{person.name}\t{counted(person.reviews, 'review')}\tsince {person.created[:10]}")


@learner.command("add")
@click.argument("name")
@click.pass_obj
def learner_add(obj: AppContext, name: str) -> None:
    """Add a learner called NAME."""
    person = obj.desk().add_learner(name)
    click.echo(f"Added learner '{person.name}'.")


@learner.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def learner_remove(obj: AppContext, name: str, yes: bool) -> None:
    """Remove learner NAME with all their cards, reviews and settings."""
    desk = obj.desk(name)
    if desk.learner not in desk.learners():
        raise LearnerError(f"no learner '{desk.learner}' (see `quiz learner list`)")
    if not yes:
        click.confirm(f"Remove '{desk.learner}' and all their progress?", abort=True)
    removed = desk.remove_learner(desk.learner)
    click.echo(f"Removed learner '{desk.learner}' ({counted(removed, 'review')}).")
