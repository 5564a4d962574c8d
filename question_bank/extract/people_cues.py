"""People the words around a name make people, though the name lists lack them: a single name
followed by ', who' ('Lindell, who had hoped …'; a town's name too, never a country's), and two
unlisted name words after 'led by', 'reached by' or 'under' ('under Aurel Vantongeren')."""

from __future__ import annotations

import re

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import NOT_NAME, UPPER, ActorMention, is_known_place, name_word_ok
from question_bank.extract.kin import is_demonym
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.organisations import ORG_HEADS
from question_bank.extract.place_heads import FOREIGN_PREFIXES, HEADS_AFTER, HEADS_BEFORE

_WHO = re.compile(rf"(?<![\w’'.-])(?P<name>[{UPPER}][a-zà-ÿ]{{2,}}), (?:who|whom)\b")
_PLACE_BEFORE = re.compile(r"\b(?:of|in|at|from|to|near|into|a|an) $")  # 'the firm of Omaha, who', 'a Texan, who'
_BIG_PLACES = frozenset({"country", "continent", "region"})


def who_named_people(text: str) -> list[ActorMention]:
    """'Lindell, who had hoped to see it': a single name a relative 'who' makes a person."""
    if ", who" not in text:
        return []
    found = []
    for match in _WHO.finditer(text):
        name = match.group("name")
        if not name_word_ok(name) or is_common_word(name) or is_demonym(name) or \
                _place_kind(name) in _BIG_PLACES or _capital_before(text, match.start()) or \
                _PLACE_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue
        found.append(ActorMention(match.start(), match.end("name"), name, "person", rule="who"))
    return found


def _place_kind(name: str) -> str:
    places = gazetteer.index().by_key.get(name.lower(), [])
    return getattr(places[0], "type", "") if places else ""


def _capital_before(text: str, start: int) -> bool:
    return re.search(rf"[{UPPER}][\w’'.-]* $", text[max(0, start - 30) : start]) is not None


_LED_BY = re.compile(
    rf"\b(?:(?:led|commanded|headed|reached|founded|captained|discovered) by|under) "
    rf"(?P<name>[{UPPER}][a-zà-ÿ]{{2,}} [{UPPER}][a-zà-ÿ]{{2,}})(?![\w’'-]| [{UPPER}])"
)
_NOT_FIRST = frozenset({*NOT_NAME, *ORG_HEADS, *HEADS_AFTER, *HEADS_BEFORE, *FOREIGN_PREFIXES})


def led_by_people(text: str) -> list[ActorMention]:
    """'reached by Aurel Vantongeren', 'under Aurel Vantongeren': two name words, no English
    word, place, people or head word among them, after 'led by' and the like."""
    if " by " not in text and "under " not in text:
        return []
    found = []
    for match in _LED_BY.finditer(text):
        words_ = match.group("name").split()
        if is_common_word(words_[0]) or any(w.lower() in _NOT_FIRST or is_demonym(w) or not name_word_ok(w) for w in words_) or \
                is_known_place(words_[0]) or is_known_place(match.group("name")):
            continue
        found.append(ActorMention(match.start("name"), match.end("name"), match.group("name"), "person", rule="led by"))
    return found
