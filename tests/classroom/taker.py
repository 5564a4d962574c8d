"""A student taking a paper in their own process, for the kill test.

    python taker.py DB CODE STUDENT PERSONAL_CODE NOW_ISO COUNT

Starts (or resumes) the attempt at the fixed time NOW_ISO, prints "started ID DEADLINE", answers
COUNT questions in the order shown, printing "ok POSITION" after each commit, then waits to be killed.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent.parent)]  # the working tree

from quiz.classroom import Classroom  # noqa: E402
from quiz.store import open_db  # noqa: E402


def main(db_path: str, code: str, student: str, personal: str, now: str, count: int) -> None:
    moment = datetime.fromisoformat(now)
    room = Classroom(open_db(db_path), lambda: moment)
    paper = room.paper(code)
    view = room.start_attempt(code, student, personal)
    print("started", view.attempt_id, view.deadline.isoformat() if view.deadline else "-", flush=True)
    for item in view.items[:count]:
        room.answer(view.attempt_id, item.position, paper.questions[item.position].answer)
        print("ok", item.position, flush=True)
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main(*sys.argv[1:6], int(sys.argv[6]))
