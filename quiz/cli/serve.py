"""`quiz serve`: the student's door in browsers, one `quiz paper take` process per tab.

textual-serve has no login and runs the command it is given for every tab, so that command is the
take app only: a tab can take papers and nothing else (no teacher screens, no key, no results).
"""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.context import AppContext

if TYPE_CHECKING:
    from aiohttp import web


def take_command(db_path: Path, paper: str | None) -> str:
    """The shell line each tab runs: this Python, this database, the take app (and its paper).
    `exec` so the shell gives way to Python: one process per tab, not two."""
    argv = [sys.executable, "-m", "quiz", "--db", str(db_path), "paper", "take"]
    if paper is not None:
        argv.append(paper)
    return "exec " + shlex.join(argv)


def make_server(command: str, host: str, port: int, public_url: str | None, title: str) -> object:
    """A textual-serve server that closes its tabs' websockets when it stops (the stock one waits
    about 24 s for them on SIGTERM), and says where it listens in one plain line."""
    from textual_serve.server import Server

    class QuizServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title=title, public_url=public_url)
            self.sockets: set[web.WebSocketResponse] = set()

        async def on_startup(self, app: web.Application) -> None:
            click.echo(f"quiz: serving the take screen on {self.public_url} (Ctrl+C stops)")

        async def on_shutdown(self, app: web.Application) -> None:
            for tab in list(self.sockets):
                await tab.close()

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.on_response_prepare.append(self._remember_socket)
            return app

        async def _remember_socket(self, request: web.Request, response: web.StreamResponse) -> None:
            from aiohttp.web import WebSocketResponse

            if isinstance(response, WebSocketResponse):
                self.sockets = {tab for tab in self.sockets if not tab.closed}
                self.sockets.add(response)

        def initialize_logging(self) -> None:
            """Warnings only: a classroom's server log is for problems, not every connection."""
            import logging

            logging.basicConfig(level="WARNING", format="textual-serve: %(message)s")

    return QuizServer()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens it to the classroom network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--paper", "paper", metavar="CODE", help="Open every tab on this paper (else each student types its code).")
@click.option("--public-url", "public_url", metavar="URL",
              help="The address students' browsers use, e.g. http://teacher-pc:8000 (default: from host and port).")
@click.pass_obj
def serve(obj: AppContext, host: str, port: int, paper: str | None, public_url: str | None) -> None:
    """Serve the take screen to browsers: each tab is one student taking a paper.

    \b
    Loopback only by default. For a classroom:
      quiz serve --host 0.0.0.0 --public-url http://teacher-pc:8000 --paper CODE
    Students open that address, give their name and personal code, and take the paper; a tab
    can do nothing else (no teacher screens, no key, no one else's results).
    """
    desk = obj.desk()
    title = "quiz"
    if paper is not None:
        title = f"quiz · {desk.classroom.paper(paper).title}"  # an unknown code stops here, one line
    desk.close()
    if public_url is not None and not public_url.startswith(("http://", "https://")):
        raise click.BadParameter("must start with http:// or https://", param_hint="--public-url")
    if public_url is None and host in ("0.0.0.0", "::", ""):
        # Browsers are told to connect back to the public URL: "0.0.0.0" is no address to connect to.
        public_url = f"http://{socket.gethostname()}:{port}"
        click.echo(f"quiz: students' browsers will use {public_url}; if that name does not reach this "
                   "machine, give --public-url http://ADDRESS:PORT", err=True)
    server = make_server(take_command(obj.db_path.resolve(), paper), host, port, public_url, title)
    server.serve()  # type: ignore[attr-defined]
