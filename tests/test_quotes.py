"""Quotations: extraction, attribution, kind, grouping and /quote, on inline articles and the corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cleaner.sentences import sentence_spans
from bot.config import Config
from bot.errors import InputError
from bot.evaluation.quotes_eval import evaluate_quotes, same_text
from bot.facts.marks import find_spans
from bot.models import Article, Sentence
from bot.quotes import find_quotes, quote_table, quoted_speakers
from bot.search import CorpusIndex
from bot.service import CoverageService

ROOT = Path(__file__).resolve().parents[1]


def make_article(
    doc: str, paragraphs: list[str], outlet: str = "Outlet", event: str = "unga-2015"
) -> Article:
    """An article built like the cleaner's: one paragraph per line, sentences by sentencex."""
    text = "\n\n".join(paragraphs)
    sentences, offset = [], 0
    for number, para in enumerate(paragraphs):
        for start, end in sentence_spans(para):
            sentences.append(
                Sentence(para[start:end], number, "body", number + 1, offset + start, offset + end)
            )
        offset += len(para) + 2
    return Article(doc, outlet, "2015-09-29", None, None, event, None, None, None, text, tuple(sentences), ())


def quotes_of(config: Config, *paragraphs: str) -> list[tuple[str, str, str]]:
    index = CorpusIndex([make_article("a", list(paragraphs))], config)
    return [(q.text, q.speaker, q.kind) for q in quote_table(index).quotes]


# --- marks --------------------------------------------------------------------------------------------


def test_curly_and_straight_marks_and_apostrophes() -> None:
    para = "“We don’t know,” said Lavrov. Russia's 'Look here' and leaders' tight \"final words.\""
    texts = [para[s.start : s.end] for s in find_spans(para)]
    assert texts == ["We don’t know,", "Look here", "final words."]


def test_nested_quote_reported_too() -> None:
    para = "Mr Putin said: “I cannot help asking, ‘Do you realise now what you’ve done?'”"
    spans = find_spans(para)
    assert [para[s.start : s.end] for s in spans] == [
        "I cannot help asking, ‘Do you realise now what you’ve done?'",
        "Do you realise now what you’ve done?",
    ]
    assert [s.depth for s in spans] == [0, 1]


def test_unbalanced_scraped_marks_stay_in_paragraph() -> None:
    para = '"Putin offered a new "Grand Bargain - a major deal, " said analyst Lilia Shevtsova.'
    spans = find_spans(para)
    assert para[spans[0].start : spans[0].end] == 'Putin offered a new "Grand Bargain - a major deal, '
    assert para[spans[1].start : spans[1].end] == "Grand Bargain"
    mixed = 'They talked "ways to provide some humanitarian relief” to the Syrian people.'
    assert [mixed[s.start : s.end] for s in find_spans(mixed)] == ["ways to provide some humanitarian relief"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    spans = find_spans('"They did not discuss coalitions.  ')
    assert (
        len(spans) == 1 and not spans[0].closed and spans[0].end == len('"They did not discuss coalitions.')
    )


@pytest.mark.parametrize("text", ['"', '""', "'", "“”’‘", '" " "', "a\"b'c’d"])
def test_degenerate_marks_never_crash(text: str) -> None:
    assert all(s.end <= len(text) for s in find_spans(text))


# --- attribution and kind -----------------------------------------------------------------------------


def test_quote_broken_by_attribution_has_one_speaker(config: Config) -> None:
    got = quotes_of(
        config,
        "“We have an understanding that work is needed,” Putin told reporters, adding, "
        "“We are now thinking about it.”",
    )
    assert [(s, k) for _, s, k in got] == [("Vladimir Putin", "full"), ("Vladimir Putin", "full")]


def test_inverted_title_and_described_speakers(config: Config) -> None:
    got = quotes_of(
        config,
        "“We are thinking about it, and we exclude nothing,” said the Russian President.",
        'A US official said the leaders "fundamentally disagreed" on Assad.',
        '"Putin offered the West a new deal for everyone, " said political analyst Maria Ivanova.',
    )
    assert [s for _, s, _ in got] == ["Vladimir Putin", "a US official", "Maria Ivanova"]
    assert [k for _, _, k in got] == ["full", "fragment", "full"]


def test_pronoun_and_no_cue_carry_the_focus(config: Config) -> None:
    got = quotes_of(
        config,
        "Obama said Washington was ready to work with Russia, but warned against keeping Assad.",
        '"The United States is prepared to work with any nation," he said.',
        '"Nobody should doubt it for a moment."',
        "French President Francois Hollande stuck close to Obama's line.",
        '"Russia and Iran say they want a solution," he said. "So we must work with them all."',
    )
    assert [s for _, s, _ in got] == ["Barack Obama"] * 2 + ["Francois Hollande"] * 2


def test_continued_quote_takes_next_paragraphs_speaker(config: Config) -> None:
    got = quotes_of(
        config,
        "Sergei Lavrov spoke to reporters.",
        '"They did not discuss coalitions in the classical sense.',
        '"What they did discuss was cooperation on Syria," the Kremlin chief said.',
    )
    assert [s for _, s, _ in got] == ["Vladimir Putin", "Vladimir Putin"]


def test_unknown_speaker_is_not_guessed(config: Config) -> None:
    assert quotes_of(config, '"We will never accept this deal at all."') == [
        ("We will never accept this deal at all.", "unknown", "full")
    ]


def test_fragments_by_shape(config: Config) -> None:
    got = quotes_of(
        config,
        "Lavrov said the encounter was “a very constructive discussion.”",
        "Mr Putin called their meeting “very constructive, business-like and frank”.",
        'Putin warned it was an "enormous mistake" and the "technical" side would follow.',
        "Talks ‘Business-Like And Frank’",
        "‘Gaps of trust’",
    )
    assert {k for _, _, k in got} == {"fragment"}
    assert got[0][1] == "Sergei Lavrov"


def test_speech_verb_inside_a_quote_is_not_a_cue(config: Config) -> None:
    got = quotes_of(
        config, "Hollande spoke.", '"Russia and Iran say they want to be part of a solution," he said.'
    )
    assert got[0][1] == "Francois Hollande"


# --- grouping and /quote ------------------------------------------------------------------------------


@pytest.fixture
def small_index(config: Config) -> CorpusIndex:
    one = make_article(
        "one",
        [
            "“We have an understanding that it is necessary to ramp up our work at least at the bilateral "
            "level,” Putin told reporters, adding, “We are now thinking about creating relevant mechanisms.”",
            "Lavrov said the talks on sanctions were “a very constructive discussion.”",
        ],
        outlet="Islam Times",
    )
    two = make_article(
        "two",
        [
            '"We share an understanding that it is necessary to strengthen our work, at least on a bilateral '
            'basis," Putin said.',
            '"We will now jointly think about creating relevant mechanisms."',
        ],
        outlet="Sputnik",
    )
    return CorpusIndex([one, two], config)


def test_translations_of_one_remark_are_grouped(small_index: CorpusIndex) -> None:
    result = find_quotes(small_index, speaker="Vladimir Putin")
    assert len(result.quotes) == 2
    assert all({w.outlet for w in q.outlets} == {"Islam Times", "Sputnik"} for q in result.quotes)
    # each outlet's own words, with offsets into its own article
    for quote in result.quotes:
        for wording in quote.outlets:
            article = small_index.article(wording.doc)
            assert article is not None and article.text[wording.start : wording.end] == wording.text
    assert len({w.text for w in result.quotes[0].outlets}) == 2


def test_speaker_aliases_and_errors(small_index: CorpusIndex) -> None:
    assert find_quotes(small_index, speaker="the KREMLIN chief").speaker == "Vladimir Putin"
    assert quoted_speakers(small_index) == ["Vladimir Putin", "Sergei Lavrov"]
    with pytest.raises(InputError, match=r"Nobody called 'Xi Jinping' is quoted.*Quoted: Vladimir Putin"):
        find_quotes(small_index, speaker="Xi Jinping")
    for bad in ({"speaker": "  "}, {"topic": ""}, {"topic": "x" * 10_000}, {"topic": "the of and"}):
        with pytest.raises(InputError):
            find_quotes(small_index, **bad)


def test_topic_ranks_and_filters(small_index: CorpusIndex) -> None:
    result = find_quotes(small_index, topic="sanctions")
    assert [q.speaker for q in result.quotes] == ["Sergei Lavrov"]
    assert find_quotes(small_index, topic="weather forecast").quotes == ()


def test_same_text_ignores_edges() -> None:
    assert same_text("“a very constructive discussion.”", "a very constructive discussion")
    assert not same_text("a constructive discussion", "a very constructive discussion")


# --- the real corpus ----------------------------------------------------------------------------------


def test_quote_eval_targets(service: CoverageService, shared_eval: Callable[[str], Path]) -> None:
    figures = evaluate_quotes(service.index, shared_eval("quotes.yaml"))
    assert figures["full_recall"] >= 0.97, figures["misses"]
    assert figures["text_exact"] >= 0.95
    assert figures["speaker_right"] >= 0.97, figures["misses"]
    assert figures["fragments_as_full"] == 0
    assert figures["full_as_fragment"] == 0
    assert figures["unknown_share"] <= 0.1


def test_the_facts_settings_can_be_swept(
    service: CoverageService, shared_eval: Callable[[str], Path]
) -> None:
    from bot.evaluation.quotes_eval import sweep

    keys = ["same_contained=0.7,1.0"]
    lines = sweep(service.articles, shared_eval("quotes.yaml"), service.config, keys)
    assert (
        len(lines) == 3
        and lines[1].startswith("facts.same_contained=0.7")
        and lines[2].startswith("facts.same_contained=1.0")
    )
    column = [c.strip() for c in lines[0].split("|")].index("parallel_groups_joined")
    joined = [int(line.split("|")[column].split("/")[0]) for line in lines[1:]]
    assert joined[0] > joined[1]  # a stricter same-statement test keeps fewer gold groups whole
    with pytest.raises(InputError, match="must lie in"):
        sweep(service.articles, shared_eval("quotes.yaml"), service.config, ["same_dice=2"])
