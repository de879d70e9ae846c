"""/compare: figures and disagreements on inline sentences, the relevance cut-off, and compare_dev targets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.compare import compare_outlets
from bot.config import Config
from bot.errors import InputError
from bot.evaluation.compare_eval import evaluate_compare
from bot.facts import asked_dimension
from bot.search import CorpusIndex
from bot.service import CoverageService
from tests.test_quotes import make_article

ROOT = Path(__file__).resolve().parents[1]


def test_asked_dimension() -> None:
    assert asked_dimension("how long the meeting lasted") == "duration"
    assert asked_dimension("sanctions") is None


@pytest.fixture
def inline_index(config: Config) -> CorpusIndex:
    return CorpusIndex(
        [
            make_article(
                "a", ["The meeting lasted approximately one hour.", "Sanctions were discussed."], "Sputnik"
            ),
            make_article("b", ["Mr Putin called their 90-minute meeting frank.", "Sanctions hurt."], "WT24"),
            make_article(
                "c",
                ["His meeting with Obama a day earlier was short.", "Syria was discussed."],
                "Islam Times",
            ),
        ],
        config,
    )


def test_compare_cut_off_and_disagreement(inline_index: CorpusIndex) -> None:
    result = compare_outlets(inline_index, "how long the meeting lasted")
    assert {o.outlet for o in result.outlets} == {"Sputnik", "WT24"}
    assert result.not_covered == ("Islam Times",)
    assert result.disagreements[0].about == "duration: 1 hour vs 90 minutes"


@pytest.mark.parametrize("topic", ["", "   ", "x" * 10_000, "the of and"])
def test_bad_topics(inline_index: CorpusIndex, topic: str) -> None:
    with pytest.raises(InputError):
        compare_outlets(inline_index, topic)


@pytest.fixture(scope="module")
def real_index(service: CoverageService) -> CorpusIndex:
    return service.index


def test_compare_dev_targets(real_index: CorpusIndex, shared_eval: Callable[[str], Path]) -> None:
    figures = evaluate_compare(real_index, shared_eval("compare_dev.yaml"))
    direct_ok, direct = map(int, figures["direct_top_gold"].split("/"))
    none_ok, none = map(int, figures["none_not_covered"].split("/"))
    assert none_ok == none, figures["failures"]
    assert figures["meeting_length_disagreement"]
    assert direct_ok == direct, figures["failures"]


def test_compare_settings_can_be_swept(service: CoverageService, shared_eval: Callable[[str], Path]) -> None:
    from bot.evaluation.compare_eval import sweep

    lines = sweep(service.articles, shared_eval("compare_dev.yaml"), service.config, ["min_share=0.4,1.0"])
    assert [line.split("|")[0].strip() for line in lines[1:]] == [
        "compare.min_share=0.4",
        "compare.min_share=1.0",
    ]
    direct = [line.split("|")[1].strip() for line in lines[1:]]
    assert direct[0] == "11/11" and direct[1] != "11/11"  # demanding the whole topic loses gold sentences
