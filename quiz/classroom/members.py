"""Who is in a class, and signing in: a typed name matched to the roster without case or accents,
and a student's personal code checked, wrong codes limited (`limits.py`). What a student's door
needs of classes (making them is `classes.py`, a teacher's)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from question_bank.facts.text import fold
from quiz.classroom import limits
from quiz.classroom.codes import codes_match, decoy
from quiz.errors import ClassroomError, LearnerError
from quiz.library.learners import MAX_NAME, clean_name
from quiz.store import Database
from quiz.store import classroom as rows


def clean_class_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise ClassroomError("a class needs a name")
    if len(cleaned) > MAX_NAME:
        raise ClassroomError(f"a class name is at most {MAX_NAME} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise ClassroomError("a class name cannot hold control characters")
    return cleaned


def student_name(name: str) -> str:
    try:
        cleaned = clean_name(name)
    except LearnerError as error:
        raise ClassroomError(str(error)) from None
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise ClassroomError("a student name cannot hold control characters")
    return cleaned


def need_class(db: Database, name: str, owner: int | None = None) -> int:
    """The id of the teacher's class `name` (owner None: the machine's own teacher's); another
    teacher's class is "no class", as if it did not exist."""
    found = rows.class_id(db, clean_class_name(name), owner)
    if found is None:
        raise ClassroomError(f"no class '{' '.join(name.split())}' (see `quiz class list`)")
    return found


NOT_RECOGNISED = "name or personal code not recognised: check both, or ask your teacher"


def match_member(db: Database, typed: str, class_id: int | None) -> str | None:
    """The member `typed` names, matched without case, accents or script ('mila petrovic' is
    'Mila Petrović'; Cyrillic as Serbian Latin); None if no one. An exact name always wins; when
    two members fold alike, only the exact name will do."""
    names = rows.member_names(db, class_id)
    if typed in names:
        return typed
    key = fold(typed)
    found = [name for name in names if key and fold(name) == key]
    if len(found) > 1:
        where = "this class" if class_id is not None else "the classes"
        raise ClassroomError(f"two students of {where} have names like '{typed}': type yours exactly as your "
                             "teacher wrote it, with its accents")
    return found[0] if found else None


def need_member(db: Database, class_name: str, student: str, owner: int | None = None) -> tuple[int, str]:
    """(class id, member name) for a teacher's command: the student must be in the teacher's class."""
    class_id = need_class(db, class_name, owner)
    found = match_member(db, student_name(student), class_id)
    if found is None:
        raise ClassroomError(f"'{student_name(student)}' is not in class '{clean_class_name(class_name)}'")
    return class_id, found


def check_code(db: Database, student: str, code: str, class_id: int | None,
               address: str | None, now: datetime) -> str:
    """The member of class `class_id` (None: of any class) signing in, their name as the roster has
    it, or `ClassroomError`: one message for an unknown name and a wrong code, and a lock after too
    many wrong tries (`limits`)."""
    subject = limits.student_subject(class_id, student)
    limits.refuse_if_locked(db, subject, student, address, now)
    member = match_member(db, student, class_id)
    stored = rows.member_codes(db, member, class_id) if member is not None else []
    right = codes_match(code, stored or [decoy()])  # an unknown name costs a wrong code's scrypt
    if member is None or not right:
        limits.count_failure(db, subject, student, address, now)
        raise ClassroomError(NOT_RECOGNISED)
    return member
