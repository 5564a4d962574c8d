"""One learner of a class opening a big bank at the same moment as the others (see test_class_opening).

    python class_worker.py DB BANK FACTS LEARNER START_FILE

Prints "ok <cards>" once the session shows its first question, "error <message>" for a QuizError.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).parent
sys.path[:0] = [str(HERE.parent.parent)]
# sqlite-utils imports numpy when it is installed (half a second a process, unused here): thirty
# processes on two cores would spend the test starting up.
sys.modules["numpy"] = None  # type: ignore[assignment]

from quiz.errors import QuizError  # noqa: E402
from quiz.study.session import StudySession  # noqa: E402
from tests.support.fakes import fake_check, fake_question  # noqa: E402


class Fact:
    """Just what card sync and the fake question maker read of a fact."""

    def __init__(self, fact_id: str) -> None:
        self.id = fact_id

    def statement(self) -> str:
        return f"Statement of {self.id}."


class BigBank:
    def __init__(self, name: str, count: int) -> None:
        self.name = self.title = name
        self.facts = [Fact(f"fact-{i}") for i in range(count)]
        self._by_id = {f.id: f for f in self.facts}

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]


def main(db_path: str, bank_name: str, facts: int, learner: str, start_file: str) -> int:
    bank = BigBank(bank_name, facts)
    while not os.path.exists(start_file):
        time.sleep(0.005)
    try:
        session = StudySession(
            db_path, learner, bank_name, clock=lambda: datetime(2026, 3, 2, 10, tzinfo=UTC), seed=1,
            question_maker=fake_question, checker=fake_check, kinds=lambda fact: ("date",),
            bank_loader=lambda db, name: bank,  # type: ignore[arg-type,return-value]
        )
    except QuizError as error:
        print("error", error, flush=True)
        return 3
    with session:
        cards = session.db.execute(
            "SELECT count(*) FROM cards WHERE learner_id = ?", [session.learner.id]
        ).fetchone()[0]
        print("ok", cards if session.current is not None else 0, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]))
