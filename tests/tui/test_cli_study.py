"""`quiz study` (and bare `quiz`): checks its options, then hands the app the database and learner."""

from __future__ import annotations

from click.testing import CliRunner

from quiz.cli import main
from quiz.tui.app import QuizApp
from tests.support.screens import BANK


def run_recorded(monkeypatch, args):
    opened = []

    def fake_run(app):
        opened.append((app.desk.db_path, app.desk.learner, app.start_bank))

    monkeypatch.setattr(QuizApp, "run", fake_run)
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result, opened


def test_study_opens_the_app_on_a_bank(monkeypatch, db_path):
    result, opened = run_recorded(monkeypatch, ["--db", str(db_path), "study", "--bank", BANK, "--learner", "zoe"])
    assert result.exit_code == 0, result.output
    assert opened == [(db_path, "zoe", BANK)]


def test_bare_quiz_opens_the_app(monkeypatch, db_path):
    monkeypatch.setenv("QUIZ_DB", str(db_path))
    monkeypatch.setenv("QUIZ_LEARNER", "ann")
    result, opened = run_recorded(monkeypatch, [])
    assert result.exit_code == 0, result.output
    assert opened == [(db_path, "ann", None)]


def test_unknown_bank_is_a_usage_error(monkeypatch, db_path):
    result, opened = run_recorded(monkeypatch, ["--db", str(db_path), "study", "--bank", "nope"])
    assert result.exit_code == 2 and "no bank 'nope'" in result.output and opened == []


def test_quiz_with_only_a_database_option_opens_the_app(monkeypatch, db_path):
    monkeypatch.setenv("QUIZ_LEARNER", "ann")
    result, opened = run_recorded(monkeypatch, ["--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert opened == [(db_path, "ann", None)]
