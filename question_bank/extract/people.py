"""People named in a sentence: after a title ("Admiral Isoroku Yamamoto", written without the
title), by a first name from faker's name lists ("Yuri Gagarin", "John F. Kennedy", "Catherine of
Aragon"; initials and regnal numbers are in people_forms), after a role noun ("the pilot Gherman Titov"), as the
subject of a verb only people do ("Hitler had decided"), or listed right after another person;
and the role nouns a question may ask for one by ("cosmonaut")."""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import (
    CAP,
    LATER_CAP,
    NAME_PARTICLES,
    NOT_NAME,
    POSSESSIVE,
    UPPER,
    ActorMention,
    is_known_place,
    name_capital,
    name_word_ok,
    noun_lemmas,
    stands_alone,
)
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.organisations import ORG_HEADS
from question_bank.extract.place_heads import FOREIGN_PREFIXES, HEADS_AFTER, SURNAME_HEADS
from question_bank.extract.sides import SIDE_WORDS

_PARTICLE = r"(?:von|van|der|den|de|des|da|di|du|del|della|la|le|ten|ter|bin|al|ibn|St)"


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
    "archbishop": "archbishop", "bishop": "bishop", "cardinal": "cardinal", "sheikh": "sheikh", "emir": "emir",
    "sultan": "sultan", "shah": "shah", "ayatollah": "ayatollah", "imam": "imam", "rabbi": "rabbi",
    "earl": "earl", "duke": "duke", "duchess": "duchess", "baron": "baron", "jarl": "jarl", "thane": "thane",
    "judge": "judge", "justice": "justice", "chief justice": "chief justice", "attorney general": "attorney general",
}
TITLES = _TITLES  # (people_cues reads them)


def _title_pattern(title: str) -> str:
    """'Brigadier General' and 'Brigadier general' for 'brigadier general'; the first word capitalised."""
    first, *rest = title.split()
    return r"\s+".join([re.escape(first[:1].upper() + first[1:]), *(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in rest)])


TITLED = re.compile(
    r"\b(?=[A-Z])(?P<title>" + "|".join(_title_pattern(t) for t in sorted(_TITLES, key=len, reverse=True))
    + rf")(?<!\.)\s+(?P<name>(?:(?:[A-Z]\.\s?){{1,2}}\s*|{_PARTICLE}\s+)?{CAP}(?:\s+(?:[A-Z]\.\s?|{_PARTICLE}\s+)*{LATER_CAP}){{0,3}})"
)
PERSON = re.compile(
    rf"\b(?P<first>{CAP})(?P<rest>(?:\s+(?:[A-Z]\.\s?|{_PARTICLE}\s+)*{LATER_CAP}){{1,3}})"
)


# faker's person providers: English, German, French, Italian, Czech, and Russian and Ukrainian spelled
# as English writes them; then other languages of the Latin alphabet (and Japanese romanised), whose
# first names are taken only where they are no English word or known place ('Said', 'Over', 'Bali')
_LOCALES = ("en", "en_GB", "de_DE", "fr_FR", "it_IT", "cs_CZ", "ru_RU", "uk_UA")
_MORE_LOCALES = ("en_IE", "ga_IE", "es_ES", "pt_PT", "pt_BR", "nl_NL", "da_DK", "no_NO", "sv_SE", "fi_FI", "et_EE",
                 "lv_LV", "lt_LT", "pl_PL", "sk_SK", "hu_HU", "ro_RO", "sl_SI", "hr_HR", "tr_TR", "ja_JP")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names of faker's person providers (see _LOCALES: Юрий → Yuri, Сергей → Sergei)."""
    from anyascii import anyascii

    names = _provided(_LOCALES)
    for name in [n for n in names if not n.isascii()]:
        names.update(_english_spellings(anyascii(name)))
    more = _provided(_MORE_LOCALES)
    more |= {anyascii(n) for n in more if not n.isascii()}  # 'Laszlo' as English often writes 'László'
    names |= {n for n in more - names if not is_common_word(n) and not gazetteer.is_place(n)}
    names |= {"Ibn", "Abu"}  # an Arabic name's first word: 'Ibn al-Athir', 'Abu Bakr'
    return frozenset(n for n in names if len(n) > 2 and n.lower() not in NOT_NAME and n.lower() not in SIDE_WORDS
                     and n.lower() not in _PLACE_PREFIXES)


def _provided(locales: tuple[str, ...]) -> set[str]:
    import importlib

    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_romanized_names"):
            value = getattr(provider, attribute, ())
            if isinstance(value, dict | tuple | list | set | frozenset):
                names.update(value.keys() if isinstance(value, dict) else value)
    return names


# first words of places' names that faker lists as first names: 'Monte Cassino', 'Saint Petersburg'
# ('Ras el-Tawil', 'Tell el-Kebir', 'Kafr el-Dawwar': Arabic places' first words)
_PLACE_PREFIXES = frozenset({"monte", "mont", "saint", "san", "santa", "sainte", "fort", "port", "mount", "lake", "cape",
                             "north", "south", "east", "west", "ras", "tell", "kafr", "bir", "wadi", "jebel", "deir",
                             "sharm", "ain", "qasr", "khan", "bab"})


def _english_spellings(latin: str) -> set[str]:
    """'Evgeniy' (anyascii of Евгений) as English writes it: Evgeniy, Yevgeny, Yevgeni, Evgeni, …"""
    stems = {latin, latin.replace("ks", "x")}
    if latin.startswith("E"):
        stems |= {"Ye" + stem[1:] for stem in stems}
    endings = {stem for stem in stems}
    for stem in stems:
        endings |= {re.sub(r"(?:iy|y)$", "i", stem), re.sub(r"iy$", "y", stem), re.sub(r"ey$", "ei", stem)}
    return endings


_LISTED = re.compile(rf"(?:\s*[,;]\s*|\s+and\s+)(?P<name>{CAP}(?:\s+{CAP}){{1,2}})")


def listed_people(text: str, chosen: list[ActorMention], taken: list[tuple[int, int]]) -> list[ActorMention]:
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


def _person_name(name: str) -> str:
    """The name at the start of `name`: capitalised words, initials and particles, without a
    trailing stop or possessive; '' if it ends in a place's head word ('Little Round Top')."""
    words_ = name.split()
    out: list[str] = []
    for word in words_:
        if not (name_word_ok(word) or re.fullmatch(rf"[A-Z]\.|{_PARTICLE}", word)):
            break
        out.append(word)
        if POSSESSIVE.search(word):
            break  # 'Dmitri Shostakovich's Seventh Symphony' is the composer
    while out and (re.fullmatch(rf"[A-Z]\.|{_PARTICLE}", out[-1]) or not name_capital(out[-1])
                   or out[-1].lower() in NAME_PARTICLES):
        out.pop()
    if out:
        out[-1] = re.sub(r"(?:[’']s?|\.)$", "", out[-1])
    if out and (out[-1].lower() in HEADS_AFTER and out[-1].lower() not in SURNAME_HEADS or out[-1].lower() in ORG_HEADS
                or out[-1].lower() in _EVENT_TAILS):
        return ""  # 'Axel Heiberg Glacier', 'Kennedy Space Center', 'Lewis and Clark Expedition': no person's name
    return " ".join(out)


# events named after the people in them ('the Lewis and Clark Expedition', 'the Dreyfus Affair')
_EVENT_TAILS = frozenset({"expedition", "voyage", "affair", "scandal", "trial", "incident", "raid", "rebellion",
                          "doctrine"})
_HEAD_AFTER = re.compile(rf" ([{UPPER}][a-z]+)\b")


def titled_people(text: str) -> list[ActorMention]:
    found = []
    for match in TITLED.finditer(text):
        name = _person_name(match.group("name"))
        while " " in name and name.split()[0].lower() in _TITLES:  # 'Field Marshal Sir John French'
            name = name.split(" ", 1)[1]
        if not name or (" " not in name and is_common_word(name) and name not in first_names()):
            continue
        start = match.start("name") + max(0, match.group("name").find(name))
        end = start + len(name)
        head = _HEAD_AFTER.match(text, end)
        if head and head.group(1).lower() in HEADS_AFTER:
            continue  # 'King Olaf Sound', 'Queen Maud Land': a place named after a person
        role = _TITLES[" ".join(match.group("title").lower().split())]
        found.append(ActorMention(start, end, text[start:end], "person", role, rule="title", lead=match.start("title")))
    return found


# verbs that only a person is the subject of: 'Hitler had decided', 'Stalin ordered'
_PERSON_VERBS = (
    "decided|ordered|insisted|refused|wrote|said|told|believed|feared|hoped|wanted|demanded|promised|resigned|"
    "married|confessed|complained|admitted|recalled|remarked|declared|died|replied|protested|was born"
)
# what only a person has or is: 'Anders himself', 'Harold's brothers', 'Tostig's death'
_PERSON_AFTER = (
    r"\s+(?:himself|herself)|[’']s\s+(?:own\s+)?(?:wife|husband|widow|sons?|daughters?|brothers?|sisters?|father|"
    r"mother|queen|death|funeral|coronation|assassination|murder|execution|marriage|successor|biographer|image|"
    r"memory|footsteps|absence)"
)
SINGLE = re.compile(rf"(?<![\w’'-])(?P<name>[{UPPER}][a-zà-ÿ]{{2,}})\s+(?:had\s+|then\s+|also\s+)?(?:{_PERSON_VERBS})\b")
_SINGLE_AFTER = re.compile(rf"(?<![\w’'-])(?P<name>[{UPPER}][a-zà-ÿ]{{2,}})(?:{_PERSON_AFTER})\b")


# verbs whose object is a person, and what a person writes or makes: 'denounced Stalin', 'according to
# Tacitus', 'painted by Munch'
_PERSON_OBJECT = re.compile(rf"\b(?:denounced|succeeded|deposed|assassinated|executed|dismissed|arrested|murdered|"
                            rf"betrayed|pardoned|knighted|[Aa]ccording to|(?:written|painted|composed|invented|proposed|"
                            rf"sculpted|drafted) by) (?P<name>[{UPPER}][a-zà-ÿ]{{2,}})(?![\w’'-]| [{UPPER}])")
_OBJECT_WORDS = frozenset("denounced succeeded deposed assassinated executed dismissed arrested murdered betrayed pardoned "
                          "knighted according According written painted composed invented proposed sculpted drafted".split())
_CAPITAL_BEFORE = re.compile(rf"[{UPPER}][\w’'.-]* $")


def single_named_people(text: str) -> list[ActorMention]:
    """A single name that the sentence makes a person: the subject of a verb only people do
    ('Hitler had decided'), or one a person's word follows ('Anders himself', 'Tostig's death'),
    not an English word, a place's or a side's name."""
    found = []
    words_ = text.split()
    objects = () if _OBJECT_WORDS.isdisjoint(words_) else _PERSON_OBJECT.finditer(text)
    possessed = _SINGLE_AFTER.finditer(text) if "’s " in text or "'s " in text or "self" in text else ()
    for match in [*SINGLE.finditer(text), *possessed, *objects]:
        name = match.group("name")
        before = _CAPITAL_BEFORE.search(text, 0, match.start())
        if not name_word_ok(name) or is_common_word(name) or name.lower() in _TITLES or is_known_place(name) \
                or before and not (before.start() == 0 and is_common_word(before.group().strip())
                                   and before.group().strip().lower() not in _TITLES):
            continue  # 'General Lee ordered' is for the title rule ('After Tesmar's death' is not); 'Norway ordered'
        found.append(ActorMention(match.start(), match.end("name"), name, "person", rule="single"))
    return found


def first_named_people(text: str) -> list[ActorMention]:
    names = first_names()
    found = _of_place(text, names) if " of " in text else []
    for match in _overlapping(PERSON, text, names):
        first = match.group("first")
        if _PREFIX_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue  # 'San Juan Bautista', 'Los Alamos': a place, not a person
        if first.split("-")[0] not in names or first.lower() in _TITLES:
            role_named = _role_named(text, match)
            if role_named is not None:
                found.append(role_named)
            continue
        rest = _person_name(match.group("rest")) or _side_surname(text, match)
        if not rest:
            continue
        last = rest.split()[-1]
        if is_common_word(first) and is_common_word(last) or not any(c.islower() for c in last) or \
                is_common_word(last) and is_known_place(first):
            continue  # 'Will Power', 'Grant Park', 'Berlin Airlift'
        end = match.start("rest") + match.group("rest").find(rest) + len(rest)
        start = _name_before(text, match.start())
        found.append(ActorMention(start, end, text[start:end], "person", rule="first name"))
    return found


_WORD_BEFORE = re.compile(rf"(?<![\w’'.-])(?P<word>[{UPPER}][a-zà-ÿ]{{2,}}) $")


_FOREIGN_TITLES = frozenset(
    "piloto capitán capitan teniente comandante coronel almirante kapitän kapitan leutnant hauptmann oberst herr "
    "frau monsieur madame señor senor señora don doña dom signor signora graf baron count countess duke mullah".split()
)


def _name_before(text: str, start: int) -> int:
    """Where a person's name starts that a first word the name lists lack opens ('Abdel Karim
    Faruq'): a capitalised word right before, no English word, place, people, side or title."""
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None or before.start() == 0 or text[: before.start()].rstrip().endswith((".", ":", "\n")):
        return start  # a sentence's or a field's first word may be any word
    word = before.group("word")
    if is_common_word(word) or not name_word_ok(word) or is_known_place(word) or word.lower() in _TITLES or \
            word.lower() in gazetteer.demonyms() or word.lower() in _EVENT_HEADS or word.lower() in ORG_HEADS or \
            word.lower() in _FOREIGN_TITLES:
        return start
    return before.start()


_PREFIX_BEFORE = re.compile(rf"\b(?:{'|'.join(p.title() for p in FOREIGN_PREFIXES)}) $")
_SURNAME = re.compile(rf"\s+(?P<name>[{UPPER}][a-zà-ÿ]{{2,}})")


def _side_surname(text: str, match: re.Match[str]) -> str:
    """A surname that is a side's word too ('Harald Jäger', 'John French'), after a first name and
    standing as a noun of its own (not 'Alexander German forces'); '' if there is none."""
    surname = _SURNAME.match(match.group("rest"))
    if surname is None:
        return ""
    name = surname.group("name")
    end = match.start("rest") + surname.end("name")
    if name.lower() not in SIDE_WORDS or name.endswith("s") or not stands_alone(text, end) or \
            text[end : end + 2].strip()[:1].isupper():
        return ""
    return name


OF_PERSON = re.compile(rf"(?<![\w’'.-])(?P<first>{CAP}) of (?P<place>{CAP})")


def _of_place(text: str, names: frozenset[str]) -> list[ActorMention]:
    """'Benedict of Nursia', 'Catherine of Aragon': a first name, 'of' and a place's name, with no
    capitalised word before it, is one person."""
    found = []
    for match in OF_PERSON.finditer(text):
        first, place = match.group("first"), match.group("place").rstrip(".")
        before = text[max(0, match.start() - 30) : match.start()]
        if first not in names or is_common_word(first) or is_common_word(place) or not name_word_ok(place) or \
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
    nouns = noun_lemmas(role)
    words_ = match.group(0).split()
    # 'Gouverneur K. Warren', 'Urbain Le Verrier': an initial or a particle takes the next word too
    middle = re.fullmatch(r"[A-Z]\.", words_[1]) or words_[1].lower() in NAME_PARTICLES
    name = _person_name(" ".join(words_[: 3 if middle else 2]))
    if not (nouns and role not in NOT_ROLE and ROLE_SUFFIX.search(nouns[0]) and " " in name) or \
            is_common_word(name.split()[0]) or name.split()[-1].lower() in ORG_HEADS:
        return None
    start = match.start()
    return ActorMention(start, start + len(name), name, "person", nouns[0], rule="role",
                        lead=before.start("role") if text[before.end("role")] == " " else -1)


ROLE_NAMED = re.compile(r"\b(?P<role>[a-z]+)[:,]?\s+$")


ROLE_SUFFIX = re.compile(
    r"(?:naut|ist|eer|er|or|ian|ant|man|pilot|chief|king|queen|leader|officer|secretary|minister|stowaway)$")
NOT_ROLE = frozenset({"under", "after", "other", "over", "order", "water", "winter", "summer", "number", "ever",
                       "later", "river", "border", "corner", "matter", "manner", "power", "tower", "letter",
                       "center", "centre", "member", "mother", "father", "brother", "daughter", "layer",
                       "chamber", "paper", "error", "sector", "motor", "floor", "door", "honor", "honour",
                       "favor", "labor", "major", "minor", "senior", "junior", "prior", "german", "man", "woman"})


def first_name_before(text: str, before: re.Match[str], name: re.Match[str]) -> bool:
    """True if `before` is a capitalised name-like word right before a single-name person: their first name."""
    word = before.group()
    return text[before.end() : name.start()] == " " and name_word_ok(word) and not is_common_word(word) and \
        word.lower() not in _TITLES and not is_known_place(word) and word.lower() not in _PLACE_PREFIXES
