"""`quiz bank answer` (what the checker makes of a typed answer) and `quiz bank template` (an
example spreadsheet with every column explained)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quiz.cli.context import AppContext
from quiz.model import Kind


@click.command("answer")
@click.argument("name")
@click.argument("fact_id")
@click.argument("kind", type=click.Choice([k.value for k in Kind]))
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help='Print {"outcome", "reason", "expected"}.')
@click.pass_obj
def answer(obj: AppContext, name: str, fact_id: str, kind: str, text: str, as_json: bool) -> None:
    """Check TEXT as the typed answer to FACT_ID's KIND question in bank NAME, exactly as a study
    session would: correct, near_miss (counts as Hard), wrong, or unreadable (a date in no form
    we can read: a session records nothing and asks again), with the reason.

    \b
    --json prints {"outcome": "correct"|"near_miss"|"wrong"|"unreadable", "reason": str,
    "expected": str}.
    """
    verdict, expected = obj.desk().check_answer(name, fact_id, Kind(kind), text)
    outcome = "unreadable" if verdict.unreadable else str(verdict.outcome)
    reason = f"{verdict.reason}; a study session asks again" if verdict.unreadable else verdict.reason
    if as_json:
        click.echo(json.dumps({"outcome": outcome, "reason": reason, "expected": expected},
                              ensure_ascii=False, indent=2))
        return
    click.echo(f"{outcome}: {reason} (expected: {expected})")


@click.command("template")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default=Path("bank-template.csv"))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), default=None,
              help="csv (with an entities CSV beside it) or xlsx (one workbook); default: from PATH, else csv.")
@click.pass_obj
def template(obj: AppContext, path: Path, fmt: str | None) -> None:
    """Write an example bank to PATH with every column explained; it imports as it is."""
    from quiz.doors.learner import LearnerDoor
    from quiz.files import refuse_database, write_set

    # Written beside PATH first, then renamed into place: never onto the database, never half a file.
    refuse_database(path, obj.db_path)
    for written in write_set(path.parent, lambda stage: LearnerDoor.write_bank_template(stage / path.name, fmt), obj.db_path):
        click.echo(f"wrote {written}")
