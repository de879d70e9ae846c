"""A print page's headline and deck wrapped over lines and joined as one paragraph: "Obama, Putin agree
on little" / "but keep channels open" / "Russian and US leaders meet for first" / "time in a year, ...".

The unwrapper joins a wrapped headline's lines (a line runs on into words in lower case) and, with them,
the deck under it. The headline is the joined lines up to the first that opens with a capital letter,
when the rest reads as a standfirst under it (longer, in lower case: `standfirst.is_standfirst`); the deck
is chrome with the line (read by `article` for the title).
"""

from __future__ import annotations

from bot.cleaner.lines import Line
from bot.cleaner.standfirst import is_standfirst
from bot.config import CleanerConfig

__all__ = ["without_deck"]


def without_deck(line: Line | None, title: str, settings: CleanerConfig) -> str:
    """The title without a deck joined to it from the lines under it."""
    parts = [part.strip() for part in (line.parts if line is not None else ()) if part.strip()]
    if len(parts) < 2 or " ".join(parts) != title:  # noqa: PLR2004
        return title
    cut = next((n for n in range(1, len(parts)) if parts[n][:1].isupper() and parts[n - 1][-1:] != "-"), None)
    if cut is None:
        return title
    head, rest = " ".join(parts[:cut]), " ".join(parts[cut:])
    return head if is_standfirst(rest, head, settings) else title
