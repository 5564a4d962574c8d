"""A scripted learner in its own process, for the durability and concurrency tests.

    python worker.py DB LEARNER COUNT [START_FILE]

Answers COUNT questions (every third one wrong) on the sample bank, printing "ok <review count>"
after each answer returns, i.e. after its commit. With START_FILE, waits until it exists.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent.parent)]  # the working tree, so `tests.support` and `quiz` are found

from quiz.library.learners import ensure_learner  # noqa: E402
from quiz.library.preferences import save_settings  # noqa: E402
from quiz.store import open_db  # noqa: E402
from quiz.study.session import StudySession  # noqa: E402
from tests.support.banks import load_sample  # noqa: E402
from tests.support.fakes import fake_check, fake_question  # noqa: E402


def main(db_path: str, learner: str, count: int, start_file: str | None = None) -> None:
    bank = load_sample()
    now = [datetime(2026, 3, 2, 10, 0, tzinfo=UTC)]
    db = open_db(db_path)
    last = db.execute("SELECT max(reviewed_at) FROM reviews").fetchone()[0]
    if last:  # a rerun after a kill carries on from the last answer
        now[0] = datetime.fromisoformat(last) + timedelta(hours=1)
    person = ensure_learner(db, learner)
    save_settings(db, person.id, timezone="UTC", bury_new_siblings=False, new_per_day=100)
    db.close()
    if start_file:
        while not os.path.exists(start_file):
            time.sleep(0.005)
    session = StudySession(
        db_path, learner, clock=lambda: now[0], seed=hash(learner) % 1000,
        question_maker=fake_question, checker=fake_check,
        bank_loader=lambda db, name: bank, bank_names=lambda db: ["sample"],
    )
    for done in range(1, count + 1):
        while session.current is None:
            now[0] += timedelta(days=1)
            session.close()
            session = StudySession(
                db_path, learner, clock=lambda: now[0], question_maker=fake_question, checker=fake_check,
                bank_loader=lambda db, name: bank, bank_names=lambda db: ["sample"],
            )
        question = session.current.question
        session.answer("wrong-1" if done % 3 == 0 else question.answer)
        print("ok", done, flush=True)
        now[0] += timedelta(seconds=61)
        session.advance()
    session.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
