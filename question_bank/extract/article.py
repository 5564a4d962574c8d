"""An article read sentence by sentence: the dates, units and places each one names."""

from __future__ import annotations

from dataclasses import dataclass, field

from question_bank.banks.catalog import builtin_catalog
from question_bank.collector import collector_paused
from question_bank.extract.actors import ActorMention, find_actors
from question_bank.extract.dates import DateMention, YearContext, find_dates, first_year
from question_bank.extract.lexicon import Word, catalog_indexes, words
from question_bank.extract.narrative import INFOBOX, infobox_year, month_first
from question_bank.extract.place_names import names_of
from question_bank.extract.places import PlaceMention, by_article, find_places
from question_bank.extract.progress import Progress
from question_bank.extract.repeated_names import names_elsewhere
from question_bank.extract.sentences import Sentence, split_sentences
from question_bank.extract.sides import side_near
from question_bank.extract.units import UnitMention, find_units, link, with_side
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.facts.text import fold


@dataclass
class SentenceFinds:
    """One sentence and what was found in it, each list in text order."""

    sentence: Sentence
    dates: list[DateMention] = field(default_factory=list)
    units: list[UnitMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    year: int | None = None  # the article's year in force before this sentence
    actors: list[ActorMention] = field(default_factory=list)  # people, organisations, ships, craft

    @property
    def text(self) -> str:
        return self.sentence.text

    def spans(self) -> list[tuple[int, int]]:
        return [(u.start, u.end) for u in self.units] + [(d.start, d.end) for d in self.dates] + [
            (p.start, p.end) for p in self.places
        ] + [(a.start, a.end) for a in self.actors]


@dataclass
class Extraction:
    """Everything found in an article, sentence by sentence."""

    title: str
    sentences: list[SentenceFinds]
    catalog: Catalog

    @property
    def dates(self) -> list[DateMention]:
        return [d for s in self.sentences for d in s.dates]

    @property
    def units(self) -> list[UnitMention]:
        return [u for s in self.sentences for u in s.units]

    @property
    def places(self) -> list[PlaceMention]:
        return [p for s in self.sentences for p in s.places]

    @property
    def actors(self) -> list[UnitMention | ActorMention]:
        """Units, people, organisations, ships and craft, in text order (each has .text and .kind)."""
        found: list[UnitMention | ActorMention] = []
        for finds in self.sentences:
            found += sorted([*finds.units, *finds.actors], key=lambda a: a.start)
        return found


def extract_article(
    text: str, year: int | None = None, catalog: Catalog | None = None, progress: Progress | None = None
) -> Extraction:
    """Find the dates, units and places of every sentence of `text`.

    `year` is the year of dates that give none before the article names a year of its own (and has
    no heading or infobox line that names one); `progress` is told the sentences read every 100
    sentences and at the end.
    """
    with collector_paused():
        return _extract(text, year, catalog or builtin_catalog(), progress)


def _extract(text: str, year: int | None, catalog: Catalog, progress: Progress | None) -> Extraction:
    unit_index, place_index = catalog_indexes(catalog)
    sentences = split_sentences(text)
    headings = (s.text for s in sentences if s.is_heading)
    context = YearContext(year, first_year(text), heading=next(filter(None, map(first_year, headings)), None),
                          infobox=infobox_year(text.splitlines()))
    context.month_first = month_first(text)
    found: list[SentenceFinds] = []
    tokens_by_sentence: list[list[Word]] = []
    for sentence in sentences:
        if progress and sentence.index % 100 == 0:
            progress(sentence.index, len(sentences))
        tokens = words(sentence.text)
        tokens_by_sentence.append(tokens)
        unit_hits = [
            (tokens[a].start, tokens[b - 1].end, entity)
            for a, b, entity in unit_index.scan(sentence.text, tokens) if isinstance(entity, Unit)
        ]
        units = find_units(sentence.text, unit_hits)
        year_before = context.year
        infobox = INFOBOX.match(sentence.line) is not None
        dates = find_dates(sentence.text, context, [(u.start, u.end) for u in units], narrative=not infobox)
        place_hits = [
            (a, b, entity) for a, b, entity in place_index.scan(sentence.text, tokens) if isinstance(entity, Place)
        ]
        taken = [(u.start, u.end) for u in units] + [(d.start, d.end) for d in dates]
        catalog_places = {(tokens[a].start, tokens[b - 1].end) for a, b, _ in place_hits}
        actors = [a for a in find_actors(sentence.text, taken) if (a.start, a.end) not in catalog_places]
        taken += [(a.start, a.end) for a in actors]
        places = find_places(sentence.text, tokens, place_hits, taken)
        if places and actors and "(" in sentence.text:
            actors = _without_place_glosses(sentence.text, actors, places)
        found.append(SentenceFinds(sentence, dates, units, places, year_before, actors))
    if progress:
        progress(len(sentences), len(sentences))
    _settle_sides(found, catalog)
    names_elsewhere(found)
    _places_named_elsewhere(found, tokens_by_sentence)
    first = found[0].sentence if found else None
    title = first.text if first and first.is_heading and len(first.text.split()) <= 12 else ""
    return Extraction(title, found, catalog)


def _without_place_glosses(text: str, actors: list[ActorMention], places: list[PlaceMention]) -> list[ActorMention]:
    """`actors` without a person guessed in the parentheses right after a place: the place's name in
    its own language ('San José Mine (Mina San José)'), part of the place's mention."""
    ends = {p.end for p in places}
    return [a for a in actors if not (a.kind == "person" and text[a.end : a.end + 1] == ")" and
                                      text[a.start - 2 : a.start] == " (" and a.start - 2 in ends)]


def _settle_sides(found: list[SentenceFinds], catalog: Catalog) -> None:
    """Give each unit its side: its catalog entry, its own words, the same name elsewhere in the
    article, the other side from the unit it fights 'against', then the nearest side word in its
    sentence outside other units' names."""
    by_name: dict[str, str] = {}
    for finds in found:
        for unit in finds.units:
            if unit.side and unit.side_from in ("catalog", "name"):
                by_name.setdefault(fold(unit.text), unit.side)
    sides = {u.side for finds in found for u in finds.units if u.side and u.side_from in ("catalog", "name")}
    for finds in found:
        if not finds.units:
            continue
        text = finds.sentence.text
        masked = _mask(text, [(u.start, u.end) for u in finds.units])
        settled: list[UnitMention] = []
        for unit in finds.units:
            near = side_near(masked, unit.start, unit.end)
            named = by_name.get(fold(unit.text))  # (link keeps the text)
            unit = link(unit, catalog, unit.side or named or near)
            unit = with_side(unit, named, "article")
            if unit.side is None and len(sides) == 2 and text[: unit.start].rstrip().endswith(("against", "against the")):
                foes = [u.side for u in settled if u.side in sides]
                if foes:
                    unit = with_side(unit, next(iter(sides - {foes[-1]})), "sentence")
            if unit.side is None and unit.echelon == "front" and "Soviet" in sides:
                unit = with_side(unit, "Soviet", "article")  # only the Red Army named its army groups fronts
            unit = with_side(unit, near, "sentence")
            settled.append(unit)
        finds.units = settled


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out, offsets kept."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _places_named_elsewhere(found: list[SentenceFinds], tokens_by_sentence: list[list[Word]]) -> None:
    """A name taken as a place by a rule in one sentence is a place wherever it stands alone
    (`tokens_by_sentence`: the words of each sentence of `found`)."""
    known: dict[str, str] = {}
    first_words: set[str] = set()  # a known name's first word, folded ("culp s" of "Culp's Hill")
    for place in (p for finds in found for p in finds.places if p.rule != "catalog"):
        for key in names_of(" ".join(w.folded for w in words(place.text))):  # 'Mount Everest', 'Everest'
            known[key] = place.type
            first_words.add(key.split(" ", 1)[0])
    if not known:
        return
    for finds, tokens in zip(found, tokens_by_sentence, strict=True):
        if first_words.isdisjoint([w.folded for w in tokens]):
            continue  # no known name can start in this sentence
        extra = by_article(finds.sentence.text, tokens, finds.spans(), known, {p.end for p in finds.places})
        if extra:
            finds.places = sorted([*finds.places, *extra], key=lambda p: p.start)
