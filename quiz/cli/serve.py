"""`quiz serve`: the student's door in browsers, one process per tab: the student's home
(`quiz student`), or with --paper the take app on that paper (`quiz paper take CODE`).

textual-serve has no login and runs the command it is given for every tab, so that command is a
student's app only: a tab signs in and reaches that student's homework, papers and progress, and
nothing else (no teacher screens, no key, no one else's results). With --teachers, `/teacher` is a
second page whose tabs run `quiz teacher-tab` (a teacher's password, then their own classes'
homework view, read-only); opt-in, so a classroom host serves students only unless asked, and
refused on a database without teacher accounts (there would be no password to ask).
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Protocol

import click

from quiz.cli.context import AppContext
from quiz.locations import is_url

DEFAULT_MAX_TABS = 60  # a class of 30 with room for reloads: about 2.3 GB of take apps at most


def take_command(db_path: Path | str, paper: str | None) -> str:
    """The shell line each tab runs: this Python, this database, and the take app on `paper`, or
    without one the student's home (`quiz student`), through `quiz.tab` (the same apps without
    click, and without OpenSSL on SQLite: about 4.4 MB less per tab). `exec` so the shell gives way
    to Python: one process per tab, not two. A database URL is not on the line (anyone's `ps` shows
    it, password and all): the tab inherits it as $QUIZ_DB."""
    return _tab_command(db_path, ["paper", "take", paper] if paper is not None else ["student"])


def teacher_command(db_path: Path | str) -> str:
    """The shell line each teacher's tab (/teacher) runs: `quiz teacher-tab` on this database (quiz.tab)."""
    return _tab_command(db_path, ["teacher-tab"])


def _tab_command(db_path: Path | str, command: list[str]) -> str:
    database = [] if is_url(db_path) else ["--db", str(db_path)]
    return "exec " + shlex.join([sys.executable, "-m", "quiz.tab", *database, *command])


class Serving(Protocol):
    def serve(self) -> None: ...


def make_server(command: str, host: str, port: int, public_url: str | None, title: str, db_path: Path | str,
                max_tabs: int = DEFAULT_MAX_TABS, trusted_proxies: frozenset[str] = frozenset(),
                teachers: str | None = None) -> Serving:
    """The class server (quiz.cli.served): textual-serve with origin, size and tab limits, and a
    health check that asks the database through a student's door of its own (on its own thread);
    `teachers`: the command of the /teacher page's tabs (None: no such page)."""
    from quiz.cli.served import Limits, QuizServer
    from quiz.doors.student import StudentDoor

    probe = StudentDoor(db_path, create_folder=False)
    return QuizServer(command, host, port, public_url, title, Limits(max_tabs, trusted_proxies), probe, teachers)


def proxy_addresses(given: tuple[str, ...]) -> frozenset[str]:
    """--trusted-proxy values as addresses (a name or a network is refused: one proxy each)."""
    found = set()
    for text in given:
        try:
            found.add(str(ipaddress.ip_address(text.strip())))
        except ValueError:
            raise click.BadParameter(f"{text!r} is not an IP address", param_hint="--trusted-proxy") from None
    return frozenset(found)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens it to the classroom network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--paper", "paper", metavar="CODE",
              help="Open every tab on this paper (else each tab is a student's home: homework, open papers, progress).")
@click.option("--public-url", "public_url", metavar="URL",
              help="The address students' browsers use, e.g. http://teacher-pc:8000 (default: from host and port).")
@click.option("--max-tabs", "max_tabs", type=click.IntRange(1, 1000), default=DEFAULT_MAX_TABS, show_default=True,
              help="Tabs open at once (each runs a take app of about 39 MB); more get a 'server is full' page.")
@click.option("--trusted-proxy", "trusted_proxy", metavar="ADDRESS", multiple=True,
              help="A reverse proxy in front of this server whose X-Forwarded-For is believed (repeatable); "
                   "without it, a tab's address is its connection's.")
@click.option("--teachers", is_flag=True,
              help="Also serve teachers at /teacher: a teacher's name and password, then their own classes' "
                   "homework view (read-only). Needs teacher accounts (`quiz teacher add`).")
@click.pass_obj
def serve(obj: AppContext, host: str, port: int, paper: str | None, public_url: str | None, max_tabs: int,
          trusted_proxy: tuple[str, ...], teachers: bool) -> None:
    """Serve students' browsers: each tab signs in with class, name and personal code and is
    that student's home (homework due, studied in the browser; the class's open papers; their own
    progress), or with --paper takes that one paper.

    \b
    Loopback only by default. For a classroom:
      quiz serve --host 0.0.0.0 --public-url http://teacher-pc:8000
      quiz serve --host 0.0.0.0 --public-url http://teacher-pc:8000 --paper CODE
    A tab can do nothing else (no teacher screens, no key, no one else's results). A tab's
    connection must come from this server's own page (another site's page is refused), a tab's
    terminal is at most 500x200, and at most --max-tabs tabs run at once. Wrong personal codes are
    limited: 5 for one student, or 20 from one browser's address, within 15 minutes lock that
    student (or address) out for 15 minutes (`quiz class unlock`, `quiz class unlock-address`).

    \b
    With --teachers, teachers open http://teacher-pc:8000/teacher: name and password (5 wrong
    within 15 minutes lock that teacher out for 15), then their own classes' homework view.
    """
    proxies = proxy_addresses(trusted_proxy)
    door = obj.student()
    title = "quiz"
    if paper is not None:
        title = f"quiz · {door.paper_title(paper)}"  # an unknown code stops here, one line
    door.close()
    if teachers:
        accounts = obj.teacher_accounts()
        if not accounts.accounts.exist():
            raise click.UsageError("--teachers needs teacher accounts, so that a teacher's tab asks a password: "
                                   "add one with `quiz teacher add NAME`")
        accounts.close()
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        raise click.BadParameter("must start with http:// or https://", param_hint="--public-url")
    if public_url is None and host in ("0.0.0.0", "::", ""):
        # Browsers are told to connect back to the public URL: "0.0.0.0" is no address to connect to.
        public_url = f"http://{socket.gethostname()}:{port}"
        click.echo(f"quiz: students' browsers will use {public_url}; if that name does not reach this "
                   "machine, give --public-url http://ADDRESS:PORT", err=True)
    db_path = obj.db_path.resolve() if isinstance(obj.db_path, Path) else obj.db_path
    if is_url(db_path):
        os.environ["QUIZ_DB"] = str(db_path)  # each tab's process inherits it (see take_command)
    server = make_server(take_command(db_path, paper), host, port, public_url, title, db_path, max_tabs, proxies,
                         teachers=teacher_command(db_path) if teachers else None)
    server.serve()
