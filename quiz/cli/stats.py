"""`quiz stats`: a learner's or a class's progress over time, as tables, JSON or CSV."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

import click
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from quiz.cli.context import AppContext
from quiz.cli.errors import UserError
from quiz.cli.format import counted

if TYPE_CHECKING:
    from quiz.stats import ClassReport, LearnerReport, Period

JSON_HELP = """\b
--json prints one object:
  {"learner": str (or "class": str with "students": [{name, reviews, true_retention,
     mastery, streak, last_studied, papers}]),
   "period": {since, until, bank, timezone},
   "today": {date, reviews, passed, pass_rate, time_s, new, learning, review, relearning},
   "reviews_per_day": [{date, learning, young, mature, relearning, reviews, passed,
                        time_s, true_retention}],
   "true_retention": [{period: today|yesterday|week|month|year|all,
                       young|mature|total: {reviews, passed, rate}}],
   "forecast": {days: [{date, due}], daily_load},
   "calendar": {days: [{date, reviews}], study_days, current_streak, longest_streak},
   "hourly": [{hour, reviews, passed, rate}],
   "fsrs": {stability|difficulty|retrievability: [{bin, cards}], known,
            known_by_bank: {bank: n}, known_by_kind: {kind: n}},
   "mastery": {desired_retention, share, by_kind|by_bank: [{name, cards, answered,
               known, mastered, share}]},
   "hardest": {facts: [{bank, fact_id, statement, lapses, retrievability, leech}], leeches},
   "papers": [{code, title, score, max, submitted}]}
--csv prints the per-day series: date, reviews, learning, young, mature, relearning,
passed, time_s, true_retention.
Young cards have an interval under 21 days, mature ones 21 or more; true retention counts a
review card's first review of the day. Days are the learner's study days (local time,
rolling over at 4 am by default)."""

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command(help=f"""A learner's (or with --class, a class's) progress over a period: reviews per
day, true retention, forecast, streaks, hours, FSRS memory, mastery, hardest facts, papers.
The period is the last 12 months unless --since / --until say otherwise.

{JSON_HELP}""")
@click.option("--learner", metavar="NAME", envvar="QUIZ_LEARNER", help="Whose statistics (default: $QUIZ_LEARNER, else your user name).")
@click.option("--class", "class_name", metavar="NAME", help="A class's statistics: one row per student, and the class's total.")
@click.option("--bank", metavar="NAME", help="Only this bank's cards and reviews.")
@click.option("--since", type=DAY, metavar="YYYY-MM-DD", help="First study day of the period.")
@click.option("--until", type=DAY, metavar="YYYY-MM-DD", help="Last study day of the period (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object described below.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the per-day series as CSV.")
@click.pass_obj
def stats(obj: AppContext, learner: str | None, class_name: str | None, bank: str | None,
          since: datetime | None, until: datetime | None, as_json: bool, as_csv: bool) -> None:
    if learner and class_name:
        raise UserError("--learner and --class cannot be given together")
    if as_json and as_csv:
        raise UserError("--json and --csv cannot be given together")
    desk = obj.desk(learner)
    if bank is not None and bank not in desk.bank_names():
        raise UserError(f"no bank named '{bank}'")
    # a class's report is the teacher's door; a period with no learner named is read in desk.learner's days
    statistics = obj.teacher(desk.learner).statistics if class_name else desk.statistics
    period = statistics.period(since.date() if since else None, until.date() if until else None, bank,
                               learner=None if class_name else desk.learner)
    report: LearnerReport | ClassReport
    if class_name:
        report = statistics.class_report(class_name, period)
    else:
        report = statistics.learner(desk.learner, period)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(report.to_csv(), nl=False)
    else:
        console = Console(highlight=False, soft_wrap=False)
        if class_name:
            print_class(console, cast("ClassReport", report))
        else:
            print_learner(console, cast("LearnerReport", report))


def print_class(console: Console, report: ClassReport) -> None:
    console.print(Text.assemble("Class ", (report.name, "bold"), f" · {_period(report.total.period)}"))
    console.print(class_table(report))
    if report.papers:
        console.print(paper_legend(report))
    show_learner(console, report.total)


def print_learner(console: Console, report: LearnerReport) -> None:
    console.print(Text.assemble((report.name, "bold"), f" · {_period(report.period)} · {report.timezone}"))
    show_learner(console, report)


def _period(period: Period) -> str:
    text = f"{period.since} to {period.until}"
    return f"{text}, bank {period.bank}" if period.bank else text


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _date(value: date | None) -> str:
    return value.isoformat() if value else "never"


def class_table(report: ClassReport) -> Table:
    """One row per student and a column per paper (P1, P2 … as `paper_legend` names them), laid out
    to fit 80 columns: every figure's column as wide as its widest cell, the names take the rest
    (Rich left to itself cuts the dates first)."""
    papers = [code for code, _ in report.papers]
    rows = [[s.name, str(s.reviews), _pct(s.retention), _pct(s.mastery), str(s.streak), _date(s.last_studied),
             *(f"{p.score:g}/{p.max}" if (p := s.score_on(code)) else "–" for code in papers)]
            for s in report.students]
    headings = ["Student", "Reviews", "True\nretention", "Mastery", "Streak", "Last\nstudied",
                *(f"P{n}" for n in range(1, len(papers) + 1))]
    table = Table(title="Students", title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, padding=(0, 0, 0, 1))
    for i, heading in enumerate(headings):
        if i == 0:
            table.add_column(heading, overflow="fold")  # a long name breaks, never loses its end
            continue
        widest = max((len(line) for line in heading.split("\n")), default=0)
        widest = max([widest, *(len(row[i]) for row in rows)])
        table.add_column(heading, justify="left" if i == 5 else "right", width=widest, no_wrap=True)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def paper_legend(report: ClassReport) -> Text:
    """What P1, P2 … of the class table are: each paper's title and code, oldest first."""
    legend = Text()
    for n, (code, title) in enumerate(report.papers, start=1):
        legend.append("Papers: " if n == 1 else " · ")
        legend.append(f"P{n} ", style="bold")
        legend.append(f"{title} ({code})")
    return legend


def _table(title: str, columns: Iterable[str], rows: Iterable[Iterable[object]]) -> Table:
    table = Table(title=title, title_justify="left")
    for i, name in enumerate(columns):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    return table


def show_learner(console: Console, r: LearnerReport) -> None:
    t = r.today
    console.print(f"Today ({t.day}): {counted(t.reviews, 'review')} in {t.time_s / 60:.1f} min, passed {_pct(t.reviews and t.passed / t.reviews or None)}"
                  f" · new {t.new}, learning {t.learning}, review {t.review}, relearning {t.relearning}")
    c = r.calendar
    console.print(f"Studied {len(c.days)} of {counted(r.period.days(), 'day')} · streak {c.current_streak} "
                  f"(longest {c.longest_streak}) · {counted(r.reviews, 'review')} in the period · last studied "
                  f"{_date(r.last_studied)}")
    console.print(_table("True retention", ("Period", "Young", "Mature", "Total", "Reviews"),
                         ((x.period, _pct(x.young.rate), _pct(x.mature.rate), _pct(x.total.rate), x.total.reviews)
                          for x in r.retention)))
    weeks = _weeks(r)
    console.print(_table("Reviews per week (last 8 weeks of the period)",
                         ("Week from", "Learning", "Young", "Mature", "Relearning", "Minutes", "Retention"), weeks))
    f = r.forecast
    console.print(f"Forecast: {sum(n for _, n in f.days[:1])} due today, {sum(n for _, n in f.days[:7])} this week, "
                  f"{sum(n for _, n in f.days)} in 30 days · daily load {f.daily_load:.1f}")
    busiest = sorted(range(24), key=lambda h: -r.hourly[h].reviews)[:3]
    if r.reviews:
        console.print("Busiest hours: " + ", ".join(f"{h:02d}:00 ({r.hourly[h].reviews}, {_pct(r.hourly[h].rate)})"
                                                     for h in busiest if r.hourly[h].reviews))
    console.print(_table(f"Mastery (R ≥ {r.desired_retention:g}) and estimated facts known",
                         ("Group", "Cards", "Answered", "Known", "Mastered", "Share"),
                         ((Text(g.name), g.cards, g.answered, f"{g.known:.1f}", g.mastered, _pct(g.share))
                          for g in (*r.fsrs.by_kind, *r.fsrs.by_bank))))
    console.print(_table("Retrievability now", ("Bin", "Cards"), ((b.label, b.cards) for b in r.fsrs.retrievability)))
    if r.hardest:
        console.print(_table(f"Hardest facts ({counted(r.leeches, 'leech card')})", ("Fact", "Bank", "Lapses", "R now"),
                             ((Text(h.statement), Text(h.bank), h.lapses, _pct(h.retrievability))
                              for h in r.hardest)))
    if r.papers:
        console.print(_table("Papers", ("Paper", "Title", "Score", "Submitted"),
                             ((Text(p.code), Text(p.title), f"{p.score:g}/{p.max}", p.submitted.date())
                              for p in r.papers)))


def _weeks(r: LearnerReport) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    days = r.days[-56:]
    for start in range(0, len(days), 7):
        week = days[start:start + 7]
        asked = sum(d.young + d.mature for d in week)
        retained = sum(d.retained for d in week)
        rows.append((week[0].day, sum(d.learning for d in week), sum(d.young for d in week),
                     sum(d.mature for d in week), sum(d.relearning for d in week),
                     f"{sum(d.time_s for d in week) / 60:.0f}", _pct(retained / asked if asked else None)))
    return rows
