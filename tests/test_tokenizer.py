"""One tokenizer for index and query: normalisation, stemming, stopwords, acronyms and aliases."""

from __future__ import annotations

import pytest

from bot.config import Config
from bot.tokenizer import Tokenizer


@pytest.fixture(scope="module")
def tokenizer(config: Config) -> Tokenizer:
    return Tokenizer(config.entities)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ISIS", "Daesh"),
        ("ISIL", "the Islamic State"),
        ("Kyiv", "Kiev"),
        ("UN", "U.N."),
        ("United Nations", "U.N."),
        ("UNGA", "General Assembly"),
        ("Putin", "the Russian president"),
        ("Putin", "the Kremlin chief"),
        ("Obama", "the US leader"),
        ("Assad", "the Syrian leader"),
        ("G20", "G-20"),
        ("Sergei Lavrov", "Sergey Lavrov"),
    ],
)
def test_aliases_share_an_entity_token(tokenizer: Tokenizer, a: str, b: str) -> None:
    assert set(tokenizer.entities(a)) & set(tokenizer.entities(b))


def test_acronym_that_spells_a_stopword_is_kept(tokenizer: Tokenizer) -> None:
    assert "us" in tokenizer.tokenize("the US and Russia")
    assert "us" in tokenizer.tokenize("the U.S. and Russia")
    assert "us" not in tokenizer.tokenize("he told us")
    assert "@islamic_state" in tokenizer.tokenize("strikes on IS")
    assert "@islamic_state" not in tokenizer.tokenize("it is what it is")


def test_normalisation_and_stemming(tokenizer: Tokenizer) -> None:
    curly = tokenizer.tokenize("Putin\u2019s \u201cvery constructive\u201d\u00a0talks")
    straight = tokenizer.tokenize('Putin\'s "very constructive" talks')
    assert curly == straight
    assert tokenizer.content_words("cooperation") == tokenizer.content_words("cooperate")
    assert tokenizer.content_words("The meeting and the meetings") == ["meet", "meet"]
    assert "g20" in tokenizer.tokenize("the G-20 summit")


def test_names_and_words_keep_names_whole(tokenizer: Tokenizer) -> None:
    terms = tokenizer.names_and_words("the United States said air strikes")
    assert "@united_states" in terms and "state" not in terms
    assert "airstrik" in terms  # a closed compound matches its open form


def test_empty_and_symbol_only_text(tokenizer: Tokenizer) -> None:
    assert tokenizer.tokenize("") == []
    assert tokenizer.tokenize("?!... --") == []
    assert tokenizer.tokenize("what is the") == []


def test_the_case_insensitive_name_pattern_is_compiled_only_for_a_text_outside_ascii(config: Config) -> None:
    """An ASCII text is scanned lower-cased without IGNORECASE; the case-insensitive pattern (a large
    alternation) is compiled on first use, by a text outside ASCII, and finds the same names there."""
    fresh = Tokenizer(config.entities)
    folded = [p for p in fresh._aliases if p.lowered is not None]
    assert folded
    ascii_names = fresh.entities("What did the RUSSIAN PRESIDENT say to Obama in Zurich?")
    assert "regex" not in vars(folded[0])
    curly = fresh.entities("What did the RUSSIAN PRESIDENT say to Obama in Zürich?")
    assert "regex" in vars(folded[0])
    assert curly == ascii_names == [Tokenizer(config.entities).entities("Putin")[0], *fresh.entities("Obama")]
