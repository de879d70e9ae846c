"""Snowball's stemmer called from C (bot/_wordscan_stem.c) gives PyStemmer's stems: the same library's
code, reached through its exported functions. Where the library cannot be found the handle is None and the
tokenizer stems through PyStemmer (`_pair_stemmer`); the whole analysis through the handle equals the
Python definition in tests/test_wordscan.py."""

from __future__ import annotations

from itertools import pairwise

import pytest
import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scale_corpus import generate_articles
from bot import tokenizer as tok
from bot.config import Config

_STEMMER = Stemmer.Stemmer("english", 0)
# Snowball's special cases: its exceptions, y handling, short words, the R1 prefixes, long words
_EDGES = [
    "",
    "a",
    "y",
    "yy",
    "skies",
    "sky",
    "news",
    "dying",
    "idly",
    "gently",
    "inning",
    "succeed",
    "generously",
    "communism",
    "arsenal",
    "youth",
    "sayings",
    "ceasefire",
    "ceasefires",
    "'tis",
    "o'neil",
    "G20",
    "x-ray",
    "ABC",
    "hopping",
    "caresses",
    "ponies",
    "agreed",
    "feed",
    "happily",
    "a" * 127,
    "b" * 128,
    "runs" * 70,
]


def test_the_pair_stemmer_is_the_handle() -> None:
    assert tok._wordscan is not None and tok._wordscan.stemmer is not None
    assert not callable(tok._PAIR_STEMS), "PyStemmer's library was not found: the pairs go through stemWords"


def _same(words: list[str]) -> None:
    stems = _STEMMER.stemWords(words)
    assert [tok._wordscan.stem(tok._PAIR_STEMS, w) for w in words] == stems


def test_the_stems_are_pystemmers_on_edge_words_and_generated_pairs(config: Config) -> None:
    _same(_EDGES)
    articles = generate_articles(400, config)
    words = [w.lower() for a in articles for s in a.sentences for w in tok._words(s.text)]
    _same(words)
    _same([a + b for a, b in pairwise(words)])  # as the pairs are stemmed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abeiosyzY'-", max_size=14), max_size=20))
def test_the_stems_are_pystemmers_on_generated_words(words: list[str]) -> None:
    _same(words)


def test_no_handle_outside_ascii_or_without_the_library() -> None:
    assert tok._wordscan.stem(tok._PAIR_STEMS, "café") is None
    with pytest.raises(TypeError):
        tok._wordscan.stem(object(), "talks")
    assert tok._wordscan.stemmer("/nonexistent/Stemmer.so", "english") is None
    assert tok._wordscan.stemmer(Stemmer.__file__, "no such language") is None
    assert tok._wordscan.stemmer(tok._wordscan.__file__, "english") is None  # no sb_stemmer_* there
