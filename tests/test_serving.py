"""The serving form of the cleaned corpus: the same articles as the JSON files, rebuilt when they change,
verified at load; and the BM25 index verified at load (checksums, NaN), rebuilt with answers unchanged."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.corpus import CorpusStore
from bot.service import CoverageService
from bot.serving import StoredArticles, load_or_build_articles

QUESTION = "What did Putin say about Syria?"


def test_stored_articles_equal_the_cleaned_json(corpus_copy: tuple[Path, Config]) -> None:
    root, _ = corpus_copy
    store = CorpusStore(root)
    table = load_or_build_articles(store, root / "index" / "serving")
    assert isinstance(table, StoredArticles)
    assert tuple(table) == store.load_articles()  # every field: text, sentences, dropped, evidence
    assert store.load_articles() == tuple(table)  # either way round
    assert [a.to_dict() for a in table] == [a.to_dict() for a in store.load_articles()]
    assert table.fingerprint == store.fingerprint()
    assert list(table.sentence_texts()) == [s.text for a in store.load_articles() for s in a.sentences]
    assert table[-1] == table[len(table) - 1] and table[1:3] == (table[1], table[2])


def test_an_article_read_once_is_not_kept(corpus_copy: tuple[Path, Config]) -> None:
    """The index build reads every article once: none of them stays decoded in the table."""
    root, _ = corpus_copy
    store = CorpusStore(root)
    table = load_or_build_articles(store, root / "index" / "serving")
    once = [table.article_once(i) for i in range(len(table))]
    assert once == list(store.load_articles())
    assert table.article_once(0) is not table.article_once(0)
    kept = table.article(0)
    assert table.article_once(0) is kept  # one already decoded is reused


def test_a_changed_clean_file_rebuilds_it(
    corpus_copy: tuple[Path, Config], caplog: pytest.LogCaptureFixture
) -> None:
    root, _ = corpus_copy
    store, folder = CorpusStore(root), root / "index" / "serving"
    first = load_or_build_articles(store, folder)
    path = sorted(store.clean_dir.glob("*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    data["title"] = "Another headline"
    path.write_text(json.dumps(data), encoding="utf-8")
    with caplog.at_level(logging.INFO):
        second = load_or_build_articles(store, folder)
    assert "rebuilding the serving corpus" in caplog.text
    assert second[0].title == "Another headline" and second.fingerprint != first.fingerprint


@pytest.mark.parametrize("damage", ["flip", "flip, times restored", "truncate", "missing"])
def test_a_damaged_serving_file_is_rebuilt(
    corpus_copy: tuple[Path, Config], caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    root, _ = corpus_copy
    store, folder = CorpusStore(root), root / "index" / "serving"
    expected = [a.to_dict() for a in load_or_build_articles(store, folder)]  # decoded before the damage
    path = folder / "text.npy"
    data = bytearray(path.read_bytes())
    if damage.startswith("flip"):
        before = path.stat()
        data[-10] ^= 0x20
        path.write_bytes(bytes(data))
        if damage.endswith("restored"):  # same size, same times: the change time still moves
            os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    elif damage == "truncate":
        path.write_bytes(bytes(data[:-50]))
    else:
        path.unlink()
    with caplog.at_level(logging.WARNING):
        again = load_or_build_articles(store, folder)
    assert "rebuilding the serving corpus" in caplog.text and "text.npy" in caplog.text
    assert [a.to_dict() for a in again] == expected


def _answer(config: Config) -> list[tuple[str, str, float]]:
    result = CoverageService(config).ask(QUESTION)
    return [(a.doc, a.text, a.score) for a in result.answers]


def _flip_bits(path: Path, count: int, seed: int) -> None:
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(seed)
    for i in rng.integers(128, len(data), size=count):  # past the .npy header
        data[int(i)] ^= 1 << int(rng.integers(8))
    path.write_bytes(bytes(data))


def _nan_weights(path: Path) -> None:
    weights = np.load(path)
    weights[::7] = np.nan
    np.save(path, weights)


@pytest.mark.parametrize(
    "damage",
    [
        ("weights.npy", lambda p: _flip_bits(p, 300, 1)),
        ("doc_ids.npy", lambda p: _flip_bits(p, 3, 2)),
        ("block_max.npy", lambda p: _flip_bits(p, 1, 3)),
        ("weights.npy", _nan_weights),
        ("term_ptr.npy", lambda p: p.write_bytes(p.read_bytes()[:-16])),
    ],
    ids=["300 flipped bits", "3 flipped bits in ids", "1 flipped bit", "NaN weights", "truncated"],
)
def test_a_damaged_index_is_rebuilt_with_one_line_and_the_same_answers(
    corpus_copy: tuple[Path, Config], caplog: pytest.LogCaptureFixture, damage: tuple
) -> None:
    _, config = corpus_copy
    before = _answer(config)
    assert before
    name, harm = damage
    harm(config.index_dir / "bm25" / name)
    with caplog.at_level(logging.WARNING):
        after = _answer(config)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and name in warnings[0].getMessage()
    assert "rebuilding the BM25 index" in warnings[0].getMessage()
    assert after == before


def test_the_service_decodes_only_the_articles_it_uses(corpus_copy: tuple[Path, Config]) -> None:
    _, config = corpus_copy
    _ = CoverageService(config).index  # the first start builds the index and the facts (they read text)
    service = CoverageService(config)  # a later start loads them
    table = service.articles
    assert isinstance(table, StoredArticles)
    index = service.index
    assert len(index) == sum(table.sentence_counts()) and not table._cache  # loaded without decoding
    article, sentence = index.locate(3)
    assert list(table._cache) == [0] and sentence == article.sentences[3]
    outlets = {a.outlet for a in table}  # metadata only: no article body is decoded
    assert outlets and [i for i, a in table._cache.items() if a._body is not None] == [0]
    assert service.article(table.ids()[-1]) == CorpusStore(config.corpus_dir).load_articles()[-1]
