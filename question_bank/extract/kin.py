"""People named by a first name alone where the sentence says whose kin they are ("his wife
Marie", "her son, Tomas", "their first daughter, Irène"), families ("the Lumière brothers"), and ships named as a ship's sister ("her sister Aldara", "the sister
ship Vesk"); and ships named by a people's word alone in an article about ships ("the Texan
stopped")."""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import CAP, UPPER, ActorMention, is_known_place, name_word_ok
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.vessels import SHIP_TYPES

_KIN_WORDS = "wife|husband|son|daughter|brother|sister|mother|father|widow|fiancée|fiancé|nephew|niece|cousin"
_KIN = re.compile(
    rf"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[’']s?)(?: (?:own|late|little|[a-z]+(?:er|est|st|nd|rd|th|ed|ly|ng))){{0,2}}"
    rf" (?P<kin>{_KIN_WORDS})(?P<ship> ship)?,? (?P<name>(?:(?:al|el|ad)-)?[{UPPER}][\w’'-]+(?: {CAP})?)"
)
_SHIP_CUE = re.compile(r"\b(?:ships?|liners?|steam\w*|vessels?|launched|sailed|hull|class|afloat|sank|voyage)\b")


def kin(text: str) -> list[ActorMention]:
    """'his wife Marie', 'with her son, Tomas Lind': a person; 'her sister Aldara' where the
    sentence speaks of ships, or 'the sister ship Aldara': a ship."""
    if " sister" not in text and not any(f" {w}" in text for w in _KIN_WORDS.split("|")):
        return []
    found = []
    for match in _KIN.finditer(text):
        words_ = [w.strip("’'.,") for w in match.group("name").split()]
        if len(words_) > 1 and (is_common_word(words_[1]) or not name_word_ok(words_[1])):
            words_ = words_[:1]
        name = " ".join(words_).removesuffix("’s").removesuffix("'s")
        if not name_word_ok(name.split()[0]) or is_common_word(name.split()[0]) or is_known_place(name):
            continue
        start = match.start("name")
        ship = match.group("ship") or match.group("kin") == "sister" and _SHIP_CUE.search(text) is not None
        found.append(ActorMention(start, start + len(name), name, "ship" if ship else "person", rule="kin"))
    return found


_DEMONYM_NOUN = re.compile(rf"\b[Tt]he (?P<name>[{UPPER}][a-z]+an)(?P<after>[’']s\b|,| [a-z]+\b)")


def demonym_named_ships(text: str) -> list[ActorMention]:
    """'the Texan, of the Gulf Line', 'the Texan's wireless', 'the Texan stopped': a people's word
    in the singular, standing as a noun after 'the', in an article that names ships, is a ship."""
    found = []
    for match in _DEMONYM_NOUN.finditer(text):
        name, after = match.group("name"), match.group("after").strip()
        if not is_demonym(name):
            continue
        if after.isalpha() and (after in ("of", "and", "or", "in") or getAllLemmas(after).get("NOUN") or
                                after in SHIP_TYPES) or \
                after == "," and re.match(rf",? (?:[{UPPER}]|the |a )", text[match.end("name") + 1 :]):
            continue  # 'the Texan coast', 'the Texan of ...', 'the American, Ray Lind'

        found.append(ActorMention(match.start("name"), match.end("name"), name, "ship", rule="demonym"))
    return found


def is_demonym(word: str) -> bool:
    """'Texan' (Texas), 'Californian' (California), 'Canadian': a people's word of a known place."""
    folded = word.lower()
    if folded in gazetteer.demonyms():
        return True
    stems = (word[:-1], word[:-2] + "a", word[:-3] + "a", word[:-2] + "as", word[:-2])
    return any(len(stem) > 3 and gazetteer.is_place(stem) for stem in stems)


_FAMILY = re.compile(rf"(?<![\w’'-])(?P<name>[{UPPER}][a-zà-ÿ]{{2,}}) (?:brothers|sisters|family)\b")


def families(text: str) -> list[ActorMention]:
    """'the Lumière brothers', 'the Romanov family': a family named by its surname, one actor (a
    surname that is no adjective, place or people: 'the Smith brothers' too)."""
    if " brothers" not in text and " sisters" not in text and " family" not in text:
        return []
    found = []
    for match in _FAMILY.finditer(text):
        name = match.group("name")
        if not name_word_ok(name) or getAllLemmas(name.lower()).get("ADJ") or is_known_place(name) or is_demonym(name) \
                or match.start() == 0 and is_common_word(name):
            continue  # 'the Royal family'; a sentence's first word may be any word
        found.append(ActorMention(match.start(), match.end(), match.group(), "person", rule="family"))
    return found
