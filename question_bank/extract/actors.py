"""Actors that are not armies: people, organisations, ships and craft named in a sentence.

Rules, longest match first and never inside a unit or date: a ship's prefix ("USS Yorktown", "HMS
Hood") or its type before its name ("the carrier Yorktown", "the carriers Enterprise and Hornet");
a craft's type before its name ("the probe Venera") or a name and a number ("Vostok 1", "Apollo
13"); an organisation by its head word ("the Royal Society", "University of Oxford", "Justice
Department"), as an acronym ("NASA", "OKB-1") or as "Radio Moscow"; a person after a title
("Admiral Isoroku Yamamoto", written without the title), by a first name (faker's name lists:
"Yuri Gagarin", "John F. Kennedy") or by initials ("C. J. La Touche"). The word a question asks
for one by (`role`) is the title ("general"), a type or role word before the name ("the
cosmonaut Yuri Gagarin", "the design bureau OKB-1", "the heavy cruiser Mikuma"), one after it
(", the design bureau"), or the head word ("Society"). A surname or a ship's name met alone after
the full name is the same actor (`names_elsewhere`). Front lines, operations, battles, armed
services, nationalities and types of aircraft are not actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.places import HEADS_AFTER
from question_bank.extract.sides import SIDE_WORDS
from question_bank.facts.text import fold

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЀ-ЏΑ-Ω"  # capitals of Latin, Cyrillic and Greek (Latin Extended-A whole)
_CAP = rf"[{_UPPER}][\w’'.-]*"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|del|la|le|bin|al|ibn|St)"

SHIP_PREFIX = re.compile(
    rf"\b(?P<prefix>USS|HMS|HMAS|HMCS|HMNZS|SMS|RMS|USNS|USCGC|HNLMS|ORP|MV|SS)\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
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
    "steamship": "ship", "merchantman": "ship", "troopship": "ship", "raft": "raft",
}
_CRAFT_TYPES = {
    "spacecraft": "spacecraft", "capsule": "spacecraft", "probe": "probe", "probes": "probe",
    "satellite": "satellite", "satellites": "satellite", "station": "space station", "shuttle": "spacecraft",
    "module": "spacecraft", "airship": "airship", "lander": "probe", "rover": "rover", "orbiter": "probe",
}
_NAME_IN_LIST = rf"(?:{_CAP}(?: {_CAP}){{0,2}}(?:-\d{{1,4}})?|[A-Z]-\d{{1,4}})"
TYPED = re.compile(
    rf"\b(?P<type>{'|'.join(sorted({*_SHIP_TYPES, *_CRAFT_TYPES}, key=len, reverse=True))})\s+"
    rf"(?P<names>{_NAME_IN_LIST}(?:\s*,\s*{_NAME_IN_LIST})*(?:\s*,?\s+and\s+{_NAME_IN_LIST})?)"
)
NUMBERED = re.compile(rf"\b(?P<name>{_CAP}(?:[ -]{_CAP})?)[ -](?P<num>\d{{1,3}})\b(?![.,]\d|\s*(?:%|km|kilo|mile|men|per))")
ACRONYM = re.compile(r"\b(?P<name>[A-Z][A-Z&]{1,6}(?:-\d{1,3})?)\b(?![.’'-]\w)")
_ORG_HEADS = {
    "society": "society", "academy": "academy", "agency": "agency", "administration": "agency",
    "bureau": "bureau", "institute": "institute", "institution": "institution", "university": "university",
    "college": "college", "laboratory": "laboratory", "laboratories": "laboratory", "observatory": "observatory",
    "committee": "committee", "commission": "commission", "council": "council", "party": "party",
    "company": "company", "corporation": "company", "association": "association", "foundation": "foundation",
    "league": "league", "ministry": "ministry", "department": "department", "office": "office",
    "organisation": "", "organization": "", "federation": "federation", "congress": "congress",
    "parliament": "parliament", "senate": "senate", "hospital": "hospital", "infirmary": "hospital",
    "school": "school", "center": "center", "centre": "center", "nations": "", "command": "command",
    "bank": "bank", "museum": "museum", "inc": "company", "ltd": "company", "orchestra": "orchestra",
    "choir": "choir", "ensemble": "ensemble", "theatre": "theatre", "theater": "theatre", "club": "club",
}
_ORG_ROLE_WORDS = frozenset({
    "agency", "bureau", "institute", "laboratory", "company", "party", "committee", "organisation",
    "organization", "society", "university", "hospital", "newspaper", "commission", "council", "ministry",
    "firm", "academy", "observatory", "airline", "manufacturer",
})
RADIO = re.compile(rf"\bRadio\s+{_CAP}")
_TITLES = {
    "general": "general", "gen.": "general", "field marshal": "field marshal", "marshal": "marshal",
    "admiral": "admiral", "vice admiral": "admiral", "rear admiral": "admiral", "commodore": "commodore",
    "colonel": "colonel", "col.": "colonel", "lieutenant colonel": "colonel", "major general": "general",
    "lieutenant general": "general", "brigadier general": "general", "brigadier": "brigadier",
    "captain": "captain", "capt.": "captain", "lieutenant": "lieutenant", "lt.": "lieutenant",
    "commander": "commander", "lieutenant commander": "commander", "ensign": "ensign", "sergeant": "sergeant",
    "president": "president", "vice president": "vice president", "prime minister": "prime minister",
    "premier": "premier", "chancellor": "chancellor", "senator": "senator", "governor": "governor",
    "ambassador": "ambassador", "chairman": "chairman", "king": "king", "queen": "queen",
    "emperor": "emperor", "empress": "empress", "tsar": "tsar", "pope": "pope", "prince": "prince",
    "princess": "princess", "professor": "professor", "prof.": "professor", "sir": "", "dame": "", "lord": "",
    "lady": "", "dr.": "", "dr": "", "doctor": "", "mr.": "", "mrs.": "", "ms.": "", "mr": "", "mrs": "",
    "secretary": "secretary", "major": "major", "cosmonaut": "cosmonaut", "astronaut": "astronaut",
}
TITLED = re.compile(
    r"\b(?=[A-Z])(?P<title>" + "|".join(re.escape(t[:1].upper() + t[1:]) for t in sorted(_TITLES, key=len, reverse=True))
    + rf")(?<!\.)\s+(?P<name>(?:(?:[A-Z]\.\s?){{1,2}}\s*|{_PARTICLE}\s+)?{_CAP}(?:\s+(?:[A-Z]\.\s?|{_PARTICLE}\s+)*{_CAP}){{0,3}})"
)
PERSON = re.compile(
    rf"\b(?P<first>{_CAP})(?P<rest>(?:\s+(?:[A-Z]\.\s?|{_PARTICLE}\s+)*{_CAP}){{1,3}})"
)
INITIALS = re.compile(rf"\b(?P<name>(?:[A-Z]\.\s?){{1,3}}\s*(?:(?:La|Le|De|Van|Von|Du|Da)\s+)?{_CAP})")

# Words that end a name or are none: units' and places' heads, months, sides, sentence words.
_NOT_NAME = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday the a an its his her their this that these those on in at by to "
    "from with and or but of for after before during under when while as both each some two three meanwhile "
    "then later army armies corps division brigade regiment battalion front group fleet flotilla squadron "
    "operation operations battle siege war offensive campaign treaty conference day navy force forces air "
    "river hill ridge island sea bay lake mount mountains cape valley street square station oblast province "
    "region district county state republic empire kingdom union cosmodrome airfield airport harbor harbour "
    "strait gulf ocean coast peninsula canal bridge line pocket raid crisis plan project programme program "
    "mission flight award prize medal day i we he she it they".split()
)
_NOT_ACRONYM = frozenset(
    "US USA UK USSR SS NOVJ RKKA NOB HQ TV OK AM PM UTC GMT BC AD CE BCE RAF USAAF USAF RAAF RCAF RN USN USMC "
    "IJN IJA VVS SSR SFSR ASSR DNA RNA ICBM IRBM MRBM SAM MIG ID UFO POW POWS KIA MIA NB PS WWII WWI CV BB DD "
    "OKW OKH AA AT MP CO NCO GHQ".split()
)
_CRAFT_NOT = frozenset(
    "no number route highway room pier gate page chapter article section phase stage block zone area sector "
    "grade level class type model mark unit camp stalag oflag bunker building hangar pad complex site launch "
    "plant reactor line channel track platform terminal hill height point kilometre kilometer mile hour minute "
    "verse psalm act scene figure table volume part book series task torpedo bomber fighter squadron force "
    "group wing apollo-soyuz world photo photograph figure plate symphony opus op tank".split()
)
_SPACE_WORDS = re.compile(r"\b(?:orbit\w*|spacecraft|spaceflight|space|cosmonauts?|astronauts?|launch\w*|capsule|"
                          r"rocket|lunar|moon|earth|satellite|probe|crewed|mission|cosmodrome)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ActorMention:
    """A person, organisation, ship or craft named in a sentence: `text` as written (without a
    title or 'the'), `name` the actor's full name (a surname alone stands for it), `kind` its
    category and `role` the word a question asks for it by ('' for the kind's own word)."""

    start: int
    end: int
    text: str
    kind: str
    role: str = ""
    side: str | None = None
    rule: str = ""
    name: str = ""
    lead: int = -1  # where the words that name its role before it start ('the [Soviet cosmonaut] Yuri …')

    @property
    def slot_start(self) -> int:
        """Where a slot for it starts: with its title or role words, so 'the cosmonaut Yuri Gagarin'
        is asked as 'which cosmonaut', never 'the cosmonaut which cosmonaut'."""
        return self.lead if self.lead >= 0 else self.start

    @property
    def full_name(self) -> str:
        return self.name or self.text


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _name_word_ok(word: str) -> bool:
    bare = word.strip("’'.").lower()
    return _capital(word) and bare not in _NOT_NAME and bare not in SIDE_WORDS and bare.rstrip("s") not in SIDE_WORDS


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names of faker's person providers (English, German, French, Italian, Czech, and
    Russian and Ukrainian in their English spellings: Юрий → Yuri, Сергей → Sergei)."""
    import importlib

    from anyascii import anyascii

    names: set[str] = set()
    for locale in ("en", "en_GB", "de_DE", "fr_FR", "it_IT", "cs_CZ", "ru_RU", "uk_UA"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            value = getattr(provider, attribute, ())
            if isinstance(value, dict | tuple | list | set | frozenset):
                names.update(value.keys() if isinstance(value, dict) else value)
    for name in [n for n in names if not n.isascii()]:
        names.update(_english_spellings(anyascii(name)))
    return frozenset(n for n in names if len(n) > 2 and n.lower() not in _NOT_NAME and n.lower() not in SIDE_WORDS
                     and n.lower() not in _PLACE_PREFIXES)


# first words of places' names that faker lists as first names: 'Monte Cassino', 'Saint Petersburg'
_PLACE_PREFIXES = frozenset({"monte", "mont", "saint", "san", "santa", "sainte", "fort", "port", "mount", "lake", "cape",
                             "north", "south", "east", "west"})


def _english_spellings(latin: str) -> set[str]:
    """'Evgeniy' (anyascii of Евгений) as English writes it: Evgeniy, Yevgeny, Yevgeni, Evgeni, …"""
    stems = {latin, latin.replace("ks", "x")}
    if latin.startswith("E"):
        stems |= {"Ye" + stem[1:] for stem in stems}
    endings = {stem for stem in stems}
    for stem in stems:
        endings |= {re.sub(r"(?:iy|y)$", "i", stem), re.sub(r"iy$", "y", stem), re.sub(r"ey$", "ei", stem)}
    return endings


def find_actors(text: str, taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Every person, organisation, ship and craft in `text` outside the `taken` spans, longest first."""
    candidates: list[ActorMention] = []
    for rule in (_prefixed_ships, _typed, _introduced_craft, _numbered, _acronyms, _organisations, _radio, _titled,
                 _people, _initials, _strong_single):
        candidates += rule(text)
    candidates = [m for m in candidates if m.kind != "person" or m.rule == "title" or not _is_known_place(m.text)]
    chosen: list[ActorMention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if any(mention.start < e and s < mention.end for s, e in taken) or any(
            mention.start < c.end and c.start < mention.end for c in chosen
        ):
            continue
        chosen.append(mention)
    chosen += _listed_people(text, chosen, taken)
    kept: list[ActorMention] = []
    for mention in sorted(chosen, key=lambda m: m.start):
        if kept and _GLOSS.fullmatch(text[kept[-1].end : mention.start]):
            continue  # 'Vostok 1 (Russian: Восток-1, "East 1")': the same name in another language
        kept.append(mention)
    return [_with_context(text, m) for m in kept]


_LISTED = re.compile(rf"(?:\s*[,;]\s*|\s+and\s+)(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})")


def _listed_people(text: str, chosen: list[ActorMention], taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Names of two or three uncommon words listed right after a person ('Isoroku Yamamoto,
    Chūichi Nagumo') are people too, though the name lists lack them."""
    found: list[ActorMention] = []
    queue = [m for m in chosen if m.kind == "person"]
    while queue:
        listed = _LISTED.match(text, queue.pop().end)
        if listed is None:
            continue
        name = _person_name(listed.group("name"))
        start = listed.start("name")
        end = start + len(name)
        if " " not in name or any(is_common_word(w) for w in name.split()) or any(
            start < b and a < end for a, b in [*taken, *((m.start, m.end) for m in [*chosen, *found])]
        ):
            continue
        mention = ActorMention(start, end, name, "person", rule="list")
        found.append(mention)
        queue.append(mention)
    return found


_DIGIT = re.compile(r"\d")
_LEVEL = re.compile(r"\s\d")
_GLOSS = re.compile(r"\s*\([^()]*")


def _trim(name: str) -> str:
    """A name without the words that end it ('Hornet under' is cut at 'under' by the caller)."""
    words_ = name.split()
    while words_ and not _name_word_ok(words_[-1]):
        words_.pop()
    return " ".join(words_)


def _prefixed_ships(text: str) -> list[ActorMention]:
    found = []
    for match in SHIP_PREFIX.finditer(text):
        name = _trim(" ".join(w for w in _leading_caps(match.group("name").split())))
        if not name or (match.group("prefix") == "SS" and re.search(r"\b(?:Panzer|Division|Corps|Waffen)\b", text)):
            continue
        end = match.start("name") + len(name)
        found.append(ActorMention(match.start(), end, text[match.start() : end], "ship", "", rule="prefix"))
    return found


def _leading_caps(words_: list[str]) -> list[str]:
    out = []
    for word in words_:
        if not _name_word_ok(word):
            break
        out.append(word)
    return out


def _typed(text: str) -> list[ActorMention]:
    found = []
    for match in TYPED.finditer(text):
        kind_word = match.group("type")
        kind, role = ("ship", _SHIP_TYPES[kind_word]) if kind_word in _SHIP_TYPES else ("craft", _CRAFT_TYPES[kind_word])
        if kind_word == "station" and not text[: match.start()].lower().endswith("space "):
            continue
        role = "" if role == kind else role
        for name in re.finditer(_NAME_IN_LIST, match.group("names")):
            word = _trim(" ".join(_leading_caps(name.group(0).split()))).rstrip(".") or name.group(0).rstrip(".")
            if " " in word and not all(_capital(w) and not is_common_word(w) for w in word.split()[1:]):
                word = word.split()[0]  # 'the carrier Hornet Task Force 16' is Hornet; 'Fort Cataraqui' is whole
            if not _name_word_ok(word.split()[0]) and not re.fullmatch(r"[A-Z]-\d+", word):
                continue
            start = match.start("names") + name.start()
            lead = match.start("type") if name.start() == 0 and name.end() == len(match.group("names")) else -1
            found.append(ActorMention(start, start + len(word), word, kind, role, rule="type", lead=lead))
    return found


_CRAFT_FIELD = re.compile(r"(?:Ships?|Spacecraft|Vessels?|Craft|Flagships?|Submarines?|Boats?)\s*:\s*")
_TYPE_WORDS = "|".join(sorted({*_SHIP_TYPES, *_CRAFT_TYPES}, key=len, reverse=True))
_TYPE_AFTER = re.compile(rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})\s+\((?:the\s+)?(?:[a-z]+\s+)?(?:{_TYPE_WORDS})\)")
_ABOARD = re.compile(rf"\b(?:aboard|on board)\s+(?:the\s+)?(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})")


def _introduced_craft(text: str) -> list[ActorMention]:
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
    for pattern, cue in ((_TYPE_AFTER, "("), (_ABOARD, " board")):
        if cue not in text and (cue == "(" or "aboard" not in text):
            continue
        for match in pattern.finditer(text):
            name = _trim(" ".join(_leading_caps(match.group("name").split()))).rstrip(".")
            if name:
                spans.append((match.start("name"), match.start("name") + len(name)))
    if not spans:
        return []
    kind = "craft" if _SPACE_WORDS.search(text) else "ship"
    return [ActorMention(a, b, text[a:b], kind, rule="introduced") for a, b in spans]


def _numbered(text: str) -> list[ActorMention]:
    found: list[ActorMention] = []
    if not _DIGIT.search(text):
        return found
    for match in NUMBERED.finditer(text):
        name = match.group("name")
        parts = re.split(r"[ -]", name)
        if not all(_capital(p) and p.lower().rstrip(".") not in _CRAFT_NOT and p.lower() not in _NOT_NAME for p in parts) or \
                len(parts[-1]) < 3 or not any(c.islower() for c in parts[-1]) or \
                re.search(r"\b(?:No\.|Hill|Route)\s*$", text[: match.start()]):
            continue
        role = "spacecraft" if _SPACE_WORDS.search(text) else ""
        found.append(ActorMention(match.start(), match.end(), match.group(0), "craft", role, rule="number"))
    return found


def _acronyms(text: str) -> list[ActorMention]:
    matches = list(ACRONYM.finditer(text))
    if len(matches) > 4:
        return []  # a heading in capitals, or a table
    found = []
    for match in matches:
        name = match.group("name")
        letters = name.split("-")[0]
        if letters in _NOT_ACRONYM or re.fullmatch(r"[IVXLC]+", letters) or len(letters) < 3 or \
                _LEVEL.match(text, match.end()):
            continue  # 'DEFCON 2': a level or a code, not an organisation
        found.append(ActorMention(match.start(), match.end(), name, "organisation", rule="acronym"))
    return found


_ORG_HEAD = re.compile(
    rf"\b(?P<head>{'|'.join(h.title() for h in _ORG_HEADS)})\b"
    rf"(?P<right>\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP}){{0,3}})?"
)
_LEFT_NAME = re.compile(rf"(?:{_CAP}\s+){{1,4}}$")


def _organisations(text: str) -> list[ActorMention]:
    found = []
    for match in _ORG_HEAD.finditer(text):
        window = max(0, match.start() - 80)
        before = _LEFT_NAME.search(text, window, match.start())
        left = list(re.finditer(r"\S+", before.group())) if before else []
        while left and (left[0].group().strip("’'") in ("The", "A", "An", "In", "On", "At", "By") or
                        left[0].group().lower() in _NOT_NAME or not _capital(left[0].group())):
            left.pop(0)
        right_words = (match.group("right") or "").split()
        while right_words and not _name_word_ok(right_words[-1]):
            right_words.pop()
        has_right = len(right_words) >= 2
        if not left and not has_right:
            continue  # 'the Committee' alone names no organisation
        if left and left[-1].group() == "Space" and match.group("head") in ("Center", "Centre"):
            continue  # 'Kennedy Space Center': a launch site, a place
        start = before.start() + left[0].start() if before and left else match.start("head")
        end = match.end("head")
        if has_right:
            end += (match.group("right") or "").rfind(right_words[-1]) + len(right_words[-1].rstrip("."))
        else:
            end = _place_after(text, end)
        found.append(ActorMention(start, end, text[start:end], "organisation", _ORG_HEADS[match.group("head").lower()],
                                  rule="head"))
    return found


_NEXT_NAME = re.compile(rf" (?P<name>{_CAP}(?: {_CAP})?)(?![\w’'-])")


def _place_after(text: str, end: int) -> int:
    """Where an institution's name ends that a place's name right after its head closes: 'King's
    College London', 'Imperial College London' (the place is part of the name, not a place)."""
    after = _NEXT_NAME.match(text, end)
    if after is None or text[after.end() : after.end() + 1] in ("’", "'"):
        return end
    name = after.group("name")
    for candidate in (name, name.split()[0]):
        if gazetteer.is_place(candidate):
            return after.start("name") + len(candidate)
    return end


def _radio(text: str) -> list[ActorMention]:
    if "Radio " not in text:
        return []
    return [ActorMention(m.start(), m.end(), m.group(0), "organisation", "radio station", rule="head")
            for m in RADIO.finditer(text)]


def _person_name(name: str) -> str:
    """The name at the start of `name`: capitalised words, initials and particles, without a
    trailing stop or possessive; '' if it ends in a place's head word ('Little Round Top')."""
    words_ = name.split()
    out: list[str] = []
    for word in words_:
        if not (_name_word_ok(word) or re.fullmatch(rf"[A-Z]\.|{_PARTICLE}", word)):
            break
        out.append(word)
        if _POSSESSIVE.search(word):
            break  # 'Dmitri Shostakovich's Seventh Symphony' is the composer
    while out and (re.fullmatch(rf"[A-Z]\.|{_PARTICLE}", out[-1]) or not _capital(out[-1])):
        out.pop()
    if out:
        out[-1] = re.sub(r"(?:[’']s?|\.)$", "", out[-1])
    if out and (out[-1].lower() in HEADS_AFTER or out[-1].lower() in _ORG_HEADS):
        return ""  # 'Axel Heiberg Glacier', 'Kennedy Space Center': a place or an institution
    return " ".join(out)


def _titled(text: str) -> list[ActorMention]:
    found = []
    for match in TITLED.finditer(text):
        name = _person_name(match.group("name"))
        if not name or (" " not in name and is_common_word(name) and name not in first_names()):
            continue
        start = match.start("name")
        end = start + len(match.group("name")[: match.group("name").find(name) + len(name)])
        role = _TITLES[match.group("title").lower()]
        found.append(ActorMention(start, end, text[start:end], "person", role, rule="title", lead=match.start("title")))
    return found


# verbs that only a person is the subject of: 'Hitler had decided', 'Stalin ordered'
_PERSON_VERBS = (
    "decided|ordered|insisted|refused|wrote|said|told|believed|feared|hoped|wanted|demanded|promised|resigned|"
    "married|confessed|complained|admitted|recalled|remarked|declared"
)
SINGLE = re.compile(rf"(?<![\w’'-])(?P<name>[{_UPPER}][a-zà-ÿ]{{2,}})\s+(?:had\s+|then\s+|also\s+)?(?:{_PERSON_VERBS})\b")


_CAPITAL_BEFORE = re.compile(rf"[{_UPPER}][\w’'.-]* $")


def _strong_single(text: str) -> list[ActorMention]:
    """A single name that the sentence makes a person: the subject of a verb only people do
    ('Hitler had decided'), not an English word, a place's or a side's name."""
    found = []
    for match in SINGLE.finditer(text):
        name = match.group("name")
        if not _name_word_ok(name) or is_common_word(name) or name.lower() in _TITLES or _is_known_place(name) \
                or _CAPITAL_BEFORE.search(text, 0, match.start()):
            continue  # 'General Lee ordered' is for the title rule; 'Norway ordered' is a country
        found.append(ActorMention(match.start(), match.end("name"), name, "person", rule="single"))
    return found


def _is_known_place(name: str) -> bool:
    return gazetteer.is_place(name)


def _people(text: str) -> list[ActorMention]:
    names = first_names()
    found = _of_place(text, names) if " of " in text else []
    for match in _overlapping(PERSON, text, names):
        first = match.group("first")
        if first.split("-")[0] not in names or first.lower() in _TITLES:
            role_named = _role_named(text, match)
            if role_named is not None:
                found.append(role_named)
            continue
        rest = _person_name(match.group("rest"))
        if not rest:
            continue
        last = rest.split()[-1]
        if is_common_word(first) and is_common_word(last) or not any(c.islower() for c in last) or \
                is_common_word(last) and _is_known_place(first):
            continue  # 'Will Power', 'Grant Park', 'Berlin Airlift'
        end = match.start("rest") + match.group("rest").find(rest) + len(rest)
        found.append(ActorMention(match.start(), end, text[match.start() : end], "person", rule="first name"))
    return found


OF_PERSON = re.compile(rf"(?<![\w’'.-])(?P<first>{_CAP}) of (?P<place>{_CAP})")


def _of_place(text: str, names: frozenset[str]) -> list[ActorMention]:
    """'Benedict of Nursia', 'Catherine of Aragon': a first name, 'of' and a place's name, with no
    capitalised word before it, is one person."""
    found = []
    for match in OF_PERSON.finditer(text):
        first, place = match.group("first"), match.group("place").rstrip(".")
        before = text[max(0, match.start() - 30) : match.start()]
        if first not in names or is_common_word(first) or is_common_word(place) or not _name_word_ok(place) or \
                _CAPITAL_BEFORE.search(before):
            continue
        end = match.start("place") + len(place)
        found.append(ActorMention(match.start(), end, text[match.start() : end], "person", rule="first name"))
    return found


_EVENT_HEADS = frozenset({"operation", "battle", "siege", "raid", "campaign", "offensive", "war", "treaty", "plan",
                          "project", "exercise", "mission"})


def _overlapping(pattern: re.Pattern[str], text: str, names: frozenset[str]) -> list[re.Match[str]]:
    """Matches of `pattern`, the next one searched right after a first word that is no first name,
    so that it does not hide the name after it ('In February Max Perutz …')."""
    found = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        found.append(match)
        first = match.group("first")
        named = first.split("-")[0] in names or first.lower() in _EVENT_HEADS  # 'Operation Little Saturn' is whole
        position = match.end() if named else match.end("first")
    return found


def _role_named(text: str, match: re.Match[str]) -> ActorMention | None:
    """A person of two names the lists lack, after a role noun: 'the pilot Gherman Titov'."""
    before = ROLE_NAMED.search(text, max(0, match.start() - 30), match.start())
    if before is None:
        return None
    role = before.group("role")
    nouns = _nouns(role)
    name = _person_name(" ".join(match.group(0).split()[:2]))
    if not (nouns and role not in _NOT_ROLE and _ROLE_SUFFIX.search(nouns[0]) and " " in name) or \
            any(is_common_word(w) for w in name.split()):
        return None
    start = match.start()
    return ActorMention(start, start + len(name), name, "person", nouns[0], rule="role",
                        lead=before.start("role") if text[before.end("role")] == " " else -1)


ROLE_NAMED = re.compile(r"\b(?P<role>[a-z]+)[:,]?\s+$")


def _initials(text: str) -> list[ActorMention]:
    found = []
    for match in INITIALS.finditer(text):
        name = match.group("name")
        last = name.split()[-1].split(".")[-1]
        if not _name_word_ok(last) or len(last) < 3 or is_common_word(last):
            continue
        found.append(ActorMention(match.start(), match.end(), name, "person", rule="initials"))
    return found


_ROLE_BEFORE = re.compile(r"(?:(?P<side>[A-Z][a-z]+)\s+)?(?:(?P<modifier>[a-z]+)[- ])?(?P<role>[a-z]+)\s+$")
_LEAD_BACK = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+|[A-Z][a-z]+\s+){1,2})$")
_ROLE_AFTER = re.compile(r"^,\s+(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?(?P<role>(?:[a-z]+\s+)?[a-z]+)\b")
_ROLE_SUFFIX = re.compile(r"(?:naut|ist|eer|er|or|ian|ant|man|pilot|chief|king|queen|leader|officer)$")
_NOT_ROLE = frozenset({"under", "after", "other", "over", "order", "water", "winter", "summer", "number", "ever",
                       "later", "river", "border", "corner", "matter", "manner", "power", "tower", "letter",
                       "center", "centre", "member", "mother", "father", "brother", "daughter", "layer",
                       "chamber", "paper", "error", "sector", "motor", "floor", "door", "honor", "honour",
                       "favor", "labor", "major", "minor", "senior", "junior", "prior", "german", "man", "woman"})


@lru_cache(maxsize=65536)
def _nouns(word: str) -> tuple[str, ...]:
    """The noun lemmas of `word` ('cosmonauts' → ('cosmonaut',)), none if it is no noun."""
    return tuple(getAllLemmas(word).get("NOUN", ()))


def _with_context(text: str, mention: ActorMention) -> ActorMention:
    """The mention with a role word from before or after it, a side named just before it, and
    where the words naming its role start."""
    role, lead, side = mention.role, mention.lead, None
    window = max(0, mention.start - 40)
    before = _ROLE_BEFORE.search(text[window : mention.start])
    if before:
        word, modifier = before.group("role"), before.group("modifier")
        nouns = _nouns(word)
        found = ""
        if mention.kind == "person" and nouns and word not in _NOT_ROLE and _ROLE_SUFFIX.search(nouns[0]):
            found = nouns[0]
        if mention.kind == "organisation" and nouns and nouns[0] in _ORG_ROLE_WORDS:
            found = nouns[0]
        if found:
            starts = before.start("role")
            if modifier and _nouns(modifier) and modifier not in _NOT_ROLE:
                found, starts = f"{modifier} {found}", before.start("modifier")
            role = role or found
            if lead < 0:
                lead = window + starts
        if before.group("side"):
            side = SIDE_WORDS.get(before.group("side").lower())
    if not role and mention.kind == "organisation":
        after = _ROLE_AFTER.match(text[mention.end : mention.end + 60])
        if after and after.group("role").split()[-1] in _ORG_ROLE_WORDS:
            role = after.group("role")
    if side is None:
        word = re.search(r"(?:^|\s)([A-Z][a-z]+)\s+(?:[a-z]+\s+){0,2}$", text[max(0, mention.start - 40) : mention.start])
        side = SIDE_WORDS.get(word.group(1).lower()) if word else None
    if lead >= 0:  # 'the heavy cruiser Mikuma', 'the Soviet cosmonaut …': the words between 'the' and the role
        back = _LEAD_BACK.search(text[max(0, lead - 30) : lead])
        if back and all(w.islower() or w.lower() in SIDE_WORDS for w in back.group(1).split()):
            lead -= len(back.group(1))
    return replace(mention, role=role, side=side, lead=lead)


class _Finds(Protocol):
    """What names_elsewhere reads and updates of a sentence's finds (article.SentenceFinds)."""

    actors: list[ActorMention]
    places: list[Any]

    def spans(self) -> list[tuple[int, int]]: ...

    @property
    def text(self) -> str: ...


_POSSESSIVE = re.compile(r"[’']s?$")
_WORD_RUN = re.compile(r"[^\W\d_][\w’'-]*(?:\s+[^\W\d_][\w’'-]*){0,3}")
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
        words_ = [t.group() for t in _TOKEN.finditer(actor.full_name)]
        keys[" ".join(words_)] = actor
        if actor.kind == "person" and len(words_) > 1:
            surname = " ".join(w for w in words_[1:] if len(w) > 1)
            for tail in {surname, words_[-1]}:
                if len(tail) > 2 and tail not in keys:
                    keys[tail] = actor
                    if is_common_word(tail):
                        common.add(tail)
    longest = max(k.count(" ") for k in keys) + 1
    firsts = {k.split(" ", 1)[0] for k in keys}
    for finds in found:
        text = finds.text
        settled = [_settled(a, known) for a in finds.actors] if finds.actors else []
        if firsts.isdisjoint(_TOKEN.findall(text)):
            finds.actors = settled
            continue
        guesses = [p for p in finds.places if p.rule != "catalog"]  # a rule's guess gives way to a known actor
        guessed = {(p.start, p.start + len(_POSSESSIVE.sub("", p.text))) for p in guesses}
        taken = [span for span in finds.spans() if span not in {(p.start, p.end) for p in guesses}] + list(guessed)
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            if not _capital(tokens[i].group()):
                i += 1
                continue
            hit = None
            for n in range(min(longest, len(tokens) - i), 0, -1):
                run = tokens[i : i + n]
                if any(text[a.end() : b.start()] != " " for a, b in zip(run, run[1:], strict=False)):
                    continue
                key = " ".join(t.group() for t in run)
                named = keys.get(key)
                if named is not None and (key not in common or _alone(text, tokens, i, i + n)):
                    hit = (run[0].start(), run[-1].end(), named)
                    break
            if hit is None:
                i += 1
                continue
            start, end, actor = hit
            if n == 1 and " " not in actor.full_name and i > 0 and _first_name_before(text, tokens[i - 1], tokens[i]):
                start = tokens[i - 1].start()  # 'Roald Amundsen', once 'Amundsen' alone is known as a person
            gloss = any(_GLOSS.fullmatch(text[a.end : start]) for a in settled if a.end <= start)
            if not gloss and not any(start < e and s < end and (s, e) != (start, end) or (s, e) == (start, end)
                                     and (s, e) not in guessed for s, e in taken) and \
                    not any(start < a.end and a.start < end for a in settled):
                settled.append(replace(actor, start=start, end=end, text=text[start:end], rule="article",
                                       name=actor.full_name, lead=-1))
                finds.places = [p for p in finds.places if not (p.start < end and start < p.end)]
            i += n
        finds.actors = sorted(settled, key=lambda a: a.start)


_TITLED = re.compile(rf"\b(?:journal|newspaper|magazine|periodical|gazette)\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})")


def _drop_titles(found: Sequence[_Finds]) -> None:
    """A name the article gives as a journal's or a newspaper's ('the journal Nature') is no place
    anywhere in it ('published in Nature')."""
    titles = {fold(m.group("name")) for finds in found if "journal" in finds.text or "newspaper" in finds.text
              or "magazine" in finds.text or "gazette" in finds.text or "periodical" in finds.text
              for m in _TITLED.finditer(finds.text)}
    if titles:
        for finds in found:
            finds.places = [p for p in finds.places if p.rule == "catalog" or fold(p.text) not in titles]


def _first_name_before(text: str, before: re.Match[str], name: re.Match[str]) -> bool:
    """True if `before` is a capitalised name-like word right before a single-name person: their first name."""
    word = before.group()
    return text[before.end() : name.start()] == " " and _name_word_ok(word) and not is_common_word(word) and \
        word.lower() not in _TITLES and not _is_known_place(word) and word.lower() not in _PLACE_PREFIXES


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


def _alone(text: str, tokens: list[re.Match[str]], first: int, last: int) -> bool:
    """True if the words `first`..`last` stand as a name of their own inside the sentence: no
    capitalised word right before or after them ('the White House') but a sentence's opening word
    ('Later'); as the sentence's first word, only with what follows a name."""
    if first == 0:
        return _person_follows(text, tokens[last - 1].end())
    before, after = tokens[first - 1], tokens[last] if last < len(tokens) else None
    opener = first == 1 and is_common_word(before.group())  # 'Later Crick wrote'
    return not (_capital(before.group()) and text[before.end() : tokens[first].start()] == " " and not opener) and not (
        after is not None and _capital(after.group()) and text[tokens[last - 1].end() : after.start()] == " ")


def _settled(actor: ActorMention, known: dict[str, ActorMention]) -> ActorMention:
    first = known.get(fold(actor.full_name))
    if first is None:
        return actor
    return replace(actor, role=actor.role or first.role, side=actor.side or first.side)
