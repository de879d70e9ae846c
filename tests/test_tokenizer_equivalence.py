"""The tokenizer's fast paths give exactly what their plain forms give: the alias alternation grouped by
first character against the plain longest-first alternation, and `names_and_words` (one word scan, the
words' terms remembered) against its two-scan form, on the corpus and on generated text."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import Config
from bot.name_patterns import alias_regex, alternation
from bot.service import CoverageService
from bot.text import fold_quotes, normalize
from bot.tokenizer import _WORD, STOPWORDS, Tokenizer, _stem


def _plain_patterns(config: Config) -> list[re.Pattern[str]]:
    """The alias patterns as they were first written: one plain alternation, longest name first."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for entity in config.entities:
        for written in (entity.name, *entity.aliases):
            name = normalize(written)
            bare = name.replace(".", "")
            (exact if bare.isupper() and bare.lower() in STOPWORDS else folded)[name] = entity.name
    patterns = []
    for names, flags in ((exact, 0), (folded, re.IGNORECASE)):
        body = "|".join(alias_regex(n) for n in sorted(names, key=len, reverse=True))
        patterns.append(re.compile(rf"(?<![\w.])(?:{body})(?![\w])", flags))
    return patterns


def _plain_names_and_words(tokenizer: Tokenizer, text: str) -> set[str]:
    normal = normalize(text)
    spans = tokenizer.entity_spans(normal)
    chars = list(normal)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    rest = "".join(chars)
    words = set(tokenizer.content_words(rest))
    raw = [w.lower() for w in _WORD.findall(rest) if w.lower() not in STOPWORDS]
    words.update(_stem(a + b) for a, b in pairwise(raw) if a.isalpha() and b.isalpha())
    words.update(group for w in list(words) if (group := tokenizer.synonym(w)))
    return {token for _, _, token in spans} | words


@pytest.fixture(scope="module")
def tokenizer(config: Config) -> Tokenizer:
    return Tokenizer(config.entities, config.synonyms)


@pytest.fixture(scope="module")
def alias_words(config: Config) -> list[str]:
    return sorted({w for e in config.entities for name in (e.name, *e.aliases) for w in name.split()})


def _same(tokenizer: Tokenizer, config: Config, text: str) -> None:
    normal = normalize(text)
    for ours, plain in zip(tokenizer._aliases, _plain_patterns(config), strict=True):
        assert [m.span() for m in ours.regex.finditer(normal)] == [m.span() for m in plain.finditer(normal)]
    assert tokenizer.names_and_words(text) == _plain_names_and_words(tokenizer, text)


def test_the_grouped_alternation_only_groups_names_starting_with_a_letter_or_digit() -> None:
    grouped = alternation(["Alpha", "alps", "Beta"], ignore_case=True)
    assert grouped == ("a(?:lpha|lps)|b(?:eta)", True)
    assert alternation(["Alpha", "alps"], ignore_case=False) == ("A(?:lpha)|a(?:lps)", True)
    assert alternation(["-x", "Beta"], ignore_case=True) == (r"[\s\-]?x|Beta", False)  # left plain


def test_fast_paths_equal_the_plain_forms_on_the_corpus(
    service: CoverageService, tokenizer: Tokenizer, config: Config
) -> None:
    for article in service.articles:
        for text in (article.title or "", *(s.text for s in article.sentences)):
            _same(tokenizer, config, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_paths_equal_the_plain_forms_on_generated_text(
    data: st.DataObject, tokenizer: Tokenizer, config: Config, alias_words: list[str]
) -> None:
    piece = st.one_of(
        st.sampled_from(alias_words).map(lambda w: w.upper() if len(w) < 4 else w),
        st.sampled_from(alias_words).map(str.lower),
        st.sampled_from(["U.S.", "U.S", "G-20", "cease fire", "climate change", "Putin's", "ſ", "K", "İ"]),
        st.text(alphabet="abcéß-.' \u2019\u00a0\u0301", max_size=6),
    )
    sep = st.sampled_from([" ", "  ", "-", ".", ", ", "\u2014", "", "\u00a0"])
    parts = data.draw(st.lists(st.tuples(piece, sep), max_size=12))
    _same(tokenizer, config, "".join(p + s for p, s in parts))


def _plain_normalize(text: str) -> str:
    """`normalize` as first written: NFKC, the quotes' table, `\\s+` as one space, stripped."""
    return re.sub(r"\s+", " ", fold_quotes(unicodedata.normalize("NFKC", text))).strip()


def test_normalize_equals_its_plain_form_around_every_space_character() -> None:
    spaces = [chr(c) for c in range(0x3001) if re.fullmatch(r"\s", chr(c)) or chr(c).isspace()]
    assert len(spaces) > 20  # ASCII's six, the separators, the Unicode spaces up to U+3000
    for space in spaces:
        for text in (
            f"a{space}b",
            f"{space}a {space}{space}b{space}",
            f"\u201ca\u201d{space}\u2014{space}",
            space,
        ):
            assert normalize(text) == _plain_normalize(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2009\u3000\u2019\u00bd\ufb01aZ.-'"),
        max_size=20,
    )
)
def test_normalize_equals_its_plain_form_on_generated_text(text: str) -> None:
    assert normalize(text) == _plain_normalize(text)
