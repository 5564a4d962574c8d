"""Two teachers on one database (both engines) cannot see or reach each other's classes, papers,
results, homework or class statistics; a student still finds a paper by its code alone."""

from __future__ import annotations

import pytest

from quiz.doors.student import StudentDoor
from quiz.errors import ClassroomError, HomeworkError, TeacherError
from quiz.model import Kind, Outcome
from tests.teachers.conftest import BANK, door

pytestmark = pytest.mark.engines


def test_each_teacher_lists_and_reaches_only_their_classes(pair) -> None:
    ana, ben = pair
    assert [(c.name, c.students) for c in ana.classroom.classes()] == [("7b", ["Ivo", "Jana"])]
    assert [(c.name, c.students) for c in ben.classroom.classes()] == [("7b", ["Mila"])]
    ana.classroom.new_class("8a")
    assert [c.name for c in ben.classroom.classes()] == ["7b"]
    for reach in (lambda: ben.classroom.class_info("8a"), lambda: ben.classroom.add_students("8a", ["Zoe"]),
                  lambda: ben.classroom.reset_code("8a", "Ivo")):
        with pytest.raises(ClassroomError, match="no class '8a'"):
            reach()
    with pytest.raises(ClassroomError, match="'Ivo' is not in class '7b'"):
        ben.classroom.reset_code("7b", "Ivo")  # Ben's 7b, not Ana's


def test_class_names_are_unique_per_teacher(pair) -> None:
    ana, ben = pair
    with pytest.raises(ClassroomError, match="class '7b' already exists"):
        ana.classroom.new_class("7b")
    ben.classroom.new_class("8a")
    ana.classroom.new_class("8a")  # the other teacher's 8a is no clash


def test_papers_results_and_overrides_are_the_owners(pair, db_path, clock) -> None:
    ana, ben = pair
    paper = ana.classroom.new_paper(BANK, "Dates", class_name="7b", count=3, seed=1)
    assert [p.code for p in ana.classroom.papers()] == [paper.code]
    assert ben.classroom.papers() == []
    for reach in (lambda: ben.classroom.paper(paper.code), lambda: ben.classroom.results(paper.code),
                  lambda: ben.classroom.results_csv(paper.code), lambda: ben.classroom.not_taken(paper.code),
                  lambda: ben.classroom.delete_paper(paper.code),
                  lambda: ben.classroom.override(paper.code, "Ivo", 0, Outcome.CORRECT, "Ben"),
                  lambda: ben.exports.paper_set(paper.code)):
        with pytest.raises(ClassroomError, match=f"no paper '{paper.code}'"):
            reach()
    with pytest.raises(ClassroomError, match="no class '8a'"):
        ben.classroom.new_paper(BANK, "Mine", class_name="8a", count=1)

    # a student of Ana's 7b takes it by its code, as before; Ben's Mila is not in that class
    student = StudentDoor(db_path, clock=clock)
    view = student.sign_in(paper.code, "Ivo", ana_code(ana, "Ivo"))
    student.submit(view.attempt_id)
    with pytest.raises(ClassroomError, match="name or personal code not recognised"):
        student.sign_in(paper.code, "Mila", ben.classroom.reset_code("7b", "Mila"))
    student.close()
    assert [s.name for s in ana.classroom.results(paper.code).students] == ["Ivo"]
    assert ana.classroom.not_taken(paper.code) == [("Jana", False)]  # Ana's roster, not Ben's
    assert [code for code, *_ in ana.classroom.attempts_for("Ivo")] == [paper.code]
    assert ben.classroom.attempts_for("Ivo") == []
    ana.classroom.delete_paper(paper.code)


def ana_code(ana, name: str) -> str:
    return ana.classroom.reset_code("7b", name)


def test_homework_is_its_class_teachers(pair) -> None:
    ana, ben = pair
    info, made = ana.homework.set("7b", BANK, (Kind.DATE,))
    assert made > 0
    assert [h.id for h in ana.homework.all()] == [info.id]
    assert ben.homework.all() == [] and ben.homework.all("7b") == []
    for reach in (lambda: ben.homework.get(info.id), lambda: ben.homework.report(info.id),
                  lambda: ben.homework.stop(info.id)):
        with pytest.raises(HomeworkError, match=f"no homework {info.id}"):
            reach()
    mine, _ = ben.homework.set("7b", BANK, (Kind.DATE,))
    assert [s.name for s in ben.homework.report(mine.id).students] == ["Mila"]
    assert [s.name for s in ana.homework.report(info.id).students] == ["Ivo", "Jana"]


def test_class_statistics_and_progress_are_the_owners(pair) -> None:
    ana, ben = pair
    ana.classroom.new_class("8a")
    assert [r.name for r in ben.statistics.class_report("7b").students] == ["Mila"]
    assert [r.name for r in ana.statistics.class_report("7b").students] == ["Ivo", "Jana"]
    with pytest.raises(ClassroomError, match="no class named '8a'"):
        ben.statistics.class_report("8a")
    with pytest.raises(ClassroomError, match="no class named '8a'"):
        ben.class_progress("8a")
    assert [s.name for s in ben.class_progress("7b").students] == ["Mila"]


def test_a_door_must_name_a_known_teacher_once_there_are_teachers(pair, db_path, clock) -> None:
    nobody = door(db_path, clock, None)
    with pytest.raises(TeacherError, match="--teacher NAME"):
        nobody.classroom.classes()
    with pytest.raises(TeacherError, match="--teacher NAME"):
        nobody.homework.all()
    with pytest.raises(TeacherError, match="no teacher 'Eve'"):
        door(db_path, clock, "Eve").classroom.classes()
    assert nobody.sign_in("Ben", "ben-secret-2") == "Ben"  # a browser tab's door, signed in
    assert [c.students for c in nobody.classroom.classes()] == [["Mila"]]
    nobody.close()


def test_the_machines_own_classes_before_teachers_and_adopting_them(db_path, clock) -> None:
    before = door(db_path, clock, "Ms Smith")  # no teachers yet: the name only signs overrides
    before.classroom.new_class("old")
    paper = before.classroom.new_paper(BANK, "Old paper", class_name="old", count=1, seed=2)
    before.accounts.add("Ana", "ana-secret-1")
    ana = door(db_path, clock, "Ana")
    assert ana.classroom.classes() == [] and ana.classroom.papers() == []
    with pytest.raises(ClassroomError, match="no class 'old'"):
        ana.classroom.class_info("old")
    ana.accounts.add("Ben", "ben-secret-2", adopt=True)
    ben = door(db_path, clock, "Ben")
    assert [c.name for c in ben.classroom.classes()] == ["old"]
    assert [p.code for p in ben.classroom.papers()] == [paper.code]
    for opened in (before, ana, ben):
        opened.close()


def test_a_student_signs_in_to_their_own_teachers_class_of_that_name(pair, db_path, clock) -> None:
    """Both teachers have a 7b: Mila (Ben's) signs in to '7b' at home and gets Ben's class and paper,
    never Ana's; Ana's Ivo gets Ana's."""
    ana, ben = pair
    mila_code = ben.classroom.reset_code("7b", "Mila")
    ivo_code = ana.classroom.reset_code("7b", "Ivo")
    anas = ana.classroom.new_paper(BANK, "Ana's", class_name="7b", count=2, seed=1)
    bens = ben.classroom.new_paper(BANK, "Ben's", class_name="7b", count=2, seed=2)
    mila = StudentDoor(db_path, clock=clock)
    try:
        mila.sign_in_class("7B", "mila", mila_code)
        assert [p.code for p in mila.open_papers()] == [bens.code]
        with pytest.raises(ClassroomError, match="not one of your class's papers"):
            mila.take(anas.code)
        mila.take(bens.code)
    finally:
        mila.close()
    ivo = StudentDoor(db_path, clock=clock)
    try:
        ivo.sign_in_class("7b", "Ivo", ivo_code)
        assert [p.code for p in ivo.open_papers()] == [anas.code]
    finally:
        ivo.close()
