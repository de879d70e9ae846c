"""The names' alternations of the tokenizer (bot/tokenizer.py): each entity name's pattern, the alternation
they make, and the same patterns as programs for the compiled matcher on ASCII text (bot/_wordscan.c's
`names`, which finds the spans the regex finds: tests/test_wordscan.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled

__all__ = [
    "AliasPattern",
    "alias_regex",
    "alternation",
    "ascii_apart",
    "matches",
    "programs",
]

try:  # built by `pip install -e .` (optional: without it the regex serves)
    from bot._wordscan import names as _NAMES  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    _NAMES = None

_DOTTED_ACRONYM_MAX = 4  # an all-capitals alias this short is an acronym that may be dotted (US = U.S.)
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class AliasPattern:
    """One alternation of entity names and the entity token of each name's folded form."""

    source: str  # the alternation's pattern text, compiled with `flags` on first use (`regex`)
    flags: int
    tokens: dict[str, str]  # folded surface form -> entity token
    # The same matches of a case-insensitive pattern of ASCII names, on a lower-cased ASCII text, without
    # IGNORECASE (a third of the time): ASCII letters fold only into each other, lower-casing an ASCII
    # text moves no character, and only the matched text's case differs (folded away by _fold_alias).
    lowered: re.Pattern[str] | None = None
    # The alternation as programs for the compiled matcher (`_wordscan.names`), by first character, for
    # the text this pattern is matched against on ASCII text (lower-cased with `lowered`); None where a
    # name's pattern is not one it reads, and with IGNORECASE but no `lowered`
    programs: tuple[tuple[bytes, ...], ...] | None = None
    grouped: bool = False  # whether the pattern starts with `\b`

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern itself, compiled when first needed: with `lowered`, only a text outside ASCII
        needs it, and an ASCII question (`summitbot ask`) is spared a 200-name compile (about 5 ms)."""
        return compiled(self.source, self.flags)


def matches(pattern: AliasPattern, lowered: re.Pattern[str] | None, subject: str) -> list[tuple[int, int]]:
    """The spans of `pattern`'s matches in `subject` (lower-cased, matched by the `lowered` form, when that
    is given): compiled on ASCII text (`_wordscan.names`, the same spans: tests/test_wordscan.py) from the
    programs made for that subject, else by the regex (`pattern.regex` compiled only when needed)."""
    if _NAMES is not None and pattern.programs is not None and (lowered is not None) == bool(pattern.flags):
        found = _NAMES(subject, pattern.programs, pattern.grouped)
        if found is not None:
            return found
    return [match.span() for match in (lowered or pattern.regex).finditer(subject)]


_OPS = ((r"[\s\-]+", b"P"), (r"[\s\-]?", b"Q"), (r"\.?", b"D"))  # `alias_regex`'s pieces, as ops


def programs(ordered: Sequence[str], *, lower: bool) -> tuple[tuple[bytes, ...], ...] | None:
    """The names' patterns (`alias_regex`, lower-cased with `lower`) as programs of bot/_wordscan.c's
    `names`, in order, by their first character (a literal); None when one is not such a program."""
    found = []
    for name in ordered:
        pattern = alias_regex(name)
        program = _program(pattern.lower() if lower else pattern)
        if program is None:
            return None
        found.append(program)  # b"" for a name that no ASCII text holds: in no bucket
    return tuple(tuple(p for p in found if p[1:2] == bytes([c])) for c in range(128))


def _program(pattern: str) -> bytes | None:
    """A name's pattern as ops (see bot/_wordscan.c): ASCII literals (escaped or plain) and `_OPS`; b""
    when it holds a literal outside ASCII (it matches no ASCII text); None for anything else, or when it
    does not start with a literal."""
    out, i = bytearray(), 0
    while i < len(pattern):
        op = next((code for text, code in _OPS if pattern.startswith(text, i)), None)
        if op is not None:
            out += op
            i += len(next(text for text, code in _OPS if code == op))
            continue
        escaped = pattern[i] == "\\"
        char = pattern[i + 1 : i + 2] if escaped else pattern[i]
        if char and not char.isascii():
            return b""
        if not char or (escaped and char.isalnum()) or (not escaped and char in _SPECIAL):
            return None
        out += b"L" + char.encode()
        i += 2 if escaped else 1
    return bytes(out) if out[:1] == b"L" else None


_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def ascii_apart(names: Iterable[str]) -> bool:
    """Whether no character of `names` outside ASCII matches an ASCII text in any case (the Kelvin sign
    matches 'k', 'ſ' matches 's'), lower-cased or not: a lower-cased pattern then finds on an ASCII text
    what the case-insensitive one finds."""
    odd = {c for name in names for c in name if not c.isascii()}
    return not any(
        any(x.isascii() for x in c.lower())
        or any(re.fullmatch(re.escape(c), a, re.IGNORECASE) for a in _LETTERS)
        for c in odd
    )


def alternation(ordered: Sequence[str], *, ignore_case: bool) -> tuple[str, bool]:
    """The names' patterns as one alternation, tried in the given order (longest first), and whether it
    is grouped (every match then starts with an ASCII letter or digit).

    When every name starts with an ASCII letter or digit, the alternatives are grouped by that character
    (its case folded with `ignore_case`): the group is that character, written once, then its names'
    patterns without it. At a position, the regex engine skips a group whose literal first character is
    not there with one comparison, instead of trying every name (or a lookahead per group): 5.5 against
    11 µs a sentence for config.yaml's 200 names on lower-cased text. The matches are the same: a name's
    pattern starts with its first character as a literal (`alias_regex` escapes no letter or digit), a
    group's literal matches exactly what its names' first characters match (with `ignore_case`, the two
    cases of an ASCII letter fold alike), alternatives keep their order within a group, and no character
    is the first of two groups (ASCII letters and digits fold only into their own group), so at any
    position the first alternative to match is the one the plain alternation would find."""
    patterns = [alias_regex(n) for n in ordered]
    if not all(n[:1].isascii() and n[:1].isalnum() for n in ordered):
        return "|".join(patterns), False
    groups: dict[str, list[str]] = {}
    for name, pattern in zip(ordered, patterns, strict=True):
        groups.setdefault(name[0].lower() if ignore_case else name[0], []).append(pattern[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()), True


def alias_regex(name: str) -> str:
    """A name's pattern: any run of spaces between words, optional dots after letters (U.S. = US)."""
    out = []
    for ch in name:
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == ".":
            out.append(r"\.?")
        elif ch == "-":
            out.append(r"[\s\-]?")
        else:
            out.append(re.escape(ch))
    text = "".join(out)
    if name.isupper() and "." not in name and len(name) <= _DOTTED_ACRONYM_MAX:  # US also matches U.S.
        text = r"\.?".join(re.escape(c) for c in name) + r"\.?"
    return text
