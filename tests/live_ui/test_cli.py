"""`quiz live`, `quiz live join` and `quiz live report` from the command line: bad input is one
line and exit 2 (no traceback), and a game's report as text and as JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from quiz.cli import main
from tests.live_ui.conftest import Room


def run(room: Room, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--db", str(room.db_path), "--teacher", "teacher", *args], input=stdin)


def one_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("quiz: ")
    return lines[0]


@pytest.mark.parametrize(("args", "says"), [
    (("live", "--class", "9z"), "9z"),
    (("live", "--class", "7B", "--seconds", "1"), "--seconds"),
    (("live", "--class", "7B", "--seconds", "9999"), "--seconds"),
    (("live", "--class", "7B", "--questions", "0"), "--questions"),
    (("live", "--class", "7B", "--bank", "no-such-bank"), "no-such-bank"),
    (("live", "--class", "7B", "--from", "paper"), "--paper"),
    (("live", "--class", "7B", "--from", "sometimes"), "--from"),
    (("live", "--class", "7B", "--seconds", "soon"), "--seconds"),
    (("live", "--class", "7B", "--paper", "NOPAPR"), "NOPAPR"),
    (("live",), "--class"),
    (("live", "join", "NOGAME"), "NOGAME"),
    (("live", "report", "NOGAME"), "NOGAME"),
    (("live", "host", "NOGAME"), "NOGAME"),
    (("live", "join"), "CODE"),
])
def test_bad_input_is_one_line_and_exit_2(room: Room, args: tuple[str, ...], says: str) -> None:
    line = one_line(run(room, *args))
    assert says in line, line


def test_a_class_without_students_cannot_play(room: Room) -> None:
    door = room.teacher()
    door.classroom.new_class("8A")
    door.close()
    assert "student" in one_line(run(room, "live", "--class", "8A"))


def test_the_report_as_text_and_json(room: Room) -> None:
    view = room.game(questions=2)
    code = view.code
    ana, _ = room.join("Ana", code)
    names, _ = room.join("[b]x", code)
    door = room.teacher()
    door.live.open_next(code)
    key = door.live.report(code).questions[0].answer
    ana.live_answer(code, 0, key)
    names.live_answer(code, 0, "1" if door.live.view(code).question.options[0] != key else "2")  # type: ignore[union-attr]
    door.live.reveal(code)
    door.live.end(code)
    door.close()
    text = run(room, "live", "report", code)
    assert text.exit_code == 0, text.output
    out = text.output
    assert f"Live game {code}" in out and "class 7B" in out and "belgrade-offensive" in out
    assert f"answer: {key} · 1 right of 2 answered · 2 players" in out
    assert f"✓   1  {key}" in out
    assert "Leaderboard" in out and "[b]x" in out
    found = json.loads(run(room, "live", "report", code, "--json").output)
    assert found["code"] == code and found["class"] == "7B" and found["reviews"] == 2
    first = found["questions"][0]
    assert first["number"] == 1 and first["answer"] == key and first["right"] == 1 and first["answered"] == 2
    assert sum(first["counts"].values()) == 2 and first["counts"][key] == 1
    assert [s["name"] for s in found["leaderboard"]] == ["Ana", "[b]x"]
    assert set(found["leaderboard"][0]) == {"rank", "name", "points", "right", "answered"}
    for ana_or_x in (ana, names):
        ana_or_x.close()


def one_right_answer(room: Room, points: bool = True) -> str:
    """A one-question game where Ana alone answers, rightly, and the game ends; its code."""
    code = room.game(questions=1, points=points).code
    ana, _ = room.join("Ana", code)
    door = room.teacher()
    door.live.open_next(code)
    ana.live_answer(code, 0, door.live.report(code).questions[0].answer)
    door.live.end(code)
    door.close()
    ana.close()
    return code


def test_the_report_of_a_game_without_points_counts_right_answers(room: Room) -> None:
    code = one_right_answer(room, points=False)
    out = run(room, "live", "report", code).output
    assert "Right answers (a game without points)" in out and "Leaderboard" not in out
    assert "points" not in out.split("Right answers (a game without points)", 1)[1]
    assert "  1 right of 1 answered" in out
    found = json.loads(run(room, "live", "report", code, "--json").output)
    assert found["points"] is False and found["leaderboard"][0]["points"] == 1


def test_a_report_of_one_player_says_player_and_answer_in_the_singular(room: Room) -> None:
    out = run(room, "live", "report", one_right_answer(room)).output
    assert "1 answer counted as reviews" in out
    assert "1 right of 1 answered · 1 player\n" in out
