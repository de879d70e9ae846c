"""Shared by the answering tests that read one feature's value off the candidates of a small invented
article: the article's index, and each candidate sentence's value of a named feature."""

from __future__ import annotations

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

__all__ = ["feature_by_sentence", "one_article_index"]


def one_article_index(config: Config, *paragraphs: str) -> CorpusIndex:
    """An index over one article whose paragraphs are `paragraphs`."""
    return CorpusIndex([make_article("d0", list(paragraphs))], config)


def feature_by_sentence(index: CorpusIndex, question: str, name: str) -> dict[str, float]:
    """The feature's value for each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    column = FEATURES.index(name)
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}
