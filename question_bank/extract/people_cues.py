"""People the words around a name make people, though the name lists lack them: a single name
followed by ', who' ('Lindell, who had hoped …'; a town's name too, never a country's), two
unlisted name words after 'led by', 'reached by' or 'under' ('under Aurel Vantongeren'), a first
name and an epithet ('Alfred the Great'), names after a plural title or kin noun ('the earls Osric
and Wulf', 'his brothers Osric and Wulf') and single names listed with a known person."""

from __future__ import annotations

import re

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import (
    NOT_NAME,
    UPPER,
    ActorMention,
    is_known_place,
    name_word_ok,
    noun_lemmas,
)
from question_bank.extract.kin import is_demonym
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.organisations import ORG_HEADS
from question_bank.extract.people import NOT_ROLE, ROLE_SUFFIX, TITLES, first_names
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


_ONE_NAME = rf"[{UPPER}][a-zà-ÿ]{{2,}}"
# ' the Great' first (a pattern that opens with plain text is searched fast), then the first name before it
_EPITHET = re.compile(rf" the (?P<epithet>[A-Z][a-z]{{2,}})(?![\w’'-]| [{UPPER}])")
_FIRST_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<first>{_ONE_NAME})$")


def epithet_people(text: str) -> list[ActorMention]:
    """'Alfred the Great', 'Ivan the Terrible': a listed first name, 'the' and a capitalised word
    that is no place, people or head word."""
    found = []
    for match in _EPITHET.finditer(text):
        first = _FIRST_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if first and first.group("first") in first_names() and _bare_name_ok(match.group("epithet")):
            found.append(ActorMention(first.start(), match.end(), text[first.start() : match.end()], "person",
                                      rule="epithet"))
    return found


_GROUP = re.compile(rf"\b(?P<role>[a-z]+s),? (?P<names>{_ONE_NAME}(?:, {_ONE_NAME})*,? and {_ONE_NAME})(?![\w’'-]| [{UPPER}])")
_GROUP_CUE = re.compile(rf" and [{UPPER}]")  # (opens with plain text: searched fast)
_NAME = re.compile(_ONE_NAME)
_KIN_PLURALS = frozenset({"brothers", "sisters", "sons", "daughters", "cousins", "nephews", "nieces", "children"})


def grouped_people(text: str) -> list[ActorMention]:
    """'the northern earls Osric and Wulf', 'his brothers Osric and Wulf': single names listed
    after a plural title, role or kin noun."""
    if _GROUP_CUE.search(text) is None:
        return []
    found = []
    for match in _GROUP.finditer(text):
        role = match.group("role")
        nouns = noun_lemmas(role)
        if role not in _KIN_PLURALS and not (nouns and nouns[0] != role and nouns[0] not in NOT_ROLE and (
                nouns[0] in TITLES or ROLE_SUFFIX.search(nouns[0]))):
            continue
        for name in _NAME.finditer(match.group("names")):
            if _one_name_ok(name.group()):
                start = match.start("names") + name.start()
                found.append(ActorMention(start, start + len(name.group()), name.group(), "person", rule="group"))
    return found


def _bare_name_ok(name: str) -> bool:
    """A capitalised word that is no place, people, title or head word (an English word may be)."""
    return name_word_ok(name) and not is_known_place(name) and not is_demonym(name) and \
        name.lower() not in _NOT_FIRST and name.lower() not in TITLES


def _one_name_ok(name: str) -> bool:
    return _bare_name_ok(name) and not is_common_word(name)


_LISTED_AFTER = re.compile(rf"(?:, | and )(?P<name>{_ONE_NAME})(?![\w’'.-]| [{UPPER}])")
_LISTED_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<name>{_ONE_NAME})(?:, | and )$")


def listed_with_people(text: str, people: list[ActorMention], taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Single names listed right before or after a known person ('Harold, Osric and Wulf were
    killed', 'Hardrada and Osric'), that nothing else took: people too, though no list has them."""
    found: list[ActorMention] = []
    queue = list(people)
    while queue:
        person = queue.pop()
        candidates = [m for m in [_LISTED_AFTER.match(text, person.end)] if m]
        before = _LISTED_BEFORE.search(text, max(0, person.start - 30), person.start)
        candidates += [before] if before and not _capital_before(text, before.start()) and \
            not text[: before.start()].endswith(" of ") else []  # 'Reynald of Tarsa, Hugh …': a place
        for match in candidates:
            start, end = match.start("name"), match.end("name")
            if not _one_name_ok(match.group("name")) or \
                    any(start < b and a < end for a, b in [*taken, *((f.start, f.end) for f in found)]):
                continue
            mention = ActorMention(start, end, match.group("name"), "person", rule="list")
            found.append(mention)
            queue.append(mention)
    return found


# 'the Mamluk sultan Baybars', 'the emperor Nero': a title in lower case before a single name
_LOWER_TITLES = frozenset(t for t, role in TITLES.items() if role and t.isalpha())
_LOWER_THEN_NAME = re.compile(rf" (?P<title>[a-z]+) (?P<name>{_ONE_NAME})(?![\w’'-]| [{UPPER}])")
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Aa]n?) (?:[A-Z]?[a-z]+ )?$")  # 'the Mamluk ', 'an '


def lower_titled_people(text: str) -> list[ActorMention]:
    """'the Mamluk sultan Baybars', 'the emperor Nero': a single name after a title in lower case."""
    if _LOWER_TITLES.isdisjoint(text.split()):
        return []
    found = []
    for match in _LOWER_THEN_NAME.finditer(text):
        title, name = match.group("title"), match.group("name")
        if title in TITLES and TITLES[title] and _DETERMINED.search(text, max(0, match.start() - 20), match.start() + 1) \
                and _one_name_ok(name):
            found.append(ActorMention(match.start("name"), match.end("name"), name, "person", TITLES[title],
                                      rule="title", lead=match.start("title")))
    return found
