"""The benchmark's tab speaks textual-serve's protocol as textual.js does (the server drops anything else)."""

from __future__ import annotations

import json
import re

from bench.ws_client import ESCAPE, drawn, found, origin, ping, resize, stdin, text
from quiz.cli.served import clamp_size


def test_messages_are_the_pages_json_envelopes():
    assert json.loads(stdin("Student 1\r")) == ["stdin", "Student 1\r"]
    assert json.loads(stdin("\x13")) == ["stdin", "\x13"]
    assert json.loads(resize(80, 24)) == ["resize", {"width": 80, "height": 24}]
    assert json.loads(ping(3)) == ["ping", "3"]
    message = json.loads(resize(80, 24))[1]
    assert clamp_size(message["width"], message["height"]) == (80, 24)  # what the server accepts


def test_the_origin_is_the_served_pages():
    assert origin("http://127.0.0.1:8000/ws") == "http://127.0.0.1:8000"
    assert origin("ws://teacher-pc:8000/ws") == "http://teacher-pc:8000"
    assert origin("https://quiz.example/ws") == "https://quiz.example"


def test_text_is_looked_for_only_after_the_mark():
    screen = bytearray(b"\x1b[1;1HQuestion 1 of 8\x1b[0m")
    mark = len(screen)
    assert found(screen, b"Question 1 of", 0) == screen.find(b" 8")
    assert found(screen, b"Question 1 of", mark) is None
    screen += b"\x1b[38;2;1;2;3mQuestion 2 of 8"
    assert found(screen, re.compile(rb"Question \d of 8"), mark) == len(screen)
    assert text(screen[mark:]).strip() == "Question 2 of 8"
    assert ESCAPE.sub(b"", b"\x1b[?25l\x1b[7;12Hx") == b"x"


def test_drawn_text_may_change_style_between_its_characters():
    under_cursor = b"\x1b[7mG\x1b[0m\x1b[2mame code\x1b[0m"
    assert drawn("Game code").search(under_cursor) is not None
    assert drawn("Game code").search(b"Game  code") is None
    assert drawn("Live \xb7 AB").search("Live \xb7 AB".encode()) is not None
