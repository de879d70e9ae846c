"""The cleaner's speed caches give what the uncached code gives, and follow a change of config."""

from __future__ import annotations

import dataclasses
import random

from bot.cleaner.lines import _WORD, lowercase_share, word_count, words
from bot.cleaner.outlets import outlet_table
from bot.cleaner.spelling import _NAME_WORD, _SEPARATOR, MEDIA_SUFFIX, _letters, _spelled_name, _whole_name
from bot.config import Config, OutletName


def test_outlet_table_follows_a_new_outlet_list(config: Config) -> None:
    first = outlet_table(config)
    assert outlet_table(config) is first
    added = OutletName(name="Zyxwv Courier", aliases=("The Zyxwv",), domains=("zyxwv-courier.example",))
    changed = dataclasses.replace(config, outlets=(*config.outlets, added))
    table = outlet_table(changed)
    assert table is not first
    assert table.by_domain("www.zyxwv-courier.example") == "Zyxwv Courier"
    assert table.canonical("the zyxwv") == "Zyxwv Courier"
    assert first.by_domain("www.zyxwv-courier.example") is None
    assert outlet_table(config).by_domain("www.zyxwv-courier.example") is None


def test_cached_words_are_a_fresh_list_each_time() -> None:
    text = "Leaders met in Hangzhou on Sept. 4, 2016, and said little."
    first = words(text)
    assert first == _WORD.findall(text) and word_count(text) == len(first)
    first.append("changed")
    assert words(text) == _WORD.findall(text)
    assert lowercase_share(text) == 6 / 9  # met in on and said little., not Leaders Hangzhou Sept.


def _spelled_reference(text: str, label: str, most: int) -> str | None:
    """The site-name search as it was before its speed-up (every run of tokens squashed whole, accents
    dropped), in each part of the line between separators."""
    for part in _SEPARATOR.split(text):
        tokens = _NAME_WORD.findall(part)
        for n in range(len(tokens)):
            for k in range(1, min(most, len(tokens) - n) + 1):
                name = " ".join(tokens[n : n + k]).strip(".")
                spelled = _letters(name) == label or (
                    k > 1
                    and _letters(" ".join(tokens[n : n + k - 1])) == label
                    and tokens[n + k - 1].lower() in MEDIA_SUFFIX
                )
                if _whole_name(tokens, n, n + k) and spelled and name != name.lower():
                    return name
    return None


def test_spelled_site_name_matches_the_search_it_replaced() -> None:
    rng = random.Random(5)
    pieces = [
        "First",
        "Post",
        "first",
        "post",
        "Firstpost",
        "FIRST",
        "News",
        "news",
        "SBS",
        "Sbs",
        "TV",
        "the",
        "Follow",
        "on",
        "A.",
        "Fïrst",
        "3",
        "—",
        "First-Post",
        "Post.",
        "First_Post",
        "K",
    ]
    labels = ["firstpost", "sbs", "first", "post", "fi", "postnews", "sbsnews"]
    found = 0
    for _ in range(4000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        label, most = rng.choice(labels), rng.randint(1, 4)
        expected = _spelled_reference(text, label, most)
        assert _spelled_name(text, label, most) == expected, (text, label, most)
        found += expected is not None
    assert found > 200  # the lines spell the names often enough to test the positive case
    assert _spelled_name("Follow First Post on social media", "firstpost", 3) == "First Post"
    assert _spelled_name("Watch SBS News tonight", "sbs", 3) == "SBS News"
    assert _spelled_name("More From SBS News", "sbs", 3) is None  # not a whole name
