"""Behaviour of the cleaner on the five raw pages of the corpus and on small inline pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cleaner import clean_article
from bot.cleaner.sentences import sentence_spans
from bot.config import Config, load_config
from bot.models import Article, ArticleHints

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"
ISLAM, AHRAM, SPUTNIK, RT, WT24 = sorted(p.name for p in RAW.glob("*.txt"))


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="module")
def articles(config: Config) -> dict[str, Article]:
    return {
        path.name: clean_article(path.read_text(encoding="utf-8"), doc_id=path.stem, config=config)
        for path in sorted(RAW.glob("*.txt"))
    }


def dropped(article: Article) -> dict[int, str]:
    return {d.line: d.reason for d in article.dropped}


def lines_with_role(article: Article, role: str) -> set[int]:
    return {s.line for s in article.sentences if s.role == role}


def test_offsets_are_verbatim(articles: dict[str, Article]) -> None:
    for article in articles.values():
        assert article.sentences
        for sentence in article.sentences:
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
        Article.from_dict(json.loads(json.dumps(article.to_dict())))  # the JSON form's offsets check out


def test_every_line_is_kept_or_dropped_once(articles: dict[str, Article]) -> None:
    for name, article in articles.items():
        total = len((RAW / name).read_text(encoding="utf-8").splitlines())
        kept = {s.line for s in article.sentences}
        gone = set(dropped(article))
        assert not kept & gone
        assert len(article.dropped) == len(gone)
        assert kept | gone <= set(range(1, total + 1))


def test_islam_times_chrome_caption_and_duplicate(articles: dict[str, Article]) -> None:
    article = articles[ISLAM]
    reasons = dropped(article)
    assert reasons[1] == "counter"
    assert reasons[6] == "story-id"
    assert reasons[8] == "duplicate"
    assert reasons[10] == "blank"  # a line holding only U+00A0
    assert reasons[22] == "comment-prompt"
    assert lines_with_role(article, "caption") == {7}
    assert article.dateline == "Wednesday 30 September 2015 - 06:14"
    assert 2 not in {s.line for s in article.sentences}  # the dateline is metadata, not a sentence


def test_ahram_page_clock_is_not_the_date(articles: dict[str, Article]) -> None:
    article = articles[AHRAM]
    reasons = dropped(article)
    assert reasons[1] == reasons[2] == "page-clock"
    assert reasons[9] == reasons[10] == "counter"
    assert reasons[76] == "short-link"
    assert reasons[80] == "copyright"
    assert lines_with_role(article, "caption") == {7, 8}
    assert (article.date, article.wire, article.outlet) == ("2015-09-29", "AFP", "Ahram Online")


def test_sputnik_related_teasers_are_dropped(articles: dict[str, Article]) -> None:
    article = articles[SPUTNIK]
    reasons = dropped(article)
    for line in (5, 6, 12, 13, 23, 25):
        assert reasons[line] == "related-teaser"
    assert reasons[24] == "photo-credit"
    assert reasons[32] == reasons[33] == "comment-prompt"
    assert article.title is None
    assert article.date is None  # the only date sits in a dropped teaser caption
    assert (article.outlet, article.wire) == ("Sputnik", "Sputnik")
    assert article.sentences[0].line == 1


def test_rt_icon_sprite_and_subheading(articles: dict[str, Article]) -> None:
    article = articles[RT]
    assert dropped(article)[1] == "icon-sprite"
    assert lines_with_role(article, "subheading") == {30}
    assert (article.outlet, article.date, article.event) == ("RT", "2016-09-05", "g20-2016")


def test_wt24_breadcrumb_caption_and_wire(articles: dict[str, Article]) -> None:
    article = articles[WT24]
    reasons = dropped(article)
    assert reasons[1] == "breadcrumb"
    assert {reasons[20], reasons[22], reasons[25]} == {"comment-prompt"}
    assert lines_with_role(article, "caption") == {2}
    assert article.byline == "WT24 Desk"
    assert (article.outlet, article.wire, article.date) == ("WT24", "Sky News", None)
    assert article.title == "Putin-Obama Talks ‘Business-Like And Frank’"


def test_headlines_and_events(articles: dict[str, Article]) -> None:
    assert articles[ISLAM].title == "Russia, US agree to cooperate on fight against Daesh: Putin"
    assert articles[AHRAM].title == "Russia, US to cooperate on fighting ISIS: Moscow"
    assert articles[RT].title == "Putin: Russia & US may reach agreement on Syria 'within next few days'"
    events = {name: article.event for name, article in articles.items()}
    assert events == {
        ISLAM: "unga-2015",
        AHRAM: "unga-2015",
        SPUTNIK: "unga-2015",
        RT: "g20-2016",
        WT24: "unga-2015",
    }


def sentences_of(article: Article, line: int) -> list[str]:
    return [s.text for s in article.sentences if s.line == line]


def test_abbreviations_are_not_split(articles: dict[str, Article]) -> None:
    caption = sentences_of(articles[AHRAM], 8)
    assert len(caption) == 1
    assert caption[0].startswith("U.S. President") and "Sept. 28, 2015" in caption[0]
    for sentence in articles[WT24].sentences:
        assert sentence.text not in {"Mr", "Mr."}
    assert any(s.text.startswith("Mr Putin called") for s in articles[WT24].sentences)


def test_missing_space_and_closing_quotes(articles: dict[str, Article]) -> None:
    line12 = sentences_of(articles[WT24], 12)
    assert (
        line12[0]
        == "Mr Putin believes Syria cannot be returned to stability if President Assad is forced from power."
    )
    assert line12[1].startswith("Their meeting followed")
    line58 = sentences_of(articles[AHRAM], 58)
    assert line58[0] == '"Russia and Iran say they want to be part of a solution," he said.'
    assert line58[1].startswith('"So we must work') and line58[1].endswith('al-Assad."')
    assert sentences_of(articles[ISLAM], 11)[-1].endswith("mechanisms.”")


def test_nbsp_is_trimmed_from_sentence_edges(articles: dict[str, Article]) -> None:
    line8 = sentences_of(articles[WT24], 8)
    assert line8[0].endswith("Sky News reports.")
    assert line8[1].startswith("In their first formal meeting")


def test_initials_stay_with_the_name() -> None:
    text = "Russian President V.Putin met U.S. President Obama on Sept. 28 in New York. They talked."
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == [
        "Russian President V.Putin met U.S. President Obama on Sept. 28 in New York.",
        "They talked.",
    ]


def test_inline_page(config: Config) -> None:
    raw = (
        "Home | News | Putin and Obama talk\n"
        "Putin and Obama Talk Syria\n"
        "\n"
        "By Jane Roe\n"
        "\n"
        "Vladimir Putin and Barack Obama met in New York on Monday, officials said.\n"
        "\n"
        "The talks lasted an hour and covered Syria and Ukraine.\n"
        "\n"
        "Views: 12\n"
        "Leave a Reply\n"
    )
    article = clean_article(raw, doc_id="inline", config=config)
    assert article.title == "Putin and Obama Talk Syria"
    assert article.byline == "By Jane Roe"
    assert [s.line for s in article.sentences] == [6, 8]
    assert article.text.split("\n\n")[1] == "The talks lasted an hour and covered Syria and Ukraine."
    assert dropped(article) == {
        1: "breadcrumb",
        3: "blank",
        5: "blank",
        7: "blank",
        9: "blank",
        10: "counter",
        11: "comment-prompt",
    }
    assert article.event == "unga-2015"  # no date: the event comes from keywords ("New York")


def test_hints_override_the_text(config: Config) -> None:
    raw = (RAW / RT).read_text(encoding="utf-8")
    hints = ArticleHints(
        outlet="Russia Today", date="2016-09-06", title="T", url="https://example.org/x", wire="W"
    )
    article = clean_article(raw, doc_id="rt", config=config, hints=hints)
    assert (article.outlet, article.date, article.title, article.url, article.wire) == (
        "RT",
        "2016-09-06",
        "T",
        "https://example.org/x",
        "W",
    )
    assert article.evidence["outlet"] == "hint"


def test_empty_page(config: Config) -> None:
    article = clean_article("\n\u00a0\n", doc_id="empty", config=config)
    assert article.sentences == ()
    assert article.text == ""
    assert {d.reason for d in article.dropped} == {"blank"}


def test_repeated_dropped_line_keeps_its_reason(config: Config) -> None:
    raw = "Views: 3\nViews: 3\n\nA long enough sentence of prose sits here, said the official.\n"
    reasons = dropped(clean_article(raw, doc_id="x", config=config))
    assert reasons[1] == reasons[2] == "counter"


def test_question_headline_and_a_subject_that_reports(config: Config) -> None:
    raw = (
        "Will Putin and Obama find common ground on Syria?\n"
        "\n"
        "The two presidents met in New York on Monday, the first time in two years, the Kremlin reported.\n"
        "\n"
        "They spoke for ninety minutes, Sky News reports.\n"
    )
    article = clean_article(raw, doc_id="q", config=config)
    assert article.title == "Will Putin and Obama find common ground on Syria?"
    assert [s.line for s in article.sentences] == [3, 5]
    assert article.wire == "Sky News"  # "the Kremlin reported" is not a press credit
