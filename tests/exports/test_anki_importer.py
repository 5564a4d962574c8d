"""Issue 19's oracle for Anki: the deck read back by Anki's own importer (the `anki` package, the
library behind the desktop app), not by our reading of its file. Every note of the deck arrives, a
second import adds nothing, typed questions keep their type-in box, and Anki's own answer
comparison accepts the key as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main

anki_collection = pytest.importorskip("anki.collection")


def _export(tmp_path: Path) -> Path:
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), "bank", "export", "belgrade-offensive",
                                       "-f", "anki", "--mode", "mc", "--mode", "typed", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _import(collection, deck: Path):  # type: ignore[no-untyped-def]
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(deck),
        options=anki_collection.ImportAnkiPackageOptions(update_notes=1, update_notetypes=1),
    )
    return collection.import_anki_package(request).log


def test_anki_imports_every_note_once_with_a_box_for_typed_answers(tmp_path: Path) -> None:
    deck = _export(tmp_path)
    collection = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        first = _import(collection, deck)
        notes = [collection.get_note(nid) for nid in collection.find_notes("")]
        assert len(first.new) == len(notes) > 50 and not first.conflicting
        again = _import(collection, deck)
        assert not again.new and len(collection.find_notes("")) == len(notes)  # importing again adds nothing

        typed = [n for n in notes if n.note_type()["name"] == "quiz typed question"]
        assert typed and len(typed) < len(notes)  # both forms arrive
        template = typed[0].note_type()["tmpls"][0]["qfmt"]
        assert "{{type:Answer}}" in template
        for note in typed:
            answer = note["Answer"]
            # Anki's own comparison of a typed answer with the key: the key as written is right.
            shown = collection.compare_answer(answer, answer)
            assert "typeBad" not in shown and "typeMissed" not in shown, (answer, shown)
    finally:
        collection.close()
