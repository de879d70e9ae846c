"""The facts stage on sentences and articles built here (no corpus): figures, attribution, groups, storage."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bot.answering.evidence import speakers as asked_speakers
from bot.config import Config
from bot.facts import INTERVAL, OFFSET, CorpusFacts, asked_span, load_or_build_facts, read_figures
from bot.quotes import quote_table
from bot.search import CorpusIndex
from bot.tokenizer import entity_token, person_tokens
from tests.test_quotes import make_article

# --- figures ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "dimension", "measures"),
    [
        ("The meeting lasted approximately one hour.", 60, "duration", "meet"),
        ("Mr Putin called their 90-minute meeting frank.", 90, "duration", "meet"),
        ("The talks lasted ninety minutes.", 90, "duration", "talk"),
        ("Talks between the two lasted 94 minutes, officials said.", 94, "duration", "talk"),
        ("The two leaders met for 95 minutes.", 95, "duration", "meet"),
        ("The meeting lasted an hour and a half.", 90, "duration", "meet"),
        ("It was their first formal meeting in two years.", 2 * 525600, "duration", INTERVAL),
        ("In their first formal meeting for two years, Putin spoke.", 2 * 525600, "duration", INTERVAL),
        ("There was a two-year gap between their meetings.", 2 * 525600, "duration", "gap"),
        ("up to a quarter of a million lives", 250_000, "count", "live"),
        ("twenty-five soldiers were killed", 25, "count", "soldier"),
        ("a cost of $2.5 billion", 2.5e9, "money", ""),
    ],
)
def test_figures_say_what_they_measure(text: str, value: float, dimension: str, measures: str) -> None:
    figures = [f for f in read_figures(text, {"met": "meet"}) if f.dimension != "date"]
    assert [(f.value, f.dimension, f.measures) for f in figures] == [(value, dimension, measures)]
    assert all(text[f.start : f.end] == f.text for f in figures)


def test_a_gap_is_not_a_meeting_length() -> None:
    (gap,) = read_figures("their first meeting in two years")
    (length,) = read_figures("The meeting lasted 90 minutes.")
    assert not gap.is_length and length.is_length


@pytest.mark.parametrize("text", ["the two presidents met", "one of the ways", "three goals later"])
def test_names_are_not_amounts(text: str) -> None:
    assert [f for f in read_figures(text) if f.dimension != "date"] == []


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("a day earlier", 1440, ""),
        ("two years ago", 2 * 525600, ""),
        ("They met two hours before the dinner.", 120, ""),
        ("It came hours after the speeches.", 120, "min"),  # a plural alone: at least two
        ("Days later, he spoke.", 2 * 1440, "min"),
    ],
)
def test_a_time_between_two_things_is_an_offset_not_a_length(text: str, value: float, bound: str) -> None:
    (offset,) = [f for f in read_figures(text) if f.dimension != "date"]
    assert (offset.value, offset.measures, offset.bound) == (value, OFFSET, bound)
    assert not offset.is_length and text[offset.start : offset.end] == offset.text


def test_a_length_followed_by_before_stays_a_length() -> None:
    (length,) = read_figures("They talked for an hour before lunch.")
    assert length.is_length and length.value == 60


def test_how_long_after_asks_an_offset_and_since_an_interval() -> None:
    assert asked_span("ok so how long after the speeches did they sit down") == OFFSET
    assert asked_span("How many days after the meeting did he speak?") == OFFSET
    assert asked_span("How many hours passed between the clash and the talks?") == OFFSET
    assert asked_span("How long had it been since they last met?") == INTERVAL
    assert asked_span("How long did the meeting last?") == ""
    assert asked_span("How long was he kept waiting before the talks?") == ""


def test_dates() -> None:
    found = [(f.text, f.unit) for f in read_figures("On Monday, September 28, 2015, a day earlier")]
    assert found == [
        ("Monday", "weekday"),
        ("September 28, 2015", "day"),
        ("a day", "minute"),  # an offset, and a relative date as well
        ("earlier", "relative"),
    ]


# --- attribution --------------------------------------------------------------------------------------


def _index(config: Config, *articles: list[str]) -> CorpusIndex:
    outlets = ["Outlet A", "Outlet B", "Outlet C", "Outlet D"]
    return CorpusIndex(
        [make_article(f"d{n}", paras, outlet=outlets[n]) for n, paras in enumerate(articles)], config
    )


def _speakers(index: CorpusIndex) -> list[tuple[str, ...]]:
    return [index.facts.of(p).speakers for p in range(len(index))]


def test_he_said_is_the_last_speaker_not_the_nearest_name(config: Config) -> None:
    index = _index(
        config,
        [
            "“We are ready to work with everyone,” Obama said after a lunch with Putin and Hollande.",
            "“Nobody can solve this alone,” he added.",
            "He also said the talks with Putin had been useful.",
        ],
    )
    assert _speakers(index) == [("Barack Obama",)] * 3
    assert [q.speaker for q in quote_table(index).quotes] == ["Barack Obama"] * 2
    assert index.facts.of(1).speaker_carried and not index.facts.of(0).speaker_carried


def test_he_said_after_a_quote_by_another_person(config: Config) -> None:
    index = _index(
        config,
        [
            "“We are ready to work with everyone,” Putin said.",
            "“We will not give up on Ukraine,” Obama replied to Putin.",
            "“Time is short,” he said.",
        ],
    )
    assert [q.speaker for q in quote_table(index).quotes] == [
        "Vladimir Putin",
        "Barack Obama",
        "Barack Obama",
    ]
    assert _speakers(index)[2] == ("Barack Obama",)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        # the sentence's subject, not the person named last (the object)
        (["Obama met Putin for 90 minutes on Monday."], "Barack Obama"),
        # an opening phrase, then the subject
        (["On Monday, Obama sat down with Putin and Hollande."], "Barack Obama"),
        # no person opens the sentence: the one who opens a clause in it, not a possessive named after him
        (
            [
                "“We are ready,” Putin said.",
                "Their talks followed speeches where Obama took aim at Putin’s policy.",
            ],
            "Barack Obama",
        ),
        # nobody in focus: a possessive subject before the object of a preposition
        (["Obama’s meeting with Putin lasted 90 minutes."], "Barack Obama"),
        # a mere mention (after a preposition) leaves the speaker in focus
        (
            ["“We are ready,” Putin said.", "The talks covered the sanctions imposed by Obama."],
            "Vladimir Putin",
        ),
    ],
)
def test_he_is_the_previous_sentences_speaker_or_subject(
    config: Config, before: list[str], expected: str
) -> None:
    index = _index(config, [" ".join(before), "He told reporters the talks had been useful."])
    assert _speakers(index)[-1] == (expected,)
    assert index.facts.of(len(index) - 1).speaker_carried


def test_a_misplaced_mark_does_not_make_a_fake_quotation(config: Config) -> None:
    index = _index(
        config,
        ["“We respect our partners”s interests and we will work with them,” Obama told reporters."],
    )
    quotes = quote_table(index).quotes
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("We respect our partners”s interests and we will work with them,", "Barack Obama", "full")
    ]


def test_a_stray_opening_mark_does_not_swallow_the_real_quotation(config: Config) -> None:
    index = _index(
        config,
        ['The "so-called coalition is failing, Obama said. "We are ready to work with everyone," he added.'],
    )
    assert [(q.text, q.speaker) for q in quote_table(index).quotes] == [
        ("We are ready to work with everyone,", "Barack Obama")
    ]


def test_block_quotation_after_continued(config: Config) -> None:
    index = _index(
        config,
        [
            "Obama spoke at length about the war in Syria.",
            "Obama continued:",
            "We will work with any nation to end this war. There is no other way.",
            "The speech was followed by lunch.",
        ],
    )
    quotes = quote_table(index).quotes
    assert [(q.text, q.speaker, q.kind) for q in quotes] == [
        ("We will work with any nation to end this war. There is no other way.", "Barack Obama", "block")
    ]
    positions = [p for p in range(len(index)) if index.facts.of(p).speakers == ("Barack Obama",)]
    texts = [index.locate(p)[1].text for p in positions]
    assert "There is no other way." in texts and "The speech was followed by lunch." not in texts


def test_ask_and_quote_agree_on_speakers(config: Config) -> None:
    index = _index(
        config,
        [
            "Putin said the talks were frank.",
            "“We have many common points,” he said, before Lavrov spoke.",
            "“Both sides want peace,” the foreign minister added.",
        ],
    )
    _assert_one_engine(index)


def _assert_one_engine(index: CorpusIndex) -> int:
    """Every sentence holding a quotation: /ask's speakers are /quote's (one engine); returns how many."""
    persons = person_tokens(index.config.entities)
    checked = 0
    for position in range(len(index)):
        quotes = [q for q in index.facts.of(position).quotations if q.parent < 0 and q.speaker != "unknown"]
        if not quotes:
            continue
        checked += 1
        quoted = {entity_token(q.speaker) for q in quotes} & persons
        assert asked_speakers(index, position, persons) == quoted, index.locate(position)[1].text
    return checked


def test_ask_and_quote_agree_on_every_seed_sentence(config: Config) -> None:
    from bot.service import CoverageService

    assert _assert_one_engine(CoverageService(config).index) >= 50


# --- same statements and disagreements ----------------------------------------------------------------


@pytest.fixture
def lengths(config: Config) -> CorpusIndex:
    return _index(
        config,
        ["Putin and Obama met in New York. Their meeting lasted 94 minutes, officials said."],
        ["Putin and Obama met in New York. Their meeting lasted 90 minutes, officials said."],
        ["The meeting lasted approximately one hour, due to tight schedules."],
        ["It was their first meeting in two years. Their meeting lasted 94 minutes, officials said."],
    )


def test_also_reported_by_never_joins_different_figures(lengths: CorpusIndex) -> None:
    facts = lengths.facts
    at_94, at_90, at_60, also_94 = 1, 3, 4, 6
    assert facts.same_statement(at_94) == (also_94,)
    assert at_90 not in facts.same_statement(at_94) and at_60 not in facts.same_statement(at_94)
    assert facts.same_statement(0) == (2,)  # no figure: the same statement


def test_disagreement_is_found_across_every_outlet(lengths: CorpusIndex) -> None:
    facts = lengths.facts
    assert facts.disagreeing(1) == (3, 4)  # 90 minutes and one hour; the other 94 agrees
    assert facts.disagreeing(4) == (1, 3, 6)
    assert facts.disagreeing(5) == ()  # "in two years" is no meeting length


def test_ask_answer_names_the_disagreement(lengths: CorpusIndex) -> None:
    from bot.answering import answer_question

    result = answer_question(lengths, "How long did the meeting last?")
    best = result.answers[0]
    assert "meeting lasted" in best.text  # whichever outlet's length ranks first
    outlets = {"Outlet A", "Outlet B", "Outlet C", "Outlet D"}
    assert best.disagreements and {w.outlet for w in best.disagreements} <= outlets
    assert all(w.outlet != best.outlet and w.text != best.text for w in best.disagreements)
    data = best.to_dict()["disagreements"]
    assert set(data[0]) >= {"outlet", "doc", "text"}


# --- storage ------------------------------------------------------------------------------------------


def test_saved_facts_are_read_back(lengths: CorpusIndex, tmp_path: Path, config: Config) -> None:
    path = tmp_path / "facts"
    built = load_or_build_facts(path, "corpus-1", config, lambda: lengths.facts)
    assert (path / "meta.json").exists() and built is lengths.facts

    def fail() -> CorpusFacts:
        raise AssertionError("the saved facts should have been read")

    loaded = load_or_build_facts(path, "corpus-1", config, fail)
    assert loaded is not lengths.facts and loaded.disagreeing(1) == (3, 4)


# --- newswire cases from other outlets' articles (sentences written for the test) --------------------


NEWSWIRE = {
    "a described source is not the person it names, and 'the official' goes back to it": (
        [
            "A senior Obama administration official insisted that the talks “covered a lot of ground”.",
            "Obama later spoke about Syria at length.",
            "“We have a difference about the outcome,” the official said.",
        ],
        ["a senior Obama administration official"] * 2,
    ),
    "an institution speaks but is never 'he'": (
        [
            "Lavrov and Kerry spoke by phone on Friday, the Russian Foreign Ministry said in a statement.",
            "“Both sides want a lasting ceasefire,” the ministry said.",
            "“We are ready,” he said.",
        ],
        ["the Russian Foreign Ministry", "Sergei Lavrov"],
    ),
    "the sentence's subject speaks however far its verb": (
        [
            "Putin smiled as he and Obama clinked glasses.",
            "Obama, who did not smile, ended his toast by saying, “and may we never abandon peace.”",
        ],
        ["Barack Obama"],
    ),
    "a closing mark put after the space": (
        [
            'The meeting was "longer than planned, "Russian media quoted Kremlin spokesman Dmitry Peskov'
            " as saying."
        ],
        ["Dmitry Peskov"],
    ),
}


@pytest.mark.parametrize("case", sorted(NEWSWIRE))
def test_newswire_attribution(config: Config, case: str) -> None:
    paragraphs, expected = NEWSWIRE[case]
    assert [q.speaker for q in quote_table(_index(config, paragraphs)).quotes] == expected


def test_a_closing_mark_after_the_space_ends_the_quotation(config: Config) -> None:
    (paragraph,), _ = NEWSWIRE["a closing mark put after the space"]
    assert [q.text for q in quote_table(_index(config, [paragraph])).quotes] == ["longer than planned, "]


def test_lengths_measured_alike_and_bounds(config: Config) -> None:
    index = _index(
        config,
        ["The two presidents sat down for 90 minutes on Monday."],
        ["Putin and Obama were talking for about 1.5 hours."],
        ["The meeting, which lasted more than an hour, went well."],
        ["They met face-to-face for 95 minutes."],
    )
    (bound,) = [f for f in index.facts.of(2).figures if f.dimension == "duration"]
    assert bound.bound == "min"
    assert index.facts.disagreeing(0) == (3,)  # 90 and 95: talks, a sitting and a meeting alike
    assert index.facts.disagreeing(1) == (3,)
    assert index.facts.disagreeing(2) == ()  # "more than an hour" contradicts none of them


def test_unreadable_saved_facts_are_rebuilt(lengths: CorpusIndex, tmp_path: Path, config: Config) -> None:
    path = tmp_path / "facts"
    path.mkdir()
    (path / "meta.json").write_text("{not json", encoding="utf-8")
    rebuilt = load_or_build_facts(path, "corpus-1", config, lambda: lengths.facts)
    assert rebuilt is lengths.facts
    assert json.loads((path / "meta.json").read_text(encoding="utf-8"))["fingerprint"].startswith("corpus-1-")
    other = dataclasses.replace(config, facts=dataclasses.replace(config.facts, figure_tolerance=0.2))
    built: list[int] = []

    def build() -> CorpusFacts:
        built.append(1)
        return lengths.facts

    load_or_build_facts(path, "corpus-1", other, build)
    assert built == [1]  # another facts: setting is another fingerprint: built again
