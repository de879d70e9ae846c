"""Text normalisation shared by the cleaner, the tokenizer, quotation matching and evaluation."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_quotes", "match_key", "normalize"]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_SPACES = re.compile(r"\s+")


def fold_quotes(text: str) -> str:
    """Curly quotes to straight ones, dashes to '-', the ellipsis character to '...', odd spaces to ' '."""
    return text.translate(_QUOTES)


def normalize(text: str) -> str:
    """NFKC, folded quotes and dashes, single spaces: the form every comparison of text starts from."""
    return _SPACES.sub(" ", fold_quotes(unicodedata.normalize("NFKC", text))).strip()


_KEY_STRIP = re.compile(r"[\"'\s]+")


def match_key(text: str) -> str:
    """A key that ignores whitespace, quote marks and case: for matching gold sentences to answers."""
    return _KEY_STRIP.sub(" ", normalize(text).lower()).strip(" .,;:")
