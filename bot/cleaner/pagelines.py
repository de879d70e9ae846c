"""A laid-out page as the metadata finders read it, and a found value with the text it came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.cleaner.cues import wire_dateline
from bot.cleaner.headline import LIST_MARK
from bot.cleaner.layout import Decision
from bot.cleaner.lines import Line
from bot.cleaner.outlets import OutletTable
from bot.config import CleanerConfig

__all__ = ["Found", "PageLines"]


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value and the raw text it was read from."""

    value: str
    evidence: str


@dataclass(frozen=True, slots=True)
class PageLines:
    """A laid-out page: its lines with their decisions, the whole page text and the URL it came from."""

    lines: Sequence[Line]
    decisions: Sequence[Decision]
    raw: str
    url: str | None
    table: OutletTable
    settings: CleanerConfig

    def pairs(self) -> Iterator[tuple[Line, Decision]]:
        return zip(self.lines, self.decisions, strict=True)

    def of_kind(self, kind: str) -> list[Line]:
        return [line for line, d in self.pairs() if d.kind == kind]

    def dropped_as(self, reason: str) -> list[Line]:
        return [line for line, d in self.pairs() if d.reason == reason]

    def first_body(self) -> str:
        """The paragraph that opens the story: the first of the first three with a wire dateline, else
        the first (a standfirst may come before the datelined lede; a summary's points never open it)."""
        # the points of a bulleted summary under the headline come before the story, never open it
        body = [line.text for line in self.of_kind("body") if not LIST_MARK.match(line.text)]
        body = body[: self.settings.dateline_paragraphs]
        return next((text for text in body if wire_dateline(text)), body[0] if body else "")
