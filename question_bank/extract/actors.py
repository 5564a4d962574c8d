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
the full name is the same actor (`repeated_names.names_elsewhere`). Front lines, operations, battles, armed
services, nationalities and types of aircraft are not actors. The rules live in `vessels`,
`organisations` and `people`; this module runs them, keeps the longest and settles roles and sides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from question_bank.extract.actor_names import (
    ActorMention,
    is_known_place,
    noun_lemmas,
)
from question_bank.extract.foreign_bodies import foreign_organisations
from question_bank.extract.kin import families, kin
from question_bank.extract.organisations import (
    ORG_ROLE_WORDS,
    acronyms,
    bodies,
    field_organisations,
    headed_organisations,
    kind_named_organisations,
    listed_organisations,
    radio_stations,
)
from question_bank.extract.people import (
    NOT_ROLE,
    ROLE_SUFFIX,
    first_named_people,
    listed_people,
    single_named_people,
    titled_people,
)
from question_bank.extract.people_cues import (
    epithet_people,
    grouped_people,
    led_by_people,
    lower_titled_people,
    who_named_people,
)
from question_bank.extract.people_forms import initialled_people, regnal_people
from question_bank.extract.repeated_names import GLOSS
from question_bank.extract.sides import SIDE_WORDS
from question_bank.extract.vessels import (
    introduced_craft,
    numbered_craft,
    prefixed_ships,
    typed_vessels,
)

__all__ = ["ActorMention", "find_actors"]

def find_actors(text: str, taken: list[tuple[int, int]]) -> list[ActorMention]:
    """Every person, organisation, ship and craft in `text` outside the `taken` spans, longest first."""
    candidates: list[ActorMention] = []
    for rule in (prefixed_ships, typed_vessels, introduced_craft, numbered_craft, acronyms, headed_organisations, radio_stations, listed_organisations, titled_people,
                 first_named_people, initialled_people, single_named_people, regnal_people, bodies, kin, families,
                 who_named_people, led_by_people, field_organisations, epithet_people, grouped_people,
                 foreign_organisations, lower_titled_people, kind_named_organisations):
        candidates += rule(text)
    candidates = [m for m in candidates if m.kind != "person" or m.rule in ("title", "who") or not is_known_place(m.text)]
    chosen: list[ActorMention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if any(mention.start < e and s < mention.end for s, e in taken) or any(
            mention.start < c.end and c.start < mention.end for c in chosen
        ):
            continue
        chosen.append(mention)
    chosen += listed_people(text, chosen, taken)
    kept: list[ActorMention] = []
    for mention in sorted(chosen, key=lambda m: m.start):
        if kept and GLOSS.fullmatch(text[kept[-1].end : mention.start]):
            continue  # 'Vostok 1 (Russian: Восток-1, "East 1")': the same name in another language
        kept.append(mention)
    return [_with_context(text, m) for m in kept]




_ROLE_BEFORE = re.compile(r"(?:(?P<side>[A-Z][a-z]+)\s+)?(?:(?P<modifier>[a-z]+)[- ])?(?P<role>[a-z]+)\s+$")
_LEAD_BACK = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+|[A-Z][a-z]+\s+){1,2})$")
_ROLE_AFTER = re.compile(r"^,\s+(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?(?P<role>(?:[a-z]+\s+)?[a-z]+)\b")


def _with_context(text: str, mention: ActorMention) -> ActorMention:
    """The mention with a role word from before or after it, a side named just before it, and
    where the words naming its role start."""
    role, lead, side = mention.role, mention.lead, None
    window = max(0, mention.start - 40)
    before = _ROLE_BEFORE.search(text[window : mention.start])
    if before:
        word, modifier = before.group("role"), before.group("modifier")
        nouns = noun_lemmas(word)
        found = ""
        if mention.kind == "person" and nouns and word not in NOT_ROLE and ROLE_SUFFIX.search(nouns[0]):
            found = nouns[0]
        if mention.kind == "organisation" and nouns and nouns[0] in ORG_ROLE_WORDS:
            found = nouns[0]
        if found:
            starts = before.start("role")
            if modifier and noun_lemmas(modifier) and modifier not in NOT_ROLE:
                found, starts = f"{modifier} {found}", before.start("modifier")
            role = role or found
            if lead < 0:
                lead = window + starts
        if before.group("side"):
            side = SIDE_WORDS.get(before.group("side").lower())
    if not role and mention.kind == "organisation":
        after = _ROLE_AFTER.match(text[mention.end : mention.end + 60])
        if after and after.group("role").split()[-1] in ORG_ROLE_WORDS:
            role = after.group("role")
    if side is None:
        word = re.search(r"(?:^|\s)([A-Z][a-z]+)\s+(?:[a-z]+\s+){0,2}$", text[max(0, mention.start - 40) : mention.start])
        side = SIDE_WORDS.get(word.group(1).lower()) if word else None
    if lead >= 0:  # 'the heavy cruiser Mikuma', 'the Soviet cosmonaut …': the words between 'the' and the role
        back = _LEAD_BACK.search(text[max(0, lead - 30) : lead])
        if back and all(w.islower() or w.lower() in SIDE_WORDS for w in back.group(1).split()):
            lead -= len(back.group(1))
    return replace(mention, role=role, side=side, lead=lead)
