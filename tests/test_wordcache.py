"""The compiled analysis's word cache (bot/_wordcache.c) gives a word's entry as the tokenizer's dict gives
it: for every word of the seed corpus and generated text, for words too long to keep, after it empties
itself at its limit, and inside `analyse`, whose tokens and terms are those of the dict."""

from __future__ import annotations

import pytest

from bench.scale_corpus import generate_articles
from bot import tokenizer as tok
from bot.config import Config
from bot.service import CoverageService
from bot.text import normalize

pytestmark = pytest.mark.skipif(tok._CACHE is None, reason="bot/_wordscan is not built")


@pytest.fixture(scope="module")
def words(service: CoverageService, config: Config) -> list[str]:
    texts = [s.text for a in (*service.articles, *generate_articles(1000, config)) for s in a.sentences]
    found = [w for t in texts if normalize(t).isascii() for w in tok._wordscan.words(normalize(t))]
    return [*found, "Counterrevolutionaries", "internationalisation's", "x" * 19, "y" * 20, "U.S.", "G-20"]


def test_the_tokenizer_reads_its_entries_through_the_cache(config: Config) -> None:
    tokenizer = tok.Tokenizer(config.entities, config.synonyms)
    assert isinstance(tokenizer._read_entries, tok._wordscan.WordCache)
    assert tokenizer._read_entries.entries is tokenizer._entries


def test_the_cache_gives_the_dicts_entry_for_every_word(words: list[str], config: Config) -> None:
    tokenizer = tok.Tokenizer(config.entities, config.synonyms)
    cache = tokenizer._read_entries
    first = [cache.get(w) for w in words]  # computed through the dict's __missing__, then remembered
    again = [cache.get(w) for w in words]  # found in the cache (or, when longer than it keeps, the dict)
    assert first == again == [tokenizer._entry(w) for w in words]
    assert 0 < len(cache) < len(set(words))  # the longest words are not kept


def test_the_cache_empties_itself_at_its_limit_and_still_gives_the_entries(
    words: list[str], config: Config
) -> None:
    tokenizer = tok.Tokenizer(config.entities, config.synonyms)
    cache = tok._wordscan.WordCache(tokenizer._entries, 50)
    distinct = list(dict.fromkeys(w for w in words if len(w) < 19))
    for word in distinct * 2:
        assert cache.get(word) == tokenizer._entry(word)
        assert len(cache) <= 50
    assert len(distinct) > 100 and len(cache) > 0


def test_the_analysis_through_the_cache_equals_the_dicts(service: CoverageService, config: Config) -> None:
    tokenizer = tok.Tokenizer(config.entities, config.synonyms)
    cache = tok._wordscan.WordCache(tokenizer._entries, 64)  # small: it empties itself on the way
    for text in (s.text for a in (*service.articles, *generate_articles(500, config)) for s in a.sentences):
        normal = normalize(text)
        spans = tokenizer.entity_spans(normal)
        got = tok._wordscan.analyse(normal, spans, cache, tokenizer._synonyms, tok._STEMMER.stemWords)
        expected = tok._wordscan.analyse(
            normal, spans, tokenizer._entries, tokenizer._synonyms, tok._STEMMER.stemWords
        )
        assert got == expected, text
        if normal.isascii():
            assert got == tokenizer._tokens_and_terms(normal, spans), text


def test_the_cache_takes_a_dict_and_the_analysis_a_dict_or_a_cache() -> None:
    with pytest.raises(TypeError):
        tok._wordscan.WordCache([])
    with pytest.raises(ValueError, match="at least 1"):
        tok._wordscan.WordCache({}, 0)
    with pytest.raises(TypeError, match="dict or a WordCache"):
        tok._wordscan.analyse("a b", [], [], {}, None)
