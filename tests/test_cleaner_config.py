"""The cleaner reads its thresholds from config's `cleaner:` section, and corpus_eval can sweep them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.cleaner import clean_article
from bot.cleaner.patterns import chrome_reason
from bot.config import CleanerConfig, Config
from bot.evaluation import corpus_eval

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
LONG_HEADLINE = "Leaders trade sharp warnings at the summit as the long talks end without any deal"
LEDE = (
    "The two leaders met for an hour on the sidelines of the General Assembly in New York on Monday,"
    " officials from both governments said."
)
SECOND = "They agreed that their defence ministers should keep talking about the air war over Syria."


def _with(config: Config, **changes: int | float) -> Config:
    return dataclasses.replace(config, cleaner=dataclasses.replace(config.cleaner, **changes))


def test_headline_max_words_from_config_decides_what_a_headline_is(config: Config) -> None:
    page = f"{LONG_HEADLINE}\n\n{LEDE}\n{SECOND}\n"
    assert len(LONG_HEADLINE.split()) == 15
    default = clean_article(page, doc_id="t", config=config)
    shorter = clean_article(page, doc_id="t", config=_with(config, headline_max_words=10))
    assert default.title == LONG_HEADLINE
    assert shorter.title is None
    assert any(d.text == LONG_HEADLINE and d.reason == "page-header" for d in shorter.dropped)


def test_prose_min_words_from_config_decides_what_is_prose(config: Config) -> None:
    page = f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n"
    kept = [s.text for s in clean_article(page, doc_id="t", config=config).sentences]
    assert kept == [LEDE, SECOND]
    # a "paragraph" must now be longer than the second one: it is no longer running text
    strict = clean_article(page, doc_id="t", config=_with(config, prose_min_words=len(SECOND.split()) + 1))
    assert SECOND not in [s.text for s in strict.sentences if s.role == "body"]


def test_menu_min_items_from_config_decides_what_a_menu_is() -> None:
    line = "Markets | Climate | Sport"
    assert chrome_reason(line, CleanerConfig()) == "navigation"
    assert chrome_reason(line, CleanerConfig(menu_min_items=4)) is None


def test_corpus_eval_sweeps_a_cleaner_key(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--no-seeds", "--fixtures", str(FIXTURES / "batch2"), "--sweep", "headline_max_words=8,30"]
    assert corpus_eval.main(argv) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert "batch2 passed" in header
    assert [row.split("|")[0].strip() for row in rows] == [
        "cleaner.headline_max_words=8",
        "cleaner.headline_max_words=30",
    ]
    narrow, default = (tuple(map(int, row.rsplit("|", 1)[1].split("/"))) for row in rows)
    assert default[0] == default[1]  # every page passes at the configured value
    assert narrow[0] < narrow[1]  # short headlines only: some pages lose theirs


@pytest.mark.parametrize("key", ["nope=1,2", "headline_max_words=1", "headline_max_words=many"])
def test_corpus_eval_refuses_a_bad_sweep(capsys: pytest.CaptureFixture[str], key: str) -> None:
    assert corpus_eval.main(["--no-seeds", "--fixtures", str(FIXTURES / "batch2"), "--sweep", key]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--sweep" in err
