"""People named by their name's form: initials and a surname ("C. J. La Touche", "E. Howard Hunt"),
and a first name with a regnal number ("Elizabeth II", "Louis XIV")."""

from __future__ import annotations

import re

from question_bank.extract.actor_names import CAP, POSSESSIVE, UPPER, ActorMention, name_word_ok
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.organisations import ORG_HEADS
from question_bank.extract.people import TITLES, first_names
from question_bank.extract.place_heads import HEADS_AFTER

INITIALS = re.compile(rf"\b(?P<name>(?:[A-Z]\.\s?){{1,3}}\s*(?:(?:La|Le|De|Van|Von|Du|Da)\s+)?{CAP})")


def initialled_people(text: str) -> list[ActorMention]:
    """Initials and a surname: 'C. J. La Touche', 'J. Bruce Ismay' (a middle name between), and a
    surname that is a word too after two initials or more ('A. B. Hill', not 'U.S. Navy')."""
    found = []
    for match in INITIALS.finditer(text):
        name = match.group("name")
        initials = len(re.findall(r"(?<![\w.])[A-Z]\.", name))
        more = None if POSSESSIVE.search(name) else _MIDDLE_NAME.match(text, match.end())
        # a surname that is a word too after a first name ('E. Howard Hunt', 'J. Edgar Hoover')
        after_first = name.split()[-1] in first_names()
        if more and (after_first or not is_common_word(more.group("name"))) and name_word_ok(more.group("name")):
            name += " " + more.group("name")
        name = POSSESSIVE.sub("", name)
        last = name.split()[-1].split(".")[-1]
        surname_ok = name_word_ok(last) or initials >= 2 and last.lower() in HEADS_AFTER  # 'A. B. Hill'
        if not surname_ok or len(last) < 3 or is_common_word(last) and not after_first and \
                (initials < 2 or last.lower() in ORG_HEADS):
            continue
        found.append(ActorMention(match.start(), match.start() + len(name), name, "person", rule="initials"))
    return found


_MIDDLE_NAME = re.compile(rf" (?P<name>[{UPPER}][a-zà-ÿ]+(?:[’']s)?)(?![\w’'-])")


REGNAL = re.compile(rf"\b(?P<name>{CAP}(?: {CAP}){{0,2}}) (?P<number>(?:X{{0,2}})(?:IX|IV|V?I{{1,3}}|V))\b(?![’'.-]\w)")


def regnal_people(text: str) -> list[ActorMention]:
    """A first name and a regnal number: 'Elizabeth II', 'Louis XIV', 'John Paul II'."""
    found: list[ActorMention] = []
    if " I" not in text and " V" not in text and " X" not in text:
        return found  # most sentences: no regnal number
    for match in REGNAL.finditer(text):
        words_ = match.group("name").split()
        start = match.start()
        if words_[0].lower() in TITLES and len(words_) > 1:  # 'Queen Elizabeth II' is Elizabeth II
            start = match.start() + match.group("name").index(words_[1])
            words_ = words_[1:]
        if words_[0] in first_names() and all(name_word_ok(w) for w in words_):
            found.append(ActorMention(start, match.end(), text[start : match.end()], "person", rule="regnal"))
    return found
