"""Issue #9, engine side: bank names, a teacher's bank against a built-in one shipped later,
re-imports that retire facts, browse search, the last learner, "nothing to study" and "study more",
learner names and unreadable stored settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.doors.learner import LearnerDoor
from quiz.errors import BankProblems, LearnerError
from quiz.library.banks import get_bank, import_bank, list_banks, sync_builtin_banks
from quiz.store import open_db
from quiz.study.items import CardFilter
from tests.support.banks import SAMPLE
from tests.support.fakes import answer_right

BUILTIN = "belgrade-offensive"
CSV_HEAD = "id,date,precision,subject,verb,verb_base,rest,note,source,tags\n"
ROWS = {
    "nis-freed": "nis-freed,1944-10-14,day,the [2nd Bulgarian Army],freed,free,[Niš],Niš note.,Notes,\n",
    "zajecar-taken": "zajecar-taken,1944-10-07,,the [64th Rifle Corps],took,take,[Zaječar],A note.,Notes,\n",
    "belgrade-freed": "belgrade-freed,1944-10-20,day,[Belgrade],was,was,freed by troops,A note.,Notes,\n",
}


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(CSV_HEAD + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("QUIZ_DB", raising=False)
    monkeypatch.delenv("QUIZ_LEARNER", raising=False)


def run(db_path, *args):
    return CliRunner().invoke(main, ["--db", str(db_path), *map(str, args)])


# --- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "reason"),
    [(f"{BUILTIN}\n", "is not a slug"), ("", "bank name is empty"), ("a" * 65, "longer than 64")],
)
def test_bank_names_are_checked_in_full(db_path, tmp_path, name, reason):
    source = write_csv(tmp_path / "class.csv", list(ROWS.values()))
    result = run(db_path, "bank", "import", source, "--name", name)
    assert result.exit_code == 2 and reason in result.stderr and "\n" not in result.stderr.rstrip("\n")
    db = open_db(db_path)
    assert db.conn.execute("SELECT count(*) FROM banks WHERE origin = 'imported'").fetchone()[0] == 0


def test_a_teachers_bank_is_never_overwritten_by_a_builtin_of_that_name(db_path):
    from quiz.store.banks import save_bank

    db = open_db(db_path)
    text = SAMPLE.read_text(encoding="utf-8").replace('name = "sample"', f'name = "{BUILTIN}"')
    save_bank(db, BUILTIN, "My class bank", "imported", "toml", text, [("zajecar-taken", "Mine.", "1944-10-07")])
    sync_builtin_banks(db)  # a later quiz ships a built-in bank with that name
    row = db.conn.execute("SELECT origin, title, source_text FROM banks WHERE name = ?", [BUILTIN]).fetchone()
    assert row == ("imported", "My class bank", text)
    assert get_bank(db, BUILTIN).title == "A sample bank for tests"  # the teacher's, parsed from its text
    assert [(b.origin, b.title) for b in list_banks(db) if b.name == BUILTIN] == [("imported", "My class bank")]
    desk = LearnerDoor(db_path, "ann")
    assert [str(line) for line in desk.bank_conflicts()] == [  # in domain terms: the CLI spells the flag
        f"The built-in bank '{BUILTIN}' is not available: your imported bank '{BUILTIN}' has that name "
        "(re-import yours with name to use both)"
    ]
    listed = run(db_path, "bank", "list")
    assert listed.exit_code == 0 and "is not available" in listed.stderr
    assert "(re-import yours with --name to use both)" in listed.stderr


# --- re-import -----------------------------------------------------------------------------

def test_reimport_retires_a_removed_fact_and_says_what_changed(db_path, tmp_path):
    first = write_csv(tmp_path / "v1.csv", [ROWS["nis-freed"], ROWS["zajecar-taken"], ROWS["belgrade-freed"]])
    result = run(db_path, "bank", "import", first, "--name", "my-class")
    assert result.stdout == "imported 'my-class': 3 facts: 3 new\n"
    desk = LearnerDoor(db_path, "ann", seed=1)
    with desk.session("my-class") as session:
        answer_right(session) if session.current.question.mode != "flip" else session.rate(3)
    changed = ROWS["zajecar-taken"].replace("1944-10-07", "1944-10-08")
    added = "leskovac-freed,1944-10-10,day,[Belgrade],was,was,freed at last,A note.,Notes,\n"
    second = write_csv(tmp_path / "v2.csv", [changed, ROWS["belgrade-freed"], added])
    result = run(db_path, "bank", "import", second, "--name", "my-class")
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported 'my-class': 3 facts: 1 new, 1 changed, 1 retired\n"
    db = open_db(db_path)
    kept = db.conn.execute("SELECT count(*) FROM cards WHERE fact_id = 'nis-freed'").fetchone()[0]
    assert kept > 0  # history kept ...
    assert all(row.fact_id != "nis-freed" for row in desk.cards(CardFilter(bank="my-class")))  # ... gone from browse
    counts = {b.name: b for b in desk.banks()}["my-class"]
    assert counts.cards == len(desk.cards(CardFilter(bank="my-class")))
    with desk.session("my-class") as session:
        assert all(slot.card.fact_id != "nis-freed" for slot in (*session.queue.new, *session.queue.reviews))


# --- browse --------------------------------------------------------------------------------

def test_browse_ignores_accents_and_case_takes_wildcards_literally_and_needs_no_study(db_path, tmp_path):
    db = open_db(db_path)
    import_bank(db, write_csv(tmp_path / "c.csv", list(ROWS.values())), "my-class")
    db.close()
    desk = LearnerDoor(db_path, "ann")
    found = desk.cards(CardFilter(bank="my-class", search="Nis"))  # never studied: cards made on browse
    assert found and {row.fact_id for row in found} == {"nis-freed"}
    assert {r.fact_id for r in desk.cards(CardFilter(bank="my-class", search="ZAJECAR"))} == {"zajecar-taken"}
    assert {r.fact_id for r in desk.cards(CardFilter(bank="my-class", search="niš"))} == {"nis-freed"}
    assert desk.cards(CardFilter(bank="my-class", search="%")) == []
    assert desk.cards(CardFilter(bank="my-class", search="_")) == []
    assert {r.fact_id for r in desk.cards(CardFilter(bank="my-class", search="nis_freed"))} == set()
    assert {r.fact_id for r in desk.cards(CardFilter(bank="my-class", search="nis-freed"))} == {"nis-freed"}


# --- learners ------------------------------------------------------------------------------

def test_the_last_learner_is_remembered_and_is_the_cli_default(db_path, monkeypatch):
    assert LearnerDoor(db_path).last_learner() is None
    LearnerDoor(db_path, "zora").session(BUILTIN).close()
    assert LearnerDoor(db_path).last_learner() == "zora"
    assert LearnerDoor(db_path).learner == "zora"
    report = json.loads(run(db_path, "status", "--json").output)
    assert report["learner"] == "zora" and report["known_learner"]
    monkeypatch.setenv("QUIZ_LEARNER", "mila")
    assert json.loads(run(db_path, "status", "--json").output)["learner"] == "mila"
    monkeypatch.delenv("QUIZ_LEARNER")
    LearnerDoor(db_path).remove_learner("zora")
    assert LearnerDoor(db_path).last_learner() is None  # a removed learner is nobody's default


@pytest.mark.parametrize("name", ["ann\x1b[31m", "a\tb", "a\nb", "x\x85y", "x\x9by", "a" * 65])
def test_learner_names_refuse_control_characters_and_length(db_path, name):
    with pytest.raises(LearnerError):
        LearnerDoor(db_path).add_learner(name)


def test_status_for_an_unknown_learner_says_so(db_path):
    result = run(db_path, "status", "--learner", "nobody")
    assert result.exit_code == 2
    assert result.stderr == "quiz: no learner 'nobody' (see `quiz learner list`)\n"


def test_a_setting_this_machine_cannot_read_gives_a_message_and_keeps_the_rest(db_path):
    desk = LearnerDoor(db_path, "ann")
    desk.save_settings(new_per_day=7, reviews_per_day=50)
    db = open_db(db_path)
    db.execute("UPDATE settings SET value = '\"Mars/Olympus\"' WHERE key = 'new_per_day'")
    db.execute("INSERT INTO settings (learner_id, key, value) VALUES (?, 'timezone', '\"Mars/Olympus\"')",
               [desk.learner_id])
    db.close()
    problems = desk.settings_problems()
    assert any(p.startswith("Time zone: unknown zone 'Mars/Olympus'") for p in problems)
    assert any(p.startswith("New cards a day: a whole number") for p in problems)
    assert desk.settings().reviews_per_day == 50  # the readable one still applies
    desk.save_settings(rollover_hour=5)  # saving another setting does not reset the rest
    assert desk.settings().reviews_per_day == 50


# --- nothing to study ----------------------------------------------------------------------

def fresh_bank_desk(db_path, tmp_path, **settings) -> LearnerDoor:
    db = open_db(db_path)
    import_bank(db, write_csv(tmp_path / "c.csv", list(ROWS.values())), "my-class")
    db.close()
    desk = LearnerDoor(db_path, "ann", seed=3)
    desk.save_settings(timezone="UTC", mode_new="mc", **settings)
    return desk


def study_everything(session) -> None:
    while session.current is not None:
        answer_right(session)
        session.advance()


def test_nothing_to_study_says_the_daily_new_limit_is_reached_and_study_more_lifts_it(db_path, tmp_path):
    desk = fresh_bank_desk(db_path, tmp_path, new_per_day=2, bury_new_siblings=False)
    assert desk.nothing_to_study("my-class") is None
    with desk.session("my-class") as session:
        study_everything(session)
    waiting = next(b.new for b in desk.banks() if b.name == "my-class")
    assert desk.nothing_to_study("my-class").startswith(f"Today's 2 new cards are done; {waiting} wait.")
    status = run(db_path, "status", "--learner", "ann")
    assert "Today's 2 new cards are done" in status.stdout
    desk.study_more("my-class", 3)
    assert desk.nothing_to_study("my-class") is None
    with desk.session("my-class") as session:
        assert session.counts().new == 3
    assert LearnerDoor(db_path, "bo").nothing_to_study("my-class") is None  # another learner's limit is their own


def test_buried_siblings_are_explained(db_path, tmp_path):
    desk = fresh_bank_desk(db_path, tmp_path, new_per_day=50)
    with desk.session("my-class") as session:
        study_everything(session)
    note = desk.buried_note("my-class")
    assert note is not None and note.startswith("One card per fact a day: ")
    reason = desk.nothing_to_study("my-class")
    assert reason is not None and "One card per fact a day" in reason


def test_study_more_is_for_today_only(db_path, tmp_path):
    from tests.support.clock import Clock

    clock = Clock()
    desk = fresh_bank_desk(db_path, tmp_path, new_per_day=1, bury_new_siblings=False)
    desk = LearnerDoor(db_path, "ann", clock=clock, seed=3)
    desk.study_more(None, 4)
    with desk.session("my-class") as session:
        assert session.counts().new == 5
    clock.advance(days=1)
    with desk.session("my-class") as session:
        assert session.counts().new == 1


def test_bad_bank_file_still_one_error(db_path, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_HEAD + "x,notadate,,a,b,c,d,e,f,\n", encoding="utf-8")
    with pytest.raises(BankProblems):
        LearnerDoor(db_path, "ann").import_bank(bad, "bad")
