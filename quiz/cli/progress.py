"""`quiz status` and `quiz learner list|add|remove`: a learner's progress, and who studies here."""

from __future__ import annotations

import json

import click

from quiz.cli.errors import UserError
from quiz.paths import default_learner

LEARNER_HELP = "Who is studying (default: $QUIZ_LEARNER, else your user name)."


def _open(ctx: click.Context):
    from quiz.store import open_db

    return open_db(ctx.obj.db_path)


@click.command()
@click.option("--learner", metavar="NAME", envvar="QUIZ_LEARNER", help=LEARNER_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a table.")
@click.pass_context
def status(ctx: click.Context, learner: str | None, as_json: bool) -> None:
    """Per bank: cards new / learning / review / suspended, due now, reviewed today, total.

    \b
    --json prints one object (a stable contract):
      {"learner": str, "known_learner": bool, "reviews_total": int, "reviews_today": int,
       "streak_days": int, "due_now": int, "new_available": int,
       "banks": [{"name", "title", "new", "learning", "review", "suspended", "due_now",
                  "new_available", "reviewed_today", "reviews_total"}]}
    "today" is the learner's study day (local time, rolling over at 4 am by default).
    """
    from quiz.learners import LearnerError, clean_name
    from quiz.status import status_report
    from quiz.store import utc_now

    try:
        name = clean_name(learner or default_learner())
    except LearnerError as error:
        raise UserError(str(error)) from None
    db = _open(ctx)
    try:
        report = status_report(db, name, utc_now())
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{report['learner']}: {report['reviews_today']} reviewed today, "
        f"{report['reviews_total']} in all, streak {report['streak_days']} day(s); "
        f"{report['due_now']} due now, {report['new_available']} new available"
    )
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
@click.pass_context
def learner_list(ctx: click.Context, as_json: bool) -> None:
    """List learners with their number of reviews."""
    from quiz.learners import list_learners

    db = _open(ctx)
    try:
        people = list_learners(db)
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps([{"name": p.name, "created": p.created, "reviews": p.reviews} for p in people],
                              ensure_ascii=False, indent=2))
        return
    if not people:
        click.echo("No learners yet (one is created when someone first studies).")
    for person in people:
        click.echo(f"{person.name}\t{person.reviews} reviews\tsince {person.created[:10]}")


@learner.command("add")
@click.argument("name")
@click.pass_context
def learner_add(ctx: click.Context, name: str) -> None:
    """Add a learner called NAME."""
    from quiz.learners import LearnerError, add_learner

    db = _open(ctx)
    try:
        person = add_learner(db, name)
    except LearnerError as error:
        raise UserError(str(error)) from None
    finally:
        db.close()
    click.echo(f"Added learner '{person.name}'.")


@learner.command("remove")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def learner_remove(ctx: click.Context, name: str, yes: bool) -> None:
    """Remove learner NAME with all their cards, reviews and settings."""
    from quiz.learners import LearnerError, clean_name, get_learner, remove_learner

    db = _open(ctx)
    try:
        try:
            cleaned = clean_name(name)
            if get_learner(db, cleaned) is None:
                raise UserError(f"no learner '{cleaned}' (see `quiz learner list`)")
        except LearnerError as error:
            raise UserError(str(error)) from None
        if not yes:
            click.confirm(f"Remove '{cleaned}' and all their progress?", abort=True)
        removed = remove_learner(db, cleaned)
    finally:
        db.close()
    click.echo(f"Removed learner '{cleaned}' ({removed} reviews).")
