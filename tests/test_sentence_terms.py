"""bot/sentence_terms.py: every sentence's and headline's terms saved at index time equal the tokenizer's
`names_and_words`, read back through the index; the folder round-trips, and a stale or damaged one is
rebuilt."""

from __future__ import annotations

import json
import mmap
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.search import CorpusIndex
from bot.sentence_terms import (
    EncodedTerms,
    SentenceTerms,
    encode_terms,
    load_or_build_terms,
    load_terms,
    save_terms,
)
from bot.service import CoverageService
from bot.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def tokenizer(config: Config) -> Tokenizer:
    return Tokenizer(config.entities, config.synonyms)


def test_the_seed_index_reads_saved_terms_equal_to_the_tokenizers(
    service: CoverageService, tokenizer: Tokenizer
) -> None:
    index = service.index
    assert index._saved_terms is not None and len(index._saved_terms) == len(index)
    position = 0
    for article in service.articles:
        title = frozenset(tokenizer.names_and_words(article.title)) if article.title else frozenset()
        for sentence in article.sentences:
            assert index._saved_terms.of(position) == frozenset(tokenizer.names_and_words(sentence.text))
            assert index.terms(position) == index._saved_terms.of(position)
            assert index.title_terms(position) == title
            position += 1
    assert position == len(index)


def test_an_index_in_memory_computes_the_same_terms(service: CoverageService, config: Config) -> None:
    articles = tuple(service.articles)[:3]
    memory = CorpusIndex(articles, config)
    assert memory._saved_terms is None
    saved = service.index
    for position in range(len(memory)):
        assert memory.terms(position) == saved.terms(position)
        assert memory.title_terms(position) == saved.title_terms(position)


def test_terms_round_trip_and_stale_or_damaged_folders_are_rebuilt(
    tmp_path: Path, tokenizer: Tokenizer
) -> None:
    sentences = [
        "The U.S. and Russia agreed on a cease fire.",
        "",
        "Talks lasted 90 minutes, officials said.",
    ]
    titles = ["Leaders meet at the summit", None]
    built = SentenceTerms.build(tokenizer, sentences, titles)
    folder = tmp_path / "terms"
    save_terms(built, folder, "stamp-1")
    loaded = load_terms(folder, "stamp-1")
    assert [loaded.of(i) for i in range(3)] == [frozenset(tokenizer.names_and_words(s)) for s in sentences]
    assert loaded.of(1) == frozenset() and loaded.title_of(1) == frozenset()
    assert loaded.title_of(0) == frozenset(tokenizer.names_and_words(titles[0]))
    with pytest.raises(ValueError, match="another corpus"):
        load_terms(folder, "stamp-2")
    assert len(load_terms(folder, "stamp-1", (3, 2))) == 3
    with pytest.raises(ValueError, match="made for 3 sentences, not 4"):
        load_terms(folder, "stamp-1", (4, 2))
    calls: list[int] = []

    def build() -> SentenceTerms:
        calls.append(1)
        return built

    assert load_or_build_terms(folder, "stamp-1", build).of(0) == loaded.of(0) and not calls
    load_or_build_terms(folder, "stamp-2", build)  # stale: rebuilt and saved under the new stamp
    assert calls == [1] and load_terms(folder, "stamp-2").of(2) == loaded.of(2)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["stamps"]["text"] = [0, 0, 0, 0]  # the text file no longer trusted by stamp: hashed, and
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    data = np.load(folder / "text.npy")
    data[0] ^= 1  # its bytes changed
    np.save(folder / "text.npy", data)
    with pytest.raises(ValueError, match="checksum"):
        load_terms(folder, "stamp-2")
    load_or_build_terms(folder, "stamp-2", build)
    assert calls == [1, 1] and load_terms(folder, "stamp-2").of(0) == loaded.of(0)


def test_pointers_that_do_not_match_the_text_are_refused(tmp_path: Path, tokenizer: Tokenizer) -> None:
    built = SentenceTerms.build(tokenizer, ["One sentence here.", "Another one."], ["A headline"])
    arrays = dict(built.arrays)
    arrays["ptr"] = arrays["ptr"][::-1].copy()
    save_terms(SentenceTerms(arrays), tmp_path / "terms", "s")
    with pytest.raises(ValueError, match="does not match"):
        load_terms(tmp_path / "terms", "s")


def test_saved_arrays_are_plain_views_of_the_mapped_files(tmp_path: Path, tokenizer: Tokenizer) -> None:
    """np.memmap's Python-level slicing is slow; the loaded arrays are ndarray views of the mapping."""
    save_terms(SentenceTerms.build(tokenizer, ["A sentence here."], ["A headline"]), tmp_path / "t", "s")
    for array in load_terms(tmp_path / "t", "s").arrays.values():
        assert type(array) is np.ndarray and isinstance(array.base.obj, mmap.mmap)  # a view of the map
        assert not array.flags.writeable


def test_an_articles_terms_read_in_one_pass_equal_the_union_of_its_sentences(
    service: CoverageService, config: Config
) -> None:
    saved = service.index
    memory = CorpusIndex(tuple(service.articles), config)
    assert saved._saved_terms is not None and memory._saved_terms is None
    position = 0
    others = [frozenset({"zzz-no-such-term"}), frozenset()]
    for article in service.articles:
        start, position = position, position + len(article.sentences)
        sentences = set().union(*(saved.terms(p) for p in range(start, position)))
        for word in sentences:
            assert saved._saved_terms.span_has(start, position, [word]), word
        union = sentences | saved.title_terms(start)
        for word in sorted(union)[:: max(1, len(union) // 25)]:  # words of the article: found
            for index in (saved, memory):
                assert index.article_has(position - 1, frozenset({word})), word
            for part in (word[:-1], word[1:]):  # a part of a term is no term: found only if it is one
                assert saved.article_has(start, frozenset({part})) == (part in union and part != ""), part
        for words in others:  # no word of it: not found, from either end of the article
            for index in (saved, memory):
                assert not index.article_has(start, words) and not index.article_has(position - 1, words)


@pytest.mark.parametrize("bad", ["a b", "", " a", "a\t", "a\u00a0b", "a\u2028b"])
def test_a_term_that_would_not_come_back_whole_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="whitespace or is empty"):
        encode_terms({"ok", bad})


def test_terms_are_saved_sorted_and_spaced() -> None:
    assert encode_terms({"b", "a", "été"}) == "a b été".encode()
    assert encode_terms(set()) == b""


def test_terms_found_by_the_build_are_saved_streamed_as_the_whole_arrays_are(
    tmp_path: Path, tokenizer: Tokenizer
) -> None:
    texts = ["The talks lasted 90 minutes.", "", "Путин и Обама встретились.", "Ceasefire, cease fire!"] * 7
    found = EncodedTerms()
    for n, text in enumerate(texts):
        found.add(tokenizer.names_and_words(text))
        if n % 5 == 4:
            found.pack()  # several compressed pieces, as a build's chunks give
        if n % 3 == 0:
            found.add_title(tokenizer.names_and_words(f"Headline {n} é"))
    whole = found.terms()
    save_terms(whole, tmp_path / "whole", "s")
    saved = found.save(tmp_path / "streamed", "s")
    for name in ("text", "ptr", "title", "title_ptr"):
        assert (tmp_path / "whole" / f"{name}.npy").read_bytes() == (
            tmp_path / "streamed" / f"{name}.npy"
        ).read_bytes()
        assert np.array_equal(saved.arrays[name], whole.arrays[name])
    metas = [json.loads((tmp_path / d / "meta.json").read_text()) for d in ("whole", "streamed")]
    whole_meta, streamed_meta = ({k: v for k, v in m.items() if k != "stamps"} for m in metas)
    assert whole_meta == streamed_meta
    assert [saved.of(i) for i in range(len(texts))] == [tokenizer.names_and_words(t) for t in texts]
    assert list(metas[1]["checksums"]) == list(metas[0]["checksums"])  # the same order of arrays
