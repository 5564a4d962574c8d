"""Classroom rows: classes and members, frozen papers, attempts and their answers.

Classes and papers have an owner: a teacher's id, or None for the machine's own teacher (every
row on a database without teachers); `owner` arguments match it exactly (`IS NOT DISTINCT FROM`).
A student reaches a paper by its code whoever owns it.

Every write that reads first runs under `db.write()` (the write lock), and the rules a student
could race against (the opening and closing times, the deadline, a submitted attempt, the attempts
limit) are checked inside that transaction, against the store's clock read there (`store_now`), so
two processes cannot both get past them and an answer that waited for the lock is judged when written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from quiz.clock import Clock, utc_iso
from quiz.model import CardState, Outcome
from quiz.store import now as store_clock
from quiz.store.cards import Answer, CardRecord, ensure_cards, load_cards, write_answer
from quiz.store.engine import Database


class AttemptRules(Protocol):
    """A paper's time rules at the store's `now`: raises when the paper is not open then, else
    gives the deadline of an attempt started then (None: no deadline)."""

    def __call__(self, now: datetime) -> datetime | None: ...


@dataclass(frozen=True)
class PaperRow:
    id: int
    code: str
    title: str
    bank: str
    class_name: str | None
    settings_json: str
    questions_json: str
    created: str
    class_id: int | None
    teacher_id: int | None


@dataclass(frozen=True)
class AttemptRow:
    id: int
    paper_id: int
    learner: str
    number: int
    started: str
    deadline: str | None
    submitted: str | None


@dataclass(frozen=True)
class AnswerRow:
    attempt_id: int
    position: int
    given: str
    answered_at: str
    verdict: Outcome | None  # the checker's; None on a row that only holds an override
    override_verdict: Outcome | None
    override_by: str | None
    override_at: str | None


def _answer_row(row: tuple) -> AnswerRow:
    """The stored TEXT verdicts read back as `Outcome`s: the one place they are converted."""
    attempt_id, position, given, answered_at, verdict, override, by, at = row
    return AnswerRow(attempt_id, position, given, answered_at, Outcome(verdict) if verdict else None,
                     Outcome(override) if override else None, by, at)


# -- classes ------------------------------------------------------------------------------------
_OWNED = "teacher_id IS NOT DISTINCT FROM ?"


def insert_class(db: Database, name: str, created: str, owner: int | None = None) -> bool:
    """Add a class; False when its teacher has one by that name (names are unique per teacher)."""
    with db.write():
        if db.execute(f"SELECT 1 FROM classes WHERE name = ? AND {_OWNED}", [name, owner]).fetchone():
            return False
        db.execute("INSERT INTO classes (name, created, teacher_id) VALUES (?, ?, ?)", [name, created, owner])
    return True


def class_id(db: Database, name: str, owner: int | None = None) -> int | None:
    row = db.execute(f"SELECT id FROM classes WHERE name = ? AND {_OWNED}", [name, owner]).fetchone()
    return int(row[0]) if row else None


def class_names(db: Database, owner: int | None = None) -> list[str]:
    order = db.dialect.order_nocase("name")
    return [name for (name,) in db.execute(f"SELECT name FROM classes WHERE {_OWNED} ORDER BY {order}", [owner])]


def every_class(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every teacher's classes: a student names theirs at sign-in, whoever owns it."""
    return [(int(cid), name) for cid, name in db.execute("SELECT id, name FROM classes ORDER BY id")]


def class_students(db: Database, class_id: int) -> list[str]:
    """The roster in the order students joined (the order versions are dealt in)."""
    rows = db.execute(
        "SELECT l.name FROM class_members m JOIN learners l ON l.id = m.learner_id "
        "WHERE m.class_id = ? ORDER BY m.rowid",
        [class_id],
    )
    return [name for (name,) in rows]


def member_names(db: Database, class_id: int | None) -> list[str]:
    """The names of a class's members, or of everyone in any class (None), for matching a typed name."""
    if class_id is not None:
        return class_students(db, class_id)
    sql = "SELECT DISTINCT l.name FROM class_members m JOIN learners l ON l.id = m.learner_id ORDER BY l.name"
    return [name for (name,) in db.execute(sql)]


def add_members(
    db: Database, class_id: int, members: list[tuple[str, str, str]], created: str
) -> list[str]:
    """Add (name, salt, hash) members, creating learners as needed, all or nothing.

    Returns the names already in the class (then nothing is written)."""
    conn = db
    with db.write():
        taken = [
            name for name, _, _ in members
            if conn.execute(
                "SELECT 1 FROM class_members m JOIN learners l ON l.id = m.learner_id "
                "WHERE m.class_id = ? AND l.name = ?",
                [class_id, name],
            ).fetchone()
        ]
        if taken:
            return taken
        for name, salt, digest in members:
            conn.execute("INSERT INTO learners (name, created) VALUES (?, ?) ON CONFLICT DO NOTHING", [name, created])
            conn.execute(
                "INSERT INTO class_members (class_id, learner_id, code_hash, code_salt) "
                "SELECT ?, id, ?, ? FROM learners WHERE name = ?",
                [class_id, digest, salt, name],
            )
    return []


def set_member_code(db: Database, class_id: int, name: str, salt: str, digest: str) -> bool:
    """Replace a member's code hash; False when they are not in the class."""
    with db.write():
        cursor = db.execute(
            "UPDATE class_members SET code_hash = ?, code_salt = ? "
            "WHERE class_id = ? AND learner_id = (SELECT id FROM learners WHERE name = ?)",
            [digest, salt, class_id, name],
        )
    return cursor.rowcount == 1


def member_codes(db: Database, name: str, class_id: int | None) -> list[tuple[str, str]]:
    """(salt, hash) of the learner's code in that class, or in every class of theirs (None)."""
    sql = (
        "SELECT m.code_salt, m.code_hash FROM class_members m JOIN learners l ON l.id = m.learner_id "
        "WHERE l.name = ?"
    )
    args: list[object] = [name]
    if class_id is not None:
        sql += " AND m.class_id = ?"
        args.append(class_id)
    return [(salt, digest) for salt, digest in db.execute(sql, args)]


# -- papers -------------------------------------------------------------------------------------
_PAPER = (
    "SELECT p.id, p.code, p.title, p.bank, c.name, p.settings_json, p.questions_json, p.created, p.class_id, "
    "p.teacher_id FROM papers p LEFT JOIN classes c ON c.id = p.class_id"
)


def insert_paper(
    db: Database, code: str, title: str, bank: str, class_id: int | None,
    settings_json: str, questions_json: str, created: str, owner: int | None = None,
) -> bool:
    """Store a paper; False when the code is taken (the caller draws another: codes are unique
    across teachers, as a student finds a paper by its code alone)."""
    with db.write():
        if db.execute("SELECT 1 FROM papers WHERE code = ?", [code]).fetchone():
            return False
        db.execute(
            "INSERT INTO papers (code, title, bank, class_id, settings_json, questions_json, created, teacher_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [code, title, bank, class_id, settings_json, questions_json, created, owner],
        )
    return True


def paper_row(db: Database, code: str) -> PaperRow | None:
    row = db.execute(_PAPER + " WHERE p.code = ?", [code]).fetchone()
    return PaperRow(*row) if row else None


def paper_row_by_id(db: Database, paper_id: int) -> PaperRow | None:
    row = db.execute(_PAPER + " WHERE p.id = ?", [paper_id]).fetchone()
    return PaperRow(*row) if row else None


def all_papers(db: Database, owner: int | None = None) -> list[PaperRow]:
    rows = db.execute(_PAPER + " WHERE p.teacher_id IS NOT DISTINCT FROM ? ORDER BY p.created, p.id", [owner])
    return [PaperRow(*row) for row in rows]


def paper_owner(db: Database, paper_id: int) -> tuple[bool, int | None]:
    """(whether the paper exists, its teacher's id: None for the machine's own)."""
    row = db.execute("SELECT teacher_id FROM papers WHERE id = ?", [paper_id]).fetchone()
    return (False, None) if row is None else (True, None if row[0] is None else int(row[0]))


def class_papers(db: Database, class_id: int) -> list[PaperRow]:
    """The papers made for one class, oldest first."""
    return [PaperRow(*row) for row in db.execute(_PAPER + " WHERE p.class_id = ? ORDER BY p.created, p.id", [class_id])]


def paper_class_id(db: Database, code: str) -> int | None:
    """The id of the class the paper is for (None: no class, or no such paper): class names are
    unique only per teacher, so a paper's class is found by id, never by name."""
    row = db.execute("SELECT class_id FROM papers WHERE code = ?", [code]).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def delete_paper(db: Database, code: str, owner: int | None = None) -> bool:
    """Delete a paper with its attempts and answers; False when its teacher has none by that code."""
    with db.write():
        cursor = db.execute(f"DELETE FROM papers WHERE code = ? AND {_OWNED}", [code, owner])
    return cursor.rowcount == 1


# -- attempts -----------------------------------------------------------------------------------
_ATTEMPT = (
    "SELECT a.id, a.paper_id, l.name, a.number, a.started, a.deadline, a.submitted "
    "FROM attempts a JOIN learners l ON l.id = a.learner_id"
)


def start_or_resume(
    db: Database, paper_id: int, learner: str, limit: int, rules: AttemptRules, clock: Clock
) -> tuple[str, AttemptRow | None]:
    """The learner's open attempt, or a new one: ("resumed" | "started" | "used_up", attempt).

    The store's now is read once the write lock is held; `rules` judge the paper's window at it
    (raising when it is shut) and give a new attempt's deadline. An open attempt whose deadline
    has passed is closed (submitted at its deadline) first. The count and the insert share one
    write transaction, so two windows cannot both start the last allowed attempt."""
    conn = db
    with db.write():
        moment = store_clock.store_now(db, clock)
        deadline = rules(moment)
        now = utc_iso(moment)
        found = conn.execute("SELECT id FROM learners WHERE name = ?", [learner]).fetchone()
        if found is None:
            return "no_learner", None
        learner_id = found[0]
        conn.execute(
            "UPDATE attempts SET submitted = deadline WHERE paper_id = ? AND learner_id = ? "
            "AND submitted IS NULL AND deadline IS NOT NULL AND deadline <= ?",
            [paper_id, learner_id, now],
        )
        row = conn.execute(
            _ATTEMPT + " WHERE a.paper_id = ? AND a.learner_id = ? AND a.submitted IS NULL ORDER BY a.number DESC",
            [paper_id, learner_id],
        ).fetchone()
        if row:
            return "resumed", AttemptRow(*row)
        used: int = conn.execute(
            "SELECT count(*) FROM attempts WHERE paper_id = ? AND learner_id = ?", [paper_id, learner_id]
        ).fetchone()[0]
        if used >= limit:
            return "used_up", None
        (attempt_id,) = conn.execute(
            "INSERT INTO attempts (paper_id, learner_id, number, started, deadline) VALUES (?, ?, ?, ?, ?) "
            "RETURNING id",
            [paper_id, learner_id, used + 1, now, utc_iso(deadline) if deadline else None],
        ).fetchall()[0]
        row = conn.execute(_ATTEMPT + " WHERE a.id = ?", [attempt_id]).fetchone()
    return "started", AttemptRow(*row)


def attempt_row(db: Database, attempt_id: int) -> AttemptRow | None:
    row = db.execute(_ATTEMPT + " WHERE a.id = ?", [attempt_id]).fetchone()
    return AttemptRow(*row) if row else None


def paper_attempts(db: Database, paper_id: int) -> list[AttemptRow]:
    rows = db.execute(_ATTEMPT + " WHERE a.paper_id = ? ORDER BY a.id", [paper_id])
    return [AttemptRow(*row) for row in rows]


def learner_attempts(db: Database, learner: str, owner: int | None = None) -> list[tuple[AttemptRow, str]]:
    """The learner's attempts at papers of `owner`, with their paper's code, oldest first."""
    rows = db.execute(
        "SELECT a.id, a.paper_id, l.name, a.number, a.started, a.deadline, a.submitted, p.code "
        "FROM attempts a JOIN learners l ON l.id = a.learner_id JOIN papers p ON p.id = a.paper_id "
        "WHERE l.name = ? AND p.teacher_id IS NOT DISTINCT FROM ? ORDER BY a.started, a.id",
        [learner, owner],
    )
    return [(AttemptRow(*row[:7]), row[7]) for row in rows]


def record_answer(
    db: Database, attempt_id: int, position: int, given: str, verdict: Outcome, clock: Clock
) -> str:
    """Store (or replace) an answer: "ok", or why not: "missing", "submitted", "late".

    The answer is stamped with the store's now, read once the write lock is held, and refused if
    that is at or past the deadline: an answer that waited for the lock past it is late."""
    conn = db
    with db.write():
        now = utc_iso(store_clock.store_now(db, clock))
        cursor = conn.execute(
            "INSERT INTO attempt_answers (attempt_id, position, given, answered_at, verdict) "
            "SELECT id, ?, ?, ?, ? FROM attempts "
            "WHERE id = ? AND submitted IS NULL AND (deadline IS NULL OR deadline > ?) "
            "ON CONFLICT (attempt_id, position) DO UPDATE SET "
            "given = excluded.given, answered_at = excluded.answered_at, verdict = excluded.verdict",
            [position, given, now, verdict.value, attempt_id, now],
        )
        if cursor.rowcount == 1:
            return "ok"
        row = conn.execute("SELECT submitted FROM attempts WHERE id = ?", [attempt_id]).fetchone()
    if row is None:
        return "missing"
    return "submitted" if row[0] is not None else "late"


def finish_attempt(db: Database, attempt_id: int, clock: Clock) -> tuple[AttemptRow | None, bool]:
    """Submit at the store's now, or at the deadline if that came first; a submitted attempt is
    kept as is. Returns the attempt and whether this call submitted it."""
    with db.write():
        now = utc_iso(store_clock.store_now(db, clock))
        cursor = db.execute(
            "UPDATE attempts SET submitted = CASE WHEN deadline IS NOT NULL AND deadline < ? "
            "THEN deadline ELSE ? END WHERE id = ? AND submitted IS NULL",
            [now, now, attempt_id],
        )
        row = db.execute(_ATTEMPT + " WHERE a.id = ?", [attempt_id]).fetchone()
    return (AttemptRow(*row) if row else None), cursor.rowcount == 1


def attempt_answers(db: Database, attempt_id: int) -> list[AnswerRow]:
    rows = db.execute(
        "SELECT attempt_id, position, given, answered_at, verdict, override_verdict, override_by, override_at "
        "FROM attempt_answers WHERE attempt_id = ? ORDER BY position",
        [attempt_id],
    )
    return [_answer_row(row) for row in rows]


def paper_answers(db: Database, paper_id: int) -> list[AnswerRow]:
    rows = db.execute(
        "SELECT w.attempt_id, w.position, w.given, w.answered_at, w.verdict, w.override_verdict, "
        "w.override_by, w.override_at FROM attempt_answers w JOIN attempts a ON a.id = w.attempt_id "
        "WHERE a.paper_id = ?",  # in no order: the caller files them by attempt and position
        [paper_id],
    )
    return [_answer_row(row) for row in rows]


def set_override(
    db: Database, attempt_id: int, position: int, verdict: Outcome, by: str, at: str
) -> None:
    """A teacher's verdict on one answer (an unanswered question gets an empty answer row)."""
    with db.write():
        db.execute(
            "INSERT INTO attempt_answers (attempt_id, position, given, answered_at, verdict, "
            "override_verdict, override_by, override_at) VALUES (?, ?, '', ?, NULL, ?, ?, ?) "
            "ON CONFLICT (attempt_id, position) DO UPDATE SET override_verdict = excluded.override_verdict, "
            "override_by = excluded.override_by, override_at = excluded.override_at",
            [attempt_id, position, at, verdict.value, by, at],
        )


# -- practice papers: answers into the study schedule ---------------------------------------------
def practice_cards(
    db: Database, learner_id: int, bank: str, keys: list[tuple[str, str]], at: datetime
) -> dict[tuple[str, str], CardRecord]:
    """The learner's cards for (fact_id, kind) keys of a bank, made new where missing (inside the
    caller's transaction)."""
    if not keys:
        return {}
    ensure_cards(db, learner_id, bank, keys, at)
    wanted = set(keys)
    facts = sorted({fact_id for fact_id, _ in keys})
    found = load_cards(db, f"learner_id = ? AND bank = ? AND fact_id IN ({', '.join('?' * len(facts))})",
                       [learner_id, bank, *facts])
    return {(c.fact_id, c.kind): c for c in found if (c.fact_id, c.kind) in wanted}


def write_practice_reviews(
    db: Database, reviews: list[tuple[CardRecord, CardState, Answer]], at: datetime
) -> list[int]:
    """Each card's new state and its review row (inside the caller's transaction); the review ids
    written. A card changed since it was read (another window studied it) is left as it is."""
    written = (write_answer(db, card, after, answer, at) for card, after, answer in reviews)
    return [review_id for review_id in written if review_id is not None]
