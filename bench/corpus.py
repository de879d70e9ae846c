"""Synthetic news-like tokenised sentences and questions for the retrieval benchmark, generated with numpy.

Sentences hold 12-35 tokens drawn from a Zipfian vocabulary of 100,000 pseudo-words, plus a few reporting
words ("said", "putin", "summit" ...) that appear in 3-30 % of the sentences, as the stemmed, stopword-free
tokens of real coverage do. Everything is seeded, so each benchmark process regenerates the same corpus.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["COMMON", "generate_corpus", "generate_length_queries", "generate_queries", "vocabulary"]

VOCAB_SIZE = 100_000
ZIPF_S = 1.05
ZIPF_OFFSET = 30.0  # flattens the head, so the top Zipf word is in ~12 % of the sentences, not half
MIN_LEN, MAX_LEN = 12, 35
CHUNK = 100_000
# Reporting words and the share of sentences each appears in.
COMMON: dict[str, float] = {
    "said": 0.30,
    "putin": 0.18,
    "obama": 0.15,
    "presid": 0.12,
    "russia": 0.12,
    "summit": 0.08,
    "meet": 0.07,
    "offici": 0.06,
    "state": 0.06,
    "talk": 0.05,
    "@putin": 0.18,
    "@obama": 0.15,
    "ukrain": 0.04,
    "syria": 0.04,
    "sanction": 0.03,
}
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70 syllables


def vocabulary() -> npt.NDArray[np.object_]:
    """The pseudo-words, most frequent first: distinct syllable strings such as 'kirota'."""
    n = len(_SYLLABLES)
    words = []
    for i in range(VOCAB_SIZE):
        digits = [_SYLLABLES[(i // n**p) % n] for p in range(3)]
        words.append("".join(digits) + ("" if i % 3 else "n"))
    array = np.empty(VOCAB_SIZE, dtype=object)
    array[:] = words
    return array


def _zipf_probabilities() -> npt.NDArray[np.float64]:
    p = 1.0 / (np.arange(VOCAB_SIZE) + ZIPF_OFFSET) ** ZIPF_S
    return p / p.sum()


def generate_corpus(n_sentences: int, seed: int = 0) -> list[list[str]]:
    """`n_sentences` token lists; built chunk by chunk so generation needs little memory beyond the result."""
    rng = np.random.default_rng(seed)
    words = vocabulary()
    cdf = np.cumsum(_zipf_probabilities())
    common = np.array(list(COMMON), dtype=object)
    rates = np.array(list(COMMON.values()))
    corpus: list[list[str]] = []
    for start in range(0, n_sentences, CHUNK):
        n = min(CHUNK, n_sentences - start)
        lengths = rng.integers(MIN_LEN, MAX_LEN + 1, size=n)
        ids = np.searchsorted(cdf, rng.random(int(lengths.sum())), side="right").clip(0, VOCAB_SIZE - 1)
        tokens = words[ids]
        has_common = rng.random((n, len(common))) < rates
        ends = np.cumsum(lengths)
        for row, end, length in zip(has_common, ends, lengths, strict=True):
            sentence = tokens[end - length : end].tolist()
            if row.any():
                sentence.extend(common[row].tolist())
            corpus.append(sentence)
    return corpus


def _question_word(
    rng: np.random.Generator, words: npt.NDArray[np.object_], cdf: npt.NDArray[np.float64]
) -> str:
    """A common reporting word (30 %), a Zipf-drawn word (45 %) or a rare one (25 %)."""
    draw = rng.random()
    if draw < 0.3:
        return str(list(COMMON)[int(rng.integers(len(COMMON)))])
    if draw < 0.75:
        return str(words[min(int(np.searchsorted(cdf, rng.random())), VOCAB_SIZE - 1)])
    return str(words[int(rng.integers(1000, VOCAB_SIZE))])


def generate_length_queries(n_queries: int, length: int, seed: int = 2) -> list[list[str]]:
    """Questions of exactly `length` tokens, drawn as the mixed questions draw their words."""
    rng = np.random.default_rng(seed * 1000 + length)
    words = vocabulary()
    cdf = np.cumsum(_zipf_probabilities())
    return [[_question_word(rng, words, cdf) for _ in range(length)] for _ in range(n_queries)]


def generate_queries(n_queries: int, seed: int = 1) -> list[list[str]]:
    """Questions of 2-6 tokens mixing common, mid-frequency and rare words, some unknown, some repeated."""
    rng = np.random.default_rng(seed)
    words = vocabulary()
    cdf = np.cumsum(_zipf_probabilities())
    queries = []
    for _ in range(n_queries):
        query = [_question_word(rng, words, cdf) for _ in range(int(rng.integers(2, 7)))]
        if rng.random() < 0.1:
            query.append("qqunknownqq")
        if rng.random() < 0.15:
            query.append(query[0])  # a duplicate, as entity tokens beside their names give
        queries.append(query)
    return queries
