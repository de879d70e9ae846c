"""/compare: figures and disagreements on inline sentences, the relevance cut-off, and compare_dev targets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.compare import compare_outlets
from bot.config import Config
from bot.errors import InputError
from bot.evaluation.compare_eval import evaluate_compare
from bot.figures import Statement, asked_dimension, disagreements, format_quantity, quantities
from bot.search import CorpusIndex
from bot.service import CoverageService
from tests.test_quotes import make_article

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("text", "value", "dimension"),
    [
        ("The meeting lasted approximately one hour.", 60, "duration"),
        ("their 90-minute meeting", 90, "duration"),
        ("an hour-long talk", 60, "duration"),
        ("the first meeting in two years", 2 * 525600, "duration"),
        ("up to a quarter of a million lives", 250_000, "count"),
        ("twenty-five soldiers were killed", 25, "count"),
        ("a cost of $2.5 billion", 2.5e9, "money"),
    ],
)
def test_quantities(text: str, value: float, dimension: str) -> None:
    found = quantities(text)
    assert [(q.value, q.dimension) for q in found] == [(value, dimension)]


@pytest.mark.parametrize("text", ["a day earlier", "on September 28, 2015, New York", "one of the best ways"])
def test_not_figures(text: str) -> None:
    assert quantities(text) == []


def test_duration_disagreement_names_each_outlet() -> None:
    found = disagreements(
        [
            Statement("Sputnik", "unga-2015", "The meeting lasted approximately one hour."),
            Statement("WT24", "unga-2015", "Mr Putin called their 90-minute meeting frank."),
            Statement("RT", "g20-2016", "The talks took three hours."),  # another event
        ],
        "duration",
    )
    assert len(found) == 1
    assert found[0].about == "duration: 1 hour vs 90 minutes"
    assert [c.outlet for c in found[0].claims] == ["Sputnik", "WT24"]


def test_agreeing_or_unrelated_figures_are_not_disagreements() -> None:
    same = [Statement("A", "e", "about 60 minutes of talks"), Statement("B", "e", "an hour of talks")]
    assert disagreements(same) == []
    different_things = [Statement("A", "e", "90-minute meeting"), Statement("B", "e", "in two years")]
    assert disagreements(different_things) == []


def test_asked_dimension_and_format() -> None:
    assert asked_dimension("how long the meeting lasted") == "duration"
    assert asked_dimension("sanctions") is None
    assert format_quantity(quantities("90-minute")[0]) == "90 minutes"


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
