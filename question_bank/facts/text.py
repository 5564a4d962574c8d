"""Text helpers: folding names for comparison, and the `[slot]` markup of fact statements."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

# anyascii reads Cyrillic the Russian way (Ниш → "nish"); Serbian Cyrillic goes via Serbian Latin.
_SERBIAN_CYRILLIC = str.maketrans(
    dict(zip("жцчћђшхЖЦЧЋЂШХ", "žcčćđšhŽCČĆĐŠH", strict=False)) | {"џ": "dž", "Џ": "Dž"}
)


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# For ASCII text, the same in one pass: capitals to small letters, anything else but a digit to a space.
_ASCII_FOLD = str.maketrans({
    chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)
})


def fold(text: str) -> str:
    """Fold case, diacritics and script so 'ZAJEČAR', 'zajecar' and 'Зајечар' compare equal."""
    if text.isascii():  # plain ASCII (most bank text) needs neither the script nor the regex
        return " ".join(text.translate(_ASCII_FOLD).split())
    text = anyascii(unicodedata.normalize("NFC", text).translate(_SERBIAN_CYRILLIC))
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class Slot:
    """An entity named in a statement: `[display|Catalog name]` or `[Catalog name]`."""

    display: str
    ref: str
    start: int  # offset of the display text in the rendered text
    end: int


_SLOT = re.compile(r"\[([^\[\]|]+)(?:\|([^\[\]|]+))?\]")


def parse_slots(marked: str) -> tuple[str, list[Slot]]:
    """Render marked-up text to plain text and return the slots found in it.

    Raises ValueError on an unbalanced bracket.
    """
    plain: list[str] = []
    slots: list[Slot] = []
    pos = 0
    length = 0
    for match in _SLOT.finditer(marked):
        before = marked[pos : match.start()]
        if "[" in before or "]" in before:
            raise ValueError(f"unbalanced '[' or ']' near '{before.strip()[:30]}'")
        plain.append(before)
        length += len(before)
        display = _one_article(before, match.group(1).strip())
        ref = (match.group(2) or match.group(1)).strip()
        slots.append(Slot(display, ref, length, length + len(display)))
        plain.append(display)
        length += len(display)
        pos = match.end()
    tail = marked[pos:]
    if "[" in tail or "]" in tail:
        raise ValueError(f"unbalanced '[' or ']' near '{tail.strip()[:30]}'")
    plain.append(tail)
    return "".join(plain), slots


_ARTICLE = re.compile(r"(?i)(?:^|\s)(the|a|an)\s+$")


def _one_article(before: str, display: str) -> str:
    """"crossed the [the Donets|…]" reads "crossed the Donets": an article typed both before a
    slot and at the start of its display text is said once."""
    found = _ARTICLE.search(before)
    if found is None:
        return display
    article = found.group(1).lower()
    head, _, rest = display.partition(" ")
    return rest if head.lower() == article and rest else display


def strip_markup(marked: str) -> str:
    return parse_slots(marked)[0]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def mentions(text: str, name: str) -> bool:
    """True if `name` stands in `text` as whole words (give both in the same case or folding)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False
