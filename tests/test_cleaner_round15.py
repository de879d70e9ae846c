"""The cleaner's fifteenth round of general rules (issue 9), on small pages written for these tests (no
real page's text): a common noun or the host country alone names no event, a page dated in one event's
window naming three of its people is that event's; an app banner is no headline; letters a segmenter
leaves after a domain's word are no acronym; a page's "Read on the website NAME" names its outlet; a
headline's "AGENCY: ..." prefix names the wire."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cleaner.acronymdomain import acronym_words
from bot.cleaner.domainnames import name_words
from bot.cleaner.whichevent import find_event
from bot.config import CleanerConfig, Config
from bot.evaluation.pages_eval import config_with
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

SETTINGS = CleanerConfig()
THIRD = "The talks ran past the hour set for them, aides said."
OTHER_EVENT = Path("tests/fixtures/pages/other_summit/event.yaml")


def test_a_common_noun_alone_names_no_event(config: Config) -> None:
    """The other summit's keywords list "summit": a page on another summit names it as often."""
    with_other = config_with(config, [OTHER_EVENT])
    text = "The two presidents spoke on the sidelines of the summit. The summit closed with a statement."
    assert find_event(None, [text], with_other) is None
    named = find_event(None, [text + " They met again in Helsinki."], with_other)
    assert named is not None and named.value == "helsinki-2018"


def test_the_host_country_alone_names_no_event(config: Config) -> None:
    text = (
        "China's president told the UN General Assembly that China would fund a peace force. "
        "China will also train police, he said. China and the UN signed the fund's charter."
    )
    found = find_event(None, [text], config)
    assert found is not None and found.value == "unga-2015"
    assert (
        find_event(None, ["China's president opened a new port. China will build two more."], config) is None
    )


def test_a_dated_page_naming_three_people_is_its_windows_event(config: Config) -> None:
    three = "Obama and Putin met for ninety minutes; Assad's future divided them."
    found = find_event("2015-09-29", [three], config)
    assert found is not None and found.value == "unga-2015"
    # two leaders alone may be a state visit inside the window
    assert find_event("2015-09-25", ["Obama welcomed Xi Jinping to the White House."], config) is None
    assert find_event("2015-07-02", [three], config) is None  # outside every window


@pytest.mark.parametrize(
    "banner",
    [
        "Install the new version of Larkfield TV application",
        "Download our free app",
        "Get the Harbour News app",
    ],
)
def test_an_app_banner_is_not_the_headline(banner: str, config: Config) -> None:
    page = f"{banner}\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config, url="https://www.larkfield-tv.example/Detail/2015/09/29/1234/leaders")
    assert article.title == HEADLINE
    assert banner not in article.text


@pytest.mark.parametrize(
    ("label", "country", "name"),
    [
        ("radionz", "nz", "Radio NZ"),  # the letters are the domain's country code
        ("radionz", "", None),  # the same tail elsewhere is a leftover of the segmenter
        ("uaposition", "", "UA Position"),  # letters before the words are read out
    ],
)
def test_letters_after_a_domains_word_are_read_only_as_its_country(
    label: str, country: str, name: str | None
) -> None:
    assert acronym_words(label, SETTINGS, country) == name


def test_a_vowelless_tail_beside_a_word_keeps_the_bare_domain() -> None:
    assert name_words("hotsrq", SETTINGS) is None
    assert name_words("qzpmbulletin", SETTINGS) == "QZPM Bulletin"


def test_a_link_to_the_pages_own_site_names_the_outlet(config: Config) -> None:
    page = f"{HEADLINE}\n\nRead on the website Larkfield Courier\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://en.lfcourier.example/amp/80123")
    assert article.outlet == "Larkfield Courier"
    assert "Read on the website" not in article.text


@pytest.mark.parametrize(("prefix", "wire"), [("Associated Press", "AP"), ("Kremlin", None)])
def test_an_agency_heading_the_title_is_the_wire(prefix: str, wire: str | None, config: Config) -> None:
    page = f"{prefix}: Leaders to meet on Monday\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://archive.kyivnews.example/article/leaders-to-meet-3981.html")
    assert article.wire == wire


def test_an_images_placeholder_text_is_chrome(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\nImage placeholder title\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config)
    assert "placeholder" not in article.text and SECOND in article.text


def test_a_databases_closing_note_names_its_service(config: Config) -> None:
    note = "This is an article from NewsVault Express, a service of Harbour Archives that finds papers."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{note}\n"
    article = clean(page, config, url="https://dlib.harbourarchives.com/browse/doc/47100001")
    assert article.outlet == "NewsVault Express"
    assert "a service of" not in article.text


def test_a_parenthesised_agency_and_date_glued_before_the_text(config: Config) -> None:
    lede = "(Larkfield News Agency, Sept. 4, 2016. Complete text:) Hangzhou - " + LEDE
    page = f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n"
    article = clean(page, config, url="https://dlib.harbourarchives.com/browse/doc/47100002")
    assert article.date == "2016-09-04"
    assert article.wire == "Larkfield News Agency"
