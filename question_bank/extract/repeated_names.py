"""Actors met again elsewhere in an article: a surname, a first name, a family, a ship's or a
craft's name alone after the full name is the same actor, with its name and role everywhere
(`names_elsewhere`, run over a whole article's finds once every sentence is read)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, Protocol

from lemminflect import getAllLemmas

from question_bank.extract.actor_names import (
    CAP,
    POSSESSIVE,
    ActorMention,
    capital,
    is_known_place,
    name_capital,
)
from question_bank.extract.kin import demonym_named_ships
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.people import first_name_before, first_names
from question_bank.extract.people_cues import listed_with_people
from question_bank.extract.place_heads import MONTHS_DAYS
from question_bank.extract.vessels import SHIP_PREFIX, listed_ships, nation_named_ships
from question_bank.facts.text import fold

GLOSS = re.compile(r"\s*\([^()]*")  # a gloss in brackets after a name
NAMED_ATTACK = re.compile(r"[’']s (?:Charge|Raid|Attack|Assault|Ride|March|Rebellion|Revolt|Stand)\b")


class _Finds(Protocol):
    """What names_elsewhere reads and updates of a sentence's finds (article.SentenceFinds)."""

    actors: list[ActorMention]
    places: list[Any]

    def spans(self) -> list[tuple[int, int]]: ...

    @property
    def text(self) -> str: ...


_TOKEN = re.compile(r"[^\W\d_][\w-]*(?:[’'][^\W\d_s][\w-]*)?|\d+")  # 'Khrushchev's' is Khrushchev


def names_elsewhere(found: Sequence[_Finds]) -> None:
    """One actor, one name and role everywhere: a surname or a ship's name met alone after the
    actor was found ('Gagarin', 'Yorktown') is that actor, even where a rule took it for a place;
    the role and side found at one mention are given to all."""
    _drop_titles(found)
    known: dict[str, ActorMention] = {}
    for finds in found:
        for actor in finds.actors:
            first = known.setdefault(fold(actor.full_name), actor)
            if not first.role and actor.role or not first.side and actor.side:
                known[fold(actor.full_name)] = replace(first, role=first.role or actor.role, side=first.side or actor.side)
    if not known:
        return
    keys: dict[str, ActorMention] = {}  # names as written, word by word: 'Yuri Gagarin', 'Gagarin'
    common: set[str] = set()  # surnames that are words too ('Crick', 'Chain'): never at a sentence's start
    for actor in known.values():
        _add_keys(actor, keys, common)
    _add_first_names(known.values(), keys, common)
    _add_families(known.values(), keys, common)
    _add_craft_after_people(known.values(), keys, common)
    if keys:
        _match_known(found, known, keys, common)


def _add_keys(actor: ActorMention, keys: dict[str, ActorMention], common: set[str]) -> None:
    """The names `actor` is met by alone: its full name; a ship's name without its prefix ('HMS
    Victory' is 'Victory'); a person's surname, and a first word that is no first name of the name
    lists ('Tenzing' of 'Tenzing Norgay', 'Mao' of 'Mao Zedong')."""
    words_ = [t.group() for t in _TOKEN.finditer(actor.full_name)]
    if actor.kind == "ship" and actor.rule == "type" and is_known_place(actor.full_name):
        return  # 'the liner New York': the city wherever it stands alone
    held = keys.get(" ".join(words_))
    if not (_guessed_person(actor) and held is not None and held.kind in ("ship", "craft")):
        keys[" ".join(words_)] = actor  # (a ship's bare name stays the ship: 'Titanic's sister' made a person)
    firm = _FIRM.match(actor.full_name) if actor.kind == "organisation" else None
    if firm:  # 'Eli Lilly and Company' is 'Eli Lilly' and 'Lilly'
        for short in {firm.group("name"), firm.group("name").split()[-1]}:
            if not is_common_word(short) and not is_known_place(short):
                keys.setdefault(short, actor)
    if actor.kind == "ship" and SHIP_PREFIX.match(actor.full_name) and len(words_) > 1:
        bare = " ".join(words_[1:])
        if bare not in keys or _guessed_person(keys[bare]):
            keys[bare] = actor
        if all(is_common_word(w) for w in words_[1:]):
            common.add(bare)
    if actor.kind == "person" and len(words_) > 1 and actor.rule != "regnal":
        first = words_[0]
        if len(first) > 2 and first.split("-")[0] not in first_names() and not is_common_word(first) \
                and not is_known_place(first) and first not in keys:
            keys[first] = actor
    if actor.rule == "regnal" and len(words_) > 2 or actor.kind == "person" and words_[-1] in ("Jr", "Sr"):
        words_ = words_[:-1]  # 'Astor' of 'John Jacob Astor IV', 'McCord' of 'James W. McCord Jr.'; 'Elizabeth II' has none
    if actor.kind == "person" and len(words_) > 1:
        surname = " ".join(w for w in words_[1:] if len(w) > 1)
        for tail in {surname, words_[-1]}:
            if len(tail) > 2 and tail not in keys:
                keys[tail] = actor
                if is_common_word(tail):
                    common.add(tail)


def _add_first_names(actors: Iterable[ActorMention], keys: dict[str, ActorMention], common: set[str]) -> None:
    """A person's listed first name met alone after the full name is that person ('Orville' of
    'Orville Wright'), when no other person of the article has it; as a name of its own only
    (never inside a longer capitalised name, nor at a sentence's start but before a verb)."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        words_ = [t.group() for t in _TOKEN.finditer(actor.full_name)]
        if actor.kind == "person" and len(words_) > 1 and words_[0] in first_names():
            owners.setdefault(words_[0], set()).add(fold(actor.full_name))
    for first, names in owners.items():
        if len(names) == 1 and first not in keys and not is_known_place(first):
            keys[first] = next(a for a in actors if fold(a.full_name) in names)
            common.add(first)


def _add_craft_after_people(actors: Iterable[ActorMention], keys: dict[str, ActorMention], common: set[str]) -> None:
    """A craft named after a known person is met by the rest of its name alone ('the Flyer' of
    'Wright Flyer', once 'Wilbur Wright' is known)."""
    for actor in actors:
        words_ = [t.group() for t in _TOKEN.finditer(actor.full_name)]
        if actor.kind == "craft" and len(words_) > 1 and words_[0] in keys and keys[words_[0]].kind == "person":
            rest = " ".join(words_[1:])
            keys.setdefault(rest, actor)
            if all(is_common_word(w) for w in words_[1:]):
                common.add(rest)


def _add_families(actors: Iterable[ActorMention], keys: dict[str, ActorMention], common: set[str]) -> None:
    """A known person's surname in the plural is the family, one actor ('the Curies' once 'Marie
    Curie' is known; 'the Wrights')."""
    for actor in actors:
        words_ = [t.group() for t in _TOKEN.finditer(actor.full_name)]
        if actor.kind != "person" or len(words_) < 2 or actor.rule in ("regnal", "family") or len(words_[-1]) < 3:
            continue
        plural = words_[-1] + ("es" if words_[-1].endswith(("s", "sh", "ch", "x", "z")) else "s")
        if plural not in keys:  # ('the Vargas' is the family, though a state of Venezuela is Vargas)
            keys[plural] = ActorMention(0, 0, plural, "person", rule="family")
            if is_common_word(plural):
                common.add(plural)  # 'curies': as a name of its own only


_FIRM = re.compile(r"(?P<name>.+?) (?:and|&) (?:Company|Co\.?|Sons)$")
_NUMERALS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_SERIES = re.compile(rf" (?:{'|'.join(_NUMERALS)})\b(?![’'.-]\w)")


def _match_known(found: Sequence[_Finds], known: dict[str, ActorMention], keys: dict[str, ActorMention],
                 common: set[str]) -> None:
    """Each known actor's names (`keys`) wherever they stand alone, and ships listed with a known ship."""
    longest = max(k.count(" ") for k in keys) + 1
    firsts = {k.split(" ", 1)[0] for k in keys}
    navy = any(a.kind == "ship" for a in known.values())
    for finds in found:
        text = finds.text
        settled = [_settled(a, known, keys) for a in finds.actors] if finds.actors else []
        if firsts.isdisjoint(_TOKEN.findall(text)):
            finds.actors = settled
            if _ships_listed(finds, keys, common, navy) | _people_listed(finds, keys, common):
                longest, firsts = max(k.count(" ") for k in keys) + 1, {k.split(" ", 1)[0] for k in keys}
            continue
        guesses = [p for p in finds.places if p.rule != "catalog"]  # a rule's guess gives way to a known actor
        guessed = {(p.start, p.start + len(POSSESSIVE.sub("", p.text))) for p in guesses}
        taken = [span for span in finds.spans() if span not in {(p.start, p.end) for p in guesses}] + list(guessed)
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            word = tokens[i].group()
            if not (capital(word) or word[:2] in _ELIDED and name_capital(word)):  # ('d'Arrest' too)
                i += 1
                continue
            hit = None
            for n, key in reversed(_runs_at(text, tokens, i, min(longest, len(tokens) - i))):
                named = keys.get(key)
                if named is not None and (key not in common or _alone(text, tokens, i, i + n) or i == 0 and
                                          named.full_name.startswith(key + " ")
                                          and _past_verb_follows(text, tokens[i + n - 1].end())):
                    hit = (tokens[i].start(), tokens[i + n - 1].end(), named)
                    break
            if hit is None:
                i += 1
                continue
            start, end, actor = hit
            if n == 1 and " " not in actor.full_name and i > 0 and first_name_before(text, tokens[i - 1], tokens[i]):
                start = tokens[i - 1].start()  # 'Roald Amundsen', once 'Amundsen' alone is known as a person
            series = _SERIES.match(text, end) if actor.kind in ("craft", "ship") else None
            if series:  # 'the Flyer II': the next craft of a known craft's name
                end, actor = series.end(), replace(actor, name=text[start : series.end()])
                n += 1
            gloss = any(GLOSS.fullmatch(text[a.end : start]) for a in settled if a.end <= start) or \
                NAMED_ATTACK.match(text, end) is not None  # 'Lindqvist's Charge' names an attack
            if not gloss and not any(start < e and s < end and (s, e) != (start, end) or (s, e) == (start, end)
                                     and (s, e) not in guessed for s, e in taken) and \
                    not any(start < a.end and a.start < end for a in settled):
                settled.append(replace(actor, start=start, end=end, text=text[start:end], rule="article",
                                       name=actor.full_name, lead=-1))
                finds.places = [p for p in finds.places if not (p.start < end and start < p.end)]
            i += n
        finds.actors = sorted(settled, key=lambda a: a.start)
        if _ships_listed(finds, keys, common, navy) | _people_listed(finds, keys, common):
            longest, firsts = max(k.count(" ") for k in keys) + 1, {k.split(" ", 1)[0] for k in keys}


_ELIDED = frozenset({"d'", "d’"})  # an elided particle that opens a surname ('d'Arrest')


def _runs_at(text: str, tokens: list[re.Match[str]], i: int, most: int) -> list[tuple[int, str]]:
    """(n, the words i..i+n-1 joined by a space) for each n up to `most` whose words stand one space apart."""
    runs = [(1, tokens[i].group())]
    for n in range(2, most + 1):
        if text[tokens[i + n - 2].end() : tokens[i + n - 1].start()] != " ":
            break  # a longer run holds this gap too
        runs.append((n, f"{runs[-1][1]} {tokens[i + n - 1].group()}"))
    return runs


def _ships_listed(finds: _Finds, keys: dict[str, ActorMention], common: set[str], navy: bool) -> bool:
    """Adds to `finds` the ships listed with a known ship of it ('between Bucentaure and
    Redoutable') and, in an article that names ships (`navy`), those named after a people's
    adjective ('the French Achille'), known by name from then on; True if there were any."""
    ships = [a for a in finds.actors if a.kind == "ship"]
    listed = listed_ships(finds.text, ships, finds.spans()) if ships else []
    if navy:
        listed += nation_named_ships(finds.text, finds.spans() + [(a.start, a.end) for a in listed])
        taken = finds.spans() + [(a.start, a.end) for a in listed]
        listed += [s for s in demonym_named_ships(finds.text) if not any(s.start < b and a < s.end for a, b in taken)]
    for ship in listed:
        _add_keys(ship, keys, common)
        finds.places = [p for p in finds.places if not (p.start < ship.end and ship.start < p.end)]
    finds.actors = sorted([*finds.actors, *listed], key=lambda a: a.start)
    return bool(listed)


def _people_listed(finds: _Finds, keys: dict[str, ActorMention], common: set[str]) -> bool:
    """Adds to `finds` the single names listed with a person of it ('Harold, Osric and Wulf'),
    known by name from then on; True if there were any."""
    people = [a for a in finds.actors if a.kind == "person"]
    if not people:
        return False
    listed = listed_with_people(finds.text, people, finds.spans())
    for person in listed:
        _add_keys(person, keys, common)
        finds.places = [p for p in finds.places if not (p.start < person.end and person.start < p.end)]
    finds.actors = sorted([*finds.actors, *listed], key=lambda a: a.start)
    return bool(listed)


_TITLED = re.compile(rf"\b(?:journal|newspaper|magazine|periodical|gazette)\s+(?P<name>{CAP}(?:\s+{CAP}){{0,3}})")


def _drop_titles(found: Sequence[_Finds]) -> None:
    """A name the article gives as a journal's or a newspaper's ('the journal Nature') is no place
    anywhere in it ('published in Nature')."""
    titles = {fold(m.group("name")) for finds in found if "journal" in finds.text or "newspaper" in finds.text
              or "magazine" in finds.text or "gazette" in finds.text or "periodical" in finds.text
              for m in _TITLED.finditer(finds.text)}
    if titles:
        for finds in found:
            finds.places = [p for p in finds.places if p.rule == "catalog" or fold(p.text) not in titles]


_FOLLOWS = re.compile(r"(?:[’']s\b|,|\s+and\s+[A-Z]|\s+(?P<word>[a-z]+)\b)")


def _person_follows(text: str, end: int) -> bool:
    """True if what follows a sentence's first word makes it a name: a possessive, a comma, 'and'
    with a name, or a verb that is no noun ('Best, a student, ...', 'Banting received ...', but
    not 'Best results ...')."""
    after = _FOLLOWS.match(text, end)
    if after is None:
        return False
    word = after.group("word")
    if word is None:
        return True
    lemmas = getAllLemmas(word)
    return bool(lemmas.get("VERB")) and not lemmas.get("NOUN")


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def _past_verb_follows(text: str, end: int) -> bool:
    """True if a verb's past form follows ('Lucien saw', 'Marie found'): a first name opening a
    sentence is the person there, though the word is a noun too."""
    after = _NEXT_WORD.match(text, end)
    word = after.group(1) if after else ""
    return bool(word) and not word.endswith("s") and any(lemma != word for lemma in getAllLemmas(word).get("VERB", ()))


def _alone(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """True if the words `first`..`last` stand as a name of their own inside the sentence: no
    capitalised word right before or after them ('the White House') but a sentence's opening word
    ('Later'); as the sentence's first word, only with what follows a name."""
    if first == 0:
        return _person_follows(text, tokens[last - 1].end())
    before, after = tokens[first - 1], tokens[last] if last < len(tokens) else None
    opener = first == 1 and (is_common_word(before.group()) or before.group() in ("The", "A", "An")) or \
        before.group().lower() in MONTHS_DAYS  # 'Later Crick', 'in late June Dean testified'
    return not (capital(before.group()) and text[before.end() : tokens[first].start()] == " " and not opener) and not (
        after is not None and capital(after.group()) and text[tokens[last - 1].end() : after.start()] == " "
        and after.group() not in _NUMERALS)  # 'the Flyer II' stands alone as the 'Flyer' of a series


def _guessed_person(actor: ActorMention | None) -> bool:
    """True if `actor` is a single name only a person's word made a person ('Titanic's sister')."""
    return actor is not None and actor.kind == "person" and actor.rule == "single" and " " not in actor.full_name


def _settled(actor: ActorMention, known: dict[str, ActorMention], keys: dict[str, ActorMention]) -> ActorMention:
    """The actor with the role and side found elsewhere; a single name a person's word made a person
    that the article names as a ship is the ship ('Yorktown herself capsized')."""
    named = keys.get(actor.text) if actor.kind == "person" and actor.rule == "single" else None
    if named is not None and named.kind in ("ship", "craft"):
        actor = replace(actor, kind=named.kind, name=named.full_name, role=named.role)
    first = known.get(fold(actor.full_name))
    if first is None:
        return actor
    return replace(actor, role=actor.role or first.role, side=actor.side or first.side)
