"""Read-only counts behind the home screen and `quiz status`: cards by bank and state, today's reviews."""

from __future__ import annotations

from quiz.store.engine import Database

COUNT_KEYS = ("new", "learning", "review", "due", "suspended", "cards", "reps")


def bank_tallies(db: Database, learner_id: int, now_iso: str) -> dict[str, dict[str, int]]:
    """bank -> counts of new / learning (incl. relearning) / review / due / suspended cards, all
    cards (of facts the bank still has: a retired fact's cards are not counted) and the sum of their reps (a card's reps is its number of reviews; undo puts it back)."""
    counts: dict[str, dict[str, int]] = {}
    for bank, state, suspended, number, due, reps in db.execute(
        "SELECT bank, state, suspended, count(*), count(CASE WHEN due <= ? THEN 1 END), sum(reps) "
        "FROM cards WHERE learner_id = ? AND EXISTS "
        "(SELECT 1 FROM facts f WHERE f.bank = cards.bank AND f.fact_id = cards.fact_id) "
        "GROUP BY bank, state, suspended",
        [now_iso, learner_id],
    ):
        c = counts.setdefault(bank, dict.fromkeys(COUNT_KEYS, 0))
        c["cards"] += number
        c["reps"] += reps or 0
        if suspended:
            c["suspended"] += number
            continue
        c["learning" if state == "relearning" else state] += number
        c["due"] += due if state != "new" else 0
    return counts


def reviews_by_bank_since(db: Database, learner_id: int, since_iso: str) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT c.bank, count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE r.learner_id = ? AND r.reviewed_at >= ? GROUP BY c.bank",
            [learner_id, since_iso],
        ).fetchall()
    )


def new_introduced_since(db: Database, learner_id: int, since_iso: str) -> int:
    count: int = db.execute(
        "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND state_before = 'new'",
        [learner_id, since_iso],
    ).fetchone()[0]
    return count


def synced_banks(db: Database, learner_id: int) -> set[str]:
    """Banks whose cards the learner has (opened at least once)."""
    return {row[0] for row in db.execute("SELECT bank FROM card_sync WHERE learner_id = ?", [learner_id])}
