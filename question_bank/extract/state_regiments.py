"""Regiments named by a number and the state that raised them ('the 20th Maine', 'the 2nd New
Hampshire'), as the American Civil War named its volunteer regiments; the state in the name is no
place. Kept apart from `units` so that module stays short."""

from __future__ import annotations

import re

from question_bank.extract import gazetteer
from question_bank.extract.lexicon import is_common_word

_STATE_REGIMENT = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th) (?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w’'-]| [A-Z\d(])"
)


def state_regiment_spans(text: str) -> list[tuple[int, int]]:
    """Where 'the 20th Maine' and the like stand: an ordinal and a state's or a country's name
    with no unit word after it (those are the numbered rule's)."""
    if "th " not in text and "st " not in text and "nd " not in text and "rd " not in text:
        return []
    return [(m.start(), m.end()) for m in _STATE_REGIMENT.finditer(text)
            if gazetteer.is_place(m.group("state")) and not is_common_word(m.group("state"))]
