"""Scoping a question to the outlets or the event it names ("What did RT report...", "at the G20").

The names are gathered once per corpus into a `ScopeTable` (outlet, wire and alias names to article
ids; event keywords and years to article ids), so finding a question's scope costs a couple of regex
searches, not a pass over every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.config import Config
from bot.frozen import frozen_dataclass as dataclass
from bot.models import Article
from bot.regex_cache import compiled
from bot.text import normalize

__all__ = ["Scope", "ScopeTable"]

_ACRONYM_MAX = 4  # an all-capital name this short (RT, UN, AFP) is matched by case, never as a word

_SCOPES_KEPT = 4096  # distinct (outlets, event) scopes remembered per table; past it, start again

_YEAR = compiled(
    r"\b(?:in\s+)?(?:(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Scope:
    """The articles a question is restricted to, and how to say so."""

    docs: tuple[str, ...]
    label: str


def _alternation(names: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern for many names, longest first; short all-capital names (RT, UN) match by case, unless
    they hold a digit ("g20" as a chat user types it is no word but G20)."""
    if not names:
        return None
    parts = []
    for name in sorted(names, key=len, reverse=True):
        body = re.escape(name)
        by_case = name.isupper() and len(name) <= _ACRONYM_MAX and not any(c.isdigit() for c in name)
        parts.append(body if by_case else f"(?i:{body})")
    return compiled(rf"(?<![\w.])(?:(?i:according to|from)\s+)?({'|'.join(parts)})(?:'s)?(?![\w])")


class ScopeTable:
    """Every outlet and event name of a corpus, mapped to the articles it picks out."""

    def __init__(self, articles: Sequence[Article], config: Config) -> None:
        self.all_docs = frozenset(a.id for a in articles)
        outlets: dict[str, set[str]] = {}
        for article in articles:
            for name in (article.outlet, article.wire):
                if name:
                    outlets.setdefault(normalize(name), set()).add(article.id)
        for outlet in config.outlets:
            docs = outlets.get(normalize(outlet.name))
            for alias in outlet.aliases if docs else ():
                outlets.setdefault(normalize(alias), set()).update(docs or ())
        self._outlets = {name.lower(): (name, frozenset(docs)) for name, docs in outlets.items()}
        self._outlet_pattern = _alternation(list(outlets))
        # an article whose event is not stated may be about any of them: it stays in an event's scope
        self._events: dict[str, frozenset[str]] = {
            e.id: frozenset(a.id for a in articles if a.event in (e.id, None)) for e in config.events
        }
        self._labels = {e.id: e.name for e in config.events}
        self._years = [(e.start.year, e.end.year, e.id) for e in config.events]
        keywords = {normalize(k): e.id for e in config.events for k in e.keywords if not k.isdigit()}
        self._keywords = {k.lower(): v for k, v in keywords.items()}
        self._keyword_pattern = _alternation(list(keywords))
        # Scopes already worked out, by (outlet names matched, event): an event's scope holds thousands of
        # articles at scale, too many to intersect and sort again for every question. The same Scope
        # object also lets the index find its cached mask without hashing the ids again.
        self._scopes: dict[tuple[tuple[str, ...], str | None], Scope] = {}

    def find(self, text: str) -> tuple[Scope | None, str]:
        """The outlet or event `text` names, and `text` with those words taken out."""
        remaining = normalize(text)
        names, remaining = self._match_outlets(remaining)
        event_id, remaining = self._match_event(remaining)
        if not names and event_id is None:
            return None, remaining
        key = (names, event_id)
        scope = self._scopes.get(key)
        if scope is None:
            scope = self._scope(names, event_id)
            if len(self._scopes) >= _SCOPES_KEPT:
                self._scopes.clear()
            self._scopes[key] = scope
        return scope, remaining

    def _scope(self, names: tuple[str, ...], event_id: str | None) -> Scope:
        docs = set(self.all_docs)
        labels: list[str] = []
        if names:
            found: set[str] = set()
            for name in names:
                found |= self._outlets[name][1]
            docs &= found
            labels.append(" and ".join(dict.fromkeys(self._outlets[name][0] for name in names)))
        if event_id is not None:
            docs &= self._events.get(event_id, frozenset())
            labels.append(self._labels.get(event_id, event_id))
        return Scope(tuple(sorted(docs)), " at ".join(labels))

    def _match_outlets(self, text: str) -> tuple[tuple[str, ...], str]:
        """The outlet names `text` matches (lower-cased, in order of first match), and `text` without them."""
        if self._outlet_pattern is None:
            return (), text
        names = tuple(dict.fromkeys(m.group(1).lower() for m in self._outlet_pattern.finditer(text)))
        if not names:
            return (), text
        return names, self._outlet_pattern.sub(" ", text)

    def _match_event(self, text: str) -> tuple[str | None, str]:
        matched: set[str] = set()
        if self._keyword_pattern is not None:
            matched.update(self._keywords[m.group(1).lower()] for m in self._keyword_pattern.finditer(text))
            text = self._keyword_pattern.sub(" ", text)
        named = bool(matched)
        by_year = {
            e
            for year in _YEAR.finditer(text)
            for start, end, e in self._years
            if start <= int(year.group(1)) <= end
        }
        if not named and by_year and not any(self._events.get(e) for e in by_year):
            # a year alone names an event only in coverage that has it: otherwise it dates something else
            # ("the 2016 election" in another summit's coverage), a word of the question
            return None, text
        matched |= by_year
        text = _YEAR.sub(" ", text)
        return (matched.pop() if len(matched) == 1 else None), text
