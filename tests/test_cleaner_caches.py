"""The cleaner's speed caches give what the uncached code gives, and follow a change of config."""

from __future__ import annotations

import dataclasses

from bot.cleaner.lines import _WORD, lowercase_share, word_count, words
from bot.cleaner.outlets import outlet_table
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
