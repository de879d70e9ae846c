"""The cleaner's round-forty-four rules (issue 9, probe37's misses, by kind), on small lines and pages
written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import pytest

from bot.cleaner.groupdesk import group_desk_name
from bot.cleaner.labelname import label_name
from bot.cleaner.lines import Line
from bot.cleaner.outlets import outlet_table
from bot.cleaner.pagelines import PageLines
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.cleaner_body import LEDE, SECOND, THIRD
from tests.test_cleaner_rules import _clean as clean


# -- chrome: a line's own shape
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Published Last updated This story is more than 3 years old.", "notice"),
        ("Updated: This article is over 5 years old.", "notice"),
        ("Click to enlarge", "image-label"),
        ("Tap to expand image", "image-label"),
        (
            "The Valley Bureau is glad to host this space for readers. Some comments may be reprinted in the "
            "paper. Keep it civil.",
            "comment-prompt",
        ),
    ],
)
def test_chrome_by_its_shape(config: Config, text: str, reason: str) -> None:
    assert chrome_reason(text, config.cleaner) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Published reports say this article of the treaty is more than 20 years old.",
        "Click to enlarge the map of the region, officials told visitors to the site on Monday.",
        "The editor said readers' comments would be weighed before the vote.",
    ],
)
def test_lines_that_only_look_like_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) is None


# -- a teaser cut short with a bracketed ellipsis repeats the lede
def test_a_teaser_cut_with_a_bracketed_ellipsis_is_a_copy_of_the_lede(config: Config) -> None:
    page = "\n\n".join(
        [
            "Leaders part with no deal on the ceasefire",
            LEDE[:60].rstrip() + " […]",
            LEDE,
            SECOND,
            THIRD,
        ]
    )
    article = clean(page, config, url="https://paper.example/news/leaders-part")
    assert [d.reason for d in article.dropped if d.text.endswith("[…]")] == ["duplicate"]
    assert article.text.count(LEDE[:60]) == 1


def test_a_bracketed_aside_ending_a_line_is_no_cut(config: Config) -> None:
    line = "The envoy said the talks would go on (…)"
    page = "\n\n".join(["Leaders part with no deal on the ceasefire", line, LEDE, SECOND])
    article = clean(page, config, url="https://paper.example/news/leaders-part")
    assert "would go on" in article.text


# -- outlet: a name spelled with the domain's country code; a machine's label
def test_a_title_suffix_naming_the_site_with_its_country_code(config: Config) -> None:
    page = "\n\n".join(
        ["Leaders part with no deal – Harbourlight NZ", "Leaders part with no deal", LEDE, SECOND]
    )
    article = clean(page, config, url="https://www.harbourlight.nz/leaders-part-with-no-deal/")
    assert article.outlet == "Harbourlight NZ"


def test_a_country_code_the_domain_does_not_end_with_is_no_part_of_the_name(config: Config) -> None:
    page = "\n\n".join(
        ["Leaders part with no deal – Harbourlight NZ", "Leaders part with no deal", LEDE, SECOND]
    )
    article = clean(page, config, url="https://www.harbourlight.com/leaders-part-with-no-deal/")
    assert article.outlet != "Harbourlight NZ"


@pytest.mark.parametrize(
    ("label", "expected"),
    [("qx7rt2bzm", None), ("actv7news", "Actv7 News"), ("24newslanka", "24 News Lanka")],
)
def test_a_label_whose_letters_numbers_break_twice_is_no_name(
    config: Config, label: str, expected: str
) -> None:
    assert label_name(label, config.cleaner) == expected


def test_a_machine_label_keeps_its_bare_domain(config: Config) -> None:
    page = "\n\n".join(["Leaders part with no deal on the ceasefire", LEDE, SECOND, THIRD])
    article = clean(page, config, url="https://41207.qx7rt2bzm.asia/world/leaders-part.html")
    assert article.outlet == "qx7rt2bzm.asia"


# -- outlet: the group's name its desks print, where the table's brand adds the domain's edition letters
def _page(config: Config, texts: list[str]) -> PageLines:
    lines = [Line(number=n + 1, raw=text, text=text) for n, text in enumerate(texts)]
    return PageLines(lines, [], "\n".join(texts), None, outlet_table(config), config.cleaner)


def test_a_group_name_its_desks_print_where_the_brand_is_printed_nowhere(config: Config) -> None:
    page = _page(config, ["Leaders part with no deal", "Harbour Foreign StaffMay 4, 2014", LEDE, SECOND])
    found = group_desk_name(page, "Harbour NW", "harbournw.com")
    assert found is not None
    assert found.value == "Harbour"


@pytest.mark.parametrize(
    ("texts", "known", "domain"),
    [
        # the brand is printed: it stays
        (["Harbour NW", "Harbour Foreign Staff", LEDE], "Harbour NW", "harbournw.com"),
        # the brand does not spell the domain: no edition's letters to leave off
        (["Harbour Foreign Staff", LEDE], "Harbour of Light", "harbourlight.com"),
        # the group's name with no desk's word after it
        (["Harbour officials said the talks would go on.", LEDE], "Harbour NW", "harbournw.com"),
    ],
)
def test_no_group_name_otherwise(config: Config, texts: list[str], known: str, domain: str) -> None:
    assert group_desk_name(_page(config, texts), known, domain) is None
