"""The compiled word scan and word pairs (bot/_wordscan.c) give exactly what the tokenizer's Python
definitions give (`_WORD.findall`, `_pairs_of`), and so does the whole compiled analysis of a sentence
(`analyse`: `Tokenizer._tokens_and_terms`, its word pairs stemmed through PyStemmer or through
bot/_wordscan_stem.c's handle): on the seed corpus, every fixture page, generated corpus
text and generated edge text; outside ASCII they decline and the Python path serves."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.scale_corpus import generate_articles
from bot import name_patterns, sentence_terms
from bot import tokenizer as tok
from bot.config import Config, Entity, load_config
from bot.evaluation.corpora import read_pages
from bot.retrieval.token_ids import ChunkIds
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


def _same_analysis(tokenizer: tok.Tokenizer, text: str) -> None:
    """The compiled analysis (`analyse`) gives what the Python definition gives, or declines outside
    ASCII; `tokenize`, `names_and_words` and `tokens_and_terms` equal their Python forms either way."""
    normal = normalize(text)
    spans = tokenizer.entity_spans(normal)
    expected = tokenizer._tokens_and_terms(normal, spans)
    entries, synonyms = tokenizer._entries, tokenizer._synonyms
    found = tok._wordscan.analyse(normal, spans, entries, synonyms, tok._STEMMER.stemWords)
    tokens = tok._wordscan.analyse(normal, spans, entries, synonyms, None)
    cached = tok._wordscan.analyse(normal, spans, tokenizer._read_entries, synonyms, tok._STEMMER.stemWords)
    handled = tok._wordscan.analyse(normal, spans, tokenizer._read_entries, synonyms, tok._PAIR_STEMS)
    if normal.isascii():
        assert found == expected == cached == handled, text
        assert tokens == expected[0], text
    else:
        assert found is None and tokens is None and handled is None
    assert tokenizer.tokens_and_terms(text) == expected
    assert tokenizer.tokenize(text) == expected[0]
    assert tokenizer.names_and_words(text) == tokenizer._names_and_words(normal, spans) == expected[1]


@pytest.fixture(scope="module")
def tokenizer(config: Config) -> tok.Tokenizer:
    return tok.Tokenizer(config.entities, config.synonyms)


@lru_cache(maxsize=1)
def _shipped() -> Config:
    return load_config(Path(__file__).resolve().parent.parent / "config.yaml")


@lru_cache(maxsize=1)
def _shipped_tokenizer() -> tok.Tokenizer:
    """The shipped config's tokenizer (for the generated examples, which take no fixtures)."""
    return tok.Tokenizer(_shipped().entities, _shipped().synonyms)


def _shipped_names() -> list[str]:
    """Every name and alias of the shipped config's entities."""
    return sorted({name for e in _shipped().entities for name in (e.name, *e.aliases)})


def test_the_compiled_analysis_is_built() -> None:
    assert tok._ANALYSE is not None, "bot/_wordscan.c is not built: run `pip install -e .`"


def test_the_compiled_analysis_equals_the_python_one_on_every_corpus_text(
    texts: list[str], tokenizer: tok.Tokenizer
) -> None:
    assert sum(bool(tokenizer.entity_spans(normalize(t))) for t in texts) > 100  # names blanked out too
    for text in texts:
        _same_analysis(tokenizer, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*_EDGES, "U.S.-led", "the U.N.", "cease"]),
            st.sampled_from(_shipped_names()).map(lambda name: name + "'s"),  # the names blanked out
            st.text(alphabet="aZ09_.'- \t,é\u2019", max_size=6),
            st.sampled_from(sorted(tok.STOPWORDS)).map(lambda w: w.upper() if len(w) < 3 else w),
            st.sampled_from(["fire", "talks", "climate", "change", "summit", "strikes", "Russia"]),
        ),
        max_size=14,
    ).map(" ".join)
)
def test_the_compiled_analysis_equals_the_python_one_on_generated_text(text: str) -> None:
    _same_analysis(_shipped_tokenizer(), text)


def test_a_word_entry_holds_its_terms_synonyms_and_pair_part(tokenizer: tok.Tokenizer) -> None:
    assert tokenizer._entry("Talks") == (("talk",), tuple(filter(None, [tokenizer.synonym("talk")])), "talks")
    assert tokenizer._entry("the")[2] is False  # a stopword: left out of the pairs
    assert tokenizer._entry("G-20")[2] is None  # not letters alone: breaks a pair


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text(alphabet="ab~@_ \t\x1fé\u3000", max_size=4), max_size=8))
def test_the_compiled_encoding_equals_the_python_one(terms: set[str]) -> None:
    try:
        expected: bytes | None = sentence_terms._encoded(terms)
    except ValueError:
        expected = None  # refused: the compiled form declines, and encode_terms refuses it too
    compiled = tok._wordscan.encode(list(terms))
    if all(t.isascii() for t in terms) and expected is not None:
        assert compiled == expected
    else:
        assert compiled is None
    if expected is None:
        with pytest.raises(ValueError, match="whitespace or is empty"):
            sentence_terms.encode_terms(terms)
    else:
        assert sentence_terms.encode_terms(iter(sorted(terms, reverse=True))) == expected


def test_the_compiled_numbering_equals_the_python_one(texts: list[str], tokenizer: tok.Tokenizer) -> None:
    compiled, plain = ChunkIds(), ChunkIds()
    for text in texts[:3000]:
        tokens = tokenizer.tokenize(text)
        compiled.add(tokens)
        plain.add(tuple(tokens))  # not a list: the Python numbering
    assert compiled.ids == plain.ids and compiled.words == plain.words
    assert list(compiled.words.values()) == list(range(len(compiled.words)))
    numbers = np.frombuffer(compiled.ids, dtype=np.int32).tolist()
    every = [t for x in texts[:3000] for t in tokenizer.tokenize(x)]
    assert [list(compiled.words)[n] for n in numbers] == every


def _same_names(tokenizer: tok.Tokenizer, text: str) -> None:
    """The compiled name matcher finds the spans the alternation's regex finds, on an ASCII text as it is
    matched (lower-cased for a pattern with a lowered form); it declines outside ASCII."""
    for pattern in tokenizer._aliases:
        assert pattern.programs is not None  # every shipped name's pattern is read by the matcher
        subject = text.lower() if pattern.lowered is not None else text
        regex = pattern.lowered or pattern.regex
        found = tok._wordscan.names(subject, pattern.programs, pattern.grouped)
        if subject.isascii():
            assert found == [m.span() for m in regex.finditer(subject)], subject
        else:
            assert found is None


def test_the_compiled_name_matcher_equals_the_regex_on_every_corpus_text(
    texts: list[str], tokenizer: tok.Tokenizer
) -> None:
    for text in texts:
        _same_names(tokenizer, text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_shipped_names()),
            st.sampled_from(_shipped_names()).map(str.upper),
            st.sampled_from(_shipped_names()).map(lambda name: name.replace(" ", "-").replace(".", "")),
            st.sampled_from(_shipped_names()).map(lambda name: name.replace("-", "")),
            st.sampled_from(_shipped_names()).map(lambda name: ".".join(name.replace(" ", "  "))),
            st.text(alphabet="aZ09_.'- \t\x1c,é", max_size=4),
        ),
        max_size=8,
    ).map("".join)
)
def test_the_compiled_name_matcher_equals_the_regex_on_generated_text(text: str) -> None:
    _same_names(_shipped_tokenizer(), text)


def test_a_program_reads_only_the_pieces_of_a_name_pattern() -> None:
    assert name_patterns._program(name_patterns.alias_regex("U.S.")) == b"LUDLSD"
    assert name_patterns._program(name_patterns.alias_regex("G-20 summit")) == b"LGQL2L0PLsLuLmLmLiLt"
    assert name_patterns._program("fran\u00e7ois") == b""  # no ASCII text holds it
    assert (
        name_patterns._program(r"\d+") is None
        and name_patterns._program("a|b") is None
        and name_patterns._program(r"\.?a") is None
    )


_ODD = (
    Entity("Ab", aliases=("A-B", "AB C", "a.b. c-d", "Ab-Cd Ef")),
    Entity("Is", kind="group", aliases=("IS", "US", "U.S.A.", "X-1")),
    Entity("Cd", aliases=("Cd-", "C D E", "Cde", "c.d")),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([n for e in _ODD for n in (e.name, *e.aliases)]).map(
                lambda name: name.replace("-", "") if len(name) % 2 else name.replace(" ", " -").upper()
            ),
            st.sampled_from([n for e in _ODD for n in (e.name, *e.aliases)]),
            st.text(alphabet="AaBbCcDdEeIiSsUuX1.- _\t\x1c'", max_size=4),
        ),
        max_size=8,
    ).map("".join)
)
def test_the_compiled_name_matcher_equals_the_regex_on_names_made_to_backtrack(text: str) -> None:
    """Names whose patterns backtrack (optional dots before a boundary, runs of separators, prefixes of
    one another, case-sensitive acronyms), on text of their own letters and separators."""
    _same_names(_odd_tokenizer(), text)


@lru_cache(maxsize=1)
def _odd_tokenizer() -> tok.Tokenizer:
    return tok.Tokenizer(_ODD)
