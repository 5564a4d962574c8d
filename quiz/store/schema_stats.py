"""The statistics roll-up: reviews counted by learner, UTC hour, bank and type, kept by triggers.

Statistics over a million reviews cannot scan them in the time a screen allows, so every review
adds itself to one row of `review_hours` (and an undo takes itself back out). An hour is the unit
because every whole-hour zone maps a UTC hour into one local hour and one study day (the rollover
is on the hour); the stats read a few thousand rows instead of a million.

Type is Anki's: `learning` (new or learning before the answer), `young` and `mature` (a review
card whose interval before the answer was under / at least 21 days), `relearning`. A review card
is answered once a study day (passed, it is due a day or more later; failed, it is relearning), so
the young and mature rows are Anki's true-retention counts: first review of a card in a day.
`passed` counts ratings above Again.
"""

from __future__ import annotations

from quiz.store.engine import Database

CATEGORY = (
    "CASE {r}.state_before WHEN 'review' THEN "
    "CASE WHEN julianday({r}.due_before) - julianday({r}.last_review_before) >= 21 THEN 'mature' ELSE 'young' END "
    "WHEN 'relearning' THEN 'relearning' ELSE 'learning' END"
)

STATEMENTS_V1 = ("""
CREATE TABLE review_hours (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    hour TEXT NOT NULL,
    bank TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('learning', 'young', 'mature', 'relearning')),
    reviews INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    PRIMARY KEY (learner_id, hour, bank, category)
) WITHOUT ROWID""", f"""
CREATE TRIGGER review_hours_add AFTER INSERT ON reviews BEGIN
    INSERT INTO review_hours (learner_id, hour, bank, category, reviews, passed, time_ms)
    SELECT NEW.learner_id, substr(NEW.reviewed_at, 1, 13), c.bank, {CATEGORY.format(r="NEW")},
           1, NEW.rating > 1, coalesce(NEW.duration_ms, 0)
    FROM cards c WHERE c.id = NEW.card_id
    ON CONFLICT DO UPDATE SET reviews = reviews + 1, passed = passed + excluded.passed,
                              time_ms = time_ms + excluded.time_ms;
END""", f"""
CREATE TRIGGER review_hours_remove AFTER DELETE ON reviews BEGIN
    UPDATE review_hours SET reviews = reviews - 1, passed = passed - (OLD.rating > 1),
                            time_ms = time_ms - coalesce(OLD.duration_ms, 0)
    WHERE learner_id = OLD.learner_id AND hour = substr(OLD.reviewed_at, 1, 13)
      AND bank = (SELECT bank FROM cards WHERE id = OLD.card_id) AND category = {CATEGORY.format(r="OLD")};
END""", f"""
INSERT INTO review_hours (learner_id, hour, bank, category, reviews, passed, time_ms)
SELECT r.learner_id, substr(r.reviewed_at, 1, 13), c.bank, {CATEGORY.format(r="r")},
       count(*), sum(r.rating > 1), sum(coalesce(r.duration_ms, 0))
FROM reviews r JOIN cards c ON c.id = r.card_id
GROUP BY 1, 2, 3, 4
""")


def stats_v1(db: Database) -> None:
    """The review roll-up by learner, UTC hour, bank and type, its triggers, and the reviews so far."""
    for statement in STATEMENTS_V1:
        db.execute(statement)


# v2: the roll-up keyed hour-then-type, so summing a learner's banks streams in key order without
# a sort; and one index covering every column the card statistics read, so they never touch the
# table (100,000 random row reads otherwise).
_TRIGGERS = STATEMENTS_V1[1:3]
STATEMENTS_V2 = (
    "DROP TRIGGER review_hours_add",
    "DROP TRIGGER review_hours_remove",
    """CREATE TABLE review_hours_v2 (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    hour TEXT NOT NULL,
    bank TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('learning', 'young', 'mature', 'relearning')),
    reviews INTEGER NOT NULL,
    passed INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    PRIMARY KEY (learner_id, hour, category, bank)
) WITHOUT ROWID""",
    "INSERT INTO review_hours_v2 SELECT learner_id, hour, bank, category, reviews, passed, time_ms FROM review_hours",
    "DROP TABLE review_hours",
    "ALTER TABLE review_hours_v2 RENAME TO review_hours",
    *_TRIGGERS,
    "CREATE INDEX cards_stats ON cards (learner_id, bank, kind, suspended, state, stability, difficulty, "
    "last_review, due, lapses, leech, fact_id)",
)


def stats_v2(db: Database) -> None:
    """The roll-up keyed (learner, hour, type, bank); a covering index for the card statistics."""
    for statement in STATEMENTS_V2:
        db.execute(statement)
