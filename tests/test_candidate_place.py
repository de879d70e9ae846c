"""What a candidate's row reads of its sentence's place is what the index says of it, and the decision's
order is the ranking fit's probabilities down, ties in the hits' order."""

from __future__ import annotations

import math

import numpy as np

from bot.answering import _DECISION, decide, sentence_facts
from bot.answering.candidates import find_candidates
from bot.answering.sentence_facts import CandidateFacts, facts_of, facts_of_all
from bot.service import CoverageService


def test_every_sentences_place_is_the_indexs(service: CoverageService) -> None:
    index = service.index
    positions = list(range(len(index)))
    found = facts_of_all(index, positions)
    assert [f.position for f in found] == positions
    assert any(f.joined for f in found) and not all(f.joined for f in found)
    assert len({f.group for f in found}) < len(found)  # the seed corpus has repeated statements
    for position, facts in zip(positions, found, strict=True):
        article, sentence = index.locate(position)
        group = index.facts.of(position).group
        previous = index.neighbour(position, -1)
        assert facts.group == (group if group >= 0 else -2 - position)
        assert facts.joined == (previous is not None and previous.paragraph == sentence.paragraph)
        assert facts.titled == bool(article.title)
        assert facts.event_unknown == (article.event is None)
        assert facts.role == sentence.role
        assert facts.length == math.log1p(len(sentence.text.split()))
        assert facts_of(index, position) is facts  # one cache for both


def test_the_facts_of_all_are_read_afresh_after_the_cache_empties(service: CoverageService) -> None:
    index = service.index
    kept = facts_of_all(index, [0, 1])
    sentence_facts._FACTS.of(index).clear()
    again = facts_of_all(index, [1, 0])
    assert again[0] is not kept[1] and again[1] is not kept[0]
    assert [_read(f) for f in again] == [_read(kept[1]), _read(kept[0])]  # the lazy parts aside


def _read(facts: CandidateFacts) -> tuple[object, ...]:
    """What facts_of reads at once (the paragraph's people, the context and the types come later)."""
    return (facts.position, facts.speakers, facts.people, facts.counted, facts.words, facts.group)


def test_the_answers_follow_the_ranking_probabilities(service: CoverageService) -> None:
    index = service.index
    assert not index.config.semantic.reader  # the reading model off: the ranking fit's order is final
    decision = _DECISION.of(index)
    answered = 0
    for text in ("What did Putin say about Syria?", "What did Obama say about Ukraine?"):
        candidates = find_candidates(index, text)
        result = decide(index, candidates, decision, 3)
        if result.declined:
            continue
        answered += 1
        assert candidates.rows is not None
        ranked = decision.ranking(candidates.rows)
        first = min(range(len(ranked)), key=lambda i: (-ranked[i], i))
        assert result.answers[0].text == candidates.hits[first].sentence.text
        assert np.isfinite(ranked).all()
    assert answered
