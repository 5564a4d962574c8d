"""A paper as stored: its questions frozen as JSON when made, thawed when read. Reading a paper is
what a student's door needs of papers (making them is `papers.py`, a teacher's)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from question_bank.facts.entities import Catalog
from question_bank.facts.kinds import Kind
from question_bank.questions import Mode, Question
from quiz.classroom.codes import normal
from quiz.classroom.types import Paper
from quiz.clock import parse_utc
from quiz.errors import BankNotFound, ClassroomError
from quiz.library.banks import get_bank
from quiz.store import Database
from quiz.store import classroom as rows

__all__ = ["bank_catalog", "freeze", "load_paper", "thaw", "unfreeze"]


def freeze(question: Question) -> dict:
    return {**question.to_json(), "note": question.note, "source": question.source, "statement": question.statement}


def unfreeze(item: dict, catalog: Catalog | None) -> Question:
    return Question(
        item["fact_id"], Kind(item["kind"]), Mode(item["mode"]), item["wording_id"], item["prompt"], item["answer"],
        tuple(item["accepted"]), tuple(item["options"]), item.get("note", ""), item.get("source", ""),
        item.get("statement", ""), catalog,
    )


def thaw(row: rows.PaperRow, catalog: Catalog | None) -> Paper:
    settings = json.loads(row.settings_json)
    limit = settings.get("time_limit_s")
    return Paper(
        code=row.code, title=row.title, bank=row.bank, class_name=row.class_name,
        questions=tuple(unfreeze(item, catalog) for item in json.loads(row.questions_json)),
        time_limit=timedelta(seconds=limit) if limit else None, attempts=int(settings.get("attempts", 1)),
        opens=parse_utc(settings.get("opens")), closes=parse_utc(settings.get("closes")),
        practice=bool(settings.get("practice")), draw=settings.get("draw"), show_key=bool(settings.get("show_key")),
        created=parse_utc(row.created) or datetime.fromisoformat(row.created),
    )


def bank_catalog(db: Database, bank: str) -> Catalog | None:
    """The catalog typed answers are checked against (the bank's, while it exists)."""
    try:
        return get_bank(db, bank).catalog
    except BankNotFound:
        return None


def load_paper(
    db: Database, code: str, catalogs: dict[str, Catalog | None] | None = None
) -> tuple[int, Paper]:
    """(row id, paper). With `catalogs` (a cache by bank name), typed questions get their bank's
    catalog, which the checker judges them with; multiple choice needs none."""
    row = rows.paper_row(db, normal(code))
    if row is None:
        raise ClassroomError(f"no paper '{code.strip()}' (see `quiz paper list`)")
    paper = thaw(row, None)
    if catalogs is not None and any(q.mode is not Mode.MC for q in paper.questions):
        if row.bank not in catalogs:
            catalogs[row.bank] = bank_catalog(db, row.bank)
        paper = thaw(row, catalogs[row.bank])
    return row.id, paper
