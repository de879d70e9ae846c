"""The cleaner's figures on the labelled corpus meet the targets (the gold lives in shared/eval)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import load_config
from bot.evaluation.corpus_eval import evaluate_corpus, main

ROOT = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="module")
def result() -> dict:
    if not (GOLD / "boilerplate.yaml").is_file() or not (GOLD / "documents.yaml").is_file():
        pytest.fail(f"gold files missing: expected boilerplate.yaml and documents.yaml in {GOLD}")
    return evaluate_corpus(load_config(ROOT / "config.yaml"), GOLD)


def test_line_precision_and_recall(result: dict) -> None:
    assert result["documents"] == 5
    assert result["line_precision"] >= 0.98, result["misses"]
    assert result["line_recall"] >= 0.98, result["misses"]


def test_captions(result: dict) -> None:
    assert result["caption_accuracy"] == 1.0, result["misses"]


def test_metadata_all_right(result: dict) -> None:
    assert result["metadata"] == {"outlet": 5, "date": 5, "headline": 5, "wire": 5, "event": 5}, result[
        "misses"
    ]


def test_main_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gold", str(GOLD), "--config", str(ROOT / "config.yaml")]) == 0
    out = capsys.readouterr().out
    assert "line precision: 1.0000" in out
    assert "outlet: 5/5" in out


OTHER_EVENT = ROOT / "tests" / "fixtures" / "pages" / "other_summit" / "event.yaml"


def test_an_events_file_given_twice_is_merged_once() -> None:
    """A set's own event.yaml also given by --events adds its events once, not a duplicate id."""
    from bot.evaluation.pages_eval import config_with

    config = load_config(ROOT / "config.yaml")
    once = config_with(config, [OTHER_EVENT])
    twice = config_with(
        config,
        [OTHER_EVENT, ROOT / "tests" / ".." / "tests" / "fixtures" / "pages" / "other_summit" / "event.yaml"],
    )
    assert [e.id for e in twice.events] == [e.id for e in once.events]
    assert len(once.events) > len(config.events)


def test_a_bad_merged_events_file_names_the_files(tmp_path: Path) -> None:
    """An extra file whose event repeats a configured id: a one-line error naming the files merged."""
    from bot.errors import ConfigError
    from bot.evaluation.pages_eval import config_with

    config = load_config(ROOT / "config.yaml")
    clash = tmp_path / "event.yaml"
    first = config.events[0]
    clash.write_text(
        f"events:\n  - id: {first.id}\n    name: Another\n    start: {first.start}\n    end: {first.end}\n"
        f"    place: Somewhere\n    keywords: [Another]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as raised:
        config_with(config, [clash])
    message = str(raised.value)
    assert str(clash) in message and f"duplicate event id {first.id!r}" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("got", "want", "same"),
    [
        ("Noticias 2025", "Noticias2025", True),
        ("Novini", "Novini.bg", True),
        ("The Drahos", "thedrahos.net", False),  # "the" is part of the domain's one word
        ("Vindicator", "The Vindicator", True),
        ("Saint Petersburg", "saint-petersburg.ru", True),
        ("Mari Media", "МариМедиа", False),  # another script is another name, not a spelling
        ("WSJ News", "wsjnews.web.tv", False),
        ("Indy 100", "indy100", True),
    ],
)
def test_an_outlets_spelling_is_set_aside_only_for_the_secondary_figure(
    got: str, want: str, same: bool
) -> None:
    from bot.evaluation.pages_eval import spelling_aside

    assert (spelling_aside(got) == spelling_aside(want)) is same
