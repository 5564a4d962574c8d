"""`quiz bank questions NAME --report`: what the gate publishes of a bank, as text or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from question_bank.questions.report import BankReport

KIND_ORDER = ("date", "unit", "place")
PAPER_REASONS = {"well_known": "well known: left out of papers"}


def print_report(report: BankReport, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    asked = [s for s in report.slots if s.asked]
    published = sum(s.published for s in asked)
    click.echo(f"{report.bank}: coverage {report.coverage:.0%} ({published} of {len(asked)} slots published)")
    click.echo(f"{'kind':<6} {'slots':>5} {'multiple choice':>15} {'typed/cloze only':>16} {'not asked':>9}")
    table = report.by_kind()
    for kind in KIND_ORDER:
        row = table.get(kind)
        if row:
            click.echo(f"{kind:<6} {row['slots']:>5} {row['multiple_choice']:>15} {row['typed_only']:>16} "
                       f"{row['not_asked']:>9}")
    _left_out(report)
    withheld = [s for s in asked if not s.multiple_choice]
    if not withheld:
        click.echo("Nothing withheld from multiple choice.")
        return
    click.echo("Withheld from multiple choice:")
    for slot in withheld:
        how = "asked typed or as a cloze" if slot.typed else "not asked at all"
        reasons = "; ".join(flaw.explanation for flaw in slot.withheld) or "no multiple-choice wording"
        click.echo(f"  {slot.fact_id} · {slot.kind.value} · {slot.slot}: {reasons} ({how})")


def _left_out(report: BankReport) -> None:
    """The published slots papers leave out, each with its reason."""
    left_out = [s for s in report.slots if s.published and s.left_out_of_papers]
    if left_out:
        click.echo("Left out of papers (study and exports still ask them):")
    for slot in left_out:
        code = slot.left_out_of_papers or ""
        click.echo(f"  {slot.fact_id} · {slot.kind.value} · {slot.slot}: {PAPER_REASONS.get(code, code)}")
