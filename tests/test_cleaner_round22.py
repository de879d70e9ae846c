"""The cleaner's round-twenty-two rules (issue 9: real-page probes on pages nobody fitted it to, by kind),
on small pages written for these tests (no real page's text), and lines that only look like them: a link
to the whole story above a headline; a broadcaster's "NAME reported this story on DATE" credit; an audio
file's download link."""

from __future__ import annotations

import pytest

from bot.cleaner.bylines import is_byline
from bot.cleaner.cues import wire_dateline
from bot.cleaner.domainnames import name_words
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

TURN = "ANNA REED: The two presidents met for over an hour on Monday and agreed their generals should talk."
MORE = "Neither side would say whether the meeting had narrowed the gap over Syria's president."


def _kept(article: object) -> str:
    return " ".join(s.text for s in article.sentences)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "line", ["The full story...", "Read the full story »", "Full report", "The complete article…"]
)
def test_a_link_to_the_whole_story_is_a_read_more_link(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "read-more"


@pytest.mark.parametrize("line", ["The full story of the summit", "Full story: leaders meet in New York"])
def test_a_title_that_opens_with_those_words_is_not(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) is None


@pytest.mark.parametrize("line", ["| MP3 download", "MP3 download", "• Podcast download"])
def test_an_audio_files_download_link_is_player_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "media-player"


def test_a_reporter_who_reported_this_story_on_a_date_is_a_byline(config: Config) -> None:
    assert is_byline("Anna Reed reported this story on Tuesday, September 29, 2015 07:22:00", config.cleaner)
    assert is_byline("Tom Poe presented this segment on 5 September 2016", config.cleaner)
    # a sentence that goes on after the date is the story's own
    told = "Anna Reed reported this story on Tuesday, September 29, 2015, from the UN."
    assert not is_byline(told, config.cleaner)


def test_a_transcript_page_under_a_full_story_link_is_dated_and_titled(config: Config) -> None:
    page = "\n\n".join(
        [
            "The full story...",
            "Can the two presidents agree on Syria?",
            "Anna Reed reported this story on Tuesday, September 29, 2015 07:22:00",
            "| MP3 download",
            TURN,
            MORE,
        ]
    )
    article = clean(page, config, url="https://www.coastalradio.example/am/content/2015/s1.htm")
    assert article.title == "Can the two presidents agree on Syria?"
    assert article.date == "2015-09-29"
    kept = _kept(article)
    assert "MP3" not in kept and "full story" not in kept and "reported this story" not in kept
    assert TURN in kept and MORE in kept


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("eveningwireusa", "Evening Wire USA"),  # an abbreviation every reader knows closes the name
        ("weeklyvoiceuk", "Weekly Voice UK"),
        ("radionz", None),  # rarer letters on a .com stay the segmenter's leftover
        ("hotsrq", None),
    ],
)
def test_a_known_abbreviation_after_a_domains_words_is_written_in_capitals(
    config: Config, label: str, name: str | None
) -> None:
    assert name_words(label, config.cleaner) == name


def test_a_caption_closed_by_a_creative_commons_credit_is_no_headline(config: Config) -> None:
    title = "Obama And Putin Trade Barbs At The UN"
    caption = "Handshake before the talks Kremlin Press Service / Presidential Website CC BY 4.0"
    lede = "The two presidents used the General Assembly's opening day to accuse each other over Syria."
    page = "\n\n".join([title, f"{title}\n{caption}", title, lede, MORE])
    article = clean(page, config, url="https://www.eveningwireusa.com/trade-barbs-51882.html")
    assert article.title == title
    assert article.outlet == "Evening Wire USA"
    assert caption in article.text and lede in article.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("AP Photo/Lena Morrow; AP Photo/Cal Dupree", "photo-credit"),
        ("REUTERS/Lena Morrow, AFP/Cal Dupree", "photo-credit"),
        ("AP Photo/Lena Morrow; the talks ran late", None),  # prose after a credit is no credit line
    ],
)
def test_two_photo_credits_on_one_line_are_a_credit_line(
    config: Config, line: str, reason: str | None
) -> None:
    assert chrome_reason(line, config.cleaner) == reason


def _thread(lead_in: str) -> str:
    return "\n".join(
        [
            "Forums",
            "World Affairs",
            "Leaders meet at the UN and agree on very little",
            "Thread starter OakHollow",
            "Start date Sep 28, 2015",
            "OakHollow",
            "Joined",
            "Apr 2, 2012",
            "Messages",
            "3,120",
            "Sep 28, 2015",
            "#1",
            lead_in,
            "UNITED NATIONS (AP) — The two presidents met for about ninety minutes on Monday, aides said.",
            "They agreed that their militaries should keep talking about flights over Syria.",
            "Click to expand...",
            "Just a photo op if you ask me.",
            "BirchLane",
            "Joined",
            "May 9, 2014",
            "Sep 28, 2015",
            "#2",
            "At least they talked.",
            "Share:",
            "Facebook",
            "Reddit",
            "Community platform by BoardMaker® © 2010-2015 BoardMaker Ltd.",
        ]
    )


def test_a_quote_box_closed_by_click_to_expand_opens_under_the_lead_in(config: Config) -> None:
    page = _thread("Here is how the big meeting went:")
    article = clean(page, config, url="https://www.oakforum.net/threads/leaders-meet-at-the-un.1201/")
    kept = _kept(article)
    assert article.title == "Leaders meet at the UN and agree on very little"
    assert "ninety minutes" in kept and "flights over Syria" in kept
    assert "Here is how" not in kept and "photo op" not in kept and "At least they talked" not in kept
    assert (article.wire, article.date, article.outlet) == ("AP", "2015-09-28", "Oak Forum")


def test_a_forum_softwares_platform_credit_and_share_buttons_name_no_outlet(config: Config) -> None:
    article = clean(_thread("Here it is:"), config, url="https://www.oakforum.net/threads/un.1201/")
    assert article.outlet not in ("BoardMaker", "Reddit")


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("(ANSA) - New York, September 28 - The two presidents met.", ("New York, September 28", "ANSA")),
        ("(ANSA) - Rome - The premier said so.", ("Rome", "ANSA")),
        ("(Reuters) - Obama said on Monday - and left.", None),  # words in lower case are no place
    ],
)
def test_an_agency_in_brackets_before_the_place_is_a_wire_dateline(
    lede: str, expected: tuple[str, str] | None
) -> None:
    assert wire_dateline(lede) == expected


def test_a_place_and_agency_line_a_caption_credited_in_capitals_and_a_date_under_the_story(
    config: Config,
) -> None:
    caption = (
        "President Obama talks with President Putin before the session in Antalya, Nov 15. REUTERS photo"
    )
    lede = "President Obama and President Putin talked for about half an hour on the summit's sidelines."
    page = "\n".join(
        [
            "WORLD",
            "Leaders huddle on the sidelines",
            "ANTALYA – Reuters",
            caption,
            lede,
            MORE,
            "November/16/2015",
        ]
    )
    article = clean(page, config, url="https://www.bosporusledger.com/leaders-huddle-on-the-sidelines-91001")
    assert (article.title, article.wire, article.date) == (
        "Leaders huddle on the sidelines",
        "Reuters",
        "2015-11-16",
    )
    assert "ANTALYA – Reuters" not in article.text
    assert lede in article.text and MORE in article.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Comment on this story", "comment-prompt"),
        ("Play now", "media-player"),
        ("Some information for this report came from Reuters and AFP.", "credits"),
        ("Get home delivery of the Daily Ledger for as little as $1 a week.", "subscribe"),
        ("Local journalism is essential.", "donate"),
        ("Give directly to the Ledger's forums series, which pays for two reporter positions.", "donate"),
        # lines of the story that only look like them
        ("Some information was withheld from the public, officials said.", None),
        ("Local journalism is dying in many towns, the study found, as papers close.", None),
        ("The plan would cost just $1 a week per household, the ministry said.", None),
    ],
)
def test_round_twenty_two_line_kinds(config: Config, line: str, reason: str | None) -> None:
    assert chrome_reason(line, config.cleaner) == reason


def test_a_place_only_dateline_naming_a_country_in_capitals_credits_no_agency(config: Config) -> None:
    lede = "HANGZHOU, CHINA – President Obama and President Putin failed to close a deal on Syria on Monday."
    page = f"Obama, Putin fail to bridge gaps on Syria\n\n{lede}\n\n{MORE}\n"
    article = clean(page, config, url="https://www.eastseaherald.com/news/2016/09/05/world/syria-gaps/")
    assert article.wire is None
    assert wire_dateline(lede) == ("HANGZHOU", "CHINA")  # the shape is a dateline's; its letters are a word


def test_a_caption_closed_by_a_barred_credit_in_capitals_is_no_headline(config: Config) -> None:
    caption = "President Obama and President Putin meet in Hangzhou on Monday. | REUTERS"
    lede = "HANGZHOU – President Obama and President Putin failed to close a deal on Syria on Monday."
    page = f"Obama, Putin fail to bridge gaps on Syria\n{caption}\n{lede}\n{MORE}\n"
    article = clean(page, config, url="https://www.eastseaherald.com/news/2016/09/05/world/syria-gaps/")
    assert article.title == "Obama, Putin fail to bridge gaps on Syria"
    assert caption in article.text


@pytest.mark.parametrize(
    "line",
    [
        "In a time of too much information, quality journalism is more crucial than ever.",
        "By subscribing, you can help us get the story right.",
    ],
)
def test_a_subscription_boxs_pitch_is_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) in ("donate", "subscribe")
