"""Who is in a class, and signing in: names read as the roster stores them, and a student's personal
code checked. What a student's door needs of classes (making them is `classes.py`, a teacher's)."""

from __future__ import annotations

import unicodedata

from quiz.classroom.codes import code_matches
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


def need_class(db: Database, name: str) -> int:
    found = rows.class_id(db, clean_class_name(name))
    if found is None:
        raise ClassroomError(f"no class '{' '.join(name.split())}' (see `quiz class list`)")
    return found


def check_code(db: Database, student: str, code: str, class_name: str | None) -> None:
    """Refuse a student whose personal code is wrong (for that class, or any class of theirs)."""
    class_id = need_class(db, class_name) if class_name is not None else None
    stored = rows.member_codes(db, student, class_id)
    if not stored:
        where = f"class '{class_name}'" if class_name else "any class"
        raise ClassroomError(f"'{student}' is not in {where}")
    if not any(code_matches(code, salt, digest) for salt, digest in stored):
        raise ClassroomError(f"wrong personal code for '{student}'")
