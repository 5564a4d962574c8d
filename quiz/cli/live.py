"""`quiz live …`: a whole-class game (issue #22). `quiz live --class 7b` starts one and opens the
teacher's screen; `quiz live join CODE` is a student's terminal; `quiz live report CODE` prints a
game's report; `quiz live host CODE` opens the teacher's screen on a game already made."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click
from click_default_group import DefaultGroup

from quiz import tab
from quiz.cli.context import AppContext
from quiz.cli.errors import UserError
from quiz.cli.format import counted
from quiz.console import flag
from quiz.errors import QuizError, StoreError
from quiz.live.model import DEFAULT_QUESTIONS, DEFAULT_SECONDS, SOURCES, GameReport, GameSettings, HostView, State

if TYPE_CHECKING:
    from quiz.doors.teacher import TeacherDoor

LIVE_FLAGS = {"source": "--from", "code": "CODE"}  # a game's fields whose spelling is not `flag`'s


def live_flag(field: str) -> str:
    return LIVE_FLAGS.get(field) or flag(field)


@contextmanager
def spelled_as_flags() -> Iterator[None]:
    """A game's refusal as one line with its fields spelled as this command's options (`--from`)."""
    try:
        yield
    except StoreError:
        raise  # the group's own line, exit 1
    except QuizError as error:
        raise UserError(error.render(live_flag), error.exit_code) from None


def _teacher(obj: AppContext, teacher: str | None) -> TeacherDoor:
    if teacher:
        obj.teacher_name = teacher
    return obj.teacher()


def _host(door: TeacherDoor, view: HostView) -> None:
    """The teacher's screen on the game; leaving it before the end says how to come back."""
    from quiz.tui.live_host_app import LiveHostApp

    app = LiveHostApp(door, view)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
    if door.live.view(view.code).state is not State.ENDED:
        click.echo(f"Game {view.code} is still open: `quiz live host {view.code}` goes back to it "
                   f"(students keep their place).", err=True)


TEACHER = click.option("--teacher", metavar="NAME", help="Whose class and game (default: `quiz --teacher`, $QUIZ_TEACHER).")


@click.group("live", cls=DefaultGroup, default="start", default_if_no_args=True)
def live_group() -> None:
    """A live game for the whole class: `quiz live --class 7b` starts one (see `quiz live start
    --help`); students join with `quiz live join CODE` or `g` on the class server's home."""


@live_group.command("start")
@click.option("--class", "class_name", required=True, metavar="CLASS", help="The class that plays.")
@click.option("--bank", metavar="NAME", help="The bank the questions come from (default: the class's homework's, "
              "else the only bank).")
@click.option("--questions", type=int, default=DEFAULT_QUESTIONS, show_default=True, metavar="N",
              help="How many questions.")
@click.option("--from", "source", type=click.Choice(SOURCES), metavar="weak|due|paper",
              help="weak: the facts the class recalls least now (FSRS); due: what most students have due; "
                   "paper: a paper's questions (--paper). Default: weak, or paper with --paper.")
@click.option("--paper", metavar="CODE", help="The paper whose questions are asked (with --from paper).")
@click.option("--seconds", type=int, default=DEFAULT_SECONDS, show_default=True, metavar="S",
              help="Each question's countdown.")
@click.option("--points/--no-points", default=True, show_default=True,
              help="Points for right answers with a bonus for speed, or right answers only.")
@click.option("--seed", type=int, metavar="N", help="The same questions in the same order again.")
@TEACHER
@click.pass_obj
def start(obj: AppContext, class_name: str, bank: str | None, questions: int, source: str | None, paper: str | None,
          seconds: int, points: bool, seed: int | None, teacher: str | None) -> None:
    """Start a game and open the teacher's screen: the join code, then each question with its
    countdown (Enter opens the next, r reveals now, e ends), the answers after each, the leaderboard.

    \b
    quiz live --class 7b                        # 10 questions from the class's weakest facts
    quiz live --class 7b --from due --seconds 30 --no-points
    quiz live --class 7b --paper CODE           # a paper's questions, in order
    Every answer counts as a review of that student's card (right: Good, near miss: Hard, wrong: Again).
    """
    door = _teacher(obj, teacher)
    settings = GameSettings(class_name, bank, questions, source or ("paper" if paper else "weak"), paper, seconds,
                            points)
    with spelled_as_flags():
        view = door.live.create(settings, seed=seed)
    _host(door, view)


@live_group.command("host")
@click.argument("code")
@TEACHER
@click.pass_obj
def host(obj: AppContext, code: str, teacher: str | None) -> None:
    """Open the teacher's screen on game CODE again (after the terminal closed): it goes on from
    where the game is."""
    door = _teacher(obj, teacher)
    with spelled_as_flags():
        view = door.live.view(code)
    _host(door, view)


@live_group.command("join")
@click.argument("code")
@click.pass_obj
def join(obj: AppContext, code: str) -> None:
    """Join game CODE in this terminal: your name and personal code, then the questions as your
    teacher opens them (1-4 answers, or type and Enter). Joining again comes back with your score."""
    with spelled_as_flags():
        done = tab.live_join(obj.db_path, code, create_folder=obj.create_folder)
    if done:
        raise SystemExit(done)


@live_group.command("report")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help='Print {"code", "class", "bank", "source", "started", "ended", '
              '"reviews", "points" (false: a game without points, ranked by right answers), "leaderboard": [{"rank", "name", '
              '"points", "right", "answered"}], "questions": [{"number", '
              '"prompt", "answer", "right", "answered", "players", "counts": {answer: n}, "fact_id", "kind"}]}.')
@TEACHER
@click.pass_obj
def report(obj: AppContext, code: str, as_json: bool, teacher: str | None) -> None:
    """A game's report, finished or running: per question the prompt, the key, how many were right
    of those who answered and of the players, and what they answered; then the leaderboard."""
    door = _teacher(obj, teacher)
    with spelled_as_flags():
        found = door.live.report(code)
    if as_json:
        click.echo(json.dumps(report_json(found), ensure_ascii=False, indent=2))
        return
    for line in report_lines(found):
        click.echo(line)


def report_json(found: GameReport) -> dict[str, Any]:
    return {
        "code": found.code, "class": found.class_name, "bank": found.bank, "source": found.source,
        "started": found.started.isoformat(), "ended": found.ended.isoformat() if found.ended else None,
        "reviews": found.reviews, "points": found.points,
        "leaderboard": [{"rank": s.rank, "name": s.name, "points": s.points, "right": s.right, "answered": s.answered}
                        for s in found.leaderboard],
        "questions": [{"number": row.index + 1, "prompt": row.prompt, "answer": row.answer, "right": row.right,
                       "answered": row.answered, "players": row.players, "counts": row.counts,
                       "fact_id": row.fact_id, "kind": row.kind} for row in found.questions],
    }


def report_lines(found: GameReport, shown: Callable[[str], str] | None = None) -> Iterator[str]:
    """The report as a teacher reads it in a terminal (names and bank text printed as they are)."""
    from quiz.console import printable

    shown = shown or printable
    ended = f"ended {found.ended:%Y-%m-%d %H:%M} UTC" if found.ended else "still running"
    yield (f"Live game {found.code} · class {shown(found.class_name)} · {shown(found.bank)} · from {found.source} · "
           f"started {found.started:%Y-%m-%d %H:%M} UTC, {ended}")
    yield f"{counted(found.reviews, 'answer')} counted as reviews"
    yield ""
    yield "Questions"
    if not found.questions:
        yield "  none asked yet"
    for row in found.questions:
        yield f"{row.index + 1:>3}. {shown(row.prompt)}"
        yield (f"     answer: {shown(row.answer)} · {row.right} right of {row.answered} answered · "
               f"{counted(row.players, 'player')}")
        for given, count in row.counts.items():  # the options in their order, then typed answers
            mark = "✓" if given.casefold() == row.answer.casefold() else " "
            yield f"       {mark} {count:>3}  {shown(given)}"
    yield ""
    yield "Leaderboard" if found.points else "Right answers (a game without points)"
    width = max((len(s.name) for s in found.leaderboard), default=4)
    for s in found.leaderboard:
        score = f"{s.points:>6} points  " if found.points else ""
        yield f"{s.rank:>3}  {shown(s.name):<{width}}  {score}{s.right} right of {s.answered} answered"
    if not found.leaderboard:
        yield "  nobody played"
