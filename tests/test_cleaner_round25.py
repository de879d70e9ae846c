"""Round 25's rules: one-digit URL folders, a bracketed credit's glued date, bullet lines as headlines."""

from __future__ import annotations

import datetime as dt

from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import find_date, url_date
from bot.cleaner.headline import headline_shaped
from bot.config import load_config

__all__: list[str] = []


def test_url_folders_with_one_digit_month_give_the_date() -> None:
    found = url_date("https://news.example.org/2015/9/28/123456/a-slug")
    assert found is not None and found.date == dt.date(2015, 9, 28)


def test_url_one_digit_parts_need_slashes_on_both_sides() -> None:
    assert url_date("https://news.example.org/2015/9/28-a-slug") is None
    assert url_date("https://news.example.org/2016/09/a-slug.html") is None


def test_ordinal_date_glued_to_its_year_is_read() -> None:
    found = find_date("Site News - APP -5th Sep,2016")
    assert found is not None and found.date == dt.date(2016, 9, 5)


def test_a_date_inside_a_dashed_id_is_not_read() -> None:
    assert find_date("story-5-Sep-2016") is None


def test_bracket_after_the_countrys_comma_is_a_wire_dateline() -> None:
    found = wire_dateline("HANGZHOU, China, (Site News - APP -5th Sep,2016) - The president said")
    assert found == ("HANGZHOU, China, (Site News - APP -5th Sep,2016) -", "Site News - APP -5th Sep,2016")


def test_a_bullet_line_is_never_headline_shaped() -> None:
    settings = load_config().cleaner
    text = "Obama and Putin met for ninety minutes on the sidelines of the summit"
    assert headline_shaped(text, settings)
    assert not headline_shaped(f"  • {text}", settings)
