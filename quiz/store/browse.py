"""The card browser's query: a learner's cards with their fact's statement, filtered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.clock import parse_utc, utc_iso
from quiz.model import STATES, CardState
from quiz.store.engine import Database


@dataclass(frozen=True)
class BrowseRow:
    card_id: int
    bank: str
    fact_id: str
    kind: str
    sched: CardState
    statement: str
    date_iso: str


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def browse_rows(
    db: Database,
    learner_id: int,
    *,
    bank: str | None = None,
    search: str = "",
    folded_search: str = "",
    kind: str | None = None,
    states: tuple[str, ...] = (),
    due_before: datetime | None = None,
    suspended: bool | None = None,
    leech: bool | None = None,
    limit: int | None = None,
    card_id: int | None = None,
) -> list[BrowseRow]:
    """Cards ordered by bank and card id, only of facts their bank still has. On a large collection
    pass `limit` (100,000 rows take ~2 s). `search` matches the fact id or statement as typed,
    `folded_search` (the caller folds it, as the statements were) the folded statement."""
    where: list[str] = ["c.learner_id = ?"]
    params: list[object] = [learner_id]
    if card_id is not None:
        where.append("c.id = ?")
        params.append(card_id)
    if bank:
        where.append("c.bank = ?")
        params.append(bank)
    if search.strip():
        where.append(
            "(f.statement LIKE ? ESCAPE '\\' OR c.fact_id LIKE ? ESCAPE '\\' "
            "OR coalesce(f.folded, lower(f.statement)) LIKE ? ESCAPE '\\')"
        )
        pattern = _like(search.strip())
        params += [pattern, pattern, _like(folded_search.strip() or search.strip().lower())]
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if states:
        where.append(f"c.state IN ({', '.join('?' * len(states))})")
        params += list(states)
    if due_before is not None:
        where.append("c.due <= ? AND c.suspended = 0")
        params.append(utc_iso(due_before))
    if suspended is not None:
        where.append("c.suspended = ?")
        params.append(int(suspended))
    if leech is not None:
        where.append("c.leech = ?")
        params.append(int(leech))
    sql = (
        "SELECT c.id, c.bank, c.fact_id, c.kind, c.state, c.step, c.stability, c.difficulty, c.due, "
        "c.last_review, c.reps, c.lapses, c.leech, c.suspended, coalesce(f.statement, ''), "
        "coalesce(f.date_iso, '') FROM cards c "
        "JOIN facts f ON f.bank = c.bank AND f.fact_id = c.fact_id "
        f"WHERE {' AND '.join(where)} ORDER BY c.bank, c.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = []
    for r in db.execute(sql, params):
        sched = CardState(
            STATES[r[4]], r[5], r[6], r[7], parse_utc(r[8]), parse_utc(r[9]), r[10], r[11], bool(r[12]), bool(r[13])
        )
        rows.append(BrowseRow(r[0], r[1], r[2], r[3], sched, r[14], r[15]))
    return rows
