"""`quiz teacher-tab`: a teacher's sign-in and homework view in a terminal, and in each tab
`quiz serve --teachers` opens at /teacher. The door is signed in to no one: `--teacher` and
$QUIZ_TEACHER (which a served tab inherits from the server's shell) are ignored, a password is asked."""

from __future__ import annotations

import os

import click

from quiz.cli.context import AppContext


@click.command("teacher-tab")
@click.pass_obj
def teacher_tab(obj: AppContext) -> None:
    """A teacher's view: sign in with your teacher's name and password (`quiz teacher add`), then
    your classes and each one's homework view (read-only). Refused on a database without teacher
    accounts. What `quiz serve --teachers` runs in each tab at /teacher; ctrl+q leaves."""
    from quiz.cli.take import CLIENT_ADDRESS
    from quiz.doors.teacher import TeacherDoor

    door = TeacherDoor(obj.db_path, None, create_folder=False,  # no one's until a password is right
                       address=os.environ.get(CLIENT_ADDRESS) or None).open()

    from quiz.tui.teacher_app import TeacherApp

    app = TeacherApp(door)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
