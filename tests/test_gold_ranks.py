"""Where a gold sentence stands in BM25's and the final order (ranking_probe --gold-ranks)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.cleaner import clean_article
from bot.config import Config
from bot.evaluation import gold_ranks
from bot.evaluation.gold_ranks import GoldRank, final_rank, rank_table
from bot.search import CorpusIndex

PAGE = """Harbour Post
Tuesday 6 September 2016

Leaders meet on the sidelines

The ministers were dropping hints about a deal at the meeting on Monday.

Reporters waited outside the palace for hours.

The harvest was late because of heavy rain in the valley.
"""

REPORTERS = "Reporters waited outside the palace for hours."


@pytest.fixture(scope="module")
def index(config: Config) -> CorpusIndex:
    plain = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, enabled=False))
    return CorpusIndex([clean_article(PAGE, doc_id="post", config=plain)], plain)


def test_the_gold_sentence_is_found_and_ranked_by_bm25(index: CorpusIndex) -> None:
    wanted = gold_ranks.gold_positions(index, (("post", REPORTERS),))
    assert len(wanted) == 1
    assert index.locate(next(iter(wanted)))[1].text.startswith("Reporters waited")
    assert gold_ranks.bm25_rank(index, "who waited outside the palace", wanted) == 1
    # second to a sentence that matches more of the question
    assert gold_ranks.bm25_rank(index, "harvest rain hours", wanted) == 2
    assert gold_ranks.bm25_rank(index, "a word no sentence has", wanted) is None  # in no order at all
    assert gold_ranks.gold_positions(index, (("elsewhere", REPORTERS),)) == set()  # another article's


def test_without_sentence_vectors_there_is_no_semantic_rank(index: CorpusIndex) -> None:
    assert gold_ranks.semantic_rank(index, "who waited outside", {0}) is None


def test_the_final_rank_is_the_best_gold_place_in_the_fit_order() -> None:
    labels = np.array([0.0, 0.0, 1.0, 1.0])
    assert final_rank(labels, np.array([0.9, 0.1, 0.5, 0.2])) == 2
    assert final_rank(labels, np.array([0.1, 0.2, 0.3, 0.9])) == 1
    assert final_rank(np.zeros(3), np.array([0.3, 0.2, 0.1])) is None


def test_the_table_counts_each_order_by_band_and_lists_what_is_not_first() -> None:
    ranks = [
        GoldRank("a.yaml", "1", "q1?", ("x",), 1, 1, 1),
        GoldRank("a.yaml", "2", "q2?", ("y",), 3, 12, 2),
        GoldRank("a.yaml", "3", "q3?", ("z",), 50, 5, 7),
        GoldRank("a.yaml", "4", "q4?", ("w",), None, None, None),
    ]
    text = rank_table(ranks, bm25_k=40, dense_k=10)
    assert "| BM25 (first 40 enter) | 1 | 1 | 0 | 2 |" in text
    assert "| semantic (first 10) | 1 | 0 | 1 | 2 |" in text
    assert "| final ranking (held out) | 1 | 1 | 1 | 1 |" in text
    assert "a.yaml:1 |" not in text and "a.yaml:3 | 50 | 5 | 7 | q3? | z" in text
