"""The live game's websocket player reads the play screen as textual-serve sends it: text broken by
style changes, each wait looking only at what came after its mark."""

from __future__ import annotations

from bench.live_tab import ANSWERED, FINAL, REFUSED, REVEALED, SENT, VERDICTS, dots_shown, name_shown, plain, which


def test_the_verdict_is_told_apart_even_when_styled():
    screen = b"\x1b[1;31mNot right.\x1b[0m  \x1b[2mThe answer: \x1b[0mJuly"
    assert which(REVEALED, VERDICTS, screen, 0) == "Not right."
    assert which(REVEALED, VERDICTS, b"\x1b[1;32mRight!\x1b[0m  +900 points", 0) == "Right!"
    assert which(REVEALED, VERDICTS, b"Nearly, but not right.", 0) == "Nearly, but not right."
    assert REVEALED.search(screen, len(screen)) is None  # nothing after the mark


def test_sent_or_refused_is_what_the_screen_said_after_the_key():
    shown = (SENT, REFUSED, *VERDICTS)
    assert which(ANSWERED, shown, "Answer sent — waiting for the others".encode(), 0) == SENT
    assert which(ANSWERED, shown, b"\x1b[1mNot counted: the time is up.", 0) == REFUSED


def test_a_field_shows_exactly_what_was_typed():
    assert name_shown("Student 001").search(b"\x1b[0mStudent 001\x1b[7m ") is not None
    assert name_shown("Student 001").search(b" Student 0011") is None  # a key that came twice
    dot = "•".encode()
    assert dots_shown("ABC123").search(b" " + dot * 6 + b" ") is not None
    assert dots_shown("ABC123").search(b" " + dot * 7 + b" ") is None


def test_the_final_place_is_read_off_the_plain_text():
    screen = b"\x1b[1mYou came 2nd of 35\x1b[0m with 2710 points."
    found = FINAL.search(plain(screen))
    assert found is not None and found.groups() == ("2", "35", "2710")
