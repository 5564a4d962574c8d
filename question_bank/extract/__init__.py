"""Drafting a bank from a plain-text article: sentences, then the dates, units and places each
names, then one event a sentence, written as a TOML draft for a teacher to review."""

from __future__ import annotations

from question_bank.extract.article import Extraction, SentenceFinds, extract_article
from question_bank.extract.draft import Draft, draft_bank, draft_problems, name_problem
from question_bank.extract.source import MAX_ARTICLE_BYTES, ArticleError, read_article

__all__ = [
    "MAX_ARTICLE_BYTES", "ArticleError", "Draft", "Extraction", "SentenceFinds", "draft_bank", "draft_problems",
    "extract_article", "name_problem", "read_article",
]
