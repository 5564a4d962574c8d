"""A served tab's process loads what showing a paper needs, not what grading it needs (memory per tab)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("rapidfuzz", "numpy", "lemminflect", "dateparser", "pysbd")


def test_the_take_app_loads_no_heavy_library_until_it_grades():
    probe = ("import sys, quiz.tab, quiz.doors.student, quiz.tui.take_app, quiz.tui.screens.take; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


# What a paper's tab never runs: generating questions (its paper is frozen), a study session and the
# schedule (the student's home loads them when the student studies), a practice paper's scheduling.
NOT_FOR_A_PAPER = ("question_bank.questions.generate", "question_bank.questions.distractors", "quiz.study.session",
                   "quiz.study.student_home", "quiz.classroom.practice", "quiz.scheduling", "fsrs")


def test_a_paper_s_tab_loads_no_generation_study_or_scheduling():
    probe = ("import sys, quiz.tab, quiz.doors.student, quiz.tui.take_app, quiz.tui.screens.take; "
             "from question_bank.answers import check_answer; check_answer('place', 'Belgrade', 'Belgrad'); "
             f"print(' '.join(m for m in {NOT_FOR_A_PAPER!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_edit_distance_still_answers_as_rapidfuzz_does():
    from question_bank.facts import edits

    assert edits.distance("Belgrade", "Belgrad") == 1
    assert edits.distance("Novi Sad", "Zagreb", score_cutoff=2) == 3
    assert edits.within("belgrad", ["zagreb", "belgrade", "beograd"], 2) == [1, 2]


def test_grading_a_typed_answer_loads_no_compiled_edit_distance():
    probe = ("import sys; from question_bank.answers import check_answer; "
             "check_answer('place', 'Belgrade', 'Belgrad'); check_answer('unit', '64th Rifle Corps', '64th Rifle Crops'); "
             "print('rapidfuzz' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "False"


def test_a_student_s_app_on_sqlite_runs_asyncio_without_ssl():
    probe = ("import sys; from quiz.tab import without_tls; without_tls({db!r}); "
             "import asyncio, textual.app; asyncio.run(asyncio.sleep(0)); print(sys.modules.get('ssl') is not None)")
    for db, loaded in (("/tmp/x/quiz.db", "False"), ("postgresql://quiz@localhost/quiz", "True")):
        shown = subprocess.run([sys.executable, "-c", probe.format(db=db)], capture_output=True, text=True, check=True)
        assert shown.stdout.strip() == loaded
