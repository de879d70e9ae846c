"""The cleaner's rules for page furniture, letterheads, repeated clocks and page-width wrapping, on small
pages written for these tests (no real page's text)."""

from __future__ import annotations

import pytest

from bot.cleaner.html import read_html
from bot.cleaner.patterns import chrome_reason
from bot.config import CleanerConfig, Config
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This is Bing's cache of https://news.example.org/a/1. It is a snapshot.", "cache-banner"),
        ("Text-only version", "cache-banner"),
        ("Tags: summit, diplomacy, Syria", "tags"),
        ("Read more about: Syria, United Nations", "tags"),
        ("Reader comments", "comment-prompt"),
        ("Our comment policy", "comment-prompt"),
        ("Comments on this article are now closed.", "comment-prompt"),
        ("Full story 12 comments", "comment-prompt"),
        ("Written by Jane Marsh", "author-card"),
        ("3.4K followers", "counter"),
        ("To contact the editor responsible for this story:", "credits"),
        ("Did a friend forward this to you? Was it forwarded to you? Subscribe here.", "subscribe"),
        ("You received this newsletter because you asked for it.", "subscribe"),
        ("Good evening. Here is what you need to know tonight.", "subscribe"),
        ("Weather: Cloudy, low 12", "subscribe"),
        ("Photographer: Jane Marsh/The Courier", "photo-credit"),
        ("WIRE PHOTO / POOL / JANE MARSH", "photo-credit"),
        ("If you have Signal, you can join this group right away.", "app-promo"),
        ("The Lakeside Courier is an independent newspaper based in Lakeside, Ohio.", "about-us"),
        ("The wire is a state news agency that critics say follows the government's line.", None),
        ("Reporting that nobody else does. Support The Courier!", "donate"),
        ("Read the full story", "read-more"),
        ("You have read 2 of 5 free articles this month.", "subscribe"),
        ("Loading ...", "loading"),
    ],
)
def test_furniture_is_known_by_its_kind(line: str, reason: str | None) -> None:
    assert chrome_reason(line, CleanerConfig()) == reason


def test_a_tag_line_ends_the_article(config: Config) -> None:
    page = (
        f"Talks end without a deal\n\n{LEDE}\n{SECOND}\nTags: Syria, diplomacy\n"
        "Independent reporting costs money, and readers like you keep it going every single day.\n"
    )
    assert [s.text for s in clean(page, config).sentences] == [LEDE, SECOND]


def test_a_loading_placeholder_does_not_end_the_article(config: Config) -> None:
    page = f"Talks end without a deal\n\n{LEDE}\nLoading ...\n{SECOND}\n"
    assert [s.text for s in clean(page, config).sentences] == [LEDE, SECOND]


def test_a_header_clock_in_the_article_date_format_is_not_the_date(config: Config) -> None:
    page = (
        "The Lakeside Courier\nFriday, March 3rd 2028 - 10:15 UTC\nHome\nWorld\n"
        "Leaders trade warnings at the summit\nMonday, September 28th 2015 - 21:40 UTC\n\n"
        f"{LEDE}\n{SECOND}\n"
    )
    article = clean(page, config)
    assert (article.date, article.title) == ("2015-09-28", "Leaders trade warnings at the summit")


def test_a_numbered_digest_item_is_no_headline(config: Config) -> None:
    page = f"THE EVENING BRIEF\nLeaders trade warnings at the summit\n1. The talks in New York\n{LEDE}\n"
    article = clean(page, config)
    assert article.title == "Leaders trade warnings at the summit"
    assert article.text.startswith("1. The talks in New York")  # kept as the item's subheading


def test_page_width_wrapping_is_joined_and_the_letterhead_is_no_headline(config: Config) -> None:
    page = (
        "OFFICE OF THE LAKESIDE DELEGATION\n"
        "12 Harbour Street, Lakeside, LK 40012\n"
        "Tel.: (555) 010-2000\n"
        "STATEMENT\n"
        "28 September 2015\n"
        "On the talks between the two presidents\n"
        "On 28 September 2015, on the margins of the General Assembly in New York, the\n"
        "two presidents held talks on the situation in Syria and in the east of Ukraine\n"
        "and on the work of their defence ministries in the months to come.\n"
        "The talks were frank. The two sides agreed to stay in contact at every level.\n"
    )
    article = clean(page, config)
    assert article.title == "On the talks between the two presidents"
    assert article.outlet == "Office of the Lakeside Delegation"  # the letterhead over the address
    assert article.date == "2015-09-28"
    assert [s.text for s in article.sentences] == [
        "On 28 September 2015, on the margins of the General Assembly in New York, the two presidents held"
        " talks on the situation in Syria and in the east of Ukraine and on the work of their defence"
        " ministries in the months to come.",
        "The talks were frank.",
        "The two sides agreed to stay in contact at every level.",
    ]


def test_a_channel_page_is_cited_by_the_channel_name_over_its_handle(config: Config) -> None:
    page = f"Lake Notes\n@lakenotes\n2.1K subscribers\nPreview channel\nLake Notes\n{LEDE}\n{SECOND}\n"
    article = clean(page, config, url="https://t.me/lakenotes/42")
    assert article.outlet == "Lake Notes"
    assert [s.text for s in article.sentences] == [LEDE, SECOND]  # the name printed again is no heading


THIRD = (
    "Officials on both sides said the talks had run well past the hour set aside for them, and that the"
    " foreign ministers would meet again before the end of the week to go over the details."
)


def test_a_lead_photo_caption_is_put_back_above_the_first_paragraph_without_its_credit() -> None:
    caption = "The two leaders shake hands before their talks at the lakeside conference hall"
    html = (
        "<!DOCTYPE html><html><head><title>Talks end without a deal</title></head><body><article>"
        "<h1>Talks end without a deal</h1>"
        f'<figure><img src="a.jpg" alt=""><figcaption>{caption} <span class="photo-credit">'
        "Jane Marsh/Lakeside Wire</span></figcaption></figure>"
        f'<div class="body"><p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></div></article>'
        "<footer><p>Contact us</p></footer></body></html>"
    )
    text = read_html(html, CleanerConfig()).text
    assert f"{caption}\n{LEDE}" in text
    assert "Jane Marsh" not in text


def test_a_caption_with_its_source_glued_on_stays_above_the_body(config: Config) -> None:
    caption = "The two presidents meet in the lakeside conference hall. Delegation Press Office"
    page = f"Talks end without a deal\nBy Jane Marsh\n{caption}\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert article.text.startswith(caption)
    assert [s.text for s in article.sentences][-2:] == [LEDE, SECOND]
