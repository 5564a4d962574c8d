"""A crash ends an app with one line on stderr and exit code 1; the traceback goes to a file."""

from __future__ import annotations

import sys
import traceback
from typing import Any

from textual.app import App


class OneLineCrash(App[Any]):
    """Mixed into both apps in place of Textual's full-screen traceback."""

    _crash_line: str | None = None

    def _fatal_error(self) -> None:
        if self._crash_line is None:
            error = self._exception
            from quiz.paths import crash_log_path  # platformdirs, only once something crashed

            log = crash_log_path()
            try:
                log.parent.mkdir(parents=True, exist_ok=True)
                log.write_text("".join(traceback.format_exception(error)) if error else "", encoding="utf-8")
                where = f" (details in {log})"
            except OSError:
                where = ""
            message = f"{type(error).__name__}: {error}" if error else "unknown error"
            self._crash_line = " ".join(f"quiz: crashed: {message}{where}".split())
            self.bell()
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        """After a crash, the one line; otherwise whatever Textual kept to show."""
        if self._crash_line is not None:
            self._exit_renderables.clear()
            print(self._crash_line, file=sys.stderr)
            return
        super()._print_error_renderables()
