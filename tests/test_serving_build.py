"""The serving form read on every core (bot/serving_build.py) is the one a single process writes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench.scale_corpus import generate_articles
from bench.start import write_corpus
from bot.config import Config
from bot.corpus import CorpusStore
from bot.evaluation.corpora import read_pages
from bot.models import Article
from bot.service import CoverageService
from bot.serving import load_or_build_articles
from bot.serving_build import join_forms, serving_arrays

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def articles(service: CoverageService, config: Config) -> tuple[Article, ...]:
    """The seed corpus and every fixture page: dropped lines of several reasons among them."""
    folders = sorted(p for p in PAGES.iterdir() if p.is_dir())
    return (*service.articles, *read_pages(config, folders))


def test_the_serving_form_joined_from_chunks_is_the_whole_one(articles: tuple[Article, ...]) -> None:
    whole, meta = serving_arrays(articles)
    assert len(meta["reasons"]) > 1  # renumbered drop reasons are part of what is compared
    for size in (1, 3, 7):
        parts = [serving_arrays(articles[i : i + size]) for i in range(0, len(articles), size)]
        joined, joined_meta = join_forms(parts)
        assert joined_meta == meta
        assert joined.keys() == whole.keys()
        for name in whole:
            assert joined[name].dtype == whole[name].dtype, name
            assert np.array_equal(joined[name], whole[name]), name
    empty, _ = join_forms([])
    assert all(len(empty[name]) == len(serving_arrays(())[0][name]) for name in empty)


def test_the_serving_form_read_on_two_cores_is_the_one_of_one(config: Config, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(generate_articles(500, config), corpus)
    store = CorpusStore(corpus)
    one = load_or_build_articles(store, tmp_path / "one")
    two = load_or_build_articles(store, tmp_path / "two", workers=2, chunk=3)
    assert one.fingerprint == two.fingerprint == store.fingerprint()
    assert (
        [a.to_dict() for a in one]
        == [a.to_dict() for a in two]
        == [a.to_dict() for a in store.load_articles()]
    )
    for path in sorted((tmp_path / "one").glob("*.npy")):
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
