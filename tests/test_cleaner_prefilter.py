"""The chrome patterns' prefilter skips only patterns that cannot match (bot/cleaner/prefilter.py)."""

from __future__ import annotations

import random
import re
import sys

from bot.cleaner.cues import STRONG_CAPTION_CUES, WEAK_CAPTION_CUES, caption_cues
from bot.cleaner.lines import InLonger
from bot.cleaner.outlets import OutletTable
from bot.cleaner.patterns import CHROME_PATTERNS
from bot.cleaner.prefilter import CASE_TWINS, FirstMatch, first_chars, needles
from bot.config import OutletName


def _slow_first(table: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    return next((label for label, pattern in table if pattern.search(text)), None)


def test_case_twins_are_every_non_ascii_character_ignorecase_matches_with_an_ascii_letter() -> None:
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    twins = {m for letter in "abcdefghijklmnopqrstuvwxyz" for m in re.findall(letter, others, re.IGNORECASE)}
    assert twins == set(CASE_TWINS)


def test_needles_are_read_off_the_parse_tree() -> None:
    assert needles(re.compile(r"\bsign (?:up|in) for\b", re.I)) in {("sign ",), (" for",)}
    assert needles(re.compile(r"(?:breaking news|live updates)!*", re.I)) == ("breaking news", "live updates")
    assert needles(re.compile(r"(?:breaking news|\d+ updates)", re.I)) == (" updates", "breaking news")
    assert needles(re.compile(r"(?:breaking news|\d+)", re.I)) is None  # a branch that needs nothing
    assert needles(re.compile(r"(?:video)?\s*clip", re.I)) == ("clip",)  # an optional part needs nothing
    assert needles(re.compile(r"(?=watch)\w+", re.I)) is None  # lookarounds are not read


def test_first_match_agrees_with_every_pattern_run_in_order() -> None:
    table = list(CHROME_PATTERNS)
    first = FirstMatch(table)
    samples = [
        "This is a modal window.",
        "THIS IS A MODAL WINDOW",
        "Th\u0130s \u0131s a modal w\u0131ndow",  # dotted and dotless i match "i" under IGNORECASE
        "\u017fubscribe to our newsletter",  # long s
        "Subscribe to our newsletter for the latest news",
        "We use cookies to improve your experience.",
        "© 2016 The Daily Example. All rights reserved.",
        "Leaders met in Hangzhou on Sunday and said little about trade after the talks.",
        "Read more: Leaders meet",
        "Share this article",
        "",
    ]
    for text in samples:
        assert first(text) == _slow_first(table, text), text
    assert first("THIS IS A MODAL WINDOW") is not None
    assert first("Th\u0130s \u0131s a modal w\u0131ndow") is not None


def test_page_templates_match_as_before_with_their_needles() -> None:
    marks = (r"^(?i:printed in the gazette)$", r"^Page \d+ of the Ledger$")
    table = OutletTable([OutletName(name="Ledger Gazette", page_marks=marks)], [])
    page = "Headline\nPRINTED IN THE GAZETTE\nText.\nPage 4 of the Ledger\n"
    assert table.by_template(page) == ("Ledger Gazette", f"page template: {'; '.join(marks)}")
    assert table.by_template(page.replace("GAZETTE", "GAZETT\u00c9")) is None  # É is no twin of E
    twin = page.replace("PRINTED", "PR\u0130NTED").replace("Text.", "\u017fome text.")
    assert table.by_template(twin) == table.by_template(page)  # İ matches i: the patterns run unfiltered
    assert table.by_template(page.replace("Page 4", "Page four")) is None


def test_caption_cue_counts_agree_with_every_pattern_run() -> None:
    samples = [
        "Leaders pose for a photo (L-R) at the summit. (AP Photo/Jane Doe)",
        "FILE PHOTO: The leaders shake hands in the city. Press Office",
        "Leaders met in Hangzhou on Sunday and said little about trade after the talks.",
        "Le\u0131ders pose for a f\u0131le photo",
        "",
    ]
    for text in samples:
        strong = sum(1 for p in STRONG_CAPTION_CUES if p.search(text))
        weak = sum(1 for p in WEAK_CAPTION_CUES if p.search(text))
        assert caption_cues(text) == (strong, weak), text
    assert caption_cues(samples[0])[0] >= 2


def test_first_chars_are_what_the_engine_accepts_at_the_start() -> None:
    assert first_chars(re.compile(r"^abc", re.I)) == frozenset("Aa")
    assert first_chars(re.compile(r"^(?-i:RELATED|Related)", re.I)) == frozenset("R")
    assert first_chars(re.compile(r"^(?:photo|image)s?\s", re.I)) == frozenset("PpIi")
    assert first_chars(re.compile(r"^\s*\(")) == frozenset(
        c for c in map(chr, range(128)) if c.isspace() or c == "("
    )
    assert first_chars(re.compile(r"^[\d,.]+$")) == frozenset("0123456789,.")
    assert first_chars(re.compile(r"^x?$")) is None  # may match an empty text
    assert first_chars(re.compile(r"abc")) is None  # not anchored
    assert first_chars(re.compile(r"^abc", re.M)) is None  # anchored at every line
    assert first_chars(re.compile(r"^(a)\1")) == frozenset("a")  # the opening item is all that is read
    assert first_chars(re.compile(r"^\u212aelvin", re.I)) == frozenset("Kk")  # the Kelvin sign folds to k


def test_first_match_agrees_on_lines_opening_with_every_ascii_character() -> None:
    table = list(CHROME_PATTERNS)
    first = FirstMatch(table)
    tails = ["", "Share", " comments", "hoto: AP", "1 min read", "opyright 2016 The Paper", " 2016 Paper"]
    for opening in map(chr, range(128)):
        for tail in tails:
            text = opening + tail
            assert first(text) == _slow_first(table, text), repr(text)


def test_a_short_needle_counts_only_when_prose_seldom_has_it() -> None:
    assert needles(re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\s*/\s*[A-Z]{2,}")) == ("/",)  # not the space
    assert needles(re.compile(r"[a-z]\.\s+[A-Z]+\s*\([A-Z]+\)$")) == ("(",)
    assert needles(re.compile(r"\(@\w+\) tweeted")) == (") tweeted",)  # a longer literal comes first
    assert needles(re.compile(r"\w+\.\s\w+")) is None  # a full stop rules out too few lines


def test_in_longer_agrees_with_a_search_of_every_longer_text() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        texts = [
            "".join(rng.choice("ab ") for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(0, 6))
        ]
        inside = InLonger(texts)
        for quote in [*texts, "", "a", "ab", "a\nb"]:
            for length in range(10):
                assert inside(quote, length) == any(quote in t for t in texts if len(t) > length)
    assert InLonger(["the leaders met", "leaders met"])("leaders met", len("leaders met"))
    assert not InLonger(["leaders met", "the leaders"])(
        "leaders met", len("leaders met")
    )  # none longer holds it
