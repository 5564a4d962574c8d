"""`quiz bank …`: list, show, validate, import banks and print their questions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quiz.cli.context import AppContext
from quiz.cli.format import counted
from quiz.console import flag
from quiz.model import Kind, Mode


@click.group()
def bank() -> None:
    """Fact banks: list, show, validate, import, questions, answer, template, extract, export,
    rename, remove."""


@bank.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def list_command(obj: AppContext, as_json: bool) -> None:
    """Banks, built-in and imported, with their number of facts."""
    desk = obj.desk()
    infos = desk.bank_list()
    for line in desk.bank_conflicts():
        click.echo(line.render(flag), err=True)
    if as_json:
        click.echo(json.dumps([info.__dict__ for info in infos], ensure_ascii=False, indent=2))
        return
    width = max((len(i.name) for i in infos), default=4)
    for info in infos:
        click.echo(f"{info.name:<{width}}  {counted(info.fact_count, 'fact', 4):<10}  {info.origin:<8}  {info.title}")


@bank.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the documented JSON list of facts.")
@click.pass_obj
def show(obj: AppContext, name: str, as_json: bool) -> None:
    """The facts of bank NAME."""
    found = obj.desk().bank(name)
    if as_json:
        click.echo(json.dumps([f.to_json() for f in found.facts], ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.title} ({counted(len(found.facts), 'fact')})")
    if found.source:
        click.echo(f"Source: {found.source}")
    for fact in found.facts:
        click.echo(f"\n{fact.id}  [{fact.date.human()}]")
        click.echo(f"  {fact.statement(with_date=False)}")
        if fact.units:
            click.echo(f"  units:  {', '.join(u.name for u in fact.units)}")
        if fact.places:
            click.echo(f"  places: {', '.join(p.name for p in fact.places)}")


@bank.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--entities", type=click.Path(path_type=Path), default=None,
              help="A CSV or xlsx of the units and places the catalog lacks, checked with FILE (as import takes).")
@click.pass_obj
def validate(obj: AppContext, file: Path, entities: Path | None) -> None:
    """Check a bank FILE (.toml, .csv or .xlsx) and an optional entities file: every problem as
    FILE:LINE: FIELD: reason."""
    from quiz.doors.learner import LearnerDoor

    loaded = LearnerDoor.validate_bank(file, entities=entities)
    click.echo(f"{file}: ok, {counted(len(loaded.facts), 'fact')}")


@bank.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--name", help="Name to store the bank under (default: [bank] name, or the file name).")
@click.option("--entities", type=click.Path(path_type=Path), default=None,
              help="A CSV or xlsx of the units and places the catalog lacks (see `quiz bank template`).")
@click.option("--title", default=None, help="The bank's title (default: the file's, else its name).")
@click.pass_obj
def import_command(obj: AppContext, file: Path, name: str | None, entities: Path | None, title: str | None) -> None:
    """Check FILE (.toml, .csv or .xlsx) and store it as a bank usable next to the built-in ones."""
    stored, changes = obj.desk().import_bank_changes(file, name, entities=entities, title=title)
    click.echo(f"imported '{name or stored.name}': {changes.render(flag)}")


@bank.command()
@click.argument("name")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), multiple=True, help="Only this kind.")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), multiple=True, help="Only this mode.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for wording and options.")
@click.option("--options", "n_options", type=click.IntRange(3, 5), default=3, show_default=True,
              help="Options per multiple-choice question.")
@click.option("--json", "as_json", is_flag=True, help="Print the documented JSON list of questions.")
@click.option("--report", is_flag=True,
              help="Instead of the questions: per fact and slot, what is published as multiple choice or typed, "
                   "what was withheld and why, and the coverage (--json: the same as one object).")
@click.pass_obj
def questions(
    obj: AppContext, name: str, kind: tuple[str, ...], mode: tuple[str, ...], seed: int, n_options: int,
    as_json: bool, report: bool,
) -> None:
    """The questions generated from bank NAME."""
    if report:
        print_report(obj.desk().question_report(name, seed, n_options), as_json)
        return
    generated = obj.desk().questions(
        name, tuple(Kind(k) for k in kind) or None, tuple(Mode(m) for m in mode) or None, seed, n_options
    )
    if as_json:
        click.echo(json.dumps([q.to_json() for q in generated], ensure_ascii=False, indent=2))
        return
    for q in generated:
        click.echo(f"[{q.fact_id} · {q.kind} · {q.mode}] {q.prompt}")
        for number, option in enumerate(q.options, start=1):
            mark = "*" if option == q.answer else " "
            click.echo(f"   {mark}{number}. {option}")
        if not q.options:
            click.echo(f"   → {q.answer}")
from quiz.cli.question_report import print_report  # noqa: E402, I001
from quiz.cli.export import bank_export; bank.add_command(bank_export, "export")  # noqa: E402, E702, I001 - issue #12
from quiz.cli.bank_tools import answer, template; bank.add_command(answer); bank.add_command(template)  # noqa: E402, E702, I001
from quiz.cli.bank_extract import extract; bank.add_command(extract)  # noqa: E402, E702, I001
from quiz.cli.bank_manage import remove, rename; bank.add_command(rename); bank.add_command(remove)  # noqa: E402, E702, I001
