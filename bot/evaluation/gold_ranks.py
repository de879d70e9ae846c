"""Where a question's gold sentence stands at each step of the ranking: BM25's full order, the sentence
vectors' full order, and the held-out ranking fit's order of the candidates.

    python -m bot.evaluation.ranking_probe GOLD.yaml [...] --gold-ranks SET.yaml [...]

For each answerable question of the named gold files: the best rank of a gold sentence among every
sentence BM25 scores for the searched terms (the first `retrieval.candidates` of them enter), among every
sentence by cosine with the question's vector (the first `semantic.dense_candidates` that BM25 lacks
enter), and in the final order of the candidates the question gets (the ranking fit of its k-fold test
split). It tells a candidate miss (the gold sentence never entered) from a ranking miss (it entered and
was ranked 4th or lower).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.answering.ranker import FRAMING
from bot.evaluation.qa_eval import hit_matches
from bot.frozen import frozen_dataclass as dataclass
from bot.search import CorpusIndex

__all__ = ["GoldRank", "bm25_rank", "final_rank", "gold_positions", "rank_table", "semantic_rank"]

# The columns of the table: where the gold sentence stands in each order
_BANDS = ("first", "2nd-3rd", "4th+ (a candidate)", "not a candidate")


@dataclass(frozen=True)
class GoldRank:
    """One answerable question's gold ranks (1 is first; None: not in that order at all)."""

    source: str
    qid: str
    question: str
    terms: tuple[str, ...]  # the searched terms
    bm25: int | None  # among every sentence BM25 scores above 0
    semantic: int | None  # among every sentence by cosine (None without vectors)
    final: int | None  # among the candidates, in the held-out ranking fit's order (None: not a candidate)


def gold_positions(index: CorpusIndex, gold: Sequence[tuple[str, str]]) -> set[int]:
    """The positions of the sentences a gold answer names (hit_matches' test)."""
    wanted = {doc for doc, _ in gold}
    found: set[int] = set()
    for position in range(len(index)):
        article, sentence = index.locate(position)
        if article.id in wanted and hit_matches(article.id, sentence.text, gold):
            found.add(position)
    return found


def _first_of(order: Sequence[int], wanted: set[int]) -> int | None:
    for rank, position in enumerate(order, start=1):
        if position in wanted:
            return rank
    return None


def bm25_rank(index: CorpusIndex, search_text: str, wanted: set[int], docs: object = None) -> int | None:
    """The gold's best rank among every sentence BM25 scores for `search_text`'s terms, as searched."""
    tokens = index.query_tokens(search_text, expand=True, skip=FRAMING)
    hits = index.search_tokens(tokens, len(index), docs=docs)  # type: ignore[arg-type]
    return _first_of([h.position for h in hits if h.score > 0], wanted)


def semantic_rank(index: CorpusIndex, text: str, wanted: set[int], docs: object = None) -> int | None:
    """The gold's best rank among every sentence by cosine with `text`'s vector (None without vectors)."""
    vector = index.question_vector(text)
    if vector is None:
        return None
    return _first_of(index.nearest(vector, len(index), docs=docs), wanted)  # type: ignore[arg-type]


def _band(rank: int | None, entered: bool) -> str:
    if rank is None or not entered:
        return _BANDS[3]
    return _BANDS[0] if rank == 1 else _BANDS[1] if rank <= 3 else _BANDS[2]  # noqa: PLR2004


def rank_table(ranks: Sequence[GoldRank], bm25_k: int, dense_k: int) -> str:
    """Counts per band for each order, then one line per question that is not first in the final order."""
    rows = {
        f"BM25 (first {bm25_k} enter)": [
            _band(r.bm25, r.bm25 is not None and r.bm25 <= bm25_k) for r in ranks
        ],
        f"semantic (first {dense_k})": [
            _band(r.semantic, r.semantic is not None and r.semantic <= dense_k) for r in ranks
        ],
        "final ranking (held out)": [_band(r.final, r.final is not None) for r in ranks],
    }
    lines = [f"| order ({len(ranks)} answerable) | " + " | ".join(_BANDS) + " |", "|---" * 5 + "|"]
    for name, bands in rows.items():
        lines.append(f"| {name} | " + " | ".join(str(bands.count(b)) for b in _BANDS) + " |")
    lines.append("")
    lines.append("question | bm25 | semantic | final | question | searched terms")
    for r in sorted(ranks, key=lambda r: (r.source, r.qid)):
        if r.final == 1:
            continue
        terms = " ".join(r.terms)
        lines.append(f"{r.source}:{r.qid} | {r.bm25} | {r.semantic} | {r.final} | {r.question} | {terms}")
    return "\n".join(lines)


def final_rank(labels: np.ndarray, logits: np.ndarray) -> int | None:
    """The best rank of a gold candidate in the order of `logits` (None when no candidate is gold)."""
    if not labels.any():
        return None
    order = np.argsort(-logits, kind="stable")
    return int(np.flatnonzero(labels[order])[0]) + 1
