"""The student's door, signed in to a class: the same sign-in rules as a paper's, then only that
student's homework, open papers, progress and a homework session in checked modes (both engines)."""

from __future__ import annotations

import pytest

from quiz.classroom.limits import SignInLocked
from quiz.classroom.members import NOT_RECOGNISED
from quiz.errors import ClassroomError, SessionError
from quiz.model import Kind, Mode
from tests.student_home.conftest import BANK, CARDS, Home, set_modes

pytestmark = pytest.mark.engines


def test_sign_in_folds_class_and_name_and_says_one_thing_for_a_wrong_code_or_an_unknown_name(home: Home) -> None:
    door = home.door("10.0.0.7")
    who = door.sign_in_class("7b", "mila petrovic", home.codes["Mila Petrović"])
    assert (who.name, who.class_name) == ("Mila Petrović", "7B")
    for name, code in (("Mila Petrović", "WRONG1"), ("Nobody Here", home.codes["Boris"])):
        with pytest.raises(ClassroomError) as refused:
            door.sign_in_class("7B", name, code)
        assert str(refused.value) == NOT_RECOGNISED
    with pytest.raises(ClassroomError, match="no class 'Z9'"):
        door.sign_in_class("Z9", "Boris", home.codes["Boris"])
    door.close()


def test_five_wrong_codes_lock_the_student_as_on_a_paper(home: Home) -> None:
    door = home.door()
    for _ in range(4):
        with pytest.raises(ClassroomError):
            door.sign_in_class("7B", "boris", "WRONG1")
    with pytest.raises(SignInLocked, match="too many wrong codes for boris"):
        door.sign_in_class("7B", "boris", "WRONG1")
    with pytest.raises(SignInLocked):  # the right code waits for the lock too
        door.sign_in_class("7B", "Boris", home.codes["Boris"])
    with pytest.raises(SignInLocked):  # and the paper's sign-in shares the count
        door.sign_in(home.paper, "Boris", home.codes["Boris"])
    door.close()


def test_nothing_before_signing_in(home: Home) -> None:
    door = home.door()
    for call in (door.homework, door.progress, door.open_papers, door.study_session):
        with pytest.raises(ClassroomError, match="sign in"):
            call()
    door.close()


def test_home_reads_the_students_own_homework_papers_and_progress(home: Home) -> None:
    door = home.door()
    door.sign_in_class("7B", "Boris", home.codes["Boris"])
    (homework,) = door.homework()
    assert (homework.bank, homework.due_today, homework.new_today, homework.learnt) == (BANK, 0, 10, 0)
    assert homework.total == CARDS and homework.exam is not None
    (paper,) = door.open_papers()
    assert (paper.code, paper.attempts_left, paper.in_progress) == (home.paper, 1, False)
    view = door.take(home.paper)  # no personal code asked again
    assert view.student == "Boris" and len(view.items) == 3
    assert door.open_papers()[0].in_progress
    door.submit(view.attempt_id)
    assert door.open_papers() == []  # its one attempt is used
    progress = door.progress()
    assert (progress.reviews_today, progress.learnt, progress.exam_recall) == (0, 0, 0.0)  # nothing answered: 0%, not unknown
    door.close()


def test_a_paper_of_another_class_is_not_taken_without_its_code(home: Home) -> None:
    desk = home.teacher()
    desk.classroom.new_class("8A")
    desk.classroom.add_students("8A", ["Zoran"])
    other = desk.classroom.new_paper(BANK, "Other", class_name="8A", count=2, modes=(Mode.MC,), seed=1).code
    desk.close()
    door = home.door()
    door.sign_in_class("7B", "Boris", home.codes["Boris"])
    assert [p.code for p in door.open_papers()] == [home.paper]
    with pytest.raises(ClassroomError, match="not one of your class's papers"):
        door.take(other)
    door.close()


def test_the_homework_session_asks_only_checked_modes_and_counts_as_progress(home: Home) -> None:
    set_modes(home, "Boris", mode_new="flip", mode_review="flip")  # the learner app's choice: ignored here
    door = home.door()
    door.sign_in_class("7B", "Boris", home.codes["Boris"])
    with door.study_session(seed=2) as session:
        with pytest.raises(SessionError, match="never self-rated"):
            session.rate(4)
        modes = []
        for n in range(5):
            question = session.current.question
            modes.append(str(question.mode))
            feedback = session.answer(question.answer if n % 2 else "no idea")
            assert feedback.correct is bool(n % 2)
            session.advance()
        assert session.bank_names == [BANK]
    assert "flip" not in modes
    progress = door.progress()
    assert (progress.reviews_today, progress.reviews_week, progress.streak, progress.learnt) == (5, 5, 1, 5)
    assert progress.exam_recall is not None and 0 < progress.exam_recall < 1
    assert door.homework()[0].new_today == 5
    door.close()


def test_the_homework_session_asks_only_the_homeworks_kinds(home: Home) -> None:
    """A homework of dates only: the home never asks a unit or place card, even one the student has
    from studying the bank in the terminal."""
    teacher = home.teacher()
    for info in teacher.homework.all("7B"):
        teacher.homework.stop(info.id)
    teacher.homework.set("7B", BANK, kinds=(Kind.DATE,), daily=2)  # past two, the bank's other cards would come
    teacher.close()
    door = home.door()
    door.sign_in_class("7B", "Boris", home.codes["Boris"])
    kinds = []
    with door.study_session(seed=4) as session:
        for _ in range(12):
            if session.current is None:
                break
            kinds.append(str(session.current.question.kind))
            session.answer(session.current.question.answer)
            session.advance()
    door.close()
    assert kinds and set(kinds) == {"date"}


def test_the_home_predicts_the_same_exam_recall_as_the_teachers_view(home: Home) -> None:
    """One figure, two doors: the student's "predicted recall on the exam day" is the teacher's
    homework view's recall for that student (every homework card, one never answered as 0)."""
    door = home.door()
    door.sign_in_class("7B", "Boris", home.codes["Boris"])
    with door.study_session(seed=3) as session:
        for n in range(6):
            session.answer(session.current.question.answer if n % 3 else "no idea")
            session.advance()
    own = door.progress().exam_recall
    door.close()
    teacher = home.teacher()
    view = teacher.class_progress("7B")
    teacher.close()
    boris = next(s for s in view.students if s.name == "Boris")
    assert own is not None and 0 < own < 0.2  # 6 of the homework's cards answered: most of the homework counts 0
    assert own == pytest.approx(boris.recall, abs=5e-5)  # the view rounds to four places
