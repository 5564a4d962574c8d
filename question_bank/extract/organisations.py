"""Organisations named in a sentence: by a head word ("the Royal Society", "University of
Oxford", "Justice Department", "King's College London"), as an acronym ("NASA", "OKB-1") or as a
radio station ("Radio Moscow"); and the role words a question may ask for one by ("the design
bureau")."""

from __future__ import annotations

import re

from question_bank.extract import gazetteer
from question_bank.extract.actor_names import CAP, NOT_NAME, POSSESSIVE, UPPER, ActorMention, capital, name_word_ok
from question_bank.extract.lexicon import is_common_word
from question_bank.extract.sides import SIDE_WORDS

# capitals of the Latin alphabet with their accents too: 'ÁVH', 'ČTK'
ACRONYM = re.compile(r"\b(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž&]{1,6}(?:-\d{1,3})?)\b(?![.’'-]\w)")
ORG_HEADS = {
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
    "opera": "opera company", "ballet": "ballet company", "philharmonic": "orchestra",
    "board": "board", "service": "service", "patrol": "patrol", "assembly": "assembly", "brothers": "company",
    "sons": "company", "line": "shipping line", "authority": "authority", "circle": "circle", "radio": "radio station",
    "court": "court",
}
# a court of law, not a palace or a yard ('Hampton Court'): a court's head with one of these before it
_COURTS = frozenset({"supreme", "high", "federal", "district", "appeals", "appeal", "constitutional", "crown", "county",
                     "circuit", "international", "criminal", "military", "magistrates", "civil", "superior", "state"})
# 'the Gustav Line' is a defended line, a place; 'the Cunard Line' a shipping line, where ships are named
_SHIPPING = re.compile(r"\b(?:[Ss]hip\w*|[Ll]iners?|[Ss]team\w*|[Vv]essels?|[Pp]assengers?|[Vv]oyages?|[Oo]wner|"
                       r"[Cc]hairman|[Cc]hartered|[Ff]leet)\b")
ORG_ROLE_WORDS = frozenset({
    "agency", "bureau", "institute", "laboratory", "company", "party", "committee", "organisation",
    "organization", "society", "university", "hospital", "newspaper", "commission", "council", "ministry",
    "firm", "academy", "observatory", "airline", "manufacturer",
})
RADIO = re.compile(rf"\bRadio(?:\s+{CAP}){{1,3}}")  # 'Radio Moscow', 'Radio Free Europe'



_NOT_ACRONYM = frozenset(
    "US USA UK USSR SS NOVJ RKKA NOB HQ TV OK AM PM UTC GMT BC AD CE BCE RAF USAAF USAF RAAF RCAF RN USN USMC "
    "IJN IJA VVS SSR SFSR ASSR DNA RNA ICBM IRBM MRBM SAM MIG ID UFO POW POWS KIA MIA NB PS WWII WWI CV BB DD "
    "OKW OKH AA AT MP CO NCO GHQ PST PDT EST EDT CST CDT MST MDT CET CEST EET EEST WET BST MSK IST JST AEST "
    "AEDT HST AKST".split()
)


_TWO_LETTER_BODIES = frozenset({"UN", "EU", "EC", "AU"})  # the United Nations, the European Union …
_SIGNAL_BEFORE = re.compile(r"\b(?:signal|call|code|codeword|message|call sign|callsign|word|cry|slogan)s? $")
_LEVEL = re.compile(r"\s\d")


def acronyms(text: str) -> list[ActorMention]:
    matches = list(ACRONYM.finditer(text))
    if len(matches) > 4:
        return []  # a heading in capitals, or a table
    found = []
    for match in matches:
        name = match.group("name")
        letters = name.split("-")[0]
        if letters in _NOT_ACRONYM or re.fullmatch(r"[IVXLC]+", letters) or len(letters) < 3 and \
                letters not in _TWO_LETTER_BODIES or \
                _LEVEL.match(text, match.end()):
            continue  # 'DEFCON 2': a level or a code, not an organisation
        if _SIGNAL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # 'the distress call SOS': a signal
        found.append(ActorMention(match.start(), match.end(), name, "organisation", rule="acronym"))
    return found


_ORG_HEAD = re.compile(
    rf"\b(?P<head>{'|'.join(h.title() for h in ORG_HEADS)})\b"
    rf"(?P<right>(?:\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP}){{0,3}}){{1,2}})?"
)
# heads a name goes on after with 'on' ('Senate Select Committee on Presidential Campaign Activities'; not
# 'Easy Company on Omaha Beach')
_ON_HEADS = frozenset({"Committee", "Subcommittee", "Commission", "Council"})
_OPENERS = frozenset({"state", "war", "navy", "air", "county", "district", "union"})  # 'State Department'
_LEFT_NAME = re.compile(rf"(?:{CAP}\s+){{1,4}}$")
_FIRM_AND = re.compile(rf"(?:{CAP}\s+){{1,3}}(?:and|&)\s+$")


def headed_organisations(text: str) -> list[ActorMention]:
    found = []
    for match in _ORG_HEAD.finditer(text):
        window = max(0, match.start() - 80)
        before = _LEFT_NAME.search(text, window, match.start())
        if before is None and match.group("head") in ("Company", "Sons", "Brothers"):
            before = _FIRM_AND.search(text, window, match.start())  # 'Eli Lilly and Company'
        left = list(re.finditer(r"\S+", before.group())) if before else []
        while left and (left[0].group().strip("’'") in ("The", "A", "An", "In", "On", "At", "By") or
                        left[0].group().lower() in NOT_NAME and left[0].group().lower() not in _OPENERS
                        or not capital(left[0].group())):
            left.pop(0)
        right = match.group("right") or ""
        if right.split(" ", 2)[1:2] == ["on"] and match.group("head") not in _ON_HEADS:
            right = ""  # ('on' may open a place after a head: the name ends at its head)
        right_words = right.split()
        while right_words and not name_word_ok(right_words[-1]):
            right_words.pop()
        has_right = len(right_words) >= 2 and not (before and before.group().endswith(("and ", "& ")))
        if not left and not has_right:
            continue  # 'the Committee' alone names no organisation
        if left and left[-1].group() == "Space" and match.group("head") in ("Center", "Centre"):
            continue  # 'Kennedy Space Center': a launch site, a place
        if match.group("head") == "Court" and (not left or left[-1].group().lower() not in _COURTS):
            continue  # 'Hampton Court', 'Earls Court': a place
        if match.group("head") == "Line" and (not left or not _SHIPPING.search(text)):
            continue
        if match.group("head") == "Circle" and left and gazetteer.is_place(" ".join(w.group() for w in left)):
            continue  # 'the Arctic Circle': a place
        while any(POSSESSIVE.search(w.group()) for w in left[:-1]):  # "Morgan's International … Company"
            left.pop(0)
        start = before.start() + left[0].start() if before and left else match.start("head")
        end = match.end("head")
        if has_right:
            end += right.rfind(right_words[-1]) + len(right_words[-1].rstrip("."))
        else:
            end = _place_after(text, end)
        found.append(ActorMention(start, end, text[start:end], "organisation", ORG_HEADS[match.group("head").lower()],
                                  rule="head"))
    return found


_NEXT_NAME = re.compile(rf" (?P<name>{CAP}(?: {CAP})?)(?![\w’'-])")


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


def radio_stations(text: str) -> list[ActorMention]:
    if "Radio " not in text:
        return []
    return [ActorMention(m.start(), m.end(), m.group(0), "organisation", "radio station", rule="head")
            for m in RADIO.finditer(text)]


# nouns that name a governing or party body on their own, capitalised: 'the Politburo', 'the Admiralty'
BODY_NOUNS = frozenset({
    "politburo", "presidium", "admiralty", "secretariat", "directorate", "commissariat", "chancellery", "treasury",
    "exchequer", "cabinet", "senate", "parliament", "congress", "junta", "synod", "curia",
})
_BODY = re.compile(rf"(?<![\w’'-])(?P<name>{'|'.join(b.title() for b in BODY_NOUNS)})(?![\w’'-]| [{UPPER}])")
_BODY_WORDS = tuple(b.title() for b in BODY_NOUNS)
_DETERMINERS = frozenset({"The", "A", "An", "Its", "His", "Her", "Their", "This", "That", "Our"})
_CAPITAL_BEFORE = re.compile(rf"(?<![\w’'.-])[{UPPER}][\w’'.-]* $")
# 'an officer of the Stasi', 'the spokesman of the Politburo': a body named by one word of its own
_MEMBER_OF = re.compile(
    r"\b(?:officers?|agents?|members?|spokes(?:man|woman|person)|directors?|chairman|chairwoman|informers?|"
    rf"informants?|employees?|founders?|secretary|chief) of the (?P<name>[{UPPER}][\w-]{{2,}})(?![\w’'-]| [{UPPER}])"
)


def bodies(text: str) -> list[ActorMention]:
    """Governing and party bodies named without a head word: a body's noun capitalised on its own
    ('the Politburo', 'the Admiralty'), or a single name after 'a member of the' and the like ('an
    officer of the Stasi'), not an English word, a place or a people."""
    found: list[ActorMention] = []
    bodies_named = any(word in text for word in _BODY_WORDS)
    for match in _BODY.finditer(text) if bodies_named else ():
        before = _CAPITAL_BEFORE.search(text, max(0, match.start() - 30), match.start())
        word = before.group().strip() if before else ""
        if not word or word in _DETERMINERS or is_common_word(word) or word.lower() in SIDE_WORDS or \
                word.lower() in gazetteer.demonyms():  # 'The Senate', 'the Soviet Politburo', not 'Weimar Senate'
            found.append(ActorMention(match.start(), match.end(), match.group("name"), "organisation", rule="body"))
    if " of the " in text:
        for match in _MEMBER_OF.finditer(text):
            name = match.group("name")
            if name_word_ok(name) and not is_common_word(name) and not gazetteer.is_place(name) and \
                    name.lower() not in gazetteer.demonyms() and name.lower() not in BODY_NOUNS:
                found.append(ActorMention(match.start("name"), match.end("name"), name, "organisation", rule="body"))
    return found


_NAMED_AS = rf"{CAP}(?: {CAP}){{0,2}}"
# 'firms such as Pfizer and Merck': names listed after a plural kind of organisation
_SUCH_AS = re.compile(
    r"\b(?:firms|companies|manufacturers|banks|agencies|newspapers|laboratories|universities|airlines|"
    rf"corporations|publishers)(?:,)?\s+(?:such as|like|including|among them)\s+(?P<names>{_NAMED_AS}"
    rf"(?:\s*,\s*{_NAMED_AS})*(?:\s*,?\s+and\s+{_NAMED_AS})?)"
)


def listed_organisations(text: str) -> list[ActorMention]:
    """Names listed after a plural kind of organisation: 'firms such as Pfizer and Merck'."""
    if " such as " not in text and " like " not in text and " including " not in text and " among them " not in text:
        return []
    found = []
    for match in _SUCH_AS.finditer(text):
        for name in re.finditer(_NAMED_AS, match.group("names")):
            words_ = name.group().rstrip(".").split()
            if all(name_word_ok(w) for w in words_) and not gazetteer.is_place(" ".join(words_)):
                start = match.start("names") + name.start()
                found.append(ActorMention(start, start + len(" ".join(words_)), " ".join(words_), "organisation",
                                          rule="list"))
    return found


# an infobox line whose field names who built, owned or ran something: its value is an organisation
_MAKER_FIELD = re.compile(r"(?:Builders?|Owners?|Operators?|Manufacturers?|Shipyard|Shipbuilders?|Publishers?|"
                          rf"Developers?|Makers?)\s*:\s*(?P<name>{CAP}(?:\s+(?:and|&|of|{CAP})){{0,5}})")


def field_organisations(text: str) -> list[ActorMention]:
    """'Builder: Harvey and Lowe, Glasgow', 'Operator: Blue Gannet Line': the maker or owner an
    infobox line names, up to the first comma, unless it is a known place."""
    match = _MAKER_FIELD.match(text)
    if match is None:
        return []
    words_ = match.group("name").split()
    while words_ and (words_[-1] in ("and", "&", "of") or not capital(words_[-1])):
        words_.pop()
    name = " ".join(words_).rstrip(".,;")
    if not name or gazetteer.is_place(name):
        return []
    start = match.start("name")
    return [ActorMention(start, start + len(name), name, "organisation", rule="field")]



# a kind of organisation in lower case right before its name ('the state copper company Codelco'), or
# after it with 'a' ('Center Rock, a small company from Berlin'); a newspaper by its head ('The Washington Post')
_KINDS = r"(?:company|firm|newspaper|airline|manufacturer|conglomerate|corporation|shipyard|broadcaster|publisher)"
_KIND_BEFORE = re.compile(rf"\b{_KINDS} (?P<name>[{UPPER}][\w’'.-]*(?: {CAP}){{0,2}})(?![\w’'-]| [{UPPER}])")
_KIND_AFTER = re.compile(rf"(?<![\w’'.-])(?P<name>[{UPPER}][\w’'.-]*(?: {CAP}){{0,2}}), an? (?:[a-z]+ ){{0,3}}{_KINDS}\b")
_PAPERS = r"(?:Post|Times|Herald|Tribune|Chronicle|Telegraph|Gazette|Guardian|Observer|Courier|Examiner|Inquirer)"
_NEWSPAPER = re.compile(rf"\bThe (?P<name>{CAP}(?: {CAP})? {_PAPERS})\b")
# cheap tests first: a kind's word, a newspaper's head (one scan each)
_KIND_CUE = re.compile(_KINDS)
_PAPER_CUE = re.compile(rf" {_PAPERS}\b")


def kind_named_organisations(text: str) -> list[ActorMention]:
    """An organisation its kind names in lower case before or after it ('the copper company Codelco',
    'Center Rock, a small company'), and a newspaper ('The Washington Post' is 'Washington Post')."""
    found: list[ActorMention] = []
    matches = [*_KIND_BEFORE.finditer(text), *_KIND_AFTER.finditer(text)] if _KIND_CUE.search(text) else []
    if _PAPER_CUE.search(text):
        matches += _NEWSPAPER.finditer(text)
    for match in matches:
        name = POSSESSIVE.sub("", match.group("name")).rstrip(".")
        words_ = name.split()
        if match.start("name") == 0 and is_common_word(words_[0]) or gazetteer.is_place(name) or \
                any(w.lower() in NOT_NAME or w.lower() in SIDE_WORDS for w in words_):
            continue
        if match.re is _KIND_BEFORE and all(is_common_word(w) for w in words_):
            continue  # 'the company Board': a word, not a name
        start = match.start("name")
        found.append(ActorMention(start, start + len(name), name, "organisation", rule="kind"))
    return found
