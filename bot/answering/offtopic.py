"""Whether a candidate's article is coverage at all: a page that is about none of the configured events
and names none of the configured people (oil prices, a golf score, taken in as a corpus grows) answers
nothing, and its sentences rank last.

The fits never see such a page: every gold question is asked over summit coverage, so the feature
`event_unknown` is constant there and weighs nothing, while such a page's figures and dates meet a
question's asked type by chance ("how many", "what share"). An article whose event is merely not stated
but that names the configured people ("Putin and Obama also talked about a ceasefire, the paper's
correspondent wrote") stays in, as it stays in an event's scope (answering.scope).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.answering.cache import PerIndex
from bot.answering.ranker import people_of
from bot.answering.sentence_facts import FACTS_LIMIT
from bot.search import CorpusIndex, SearchHit

__all__ = ["off_topic"]

# article number -> whether it names any configured person, kept per index (questions share articles)
_NAMES_PEOPLE: PerIndex[dict[int, bool]] = PerIndex(lambda index: {})


def off_topic(index: CorpusIndex, hits: Sequence[SearchHit]) -> np.ndarray:
    """For each hit, whether its article is about none of the configured events and names none of the
    configured people (never, when config names no event: every article is outside one then)."""
    out = np.zeros(len(hits), dtype=bool)
    if not index.config.events:
        return out
    for i, hit in enumerate(hits):
        if hit.article.event is None:
            out[i] = not _names_people(index, hit.position)
    return out


def _names_people(index: CorpusIndex, position: int) -> bool:
    found = _NAMES_PEOPLE.of(index)
    article = index.article_number(position)
    has = found.get(article)
    if has is None:
        if len(found) >= FACTS_LIMIT:  # bounded for a long-running bot, as the facts cache is
            found.clear()
        has = found[article] = index.article_has(position, people_of(index))
    return has
