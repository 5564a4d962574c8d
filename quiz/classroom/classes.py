"""Classes: a named roster of learners, each with a personal code given when taking a paper."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from quiz.classroom.codes import hash_code, new_code
from quiz.classroom.members import clean_class_name, need_class, student_name
from quiz.classroom.types import ClassInfo
from quiz.clock import Clock, utc_iso
from quiz.errors import ClassroomError, mention
from quiz.store import Database
from quiz.store import classroom as rows

MAX_ROSTER = 5000


def new_class(db: Database, name: str, clock: Clock, owner: int | None = None) -> ClassInfo:
    """A class of the teacher `owner` (None: the machine's own); names are unique per teacher."""
    cleaned = clean_class_name(name)
    if not rows.insert_class(db, cleaned, utc_iso(clock()), owner):
        raise ClassroomError(f"class '{cleaned}' already exists")
    return ClassInfo(cleaned, [])


def class_info(db: Database, name: str, owner: int | None = None) -> ClassInfo:
    return ClassInfo(clean_class_name(name), rows.class_students(db, need_class(db, name, owner)))


def all_classes(db: Database, owner: int | None = None) -> list[ClassInfo]:
    return [class_info(db, name, owner) for name in rows.class_names(db, owner)]


def add_students(
    db: Database, class_name: str, names: list[str], clock: Clock, owner: int | None = None
) -> list[tuple[str, str]]:
    """Add students (learners made as needed), each with a fresh code: [(name, code)], all or none."""
    cleaned = [student_name(n) for n in names]
    if not cleaned:
        raise ClassroomError(f"name at least one student (or give {mention('roster')} FILE.csv)")
    seen: set[str] = set()
    for name in cleaned:
        if name in seen:
            raise ClassroomError(f"'{name}' is named twice")
        seen.add(name)
    return _add(db, need_class(db, class_name, owner), cleaned, clock)


def _add(db: Database, class_id: int, names: list[str], clock: Clock) -> list[tuple[str, str]]:
    codes = [(name, new_code()) for name in names]
    members = [(name, *hash_code(code)) for name, code in codes]
    taken = rows.add_members(db, class_id, members, utc_iso(clock()))
    if taken:
        more = f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""
        raise ClassroomError(f"'{taken[0]}' is already in the class{more}; nothing added")
    return codes


def read_roster(path: Path) -> list[str]:
    """Student names from a CSV: a `name` column if the first row says so, else the first column.
    A bad row is reported as `FILE:LINE: reason` (the first one, and how many more)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClassroomError(f"{path}: not UTF-8 text") from None
    except OSError as error:  # a roster the teacher named that is not there is bad input, not a fault
        raise ClassroomError(f"{path}: {error.strerror or error}") from None
    lines = list(csv.reader(io.StringIO(text, newline="")))
    column, start = 0, 0
    if lines and any(cell.strip().lower() == "name" for cell in lines[0]):
        column = [cell.strip().lower() for cell in lines[0]].index("name")
        start = 1
    problems: list[str] = []
    names: list[str] = []
    first_line: dict[str, int] = {}
    for number, row in enumerate(lines[start:], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue  # blank lines are allowed
        cell = row[column] if column < len(row) else ""
        try:
            name = student_name(cell)
        except ClassroomError as error:
            problems.append(f"{path}:{number}: name: {error}")
            continue
        if name in first_line:
            problems.append(f"{path}:{number}: name: '{name}' is already on line {first_line[name]}")
            continue
        first_line[name] = number
        names.append(name)
    if problems:
        more = f" (and {len(problems) - 1} more bad row{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise ClassroomError(problems[0] + more)
    if not names:
        raise ClassroomError(f"{path}: no student names")
    if len(names) > MAX_ROSTER:
        raise ClassroomError(f"{path}: at most {MAX_ROSTER} students in a roster")
    return names


def add_roster(
    db: Database, class_name: str, path: Path, clock: Clock, owner: int | None = None
) -> list[tuple[str, str]]:
    class_id = need_class(db, class_name, owner)
    return _add(db, class_id, read_roster(path), clock)


def reset_code(db: Database, class_name: str, student: str, owner: int | None = None) -> str:
    class_id = need_class(db, class_name, owner)
    name = student_name(student)
    code = new_code()
    if not rows.set_member_code(db, class_id, name, *hash_code(code)):
        raise ClassroomError(f"'{name}' is not in class '{clean_class_name(class_name)}'")
    return code
