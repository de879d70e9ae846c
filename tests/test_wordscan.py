"""The compiled word scan and word pairs (bot/_wordscan.c) give exactly what the tokenizer's Python
definitions give (`_WORD.findall`, `_pairs_of`): on the seed corpus, every fixture page, generated corpus
text and generated edge text; outside ASCII they decline and the Python path serves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scale_corpus import generate_articles
from bot import tokenizer as tok
from bot.config import Config
from bot.evaluation.corpora import read_pages
from bot.service import CoverageService
from bot.text import normalize

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def test_the_word_scan_is_built() -> None:
    assert tok.HAVE_WORDSCAN, "bot/_wordscan.c is not built: run `pip install -e .`"


def _same(text: str) -> None:
    words = tok._WORD.findall(text)
    if text.isascii():
        assert tok._wordscan.words(text) == words, text
    else:
        assert tok._wordscan.words(text) is None
    assert tok._words(text) == words
    pairs = tok._pairs_of(words)
    if all(w.isascii() for w in words):
        assert tok._wordscan.pairs(words, tok.STOPWORDS) == pairs, text
    else:
        assert tok._wordscan.pairs(words, tok.STOPWORDS) is None
    assert tok._pairs(words) == pairs


@pytest.fixture(scope="module")
def texts(service: CoverageService, config: Config) -> list[str]:
    folders = sorted(p for p in PAGES.iterdir() if p.is_dir())
    articles = (*service.articles, *read_pages(config, folders), *generate_articles(2000, config))
    found = [text for a in articles for text in (a.title or "", *(s.text for s in a.sentences))]
    return [variant for text in found for variant in (text, normalize(text))]


def test_the_compiled_scan_equals_the_regex_on_every_corpus_text(texts: list[str]) -> None:
    assert sum(not t.isascii() for t in texts) > 10  # the Python path is taken too
    for text in texts:
        _same(text)


_EDGES = ["U.S.", "U.S", "u.s.a.", "a.b", "A.", "G-20", "-x-", "x--y", "x-'y", "it's", "'s", "O'Neil-Smith"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_EDGES),
            st.text(alphabet="aZ09_.'- \t\n,é\u2019ſK", max_size=6),
            st.sampled_from(sorted(tok.STOPWORDS)).map(lambda w: w.upper() if len(w) < 3 else w),
        ),
        max_size=12,
    ).map("".join)
)
def test_the_compiled_scan_equals_the_regex_on_generated_text(text: str) -> None:
    _same(text)


def test_the_pairs_skip_stopwords_and_break_at_other_words() -> None:
    words = ["Cease", "the", "fire", "G-20", "talks", "U.S.", "Climate", "change"]
    assert tok._wordscan.pairs(words, tok.STOPWORDS) == ["ceasefire", "climatechange"]
    assert tok._wordscan.words("The U.S.-led G-20's talks, a.b.c. x") == tok._WORD.findall(
        "The U.S.-led G-20's talks, a.b.c. x"
    )
