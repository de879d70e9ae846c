"""Questions as people type them in chat: filler words dropped, typos folded onto the corpus's words.

A word of at least `typo_min_length` letters that the corpus never uses and that is no English word (the
sentence model's vocabulary spells it as no single piece), written in lower case (a
capitalised word may be a name the coverage lacks, which must stay unknown), becomes the corpus word one
edit away (a deletion, transposition, substitution or insertion) that most sentences use, if there is one
and the corpus writes it so (a stem shared with another word is not enough).
"""

from __future__ import annotations

import re
import string

from bot.answering.cache import PerIndex
from bot.search import CorpusIndex
from bot.semantic.words import dictionary_words

__all__ = ["fold_casual", "fold_typo"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = string.ascii_lowercase
_LOOK_IN = 8  # sentences holding a candidate's stem searched for the candidate as written
_FILLERS: PerIndex[frozenset[str]] = PerIndex(
    lambda index: frozenset(w.lower() for w in index.config.decision.fillers)
)
_TYPOS: PerIndex[dict[str, str | None]] = PerIndex(lambda index: {})  # a question word -> its fold, or None


def fold_casual(index: CorpusIndex, text: str) -> str:
    """`text` without filler words and with its typos folded (a question's words, else unchanged)."""
    settings = index.config.decision
    fillers = _FILLERS.of(index)

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in fillers:
            return ""
        if word != lower and match.start() > 0:  # a capitalised word past the first: maybe a name
            return word
        return fold_typo(index, lower, settings.typo_min_length) or word

    folded = _WORD.sub(replace, text)
    return " ".join(folded.split()) or text


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
    if word in dictionary_words():
        return True
    stems = index.tokenizer.content_words(word)
    return not stems or any(index.bm25.doc_freq(s) > 0 or index.variants(s) for s in stems)


def _nearest(index: CorpusIndex, word: str) -> str | None:
    best: tuple[int, str] | None = None
    for candidate in _edits(word):
        if len(candidate) < index.config.decision.typo_min_target:
            continue
        stems = index.tokenizer.content_words(candidate)
        freq = min((index.bm25.doc_freq(s) for s in stems), default=0)
        if freq > 0 and (best is None or (freq, candidate) > best) and _written(index, candidate, stems):
            best = (freq, candidate)
    return best[1] if best else None


def _written(index: CorpusIndex, word: str, stems: list[str]) -> bool:
    """Whether the corpus writes `word`, or a longer form of it ('meeting' for 'meet'), and not only another
    word of its stem ('several' for 'severate'): looked for in a few of the sentences that hold the stem."""
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    return any(pattern.search(hit.sentence.text) for hit in index.search_tokens(stems, _LOOK_IN))


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | transposes | replaces | inserts) - {word}
