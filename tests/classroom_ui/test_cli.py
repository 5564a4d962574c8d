"""`quiz paper take` and `quiz serve`: their options, one line for bad input, and what each tab runs."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.cli.serve import take_command, teacher_command
from quiz.tui.take_app import TakeApp


def test_take_opens_the_students_app_on_the_paper(monkeypatch, room):
    code = room.paper()
    opened = []
    monkeypatch.setattr(TakeApp, "run", lambda app: opened.append((app.door.db_path, app.paper_code, app.student)))
    result = CliRunner().invoke(main, ["--db", str(room.db_path), "paper", "take", code, "--student", "Ana"])
    assert result.exit_code == 0, result.output
    assert opened == [(room.db_path, code, "Ana")]


def test_take_and_serve_refuse_an_unknown_paper_in_one_line(monkeypatch, room):
    monkeypatch.setattr(TakeApp, "run", lambda app: None)
    for args in (["paper", "take", "NOPE42"], ["serve", "--paper", "NOPE42"]):
        result = CliRunner().invoke(main, ["--db", str(room.db_path), *args])
        assert result.exit_code == 2, result.output
        assert result.output.count("\n") == 1 and "NOPE42" in result.output and "Traceback" not in result.output


def test_serve_wants_a_web_address_for_the_public_url(room):
    result = CliRunner().invoke(main, ["--db", str(room.db_path), "serve", "--public-url", "teacher-pc:8000"])
    assert result.exit_code == 2 and "--public-url" in result.output


def test_each_tab_runs_a_student_app_only_with_the_path_quoted(tmp_path: Path):
    db = tmp_path / "a class; rm -rf 'x'.db"
    argv = shlex.split(take_command(db, "K7Q2"))
    assert argv == ["exec", sys.executable, "-m", "quiz.tab", "--db", str(db), "paper", "take", "K7Q2"]
    assert shlex.split(take_command(db, None))[-2:] == [str(db), "student"]  # the student's home


def test_serving_to_the_network_tells_browsers_a_name_they_can_reach(monkeypatch, room):
    import socket

    import quiz.cli.serve as serve_module

    made = []

    class Server:
        def serve(self) -> None:
            pass

    def fake_make_server(command: str, host: str, port: int, public_url: str | None, title: str,
                         db_path: Path | str, max_tabs: int, trusted_proxies: frozenset[str] = frozenset(),
                         teachers: str | None = None) -> Server:
        made.append((host, port, public_url))
        return Server()

    monkeypatch.setattr(serve_module, "make_server", fake_make_server)
    db = ["--db", str(room.db_path)]
    result = CliRunner().invoke(main, [*db, "serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, [*db, "serve", "--host", "0.0.0.0", "--public-url", "http://teacher-pc:8000"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, [*db, "serve"])
    assert made == [("0.0.0.0", 8123, f"http://{socket.gethostname()}:8123"),
                    ("0.0.0.0", 8000, "http://teacher-pc:8000"), ("127.0.0.1", 8000, None)]


def test_a_database_url_is_not_on_a_tabs_command_line() -> None:
    """`ps` on the server shows every tab's command line: a password in the URL must not be there."""
    url = "postgresql://quiz:hunter2@db.school.example/quiz"
    for line in (take_command(url, "K7Q2"), teacher_command(url)):
        assert "hunter2" not in line and "--db" not in shlex.split(line)
    assert shlex.split(teacher_command(url))[-1] == "teacher-tab"
