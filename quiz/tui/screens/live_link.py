"""A live screen's line to its game: one store thread (`StoreWriter`) for every call, and a look at
the game as often as the screen's state asks (a few times a second when a change is due, once a
second or never when none can come), never more than one on its way. The UI thread never waits
on the database; each answer comes back to the screen as a message."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message import Message
from textual.screen import Screen

from quiz.errors import QuizError
from quiz.tui.writer import Job, StoreWriter

__all__ = ["LiveLink"]


class LiveLink:
    """`look` makes the message with the game as it stands (run on the store thread); `refused`
    the one for a look the store refused. The screen calls `looked()` when a look's message
    arrives, so the next can go; `polls` counts them (tests wait on it)."""

    def __init__(self, owner: Screen[None], name: str, look: Callable[[], Message],
                 refused: Callable[[QuizError], Message]) -> None:
        self.owner = owner
        self.writer = StoreWriter(owner, name)
        self.look_job = Job(look, refused)
        self.looking = False
        self.polls = 0
        self._said: str | None = None
        self._last = 0.0  # when the last look came back (monotonic)

    def start(self, every: float, wait: Callable[[], float | None]) -> None:
        """Check every `every` seconds whether to look: `wait()` is how long after the last look
        the next is due (None: no look now, as for an ended game)."""
        self.writer.start()

        def poll() -> None:
            due = None if self.looking else wait()
            if due is not None and time.monotonic() - self._last >= due - every / 2:
                self.looking = True
                self.writer.put(self.look_job)

        self.owner.set_interval(every, poll)

    def looked(self) -> None:
        self.looking = False
        self._last = time.monotonic()
        self.polls += 1

    def said(self, problem: str | None) -> bool:
        """Note why the last look failed (None: it worked); True when that is news to say."""
        news = problem is not None and problem != self._said
        self._said = problem
        return news

    def put(self, job: Job) -> None:
        """A call of the teacher's or the player's, after every call queued before it."""
        self.writer.put(job)

    def close(self) -> None:
        self.writer.close()
