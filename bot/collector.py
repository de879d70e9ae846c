"""The garbage collector's young-generation threshold, for processes that make many short-lived objects.

Nearly every container an answer or an index-build job makes (discord.py's and aiohttp's objects, a
sentence's lists, tuples and sets) is freed by reference counting before a collection would look at it,
so Python's 700 allocations between two young collections cost time for nothing: the bot's process
collected 35-37 times during 200 /ask at once (10-18 ms of its 150-270 ms CPU; once at 10,000, 1.3-1.5 ms,
`python -m bench.discord_burst`), and each index-build reader about 470 times at 200,000 sentences (0.6 s
of 13-15 s; 0.18 s at 10,000 with the parent's heap frozen, bench/README.md, build16).
"""

from __future__ import annotations

import gc

__all__ = ["YOUNG_THRESHOLD", "fewer_collections"]

# objects allocated (less those freed) between two collections of the youngest generation
YOUNG_THRESHOLD = 10_000


def fewer_collections() -> None:
    """Collect the youngest generation after YOUNG_THRESHOLD allocations instead of Python's 700; the
    older generations keep their thresholds. Process-wide: call it from an entry point (the runner, a
    worker's initializer), never from library code."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
