"""One thread per screen for the store's writes, run in the order given (toolong's model: slow I/O
in a thread worker, each result posted back as a dataclass message).

A write can wait up to 30 s for a busy database; on the UI thread that froze the screen, and keys
typed meanwhile landed in the wrong question. Here the screen captures what was given, moves on,
and hands the write to this thread. One thread, fed by a queue, keeps the writes in order.

The thread uses the screen's own store objects (the desk's connection, the study session's), so
the screen must not touch them while `idle` is False: "one thread at a time". SQLite connections
are opened with `check_same_thread=False` for this hand-over.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from quiz.errors import QuizError

__all__ = ["Job", "StoreWriter"]

CLOSE_WAIT_S = 35.0  # a write waits up to 30 s for the lock (WRITE_WAIT_S); then it gives up


@dataclass(frozen=True)
class Job:
    """A store call and how it is reported: `run` writes (on the writer thread) and returns the
    message for the screen; `refused` makes the message when the store says no (a `QuizError`)."""

    run: Callable[[], Message]
    refused: Callable[[QuizError], Message]


class StoreWriter:
    """Runs `Job`s one after another on a Textual thread worker, posting each report to `owner`.

    Any other exception is a bug: it ends the worker, and Textual ends the app with it."""

    def __init__(self, owner: DOMNode, name: str = "store writer") -> None:
        self.owner = owner
        self.name = name
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._finished = threading.Event()
        self._started = False

    def start(self) -> None:
        """Start the thread (from the owner, once it is mounted)."""
        if not self._started:
            self._started = True
            self.owner.run_worker(self._loop, name=self.name, group="store-writer", thread=True)

    def put(self, job: Job) -> None:
        """Queue a write; it runs after every write queued before it."""
        self.start()
        self._jobs.put(job)

    @property
    def idle(self) -> bool:
        """Every queued write has run and its report has been posted (not necessarily handled)."""
        return self._jobs.unfinished_tasks == 0

    def close(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Let the queued writes finish, then end the thread; False if they did not in `timeout`.
        Blocks: call it when the screen goes, after its `leave` waited for the writes in the open."""
        if not self._started:
            return True
        self._jobs.put(None)
        return self._finished.wait(timeout)

    def _loop(self) -> None:
        worker = get_current_worker()
        try:
            while True:
                try:
                    job = self._jobs.get(timeout=0.5)
                except queue.Empty:
                    if worker.is_cancelled:  # the owner went without closing: nothing is queued
                        return
                    continue
                try:
                    if job is None:
                        return
                    try:
                        report = job.run()
                    except QuizError as error:
                        report = job.refused(error)
                    self.owner.post_message(report)
                finally:
                    self._jobs.task_done()
        finally:
            self._finished.set()
