"""The desk's exports: bank sets with reshuffled print versions, and what is refused."""

from __future__ import annotations

import pytest

from quiz.desk import Desk
from quiz.errors import ExportError
from quiz.exports.registry import export_format
from quiz.model import Mode


def test_bank_versions_hold_the_same_questions_in_other_orders(desk: Desk) -> None:
    export = desk.exports.bank_set("belgrade-offensive", versions=3, key=True, seed=4)
    first, second, third = export.versions
    assert len({len(first), len(second), len(third)}) == 1
    assert sorted(q.prompt for q in first) == sorted(q.prompt for q in second)
    assert [q.prompt for q in first] != [q.prompt for q in second] != [q.prompt for q in third]
    by_prompt = {q.prompt: q for q in first}
    for q in second:
        assert sorted(q.options) == sorted(by_prompt[q.prompt].options) and q.answer in q.options
    assert export == desk.exports.bank_set("belgrade-offensive", versions=3, key=True, seed=4)


def test_refused_exports(desk: Desk) -> None:
    with pytest.raises(ExportError, match="between 1 and 26"):
        desk.exports.bank_set("belgrade-offensive", versions=27)
    with pytest.raises(ExportError, match="only mc and typed"):
        desk.exports.bank_set("belgrade-offensive", modes=(Mode.FLIP,))
    with pytest.raises(ExportError, match="unknown export format 'docx'"):
        export_format("docx")
