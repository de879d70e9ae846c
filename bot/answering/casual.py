"""Questions as people type them in chat: filler words dropped, shorthand spelt out, typos folded onto the
corpus's words.

Shorthand and slang ("abt", "w", "salty") is config data (`followup.shorthand`), read as the words it
stands for wherever the corpus never uses the word as written.

A word of at least `typo_min_length` letters that the corpus never uses and that is no English word (the
sentence model's vocabulary spells it as no single piece), written in lower case (a
capitalised word may be a name the coverage lacks, which must stay unknown), becomes the corpus word one
edit away (a deletion, transposition, substitution or insertion) that most sentences use, if there is one
and the corpus writes it so (a stem shared with another word is not enough); failing that, the function
word one edit away ("anythin"); failing that, for a word of at least `followup.typo2_min_length` letters,
the corpus term two edits from its stem that most sentences use, as the corpus writes it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from bot.answering.cache import PerIndex
from bot.answering.typo_targets import EXPECTED_TYPOS, TypoTargets, WrittenWords
from bot.search import CorpusIndex
from bot.semantic.words import is_dictionary_word
from bot.tokenizer import STOPWORDS

__all__ = ["fold_casual", "fold_typo", "prepare_typos"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = string.ascii_lowercase
_LOOK_IN = 8  # sentences holding a candidate's stem searched for the candidate as written
_MAX_EDITS = 2  # the farthest a typo is folded from the corpus term it means
_FILLERS: PerIndex[frozenset[str]] = PerIndex(
    lambda index: frozenset(w.lower() for w in index.config.decision.fillers)
)
_TYPOS: PerIndex[dict[str, str | None]] = PerIndex(lambda index: {})  # a question word -> its fold, or None
_SHORTHAND: PerIndex[dict[str, str]] = PerIndex(
    lambda index: {e[0].lower(): " ".join(e[1:]) for e in index.config.followup.shorthand}
)


def fold_casual(index: CorpusIndex, text: str) -> str:
    """`text` without filler words and with its typos folded (a question's words, else unchanged)."""
    settings = index.config.decision
    fillers = _FILLERS.of(index)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in fillers:
            return ""
        spelt = _spelt_out(index, lower)
        if spelt is not None:
            return spelt
        if word != lower and match.start() > 0:  # a capitalised word past the first: maybe a name
            return word
        return fold_typo(index, lower, settings.typo_min_length) or word

    folded = _WORD.sub(replace, text)
    return " ".join(folded.split()) or text


def _spelt_out(index: CorpusIndex, word: str) -> str | None:
    """The words a chat shorthand stands for, unless the corpus uses it as written (then it is a word)."""
    spelt = _SHORTHAND.of(index).get(word)
    if spelt is None or any(index.bm25.doc_freq(s) > 0 for s in index.tokenizer.content_words(word)):
        return None
    return spelt


def fold_typo(index: CorpusIndex, word: str, min_length: int) -> str | None:
    """The corpus word one edit from `word` when `word` itself is unknown; None when nothing to fold."""
    if len(word) < min_length or not word.isalpha() or not word.isascii():
        return None
    cache = _TYPOS.of(index)
    if word not in cache:
        cache[word] = None if _known(index, word) else _nearest(index, word)
    return cache[word]


def _known(index: CorpusIndex, word: str) -> bool:
    """A word the corpus uses, or a real English word (one piece of the model's vocabulary)."""
    if is_dictionary_word(word):
        return True
    stems = index.tokenizer.content_words(word)
    return not stems or any(index.bm25.doc_freq(s) > 0 or index.variants(s) for s in stems)


def _nearest(index: CorpusIndex, word: str) -> str | None:
    targets = _TARGETS.of(index).when_worth(index)
    near = _near_searched(index, word) if targets is None else _near_indexed(index, targets, word)
    return near or _two_edits(index, word)


_TARGETS: PerIndex[WrittenWords] = PerIndex(lambda index: WrittenWords())


def prepare_typos(index: CorpusIndex) -> None:
    """A long-running answerer's start-up, before its first user: the corpus's written words indexed for
    typo folding now if the typos it counts on would pay for it (a small corpus's), else when its own do."""
    _TARGETS.of(index).when_worth(index, EXPECTED_TYPOS)


def _near_searched(index: CorpusIndex, word: str) -> str | None:
    """The corpus word one edit away that most sentences use, else the function word one edit away: every
    neighbour of `word` made and weighed (the search until the written words are indexed)."""
    edits = _edits(word)
    least = index.config.decision.typo_min_target
    return _most_used(index, edits) or min((e for e in edits & STOPWORDS if len(e) >= least), default=None)


def _near_indexed(index: CorpusIndex, targets: TypoTargets, word: str) -> str | None:
    """`_near_searched(index, word)`, the neighbours found among the corpus's written words instead."""
    used = targets.used
    # most used first, then the later word; candidates are distinct, so their stems are never compared
    near = sorted(((used[c][0], c, used[c][1]) for c in targets.words.one_edit_from(word)), reverse=True)
    for _, candidate, stem in near:
        if _written(index, candidate, [stem]):
            return candidate
    return min(targets.stopwords.one_edit_from(word), default=None)  # a function word


def _most_used(index: CorpusIndex, edits: set[str]) -> str | None:
    """The candidate the most sentences use, of those the corpus writes (of two as used, the later in
    alphabetical order): candidates the corpus uses, most used first, until one is written."""
    least = index.config.decision.typo_min_target
    # a stopword's terms are none: it is never used, so it is left out before the stemming
    targets = [e for e in edits - STOPWORDS if len(e) >= least]
    vocabulary = index.bm25.vocabulary
    plain = index.tokenizer.plain_terms(targets)  # the usual case: one stem each, in one call
    if plain is not None:
        # a stem outside the vocabulary is in no sentence: most candidates end here, unweighed
        known = vocabulary.keys() & set(plain)
        weighed = [(c, [s]) for c, s in zip(targets, plain, strict=True) if s in known] if known else []
    else:
        terms = index.tokenizer.words_terms(targets)
        weighed = [(c, t) for c, t in zip(targets, terms, strict=True) if t and vocabulary.keys() >= set(t)]
    used = [(min(map(index.bm25.doc_freq, t)), c, t) for c, t in weighed]
    # most used first; candidates are distinct, so their stems are never compared
    for freq, candidate, stems in sorted(used, reverse=True):
        if freq > 0 and _written(index, candidate, stems):
            return candidate
    return None


def _written(index: CorpusIndex, word: str, stems: list[str]) -> bool:
    """Whether the corpus writes `word`, or a longer form of it ('meeting' for 'meet'), and not only another
    word of its stem ('several' for 'severate'): looked for in a few of the sentences that hold the stem."""
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    return any(pattern.search(hit.sentence.text) for hit in index.search_tokens(stems, _LOOK_IN))


_BY_INITIAL: PerIndex[dict[tuple[str, int], list[str]]] = PerIndex(
    lambda index: _initials(index.bm25.vocabulary)
)


def _initials(vocabulary: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """The corpus's terms by their first letter and length (built once per index, when a typo first needs
    it)."""
    out: dict[tuple[str, int], list[str]] = {}
    for term in vocabulary:
        if term[:1].isalpha():
            out.setdefault((term[0], len(term)), []).append(term)
    return out


def _two_edits(index: CorpusIndex, word: str) -> str | None:
    """The corpus term two edits from `word`'s stem (same first letter) that most sentences use, written
    as the corpus writes it; None for a short word (two edits change too much of it) or when none is."""
    if len(word) < index.config.followup.typo2_min_length:
        return None
    stems = index.tokenizer.content_words(word)
    if len(stems) != 1:
        return None
    stem = stems[0]
    by_initial = _BY_INITIAL.of(index)
    near = [
        (index.bm25.doc_freq(term), term)
        for length in range(len(stem) - _MAX_EDITS, len(stem) + _MAX_EDITS + 1)
        for term in by_initial.get((stem[0], length), ())
        if _within(stem, term, _MAX_EDITS)
    ]
    for _, term in sorted(near, reverse=True):
        written = _written_as(index, term)
        if written is not None and len(written) >= index.config.decision.typo_min_target:
            return written
    return None


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (insertions, deletions, substitutions) of a and b is at most `limit`."""
    return _distance(a, b) <= limit


def _distance(a: str, b: str) -> int:
    """The edit distance (insertions, deletions, substitutions) of a and b, a column of the table at a time
    as bits (Hyyro's bit-vector form of the table `a` x `b`: each bit of pv / mv says whether a cell is one
    more / one less than the one above it; the same number as the table filled cell by cell)."""
    if not a:
        return len(b)
    masks: dict[str, int] = {}
    for i, char in enumerate(a):
        masks[char] = masks.get(char, 0) | 1 << i
    full, last = (1 << len(a)) - 1, 1 << (len(a) - 1)
    pv, mv, score = full, 0, len(a)
    for char in b:
        eq = masks.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & full  # the top row grows by one a column
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


def _written_as(index: CorpusIndex, term: str) -> str | None:
    """A word the corpus writes whose stem is `term`, looked for in a few sentences that hold it."""
    for hit in index.search_tokens([term], _LOOK_IN):
        for written in _WORD.findall(hit.sentence.text):
            if index.tokenizer.content_words(written) == [term]:
                return written.lower()
    return None


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}
