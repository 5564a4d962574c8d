"""`quiz class progress CLASS`: the teacher's homework view, as tables, JSON or CSV."""

from __future__ import annotations

import json
import textwrap
from datetime import datetime
from typing import TYPE_CHECKING

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quiz.cli.context import AppContext
from quiz.cli.errors import UserError
from quiz.cli.format import counted
from quiz.doors import teacher as teacher_door

if TYPE_CHECKING:
    from quiz.stats.progress_model import ClassProgress

FACTS_SHOWN = 10
FLAGS_WIDTH = 8  # "backlog↑", "idle 12d": one flag a line

HELP = """Per student of CLASS: this week's work, backlog, streak, true retention and the recall FSRS
predicts on the exam day; per fact, the class's predicted recall. Every bank the class studies
unless --bank; predicted recall is for now unless --exam. With neither, the class's active
homework gives both (its bank, recall on its exam day).

\b
What each figure means:
{legend}

\b
--json prints one object:
  {{"class", "bank" (null: every bank), "banks": [names], "exam" (null), "recall_on"
   ("now" or the exam date), "today", "idle_days", "known_at", "facts_in_bank",
   "cards_in_bank", "class_recall",
   "students": [{{name, reviews_week, due_week, backlog, backlog_week_ago, streak,
     last_studied, days_since_studied, true_retention, retention_reviews,
     predicted_recall, facts_known, facts, cards_studied, cards,
     weakest: [{{bank, fact_id, statement, recall, known}}],
     flags: ["not_studied" | "backlog_growing"]}}],
   "facts": [{{bank, fact_id, statement, cards, class_recall, known_by, students}}]
            (weakest first), "legend": {{column: meaning}}}}
--csv prints one row per student:
  {columns}."""


def _help() -> str:
    legend = "\n".join(textwrap.fill(f"{name}: {meaning}.", 78, initial_indent="  ", subsequent_indent="    ")
                       for name, meaning in teacher_door.PROGRESS_LEGEND)
    columns = textwrap.fill(", ".join(teacher_door.PROGRESS_CSV_COLUMNS), 78, subsequent_indent="  ")
    return HELP.format(legend=legend, columns=columns)


@click.command("progress", help=_help())
@click.argument("class_name", metavar="CLASS")
@click.option("--bank", metavar="NAME", help="Only this bank (default: every bank the class has cards in).")
@click.option("--exam", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Predict recall on this day (default: now).")
@click.option("--idle-days", type=click.IntRange(min=1), default=3, show_default=True, metavar="N",
              help="Flag a student who has not studied for N days or more.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object described below.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one row per student as CSV.")
@click.pass_obj
def progress_command(obj: AppContext, class_name: str, bank: str | None, exam: datetime | None, idle_days: int,
                     as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise UserError("--json and --csv cannot be given together")
    teacher = obj.teacher()
    if bank is not None and bank not in teacher.bank_names():
        raise UserError(f"no bank named '{bank}' (see `quiz bank list`)")
    report = teacher.class_progress(class_name, bank, exam.date() if exam else None, idle_days)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(report.to_csv(), nl=False)
    else:
        show(Console(highlight=False, soft_wrap=False), report)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def heading(report: ClassProgress) -> Text:
    banks = f"bank {report.bank}" if report.bank else "banks " + ", ".join(report.banks) if report.banks else "no banks"
    days = (report.exam - report.today).days if report.exam else 0
    when = (f"exam {report.exam.isoformat()} ({counted(days, 'day')} away)" if report.exam
            else "recall now (no --exam)")
    return Text.assemble("Class ", (report.class_name, "bold"),
                         f" · {banks} ({counted(report.fact_count, 'fact')}, {counted(report.card_count, 'card')})"
                         f" · {when} · class recall {_pct(report.class_recall)}")


def student_table(report: ClassProgress, width: int = 80) -> Table:
    """One row per student, laid out for 80 columns: the figures as wide as their widest cell, the
    names and the flags share the rest (a long name or two flags take a second line)."""
    table = Table(box=None, padding=(0, 0, 0, 1), header_style="bold underline")
    rows = [[s.name, str(s.reviews_week), str(s.due_week), str(s.backlog), str(s.streak),
             s.last_studied.strftime("%d %b") if s.last_studied else "never", _pct(s.true_retention),
             _pct(s.recall), f"{s.facts_known}/{s.facts}"] for s in report.students]
    headings = ("Done\n7d", "Due\n7d", "Back-\nlog", "Streak", "Last\nstudied", "Reten-\ntion", "Recall", "Known")
    widths = [max([*(len(line) for line in name.split("\n")), *(len(row[i]) for row in rows)])
              for i, name in enumerate(headings, start=1)]
    longest = max((len(row[0]) for row in rows), default=7)
    room = width - sum(widths) - FLAGS_WIDTH - (len(headings) + 2)  # a cell of padding a column
    table.add_column("Student", overflow="fold", width=max(7, min(longest, room)))
    for name, widest in zip(headings, widths, strict=True):
        table.add_column(name, justify="right", no_wrap=True, width=widest)
    table.add_column("Flags", width=FLAGS_WIDTH)  # one flag a line
    for s, row in zip(report.students, rows, strict=True):
        table.add_row(Text(row[0]), *row[1:], Text("\n".join(s.flag_words()), style="bold"))
    return table


def show(console: Console, report: ClassProgress) -> None:
    console.print(heading(report))
    console.print(student_table(report, console.width))
    if report.facts:
        weakest = report.facts[:FACTS_SHOWN]
        table = Table(title=f"Weakest facts for the class (of {report.fact_count}; all in --json)",
                      title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 0, 0, 1))
        table.add_column("Recall", justify="right", no_wrap=True)
        table.add_column("Known by", justify="right", no_wrap=True)
        table.add_column("Fact", overflow="fold")
        for f in weakest:
            table.add_row(_pct(f.class_recall), f"{f.known_by}/{f.students}", Text(f"{f.fact_id}: {f.statement}"))
        console.print(table)
        per_student = Table(title="Weakest facts per student", title_justify="left", box=None, show_header=False,
                            padding=(0, 0, 0, 1))
        per_student.add_column(overflow="fold", max_width=18)
        per_student.add_column(overflow="fold")
        for s in report.students:
            per_student.add_row(Text(s.name), Text(", ".join(f"{w.fact_id} {_pct(w.recall)}" for w in s.weakest)))
        console.print(per_student)
    console.print(Text("\n" + "\n".join(f"{name}: {meaning}." for name, meaning in teacher_door.PROGRESS_LEGEND),
                       style="dim"))
