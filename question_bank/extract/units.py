"""Military units in a sentence: catalog names, then rules for numbered and named formations.

Rules: an ordinal or roman numeral with its echelon ("64th Rifle Corps", "XIII Corps",
"2nd Bulgarian Army"), several ordinals sharing one echelon ("the 23rd and 25th Divisions"), a
name with an echelon ("Iron Brigade", "Voronezh Front"), an echelon with a name ("Army Group F",
"battle group Groth"), "Army of the Potomac", and quoted names after a plural echelon. A numbered
unit the catalog lacks is linked to a catalog unit only when its number, echelon and side match
exactly and its words are all in that unit's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from question_bank.extract.lexicon import holds_any, is_common_word, words
from question_bank.extract.place_heads import HEADS_BEFORE
from question_bank.extract.sides import NATIONALITIES, SIDE_WORDS, side_in_phrase
from question_bank.extract.state_regiments import state_regiment_spans
from question_bank.facts.entities import Catalog, Unit

_ORD_WORDS = (
    "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|Thirteenth|"
    "Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Twentieth"
)
_ORD_VALUES = {w.lower(): i for i, w in enumerate(_ORD_WORDS.split("|"), start=1)}
_ROMAN = r"(?=[IVXLC]+\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
_NUM = rf"(?:\d{{1,3}}(?:st|nd|rd|th)\b|(?:{_ORD_WORDS})\b|{_ROMAN})"
_MOD = r"(?:[A-Z][\w’'.-]*|\([A-Z][\w ]*\))"
_ECH = (
    r"(?:Army|Front|Corps|Division|Brigade|Regiment|Battalion|Flotilla|Fleet|Squadron|Legion|Detachment"
    r"|Group|Wing|army|front|corps|division|brigade|regiment|battalion|flotilla|fleet|squadron|group)"
)
_PLURAL = r"(?:Armies|Fronts|Corps|Divisions|Brigades|Regiments|Battalions|Squadrons|Groups|armies|divisions|brigades|regiments|battalions)"
_QUOTED = r"(?:\s*(?P<quoted>\"[A-Z][^\"]{0,40}\"|“[A-Z][^”]{0,40}”|‘[A-Z][^’]{0,40}’|'[A-Z][^']{0,40}'))?"
_TAG = r"(?:\s*\(?(?P<tag>NOVJ|RKKA|NOB|Wehrmacht)\)?)?"
_NAMED_ECH = r"(?:Front|Division|Brigade|Regiment|Corps|Legion|Battalion|Flotilla|Fleet|Army(?!\s+(?:Group|Detachment)\b))"
_HEAD = (
    r"(?:Army Group|Army Detachment|Armeeabteilung|Heeresgruppe|[Bb]attle [Gg]roup|Kampfgruppe|Korpsgruppe"
    r"|Task Force|Combat Command|Group)"
)
_NAME_WORD = r"[A-Z][\w’'-]*"

NUMBERED = re.compile(
    rf"\b(?P<num>{_NUM})\s+(?P<mods>(?:{_MOD}\s+){{0,5}})(?P<ech>{_ECH})\b{_QUOTED}{_TAG}(?P<after>\s+[A-Z][\w’'-]+)?"
)
SHARED = re.compile(
    rf"\b(?P<nums>\d{{1,3}}(?:st|nd|rd|th)(?:\s*,\s*\d{{1,3}}(?:st|nd|rd|th))*\s*,?\s*(?:and|&)\s*\d{{1,3}}(?:st|nd|rd|th))"
    rf"\s+(?P<mods>(?:{_MOD}\s+){{0,4}})(?P<ech>{_PLURAL})\b"
)
NAMED = re.compile(rf"(?P<name>(?:{_NAME_WORD}\s+){{1,4}})(?P<ech>{_NAMED_ECH})\b{_QUOTED}(?P<after>\s+[A-Z][\w’'-]+)?")
HEADED = re.compile(rf"\b(?P<head>{_HEAD})\s+(?P<name>[A-Z](?:[\w’'-]*)(?:\s+[A-Z][\w’'-]+){{0,2}})")
NUMBERED_AFTER = re.compile(
    r"\b(?P<head>Luftflotte|Fliegerkorps|Panzergruppe|Panzer Group|Task Force|Kampfgeschwader|Jagdgeschwader"
    r"|Armeegruppe|Force|Combat Command)\s+(?P<num>\d{1,3}|[A-Z])\b"
)
# British 'No. 4 Commando'; US Navy 'Torpedo Squadron 8'
NO_NUMBERED = re.compile(
    r"\b(?:No\.\s?)?\d{1,3}\s+(?P<head>Commando|Squadron|Group|Wing)\b|\b(?:Torpedo|Bombing|Scouting|Fighting|Patrol)"
    r"\s+(?P<head2>Squadron|Wing)\s+\d{1,3}\b"
)
ARMY_OF = re.compile(r"\bArmy of (?:the )?(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})")
QUOTED_LIST = re.compile(
    rf"\b(?P<ech>{_PLURAL})\s+(?P<names>(?:\"[A-Z][^\"]{{0,40}}\"|“[A-Z][^”]{{0,40}}”)"
    rf"(?:\s*(?:,|,?\s+and)\s*(?:\"[A-Z][^\"]{{0,40}}\"|“[A-Z][^”]{{0,40}}”))*)"
)
_ORDINAL_NUMBER = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_NON_SPACE = re.compile(r"\S+")
_NUMBER_BEFORE = re.compile(rf"\b{_NUM}\s+$")
_ECH_WORD = re.compile(_ECH)
_ROMAN_WORD = re.compile(_ROMAN)
_QUOTED_NAME = re.compile(r"[\"“]([^\"”]+)[\"”]")

_STOP = frozenset({
    "The", "A", "An", "Its", "His", "Her", "Their", "Our", "This", "That", "These", "Those", "On", "In", "At",
    "By", "To", "From", "With", "And", "Or", "But", "Of", "For", "After", "Before", "During", "Under", "When",
    "While", "As", "Both", "Each", "Every", "Some", "Two", "Three", "Several", "Meanwhile", "Then", "Later",
    "Supported", "Having", "Upon", "Since", "Until", "Once", "Although", "Though", "Because", "If",
    "Remaining", "Other", "Another", "Same", "Last", "Most",
})
_NOT_UNIT_NAME = frozenset({
    "red", "union", "confederate", "home", "national", "popular", "fatherland", "patriotic", "liberation",
    "people's", "peoples", "united", "allied", "axis", "second", "soviet", "german", "yugoslav", "bulgarian",
    "hungarian", "romanian", "croatian",
})
# 'the Red Army', 'the British Army': a whole armed force, not one of its armies
_SERVICES = frozenset({
    "red", "union", "confederate", "royal", "home", "national", "continental", "imperial", "regular",
    "territorial", "people's", "popular", "liberation", "insurgent", "rebel", "partisan", "standing", "grand",
    "new", "polish", "british", "french", "italian", "japanese", "american", "indian", "chinese", "greek",
})
_THEATRES = frozenset({"eastern", "western", "southern", "northern", "italian", "home", "russian", "balkan"})
_BRANCHES = {
    "rifle": "rifle", "tank": "tank", "mechanized": "mechanized", "mechanised": "mechanized",
    "motorized": "motorized", "motorised": "motorized", "mountain": "mountain", "panzer": "panzer",
    "panzergrenadier": "panzergrenadier", "cavalry": "cavalry", "infantry": "infantry", "armoured": "armoured",
    "armored": "armoured", "air": "air", "airborne": "airborne", "artillery": "artillery", "naval": "naval",
    "jäger": "light infantry", "jaeger": "light infantry", "grenadier": "infantry", "parachute": "airborne",
}
_ECHELONS = {
    "army group": "army group", "air army": "air army", "battle group": "battle group", "army": "army",
    "front": "front", "corps": "corps", "division": "division", "brigade": "brigade", "regiment": "regiment",
    "battalion": "battalion", "flotilla": "flotilla", "fleet": "flotilla", "squadron": "battalion",
    "legion": "division", "detachment": "battalion", "group": "battle group", "wing": "brigade",
    "army detachment": "army", "armeeabteilung": "army", "heeresgruppe": "army group", "kampfgruppe": "battle group",
    "korpsgruppe": "battle group", "task force": "battle group", "combat command": "battle group",
    "command": "command", "luftflotte": "air army", "fliegerkorps": "corps", "panzergruppe": "army",
    "panzer group": "army", "kampfgeschwader": "brigade", "jagdgeschwader": "brigade", "armeegruppe": "army group",
    "force": "battle group", "commando": "battalion",
}
_EXACT_ECHELONS = frozenset(
    {"army group", "air army", "army", "front", "corps", "division", "brigade", "regiment", "battalion",
     "flotilla", "battle group", "command", "heeresgruppe", "kampfgruppe", "korpsgruppe", "group"}
)
_SINGULAR = {"armies": "Army", "fronts": "Front", "corps": "Corps", "divisions": "Division", "brigades": "Brigade",
             "regiments": "Regiment", "battalions": "Battalion", "squadrons": "Squadron", "groups": "Group"}


@dataclass(frozen=True)
class UnitMention:
    """A unit named in a sentence. `text` is the unit's name as written (without 'the', a
    nationality before it or a tag after it); `display` is what its slot shows."""

    start: int
    end: int
    text: str
    echelon: str
    branch: str = ""
    side: str | None = None
    side_from: str = ""  # catalog, name, sentence, article, or "" when unknown
    entity: Unit | None = None
    echelon_guessed: bool = False

    kind = "unit"

    @property
    def name(self) -> str:
        return self.entity.name if self.entity else self.text


def find_units(text: str, catalog_hits: list[tuple[int, int, Unit]]) -> list[UnitMention]:
    """Every unit in `text`, longest first, none overlapping; `catalog_hits` are catalog names found
    there, as (start, end, unit) offsets."""
    candidates: list[UnitMention] = [
        UnitMention(s, e, text[s:e], u.echelon, u.branch, u.side, "catalog", u) for s, e, u in catalog_hits
    ]
    lowered = text.lower()
    for rule, clues, in_lowered in _RULES:
        if holds_any(lowered if in_lowered else text, clues):
            candidates += rule(text)
    chosen: list[UnitMention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.entity is None, m.start)):
        if any(mention.start < c.end and c.start < mention.end for c in chosen):
            continue
        chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _echelon(words_: str) -> tuple[str, bool]:
    key = words_.lower()
    for two in (" ".join(key.split()[-2:]), key.split()[-1]):
        if two in _ECHELONS:
            return _ECHELONS[two], two not in _EXACT_ECHELONS
    return "division", True


def _branch(words_: str) -> str:
    for word in words_.split():
        branch = _BRANCHES.get(word.lower().strip("()"))
        if branch:
            return branch
    return ""


def _mention(text: str, start: int, end: int, name: str, echelon_words: str) -> UnitMention:
    echelon, guessed = _echelon(echelon_words)
    return UnitMention(
        start, end, " ".join(name.split()), echelon, _branch(name), *side_in_phrase(text, start, end),
        echelon_guessed=guessed,
    )


def _state_regiments(text: str) -> list[UnitMention]:  # 'the 20th Maine'
    return [_mention(text, s, e, text[s:e], "regiment") for s, e in state_regiment_spans(text)]


def _numbered(text: str) -> list[UnitMention]:
    found = []
    for match in NUMBERED.finditer(text):
        end = match.end("quoted") if match.group("quoted") else match.end("ech")
        if _named_after(match):
            end = match.end("after")  # '12th SS Panzer Division Hitlerjugend'
        name = text[match.start() : end]
        found.append(_mention(text, match.start(), end, name, match.group("mods") + match.group("ech")))
    return found


def _numbered_after(text: str) -> list[UnitMention]:
    return [_mention(text, m.start(), m.end(), m.group(0), m.group("head")) for m in NUMBERED_AFTER.finditer(text)]


def _no_numbered(text: str) -> list[UnitMention]:
    """'No. 4 Commando', 'No. 617 Squadron', 'Torpedo Squadron 8'."""
    return [_mention(text, m.start(), m.end(), m.group(0), m.group("head") or m.group("head2"))
            for m in NO_NUMBERED.finditer(text)]


def _shared(text: str) -> list[UnitMention]:
    found = []
    for match in SHARED.finditer(text):
        singular = _SINGULAR[match.group("ech").lower()]
        mods = " ".join(match.group("mods").split())
        numbers = list(_ORDINAL_NUMBER.finditer(match.group("nums")))
        for index, number in enumerate(numbers):
            start = match.start("nums") + number.start()
            end = match.end() if index == len(numbers) - 1 else match.start("nums") + number.end()
            name = " ".join(p for p in (number.group(0), mods, singular) if p)
            found.append(_mention(text, start, end, name, f"{mods} {singular}"))
    return found


def _named(text: str) -> list[UnitMention]:
    found = []
    for match in NAMED.finditer(text):
        parts = list(_NON_SPACE.finditer(match.group("name")))
        # 'The …', and a people's name before a unit's own ('German Grossdeutschland Division'), but
        # not before words that only describe it ('French Expeditionary Corps' is that corps' name)
        while len(parts) > 1 and (parts[0].group() in _STOP or parts[0].group().lower() in NATIONALITIES
                                  and not all(is_common_word(p.group()) for p in parts[1:])):
            parts.pop(0)
        words_ = [p.group() for p in parts]
        if not words_ or words_[0] in _STOP or all(w.lower() in _NOT_UNIT_NAME for w in words_) or \
                words_[0].lower() in HEADS_BEFORE:
            continue  # ('River Fleet', 'Lake Army': a place's head word opens a place's name)
        if any(unit_number(w) is not None for w in words_) or _NUMBER_BEFORE.search(
            text[max(0, match.start("name") + parts[0].start() - 8) : match.start("name") + parts[0].start()]
        ):
            continue  # a number belongs to the numbered rule: 'US VII Corps', '12th SS Panzer Division'

        ech = match.group("ech")
        if ech == "Army" and any(w.lower() in _SERVICES or w.lower() in _NOT_UNIT_NAME for w in words_):
            continue
        start = match.start("name") + parts[0].start()
        if ech == "Front" and _FRONT_LINE.search(text[max(0, start - 16) : start]) and (
            words_[-1].lower() in _THEATRES or not _fights(text[match.end("ech") :])
        ):
            continue  # 'on the Eastern Front', 'fought on the Syrmian Front': a theatre or a front line
        end = match.end("quoted") if match.group("quoted") else match.end("ech")
        if _named_after(match):
            end = match.end("after")  # 'Volunteer Regiment Vannay'
        found.append(_mention(text, start, end, text[start:end], ech))
    return found


_FRONT_LINE = re.compile(r"\b(?:on|along|across|behind|at|to) the $|\bthe whole $", re.IGNORECASE)
_ACTS = re.compile(r"^\s*(?:\w+ly\s+)?(?:attacked|advanced|took|captured|launched|opened|crossed|broke|reached|"
                   r"struck|drove|pushed|encircled|liberated|ordered|began|held|fought|lost)\b")


def _fights(after: str) -> bool:
    """True if the words after a front's name make it the actor of a verb ('… Front attacked')."""
    return bool(_ACTS.match(after))


def _named_after(match: re.Match[str]) -> bool:
    """True if the word after the echelon is the unit's own name ('Division Hitlerjugend')."""
    after = match.group("after")
    if not after or match.group("quoted") or match.groupdict().get("tag"):
        return False
    word = after.strip()
    return not is_common_word(word) and not _is_ech(word) and word.lower() not in SIDE_WORDS


def _is_ech(word: str) -> bool:
    return bool(_ECH_WORD.fullmatch(word.strip()))


_HEAD_STOP = frozenset({"Command", "Commander", "Headquarters", "HQ", "Staff", "The", "On", "In"})


def _headed(text: str) -> list[UnitMention]:
    found = []
    for match in HEADED.finditer(text):
        name_words = []
        for word in match.group("name").split():
            if word in _HEAD_STOP:
                break
            name_words.append(word)
        if not name_words:
            continue
        head = match.group("head")
        if head == "Group" and is_common_word(name_words[0]):
            continue
        if len(name_words[0]) > 1 and is_common_word(name_words[0]) and head.lower() in ("battle group", "group"):
            continue
        end = text.find(name_words[-1], match.start("name")) + len(name_words[-1])
        found.append(_mention(text, match.start(), end, text[match.start() : end], head))
    return found


def _army_of(text: str) -> list[UnitMention]:
    found = []
    for match in ARMY_OF.finditer(text):
        if _NUMBER_BEFORE.search(text[max(0, match.start() - 8) : match.start()]) or _is_ech(match.group("name").split()[0]):
            continue  # '9th Army of Army Group Centre' is the 9th Army
        found.append(_mention(text, match.start(), match.end(), match.group(0), "army"))
    return found


def _quoted_list(text: str) -> list[UnitMention]:
    found = []
    for match in QUOTED_LIST.finditer(text):
        singular = _SINGULAR[match.group("ech").lower()]
        for quoted in _QUOTED_NAME.finditer(match.group("names")):
            start = match.start("names") + quoted.start()
            end = match.start("names") + quoted.end()
            found.append(_mention(text, start, end, quoted.group(1), singular))
    return found


_PLURALS = ("Armies", "Fronts", "Corps", "Divisions", "Brigades", "Regiments", "Battalions", "Squadrons", "Groups",
            "armies", "divisions", "brigades", "regiments", "battalions")
# Each rule, with words one of which its pattern cannot match without (in the text as written, or
# lower-cased): a cheap test that skips the rule's pattern in most sentences.
_RULES: tuple[tuple[Callable[[str], list[UnitMention]], tuple[str, ...], bool], ...] = (
    (_numbered, ("army", "front", "corps", "division", "brigade", "regiment", "battalion", "flotilla", "fleet",
                 "squadron", "legion", "detachment", "group", "wing"), True),
    (_numbered_after, ("Luftflotte", "Fliegerkorps", "Panzergruppe", "Panzer Group", "Force", "Kampfgeschwader",
                       "Jagdgeschwader", "Armeegruppe", "Command"), False),
    (_no_numbered, ("No.", "Squadron", "Wing", "Commando"), False),
    (_shared, _PLURALS, False),
    (_named, ("Front", "Division", "Brigade", "Regiment", "Corps", "Legion", "Battalion", "Flotilla", "Fleet", "Army"),
     False),
    (_headed, ("Group", "group", "Armeeabteilung", "gruppe", "Force", "Command", "Detachment"), False),
    (_army_of, ("Army of",), False),
    (_quoted_list, _PLURALS, False),
    (_state_regiments, ("th ", "st ", "nd ", "rd "), False),
)


# --- linking to the catalog -----------------------------------------------------------------

_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def unit_number(word: str) -> int | None:
    """The number of '64th', 'XIII' or 'Second'; None for any other word."""
    match = _ORDINAL.match(word)
    if match:
        return int(match.group(1))
    if word.lower() in _ORD_VALUES:
        return _ORD_VALUES[word.lower()]
    if word and _ROMAN_WORD.fullmatch(word):
        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
        total = 0
        for a, b in zip(word, word[1:] + " ", strict=False):
            value = values[a]
            total += -value if b != " " and values.get(b, 0) > value else value
        return total
    return None


def link(mention: UnitMention, catalog: Catalog, side_hint: str | None) -> UnitMention:
    """The mention tied to its catalog unit where exactly one fits; its side where the text gives one."""
    if mention.entity is not None:
        return mention
    found = catalog.find(mention.text)
    if len(found) == 1 and isinstance(found[0], Unit):
        unit = found[0]
        return _with(mention, unit)
    side = mention.side or side_hint
    tokens = [w.text for w in words(mention.text)]
    number = unit_number(tokens[0]) if tokens else None
    if number is None or side is None:
        return mention
    rest = {t.lower() for t in tokens[1:]}
    fits = []
    for unit in catalog.units:
        if unit.side != side or unit.echelon != mention.echelon:
            continue
        for name in unit.names:
            name_number, name_words = _parsed_name(name)
            if name_number == number and rest <= name_words:
                fits.append(unit)
                break
    return _with(mention, fits[0]) if len(fits) == 1 else mention


@lru_cache(maxsize=4096)
def _parsed_name(name: str) -> tuple[int | None, frozenset[str]]:
    """A catalog name's number and its other words, lower case: '45th Serbian Division' → 45, {serbian, division}."""
    tokens = [w.text for w in words(name)]
    if not tokens:
        return None, frozenset()
    return unit_number(tokens[0]), frozenset(t.lower() for t in tokens[1:])


def _with(mention: UnitMention, unit: Unit) -> UnitMention:
    return UnitMention(
        mention.start, mention.end, mention.text, unit.echelon, unit.branch, unit.side, "catalog", unit
    )


def with_side(mention: UnitMention, side: str | None, source: str) -> UnitMention:
    if mention.side or side is None:
        return mention
    return UnitMention(
        mention.start, mention.end, mention.text, mention.echelon, mention.branch, side, source, mention.entity,
        mention.echelon_guessed,
    )
