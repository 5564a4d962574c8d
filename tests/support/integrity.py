"""Checking a database after kills and races: every answer's chain of states intact."""

from __future__ import annotations

from quiz.store import open_db
from quiz.store.schema import CARD_STATE_FIELDS


def check_consistent(db_path, ignore: tuple[str, ...] = ()) -> int:
    """Every card equals its last review's state after; each review's 'before' is the previous 'after'.

    `ignore` names fields changed outside reviews (suspending a card is not a review).
    """
    fields = [c for c in CARD_STATE_FIELDS if c not in ignore]
    db = open_db(db_path)
    try:
        if db.engine == "sqlite":
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        before = ", ".join(f"r.{c}_before" for c in fields)
        after = ", ".join(f"r.{c}_after" for c in fields)
        current = ", ".join(f"c.{c}" for c in fields)
        rows = db.execute(
            f"SELECT r.card_id, {before}, {after}, {current} FROM reviews r "
            "JOIN cards c ON c.id = r.card_id ORDER BY r.card_id, r.id"
        ).fetchall()
        n = len(fields)
        last: dict[int, tuple] = {}
        for row in rows:
            card_id, was, became, now = row[0], row[1 : 1 + n], row[1 + n : 1 + 2 * n], row[1 + 2 * n :]
            if card_id in last:
                assert was == last[card_id][0], f"card {card_id}: review chain broken"
            last[card_id] = (became, now)
        for card_id, (became, now) in last.items():
            assert became == now, f"card {card_id} differs from its last review"
        # A card with no review is still new.
        assert db.execute(
            "SELECT count(*) FROM cards WHERE id NOT IN (SELECT card_id FROM reviews) AND state != 'new'"
        ).fetchone()[0] == 0
        return len(rows)
    finally:
        db.close()
