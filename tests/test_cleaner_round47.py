"""The cleaner's round-forty-seven rules (issue 9: body lines dropped): the Cyrillic case endings read from
config.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.cleaner.eventclues import mentions, people_named
from bot.config import Config, parse_config
from bot.errors import ConfigError


# -- a Russian or Ukrainian surname in its cases: the endings are config data
def test_the_case_endings_are_read_from_config(config: Config) -> None:
    text = "Песков рассказал о встрече Путина и Обамы на саммите."
    assert people_named(text, config, mentions) == 3  # Peskov, Putin, Obama
    bare = dataclasses.replace(config, cleaner=dataclasses.replace(config.cleaner, case_endings=()))
    assert people_named(text, bare, mentions) == 1  # Peskov alone: Путина, Обамы need their endings


def test_a_bad_case_ending_names_the_file_and_key() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("cleaner:\n  case_endings: [a, '']\n", Path("x.yaml"))
    assert "x.yaml:2: cleaner.case_endings[1]: expected a non-empty string" in str(caught.value)
