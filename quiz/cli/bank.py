"""`quiz bank …`: list, show, validate, import banks and print their questions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from question_bank.banks.loader import load_bank_file
from question_bank.banks.problems import BankError
from question_bank.questions import Kind, Mode, generate_all
from quiz.banks import UnknownBank, get_bank, import_bank, list_banks
from quiz.cli.errors import UserError
from quiz.store import BankConflict, open_db


class BankProblems(UserError):
    """Every problem of a bank file, one `FILE:LINE: FIELD: reason` line each."""

    def __init__(self, error: BankError):
        super().__init__(str(error))

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)


@click.group()
def bank() -> None:
    """Fact banks: list, show, validate, import, questions."""


def _open(ctx: click.Context):
    return open_db(ctx.obj.db_path)


def _bank(ctx: click.Context, name: str):
    try:
        return get_bank(_open(ctx), name)
    except UnknownBank:
        raise UserError(f"no bank called '{name}' (see `quiz bank list`)") from None


@bank.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Banks, built-in and imported, with their number of facts."""
    infos = list_banks(_open(ctx))
    if as_json:
        click.echo(json.dumps([info.__dict__ for info in infos], ensure_ascii=False, indent=2))
        return
    width = max((len(i.name) for i in infos), default=4)
    for info in infos:
        click.echo(f"{info.name:<{width}}  {info.fact_count:>4} facts  {info.origin:<8}  {info.title}")


@bank.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print the documented JSON list of facts.")
@click.pass_context
def show(ctx: click.Context, name: str, as_json: bool) -> None:
    """The facts of bank NAME."""
    found = _bank(ctx, name)
    if as_json:
        click.echo(json.dumps([f.to_json() for f in found.facts], ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.title} ({len(found.facts)} facts)")
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
def validate(file: Path) -> None:
    """Check a bank FILE (.toml or .csv): every problem as FILE:LINE: FIELD: reason."""
    try:
        loaded = load_bank_file(file)
    except BankError as error:
        raise BankProblems(error) from None
    click.echo(f"{file}: ok, {len(loaded.facts)} facts")


@bank.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--name", help="Name to store the bank under (default: [bank] name, or the file name).")
@click.pass_context
def import_command(ctx: click.Context, file: Path, name: str | None) -> None:
    """Check FILE and store it as a bank usable next to the built-in ones."""
    try:
        stored = import_bank(_open(ctx), file, name)
    except BankError as error:
        raise BankProblems(error) from None
    except BankConflict as error:
        raise UserError(str(error)) from None
    click.echo(f"imported '{name or stored.name}': {len(stored.facts)} facts")


@bank.command()
@click.argument("name")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), multiple=True, help="Only this kind.")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), multiple=True, help="Only this mode.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for wording and options.")
@click.option("--options", "n_options", type=click.IntRange(3, 5), default=3, show_default=True,
              help="Options per multiple-choice question.")
@click.option("--json", "as_json", is_flag=True, help="Print the documented JSON list of questions.")
@click.pass_context
def questions(ctx, name: str, kind, mode, seed: int, n_options: int, as_json: bool) -> None:
    """The questions generated from bank NAME."""
    found = _bank(ctx, name)
    generated = generate_all(found, kinds=kind or None, modes=mode or None, seed=seed, n_options=n_options)
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
