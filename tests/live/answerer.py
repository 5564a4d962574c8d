"""A process answering a live game's open question for many students, one answer at a time, saying
`ok LEARNER_ID` after each; the test kills it part-way.

    python tests/live/answerer.py DB CODE NOW_ISO ANSWER LEARNER_ID...
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from quiz.live.player import LivePlayer  # noqa: E402
from quiz.store import open_db  # noqa: E402


def main() -> None:
    location, code, now, given, *learners = sys.argv[1:]
    moment = datetime.fromisoformat(now)
    player = LivePlayer(open_db(location), lambda: moment)
    for learner_id in learners:
        player.answer(code, int(learner_id), 0, given)
        print("ok", learner_id, flush=True)


if __name__ == "__main__":
    main()
