"""A game's join code in letters five rows high, for a class to read off a projector.

Textual's `Digits` draws 0-9 and A-F only; a code's alphabet (quiz.classroom.codes) has most of
the letters, so the code is drawn here from a small block font. A character the font lacks is
drawn as itself, in the middle row.
"""

from __future__ import annotations

from rich.text import Text

__all__ = ["big_code"]

HEIGHT = 5
WIDTH = 5

# Each glyph: five rows of five cells, "#" inked, "." blank (rows separated by spaces).
_FONT = {
    "A": ".###. #...# ##### #...# #...#", "B": "####. #...# ####. #...# ####.",
    "C": ".#### #.... #.... #.... .####", "D": "####. #...# #...# #...# ####.",
    "E": "##### #.... ####. #.... #####", "F": "##### #.... ####. #.... #....",
    "G": ".#### #.... #..## #...# .###.", "H": "#...# #...# ##### #...# #...#",
    "I": "##### ..#.. ..#.. ..#.. #####", "J": "..### ....# ....# #...# .###.",
    "K": "#...# #..#. ###.. #..#. #...#", "L": "#.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #...# #...#", "N": "#...# ##..# #.#.# #..## #...#",
    "O": ".###. #...# #...# #...# .###.", "P": "####. #...# ####. #.... #....",
    "Q": ".###. #...# #.#.# #..#. .##.#", "R": "####. #...# ####. #..#. #...#",
    "S": ".#### #.... .###. ....# ####.", "T": "##### ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# .###.", "V": "#...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #.#.# ##.## #...#", "X": "#...# .#.#. ..#.. .#.#. #...#",
    "Y": "#...# .#.#. ..#.. ..#.. ..#..", "Z": "##### ...#. ..#.. .#... #####",
    "0": ".###. #..## #.#.# ##..# .###.", "1": "..#.. .##.. ..#.. ..#.. .###.",
    "2": ".###. #...# ..##. .#... #####", "3": "####. ....# .###. ....# ####.",
    "4": "#...# #...# ##### ....# ....#", "5": "##### #.... ####. ....# ####.",
    "6": ".###. #.... ####. #...# .###.", "7": "##### ....# ...#. ..#.. ..#..",
    "8": ".###. #...# .###. #...# .###.", "9": ".###. #...# .#### ....# .###.",
}


def _rows(char: str) -> list[str]:
    glyph = _FONT.get(char.upper())
    if glyph is None:
        middle = char.center(WIDTH) if char.isprintable() else " " * WIDTH
        return [middle if row == HEIGHT // 2 else " " * WIDTH for row in range(HEIGHT)]
    return [row.replace("#", "█").replace(".", " ") for row in glyph.split()]


def big_code(code: str, style: str = "bold") -> Text:
    """`code` five rows high, one blank column between letters."""
    glyphs = [_rows(char) for char in code]
    lines = [" ".join(glyph[row] for glyph in glyphs).rstrip() for row in range(HEIGHT)]
    return Text("\n".join(lines), style=style, no_wrap=True)
