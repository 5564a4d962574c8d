"""Ships and craft named in a sentence: a ship's prefix ("USS Yorktown", "HMS Hood"), a type
before the name ("the carrier Yorktown", "the carriers Enterprise and Hornet", "the probe
Venera"), a name and a number ("Vostok 1", "Apollo 13"), or a name the sentence introduces as a
ship or craft (an infobox line "Ships: Fram", "Odyssey (command module)", "aboard the Discovery",
"astern of the Achille", "The Bellona, the largest warship afloat"), or one listed with a ship already
known ("between Bucentaure and Redoutable")."""

from __future__ import annotations

import re

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import (
    CAP,
    NOT_NAME,
    ActorMention,
    capital,
    is_known_place,
    name_word_ok,
    stands_alone,
)
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.organisations import BODY_NOUNS
from question_bank.extract.sides import SIDE_WORDS

SHIP_PREFIX = re.compile(
    rf"\b(?P<prefix>USS|HMS|HMAS|HMCS|HMNZS|SMS|RMS|USNS|USCGC|HNLMS|ORP|MV|SS)\s+(?P<name>{CAP}(?:\s+{CAP}){{0,2}})"
)
_SHIP_TYPES = {
    "carrier": "carrier", "carriers": "carrier", "battleship": "battleship", "battleships": "battleship",
    "cruiser": "cruiser", "cruisers": "cruiser", "destroyer": "destroyer", "destroyers": "destroyer",
    "submarine": "submarine", "submarines": "submarine", "frigate": "frigate", "frigates": "frigate",
    "corvette": "corvette", "corvettes": "corvette", "liner": "liner", "liners": "liner", "steamer": "ship",
    "icebreaker": "icebreaker", "battlecruiser": "battlecruiser", "battlecruisers": "battlecruiser",
    "flagship": "ship", "warship": "ship", "warships": "ship", "ship": "ship", "ships": "ship", "vessel": "ship",
    "tanker": "tanker", "minesweeper": "minesweeper", "schooner": "ship", "yacht": "ship", "gunboat": "gunboat",
    "freighter": "freighter", "trawler": "trawler", "tug": "tug", "tugboat": "tug", "ferry": "ferry",
    "whaler": "whaler", "sloop": "ship", "brig": "ship", "barque": "ship", "galleon": "ship", "clipper": "ship",
    "steamship": "ship", "merchantman": "ship", "troopship": "ship", "raft": "raft", "submersible": "submersible",
    "catcher": "whale catcher", "lifeboat": "lifeboat", "barquentine": "ship", "collier": "collier",
    "dredger": "dredger", "bathyscaphe": "submersible", "steamers": "ship", "trawlers": "trawler", "tugs": "tug",
}
SHIP_TYPES = frozenset(_SHIP_TYPES)  # (kin reads them)
_CRAFT_TYPES = {
    "spacecraft": "spacecraft", "capsule": "spacecraft", "probe": "probe", "probes": "probe",
    "satellite": "satellite", "satellites": "satellite", "station": "space station", "shuttle": "spacecraft",
    "module": "spacecraft", "airship": "airship", "lander": "probe", "rover": "rover", "orbiter": "probe",
    "aircraft": "aircraft", "aeroplane": "aircraft", "airplane": "aircraft", "glider": "glider", "biplane": "aircraft",
    "monoplane": "aircraft", "seaplane": "aircraft", "airliner": "airliner", "bomber": "bomber", "balloon": "balloon",
}
_NAME_IN_LIST = rf"(?:{CAP}(?: {CAP}){{0,2}}(?:-\d{{1,4}})?|[A-Z]-\d{{1,4}})"
TYPED = re.compile(
    rf"\b(?P<type>{'|'.join(sorted({*_SHIP_TYPES, *_CRAFT_TYPES}, key=len, reverse=True))})"
    r"(?:,?\s+(?:among them|such as|including|notably))?\s+"  # 'other ships, among them Aldara and Vesk'
    rf"(?P<names>{_NAME_IN_LIST}(?:\s*,\s*{_NAME_IN_LIST})*(?:\s*,?\s+and\s+{_NAME_IN_LIST})?)"
)
NUMBERED = re.compile(rf"\b(?P<name>{CAP}(?:[ -]{CAP})?)[ -](?P<num>\d{{1,3}})\b(?![.,]\d|\s*(?:%|km|kilo|mile|men|per))")


_CRAFT_NOT = frozenset(
    "no number route highway room pier gate page chapter article section phase stage block zone area sector "
    "grade level class type model mark unit camp stalag oflag bunker building hangar pad complex site launch "
    "plant reactor line channel track platform terminal hill height point kilometre kilometer mile hour minute "
    "verse psalm act scene figure table volume part book series task torpedo bomber fighter squadron force "
    "group wing apollo-soyuz world photo photograph figure plate symphony opus op tank"
    # quantifiers before a count ('All 33 of us', 'Only 12 survived')
    " all only nearly almost about over some just another".split()
)
_SPACE_WORDS = re.compile(r"\b(?:orbit\w*|spacecraft|spaceflight|space|cosmonauts?|astronauts?|launch\w*|capsule|"
                          r"rocket|lunar|moon|earth|satellite|probe|crewed|mission|cosmodrome)\b", re.IGNORECASE)


_AIR_WORDS = re.compile(r"\b(?:[Aa]ircraft|[Aa]irships?|[Aa]eroplanes?|[Gg]liders?|flew|flight)\b")
_DIGIT = re.compile(r"\d")


def _trim(name: str) -> str:
    """A name without the words that end it ('Hornet under' is cut at 'under' by the caller)."""
    words_ = name.split()
    while words_ and not name_word_ok(words_[-1]):
        words_.pop()
    return " ".join(words_)


def prefixed_ships(text: str) -> list[ActorMention]:
    found = []
    for match in SHIP_PREFIX.finditer(text):
        name = _trim(" ".join(w for w in _leading_caps(match.group("name").split()))).rstrip(".")
        if not name or (match.group("prefix") == "SS" and re.search(r"\b(?:Panzer|Division|Corps|Waffen)\b", text)):
            continue
        end = match.start("name") + len(name)
        found.append(ActorMention(match.start(), end, text[match.start() : end], "ship", "", rule="prefix"))
    return found


def _leading_caps(words_: list[str]) -> list[str]:
    out = []
    for word in words_:
        if not name_word_ok(word):
            break
        out.append(word)
    return out


def typed_vessels(text: str) -> list[ActorMention]:
    found = []
    for match in TYPED.finditer(text):
        kind_word = match.group("type")
        kind, role = ("ship", _SHIP_TYPES[kind_word]) if kind_word in _SHIP_TYPES else ("craft", _CRAFT_TYPES[kind_word])
        if kind_word == "station" and not text[: match.start()].lower().endswith("space "):
            continue
        role = "" if role == kind else role
        for name in re.finditer(_NAME_IN_LIST, match.group("names")):
            word = _trim(" ".join(_leading_caps(name.group(0).split()))).rstrip(".") or name.group(0).rstrip(".")
            if " " in word and not all(capital(w) and not is_common_word(w) for w in word.split()[1:]):
                word = word.split()[0]  # 'the carrier Hornet Task Force 16' is Hornet; 'Fort Cataraqui' is whole
            if not name_word_ok(word.split()[0]) and not re.fullmatch(r"[A-Z]-\d+", word):
                continue
            start = match.start("names") + name.start()
            lead = match.start("type") if name.start() == 0 and name.end() == len(match.group("names")) else -1
            found.append(ActorMention(start, start + len(word), word, kind, role, rule="type", lead=lead))
    return found


_CRAFT_FIELD = re.compile(r"(?:Ships?|Spacecraft|Vessels?|Craft|Flagships?|Submarines?|Boats?|Aircraft|Airships?)\s*:\s*")
_TYPE_WORDS = "|".join(sorted({*_SHIP_TYPES, *_CRAFT_TYPES}, key=len, reverse=True))
_TYPE_AFTER = re.compile(rf"(?P<name>{CAP}(?:\s+{CAP}){{0,2}})\s+\((?:the\s+)?(?:[a-z]+\s+)?(?:{_TYPE_WORDS})\)")
_ABOARD = re.compile(rf"\b(?:aboard|on board|astern of|abeam of)\s+(?:the\s+)?(?P<name>{CAP}(?:\s+{CAP}){{0,2}})")
# 'The Santísima Trinidad, the largest warship afloat,': a name with a ship's type in apposition
_TYPE_APPOSED = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<name>{CAP}(?:\s+{CAP}){{0,2}}),\s+(?:the|a|an)\s+(?:[a-z]+\s+){{0,2}}(?:{_TYPE_WORDS})"
    r"(?=[,.;:)]|\s+(?:afloat|of|in|that|which|with|at|built|launched|and|then|under|commanded|carrying|left|"
    r"remaining|still)\b)"
)

# verbs whose object or subject is only ever a ship: 'torpedoed Kaga', 'Hiei was scuttled', 'Kirishima sank'
_SUNK = re.compile(rf"\b(?:sank|torpedoed|scuttled|rammed)\s+(?:the\s+)?(?P<names>{_NAME_IN_LIST}(?:\s*,\s*{_NAME_IN_LIST})*"
                   rf"(?:\s*,?\s+and\s+{_NAME_IN_LIST})?)")
_SANK = re.compile(rf"(?<![\w’'-])(?P<names>{CAP}(?:\s+{CAP}){{0,2}})\s+(?:sank|capsized|foundered|(?:was|had been)\s+"
                   r"(?:sunk|scuttled|torpedoed))\b")
_SINKING = re.compile(r"\b(?:sank|torpedoed|scuttled|rammed|sunk|capsized|foundered)\b")
_PARENTHESIS = re.compile(r"\(")
_ABOARD_CUE = re.compile(r"board|astern|abeam")
_APPOSED_CUE = re.compile(rf", (?:the|a|an) (?:[a-z]+ ){{0,2}}(?:{_TYPE_WORDS})")


def introduced_craft(text: str) -> list[ActorMention]:
    """Ships and craft named without a prefix where the sentence says what they are: an infobox
    line 'Ships: Fram (Norway); Terra Nova', a type in parentheses 'Odyssey (command module)', or
    'aboard the Discovery'."""
    spans: list[tuple[int, int]] = []
    field = _CRAFT_FIELD.match(text)
    if field:
        for item in re.finditer(r"[^,;]+", text[field.end() :]):
            name = _trim(" ".join(_leading_caps(item.group().split("(")[0].split())))
            if name:
                start = field.end() + item.start() + item.group().find(name)
                spans.append((start, start + len(name)))
    for pattern, cue in ((_TYPE_AFTER, _PARENTHESIS), (_ABOARD, _ABOARD_CUE), (_TYPE_APPOSED, _APPOSED_CUE)):
        if not cue.search(text):
            continue
        for match in pattern.finditer(text):
            name = _trim(" ".join(_leading_caps(match.group("name").split()))).rstrip(".")
            if name:
                spans.append((match.start("name"), match.start("name") + len(name)))
    if _SINKING.search(text):
        spans += _sunk(text)
    if not spans:
        return []
    kind = "craft" if _SPACE_WORDS.search(text) or _AIR_WORDS.search(text) else "ship"
    return [ActorMention(a, b, text[a:b], kind, rule="introduced") for a, b in spans]


def _sunk(text: str) -> list[tuple[int, int]]:
    """Names a ship's verb makes ships: 'torpedoed Kaga and Akagi', 'Hiei was scuttled'."""
    spans = []
    for pattern in (_SUNK, _SANK):
        for match in pattern.finditer(text):
            for name in re.finditer(_NAME_IN_LIST, match.group("names")):
                word = _trim(" ".join(_leading_caps(name.group(0).split()))).rstrip(".")
                start = match.start("names") + name.start()
                if word and not is_known_place(word) and not is_common_word(word.split()[0]):
                    spans.append((start, start + len(word)))
    return spans


def numbered_craft(text: str) -> list[ActorMention]:
    found: list[ActorMention] = []
    if not _DIGIT.search(text):
        return found
    for match in NUMBERED.finditer(text):
        name = match.group("name")
        parts = re.split(r"[ -]", name)
        if not all(capital(p) and p.lower().rstrip(".") not in _CRAFT_NOT and p.lower() not in NOT_NAME for p in parts) or \
                len(parts[-1]) < 3 or not any(c.islower() for c in parts[-1]) or \
                re.search(r"\b(?:No\.|Hill|Route)\s*$", text[: match.start()]):
            continue
        role = "spacecraft" if _SPACE_WORDS.search(text) else ""
        found.append(ActorMention(match.start(), match.end(), match.group(0), "craft", role, rule="number"))
    return found


_LISTED_AFTER = re.compile(rf"(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?(?P<name>{CAP}(?:\s+{CAP}){{0,2}})")
_LISTED_BEFORE = re.compile(rf"(?<![\w’'-])(?P<name>{CAP}(?:\s+{CAP}){{0,2}})(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?$")


def listed_ships(text: str, ships: list[ActorMention], taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Names listed right before or after a known ship ('between Bucentaure and Redoutable') that
    nothing else took: ships too."""
    found: list[ActorMention] = []
    for ship in ships:
        candidates = [(m, m.start("name")) for m in [_LISTED_AFTER.match(text, ship.end)] if m]
        before = _LISTED_BEFORE.search(text, max(0, ship.start - 60), ship.start)
        if before:
            candidates.append((before, before.start("name")))
        for match, start in candidates:
            name = _trim(" ".join(_leading_caps(match.group("name").split()))).rstrip(".")
            end = start + len(name)
            if not name or is_common_word(name.split()[0]) or is_known_place(name) or name.lower() in BODY_NOUNS or \
                    any(start < b and a < end for a, b in [*taken, *((f.start, f.end) for f in found)]):
                continue
            found.append(ActorMention(start, end, name, ship.kind, ship.role, rule="list"))
    return found


_NATION_NAMED = re.compile(rf"\b[Tt]he (?P<nation>[A-Z][a-z]+) (?P<name>{CAP}(?: {CAP}){{0,2}})")


def nation_named_ships(text: str, taken: list[tuple[int, int]]) -> list[ActorMention]:
    """In an article that names ships: 'the French Achille', 'the Spanish Neptuno' (a people's
    adjective and a name that is no English word, place or people) is a ship too."""
    found: list[ActorMention] = []
    if "The " not in text and "the " not in text:
        return found
    for match in _NATION_NAMED.finditer(text):
        nation = match.group("nation").lower()
        if nation not in SIDE_WORDS and nation not in gazetteer.demonyms():
            continue
        name = _trim(" ".join(_leading_caps(match.group("name").split()))).rstrip(".")
        start = match.start("name")
        end = start + len(name)
        if not name or is_common_word(name.split()[0]) or is_known_place(name) or name.lower() in BODY_NOUNS or \
                " " not in name and name.endswith("s") and not name.endswith(("ss", "us")) or \
                any(start < b and a < end for a, b in taken) or not stands_alone(text, end):
            continue  # 'the French Revolution', 'the Spanish Netherlands', 'the American Jupiter missiles'
        found.append(ActorMention(start, end, name, "ship", rule="nation"))
    return found

