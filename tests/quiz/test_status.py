"""Read-only views and the `quiz status` / `quiz learner` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.store import open_db, set_suspended
from quiz.study.items import CardFilter
from quiz.study.overview import bank_overview, card_history, learner_stats, list_cards, status_report
from tests.support.fakes import answer_right

pytestmark = pytest.mark.engines  # the tests given a db_path run on both engines


def studied(fake_session, clock, days=3):
    """Ann studies the sample bank for a few days, one wrong answer each day."""
    for _ in range(days):
        session = fake_session()
        session.answer("wrong-1")
        while True:
            clock.advance(minutes=2)
            if session.advance() is None:
                break
            answer_right(session)
        session.close()
        clock.advance(days=1)
    clock.advance(days=-1)


def test_bank_overview_and_stats(fake_session, clock, db_path):
    studied(fake_session, clock)
    db = open_db(db_path)
    (sample,) = [b for b in bank_overview(db, "ann", clock.now) if b.name == "sample"]
    assert sample.new + sample.learning + sample.review + sample.suspended == sample.cards == 17
    assert sample.review > 0 and sample.reviewed_today > 0
    today, streak, total = learner_stats(db, "ann", clock.now)
    assert streak == 3 and total == sample.reviews_total and 0 < today < total
    assert learner_stats(db, "ann", clock.now + timedelta(days=1)) == (0, 3, total)  # streak kept until a day is missed
    assert learner_stats(db, "ann", clock.now + timedelta(days=2))[1] == 0
    assert learner_stats(db, "nobody", clock.now) == (0, 0, 0)


def test_list_cards_filters_and_history(fake_session, clock, db_path):
    studied(fake_session, clock, days=1)
    db = open_db(db_path)
    rows = list_cards(db, "ann", now=clock.now)
    assert len(rows) == 17
    assert {r.statement for r in rows if r.fact_id == "negotin-taken"} == {
        "On 22 September 1944, the 75th Rifle Corps took Negotin."
    }
    assert {r.fact_id for r in list_cards(db, "ann", CardFilter(search="Negotin"), now=clock.now)} == {"negotin-taken"}
    assert {r.kind for r in list_cards(db, "ann", CardFilter(kind="place"), now=clock.now)} == {"place"}
    answered = list_cards(db, "ann", CardFilter(state="learning"), now=clock.now) + list_cards(db, "ann", CardFilter(state="review"), now=clock.now)
    assert answered and all(r.retrievability is not None and 0 < r.retrievability <= 1 for r in answered)
    assert all(r.retrievability is None for r in list_cards(db, "ann", CardFilter(state="new"), now=clock.now))
    set_suspended(db, rows[0].card_id, True)
    assert [r.card_id for r in list_cards(db, "ann", CardFilter(suspended=True), now=clock.now)] == [rows[0].card_id]
    assert list_cards(db, "ann", CardFilter(leech=True), now=clock.now) == []
    assert all(r.due <= clock.now + timedelta(days=30) for r in list_cards(db, "ann", CardFilter(due_only=True), now=clock.now + timedelta(days=30)))
    (one,) = list_cards(db, "ann", card_id=answered[0].card_id, now=clock.now)
    assert one.card_id == answered[0].card_id and one.statement == answered[0].statement
    history = card_history(db, answered[0].card_id)
    assert history and history[0].state_before == "new" and history[-1].interval > timedelta(0)
    assert list_cards(db, "nobody") == []


def test_status_json_contract(fake_session, clock, db_path):
    studied(fake_session, clock, days=2)
    db = open_db(db_path)
    report = status_report(db, "ann", clock.now)
    for key in ("learner", "reviews_total", "reviews_today", "due_now", "new_available", "banks"):
        assert key in report
    assert report["reviews_total"] == db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    (bank,) = [b for b in report["banks"] if b["name"] == "sample"]
    assert {"new", "learning", "review", "suspended", "due_now", "reviewed_today", "reviews_total"} <= set(bank)


def test_cli_status_and_learners(tmp_path, monkeypatch):
    db_path = tmp_path / "cli.db"
    runner = CliRunner()
    run = lambda *args: runner.invoke(main, ["--db", str(db_path), *args])  # noqa: E731
    result = run("status", "--learner", "ann", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["learner"] == "ann" and report["reviews_total"] == 0
    nobody = run("status", "--learner", "ann")
    assert nobody.exit_code == 2 and nobody.output == "quiz: no learner 'ann' (see `quiz learner list`)\n"
    assert run("learner", "add", "Bo").exit_code == 0
    assert run("status", "--learner", "Bo").exit_code == 0
    dup = run("learner", "add", "Bo")
    assert dup.exit_code == 2 and "already exists" in dup.output
    assert run("learner", "add", "   ").exit_code == 2
    listed = json.loads(run("learner", "list", "--json").output)
    assert [p["name"] for p in listed] == ["Bo"]
    assert run("learner", "remove", "Bo", "--yes").exit_code == 0
    gone = run("learner", "remove", "Bo", "--yes")
    assert gone.exit_code == 2 and "no learner" in gone.output
    assert run("learner", "list").exit_code == 0


def test_removing_a_learner_removes_their_progress(fake_session, clock, db_path):
    studied(fake_session, clock, days=1)
    fake_session(learner="bo").close()
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db_path), "learner", "remove", "ann", "--yes"]).exit_code == 0
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert db.execute("SELECT count(DISTINCT learner_id) FROM cards").fetchone()[0] == 1


def test_core_never_imports_textual():
    code = (
        "import sys, quiz.store, quiz.scheduling.fsrs, quiz.study.session, quiz.study.overview, quiz.library.learners, quiz.settings, "
        "quiz.cli.progress; assert not [m for m in sys.modules if m.split('.')[0] == 'textual'], 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
