"""Who a candidate sentence means without naming them: the pair its article is about written as one
plural ("the two leaders"), the person a bare "he" or "she" stands for, the one a speaker's quoted "he" is.
Read from the sentence's facts (answering.sentence_facts) and its article's people, kept per article."""

from __future__ import annotations

import re
from collections import Counter

from bot.answering.cache import FACTS_LIMIT, PerIndex
from bot.answering.sentence_facts import CandidateFacts, facts_of
from bot.regex_cache import compiled
from bot.search import CorpusIndex

__all__ = ["article_pair", "refers_to_lead", "refers_to_pair", "refers_to_quoted", "unreferenced"]

# A pair of people written as one plural: "the two leaders", "both presidents", "the pair", "the US and
# Russian presidents" (two titles sharing one noun)
_PAIR_SIZE = 2
# a sentence or clause whose subject is a pronoun: "He said ...", "Still, she ...", "..., he added"
# (a verb in the past: a reporting verb or a regular "-ed")
_LEAD_PRONOUN = compiled(
    r"^(?:[\w']+,\s+)?(?:he|she)\b|[,;]\s+(?:he|she)\s+(?:said|told|\w+ed)\b", re.IGNORECASE
)
_PAIR = compiled(
    r"(?i:\b(?:the two|both(?: the)?|the pair of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:leaders|presidents|men|heads of state|statesmen)\b|\bthe pair\b)"
    r"|\b[A-Z][\w.]*\s+and\s+[A-Z]\w*\s+(?:presidents|leaders)\b"
)


def unreferenced(
    index: CorpusIndex, facts: CandidateFacts, missing: frozenset[str], asked: int
) -> frozenset[str]:
    """`missing` (the people of a question's `asked` that the sentence neither names nor quotes) less
    those it means all the same: the pair of "the two leaders" when both are missing, or the one a bare
    "he" stands for."""
    if len(missing) == asked and refers_to_pair(index, facts.position, missing):
        return frozenset()
    if len(missing) == 1:
        person = next(iter(missing))
        if refers_to_lead(index, facts, person) or refers_to_quoted(index, facts, person):
            return frozenset()
    return missing


def refers_to_pair(index: CorpusIndex, position: int, people: frozenset[str]) -> bool:
    """The sentence writes a pair of people as one plural ("the two leaders", "the US and Russian
    presidents") and `people` (two) are the pair its article is about: the two it names most often."""
    if len(people) != _PAIR_SIZE or not _PAIR.search(index.locate(position)[1].text):
        return False
    return people == article_pair(index, position)


# an article's number -> its people, most often named first, with how many sentences name each
_RANKED: PerIndex[dict[int, tuple[tuple[str, int], ...]]] = PerIndex(lambda index: {})


def article_pair(index: CorpusIndex, position: int) -> frozenset[str]:
    """The two configured people the most sentences of the sentence's article name or quote; none when
    fewer are named or a third is named as often as the second."""
    ranked = _article_people(index, position)
    top = ranked[:_PAIR_SIZE]
    clear = len(top) == _PAIR_SIZE and (len(ranked) == _PAIR_SIZE or top[-1][1] > ranked[_PAIR_SIZE][1])
    return frozenset(person for person, _ in top) if clear else frozenset()


def refers_to_lead(index: CorpusIndex, facts: CandidateFacts, person: str) -> bool:
    """The sentence's subject is a bare "he" or "she" that nothing in its paragraph can stand for (it and
    its paragraph name nobody) and `person` is the one its article names most often: the one meant."""
    if facts.people or facts.speakers or facts.paragraph_people(index):
        return False
    if not _LEAD_PRONOUN.search(index.locate(facts.position)[1].text):
        return False
    ranked = _article_people(index, facts.position)
    return bool(ranked) and ranked[0][0] == person and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])


def refers_to_quoted(index: CorpusIndex, facts: CandidateFacts, person: str) -> bool:
    """A configured person speaks in the sentence and their quoted words say "he" (someone else: they
    would say "I" of themselves), and `person` is the one its article names most often after them."""
    speakers = facts.speakers
    if not speakers or person in speakers or not facts.quotes_someone_else(index):
        return False
    ranked = [(who, n) for who, n in _article_people(index, facts.position) if who not in speakers]
    return bool(ranked) and ranked[0][0] == person and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])


def _article_people(index: CorpusIndex, position: int) -> tuple[tuple[str, int], ...]:
    """The configured people the sentences of its article name or quote, most often first, kept per
    article."""
    kept = _RANKED.of(index)
    number = index.article_number(position)
    found = kept.get(number)
    if found is None:
        first, end = index.article_span(position)
        sentences = (facts_of(index, at) for at in range(first, end))
        counts = Counter(person for facts in sentences for person in facts.people | facts.speakers)
        if len(kept) >= FACTS_LIMIT:
            kept.clear()
        found = kept[number] = tuple(sorted(counts.items(), key=lambda item: -item[1]))
    return found
