"""`quiz bank rename OLD NEW` and `quiz bank remove NAME [--purge]`."""

from __future__ import annotations

import click

from quiz.cli.context import AppContext
from quiz.cli.format import counted


@click.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_obj
def rename(obj: AppContext, old: str, new: str) -> None:
    """Rename imported bank OLD to NEW; learners' cards, reviews and papers follow it."""
    obj.desk().rename_bank(old, new)
    click.echo(f"renamed '{old}' to '{new}'")


@click.command("remove")
@click.argument("name")
@click.option("--purge", is_flag=True, help="Also delete every learner's cards and reviews of it.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.pass_obj
def remove(obj: AppContext, name: str, purge: bool, yes: bool) -> None:
    """Remove imported bank NAME. Learners' reviews of it are kept as history (out of every queue
    and count) unless --purge deletes them too."""
    desk = obj.desk()
    desk.bank(name)  # an unknown name is one line before anything is asked
    if not yes:
        what = "and every review of it" if purge else "(reviews are kept as history)"
        click.confirm(f"Remove bank '{name}' {what}?", abort=True)
    removed = desk.remove_bank(name, purge=purge)
    click.echo(f"removed '{name}'" + (f" and {counted(removed, 'review')}" if purge else "; its reviews are kept"))
