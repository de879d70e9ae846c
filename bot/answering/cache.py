"""What /ask derives once per corpus index (its scope table, typo folds, the decision model), kept beside
the index without holding it alive."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar, cast

from bot.search import CorpusIndex

__all__ = ["per_index"]

T = TypeVar("T")

_TABLES: weakref.WeakKeyDictionary[CorpusIndex, dict[str, Any]] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def per_index(index: CorpusIndex, key: str, build: Callable[[], T]) -> T:
    """The value `build()` made for this index under `key`, built on first use (thread-safe)."""
    table = _TABLES.get(index)
    if table is not None and key in table:  # built already: read without the lock (dict reads are atomic)
        return cast(T, table[key])
    with _LOCK:
        table = _TABLES.get(index)
        if table is None:
            table = _TABLES[index] = {}
        if key not in table:
            table[key] = build()
        return cast(T, table[key])
