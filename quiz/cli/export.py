"""`quiz bank export` and `quiz paper export`: a bank or a classroom paper written as GIFT, Moodle
XML, QTI, Anki, Kahoot, CSV, Markdown, HTML or PDF. Thin: the teacher's door builds and writes the export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from quiz.cli.context import AppContext
from quiz.cli.format import counted
from quiz.doors.teacher import EXPORT_FORMATS, ExportSet
from quiz.errors import ExportError
from quiz.files import refuse_database
from quiz.model import Kind, Mode

FORMAT_HELP = "; ".join(f"{f.name}: {f.label}" for f in EXPORT_FORMATS.values())
PRINTABLE = tuple(f.name for f in EXPORT_FORMATS.values() if f.printable)
PAGED = ("html", "pdf")  # the print formats with a page size (a Markdown file has none)


def _format_option() -> click.Option:
    return click.Option(
        ["--format", "-f", "fmt"], type=click.Choice(list(EXPORT_FORMATS)), required=True, help=FORMAT_HELP
    )


def _check_print_options(fmt: str, versions: int | None, key: bool) -> None:
    if fmt not in PRINTABLE and (versions is not None or key):
        flag = "--versions" if versions is not None else "--key"
        raise ExportError(f"{flag} is for the print formats ({', '.join(PRINTABLE)}), not {fmt}")


def _check_paper(fmt: str, paper: str | None) -> None:
    if paper is not None and fmt not in PAGED:
        raise ExportError(f"--paper is for the formats with pages ({', '.join(PAGED)}), not {fmt}")


def _check_skip(fmt: str, skip: bool) -> None:
    if skip and fmt != "kahoot":
        raise ExportError(f"--skip-too-long is for kahoot (the one format with limits), not {fmt}")


def _write(obj: AppContext, export: ExportSet, fmt: str, output: Path | None, name: str, skip: bool = False) -> None:
    exports = obj.teacher().exports
    target = output or exports.default_path(name, fmt)
    refuse_database(target, obj.db_path)
    export, notes = exports.fit(export, fmt, skip=skip)
    for line in notes:
        click.echo(line, err=True)
    if skip and not export.questions:
        raise ExportError(f"no question fits {fmt}'s limits")
    if output == Path("-"):
        sys.stdout.buffer.write(exports.render(export, fmt))
        sys.stdout.buffer.flush()
        return
    path = exports.write(export, fmt, target)
    count = len(export.questions)
    versions = f" in {len(export.versions)} versions" if len(export.versions) > 1 else ""
    key = ", with the answer key" if export.key and fmt in PRINTABLE else ""
    held = EXPORT_FORMATS[fmt].held(export)  # an Anki deck: a note a fact and kind, not a question
    what = counted(count, "question") + (f" as {held}" if held else "")
    click.echo(f"wrote {path}: {what}{versions}{key} ({EXPORT_FORMATS[fmt].label})")


OUTPUT = click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                      help="File to write (default: NAME plus the format's suffix here; - for standard output).")
VERSIONS = click.option("--versions", type=click.IntRange(1, 26), default=None,
                        help="Print formats: this many versions, each with its own order.")
KEY = click.option("--key", is_flag=True, help="Print formats: an answer key per version at the end.")
PAPER = click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
                     help="html and pdf: the page size to print on (default a4).")
SKIP = click.option("--skip-too-long", "skip", is_flag=True,
                    help="Kahoot: leave out (and list) the questions over its limits instead of refusing the export.")


@click.command("export", params=[_format_option()])
@click.argument("name")
@click.option("--mode", type=click.Choice([Mode.MC.value, Mode.TYPED.value]), multiple=True,
              help="Only this mode (repeatable; default mc).")
@click.option("--kind", type=click.Choice([k.value for k in Kind]), multiple=True, help="Only this kind (repeatable).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for wording and options.")
@click.option("--options", "n_options", type=click.IntRange(3, 5), default=4, show_default=True,
              help="Options per multiple-choice question.")
@VERSIONS
@KEY
@PAPER
@SKIP
@OUTPUT
@click.pass_obj
def bank_export(
    obj: AppContext, fmt: str, name: str, mode: tuple[str, ...], kind: tuple[str, ...], seed: int, n_options: int,
    versions: int | None, key: bool, paper: str | None, skip: bool, output: Path | None,
) -> None:
    """Write the questions of bank NAME in an LMS, flashcard or print format."""
    _check_print_options(fmt, versions, key)
    _check_paper(fmt, paper)
    _check_skip(fmt, skip)
    export = obj.teacher().exports.bank_set(
        name, modes=tuple(Mode(m) for m in mode) or (Mode.MC,), kinds=tuple(Kind(k) for k in kind) or None,
        seed=seed, n_options=n_options, versions=versions or 1, key=key,
    )
    _write(obj, export.on_paper(paper) if paper else export, fmt, output, name, skip)


@click.command("export", params=[_format_option()])
@click.argument("code")
@VERSIONS
@KEY
@PAPER
@SKIP
@OUTPUT
@click.pass_obj
def paper_export(
    obj: AppContext, fmt: str, code: str, versions: int | None, key: bool, paper: str | None, skip: bool,
    output: Path | None,
) -> None:
    """Write classroom paper CODE in an LMS, flashcard or print format (print: --versions, --key, --paper)."""
    _check_print_options(fmt, versions, key)
    _check_paper(fmt, paper)
    _check_skip(fmt, skip)
    printable = fmt in PRINTABLE
    export = obj.teacher().exports.paper_set(code, versions=(versions or 1) if printable else None, key=key)
    _write(obj, export.on_paper(paper) if paper else export, fmt, output, code, skip)
