"""Text normalisation shared by the cleaner, the tokenizer, quotation matching, evaluation and the service."""

from __future__ import annotations

import errno
import re
import unicodedata
from pathlib import Path

from bot.regex_cache import compiled

__all__ = ["drop_surrogates", "fold_quotes", "match_key", "normalize", "normalize_query", "read_text"]

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
_SPACES = compiled(r"\s+")


def fold_quotes(text: str) -> str:
    """Curly quotes to straight ones, dashes to '-', the ellipsis character to '...', odd spaces to ' '."""
    return text.translate(_QUOTES)


def normalize(text: str) -> str:
    """NFKC, folded quotes and dashes, single spaces: the form every comparison of text starts from."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():  # the quotes' table maps no ASCII character
        text = fold_quotes(text)
    # `\s+` as one space, then stripped: str.split() splits on the same characters (str.isspace, which
    # `\s` matches too), in a fifth of the time (the index build normalises every sentence)
    return " ".join(text.split())


_KEY_STRIP = compiled(r"[\"'\s]+")


def match_key(text: str) -> str:
    """A key that ignores whitespace, quote marks and case: for matching gold sentences to answers."""
    return _KEY_STRIP.sub(" ", normalize(text).lower()).strip(" .,;:")


_SURROGATES = compiled("[\ud800-\udfff]")
# Discord's markup for users, roles, channels, slash commands, custom emoji and timestamps
_DISCORD_TOKENS = compiled(r"<(?:@[!&]?\d+|#\d+|/[^<>\s:]+:\d+|a?:\w+:\d+|t:-?\d+(?::\w)?)>")
_BROADCASTS = compiled(r"@(?:everyone|here)\b")
_MASKED_LINK = compiled(r"\[([^\]]*)\]\(<?https?://[^)\s]*>?\)")
_LINE_MARKUP = compiled(r"^(?:[ \t]*(?:#{1,3}[ \t]+|-#[ \t]+|>{1,3}[ \t]+|[*-][ \t]+(?=\S)))+", re.MULTILINE)
_INLINE_MARKUP = compiled(r"\\(?=[*_~|`>#\\])|\*+|~~|\|\||`+|__+|(?<!\w)_+|_+(?!\w)")


def drop_surrogates(text: str) -> str:
    """`text` without lone surrogates (undecodable bytes from argv or the Python API), so it encodes."""
    return _SURROGATES.sub("", text)


def _visible(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cf":  # zero-width spaces and joiners, BOM, soft hyphen, bidi marks
        return ""
    if category == "Cc":
        return " "
    return char


def normalize_query(text: str) -> str:
    """A question, topic or speaker as the analysis should see it.

    Lone surrogates, zero-width and other invisible format characters, Discord mentions (users, roles,
    channels, @everyone/@here), custom emoji, timestamps and markdown markup (bold, italics, strike,
    spoilers, code, headings, block quotes, masked links) are taken out; whitespace becomes single spaces.
    The words themselves are never changed.
    """
    text = drop_surrogates(text)
    if not text.isascii() or any(c < " " for c in text):
        text = "".join(_visible(c) if not c.isascii() or c < " " else c for c in text)
    text = _DISCORD_TOKENS.sub(" ", text)
    text = _BROADCASTS.sub(" ", text)
    text = _MASKED_LINK.sub(r"\1", text)
    text = _LINE_MARKUP.sub("", text)
    text = _INLINE_MARKUP.sub("", text)
    return _SPACES.sub(" ", text).strip()


def read_text(path: Path, limit: int) -> str:
    """A settings or gold file's UTF-8 text; OSError (EFBIG) past `limit` bytes (/dev/zero, a wrong file)."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes; is it the right file?")
    return data.decode("utf-8")
