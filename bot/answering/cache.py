"""What /ask derives once per corpus index (its scope table, typo folds, the decision model ...), kept beside
the index without holding it alive. Each such value is a typed `PerIndex` owned by the module that uses it,
so nothing is looked up by a string key and the index itself holds no state of the layers above it."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from bot.search import CorpusIndex

__all__ = ["FACTS_LIMIT", "PerIndex"]

FACTS_LIMIT = 200_000  # per-sentence answers a cache keeps before it starts over (a long-running bot)

T = TypeVar("T")


class PerIndex(Generic[T]):
    """A value `build(index)` makes once per corpus index, on first use (thread-safe: answers run in a
    pool)."""

    def __init__(self, build: Callable[[CorpusIndex], T]) -> None:
        self._build = build
        self._values: weakref.WeakKeyDictionary[CorpusIndex, T] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def of(self, index: CorpusIndex) -> T:
        try:
            return self._values[index]  # built already: read without the lock (dict reads are atomic)
        except KeyError:
            pass
        with self._lock:
            if index not in self._values:
                self._values[index] = self._build(index)
            return self._values[index]
