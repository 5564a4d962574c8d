"""Organisations named in another language by their head word ("the Académie des Sciences", "the
Bibliothèque nationale", "the Istituto Superiore di Sanità"), and ships named so after their type
("the trawler Instituto de Pesca No. 1")."""

from __future__ import annotations

import re

from question_bank.extract.actor_names import CAP, ActorMention
from question_bank.extract.vessels import SHIP_TYPES

# an organisation's head word in French, Italian, Spanish, Portuguese or German, with the words of
# its name after it: 'Académie des Sciences', 'Bibliothèque nationale', 'Istituto Superiore di Sanità'
_FOREIGN_HEADS = (
    "Académie|Accademia|Academia|Akademie|Institut|Instituto|Istituto|Université|Universität|Universidad|Università|"
    "Universidade|Bibliothèque|Biblioteca|Bibliothek|Société|Sociedad|Società|Sociedade|Gesellschaft|Compagnie|"
    "Compañía|Compagnia|Banque|Banco|Musée|Museo|Museu|Comité|Comitato|Comité|Ministère|Ministerio|Ministero|"
    "Hôpital|Ospedale|Hospital|Collège|Collegio|Colegio|École|Escuela|Scuola|Observatoire|Osservatorio|Laboratoire"
)
_FOREIGN_LINKS = r"(?:des|de la|de l[’']|du|de|d[’']|di|della|dello|delle|del|dei|degli|für|der|des|do|da|dos|das)"
_FOREIGN_ORG = re.compile(
    rf"\b(?:{_FOREIGN_HEADS})(?:(?:\s+{_FOREIGN_LINKS}\s*|\s+)(?:(?!No\.?\s*\d){CAP}|[a-zàâçéèêëîïôûùüÿñ]+(?:e|es|al|ale|ali|ales|"
    rf"ique|iques|ico|ica|ische|ischen|iche|ional|ionale|ionali|aux|ux|ier|iers|ière|ières|ieur|ieure|eur|eurs)\b))+"
    r"(?:\s+No\.?\s*\d{1,3}\b)?"  # 'Instituto de Pesca No 1'
)
_FOREIGN_WORDS = frozenset(_FOREIGN_HEADS.split("|"))  # a head is always followed by a space and its name


def foreign_organisations(text: str) -> list[ActorMention]:
    """'the Académie des Sciences', 'the Bibliothèque nationale': an organisation's head word in
    another language and the capitalised or adjective words of its name after it (a ship's, after a
    ship's type)."""
    if _FOREIGN_WORDS.isdisjoint(text.split()):  # (a set test of the words: faster than any pattern)
        return []
    found = []
    for match in _FOREIGN_ORG.finditer(text):
        name = match.group().rstrip(".")
        before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
        ship = before is not None and before.group("word") in SHIP_TYPES  # 'the trawler Instituto de Pesca No. 1'
        found.append(ActorMention(match.start(), match.start() + len(name), name, "ship" if ship else "organisation",
                                  rule="type" if ship else "head"))
    return found


_WORD_BEFORE = re.compile(r"(?P<word>[a-z]+) $")
