"""The index build's statements as arrays: what a worker sends and the parent groups, not a million objects.

A worker appends each sentence's `Statement` (bot/facts/builder.py); the table keeps its words as numbers
(`ChunkIds`: the chunk's distinct words in order of first use, int32 numbers), its document, outlet and
event as runs (an article's statements share them), and only the statements with figures whole (one in
ten or so: the figures' tests read them). So a chunk crosses the pipe as a few arrays instead of tens of
thousands of pickled statements, which the parent spent about 20-40 µs a statement unpickling while the
workers read. `extend` joins a worker's table after this one, renumbering its words into the corpus's
numbering in order of first use (`TokenIds`): the numbering `bot.facts.grouping._postings` gives the
statements' words, so the grouping reads it as it is. Read as a sequence, the table gives back statements
equal to those appended (tested).
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np
import numpy.typing as npt

from bot.facts.statements import Measured, Statement
from bot.retrieval.token_ids import ChunkIds, TokenIds

__all__ = ["StatementTable"]

IntArray = npt.NDArray[np.int64]


@dataclass(slots=True)
class _Runs:
    """Consecutive statements of one document, outlet and event: each run's values and its end."""

    docs: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    events: list[str | None] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def add(self, doc: str, outlet: str, event: str | None) -> None:
        if self.ends and self.docs[-1] == doc and self.outlets[-1] == outlet and self.events[-1] == event:
            self.ends[-1] += 1
            return
        self.docs.append(doc)
        self.outlets.append(outlet)
        self.events.append(event)
        self.ends.append(self.ends[-1] + 1 if self.ends else 1)

    def extend(self, other: _Runs) -> None:
        base = self.ends[-1] if self.ends else 0
        self.docs.extend(other.docs)
        self.outlets.extend(other.outlets)
        self.events.extend(other.events)
        self.ends.extend(end + base for end in other.ends)

    def at(self, position: int) -> int:
        """The run holding `position`."""
        return bisect.bisect_right(self.ends, position)

    def lengths(self) -> IntArray:
        ends = np.asarray([0, *self.ends], dtype=np.int64)
        return ends[1:] - ends[:-1]


@dataclass(slots=True)
class StatementTable(Sequence[Statement]):
    """Statements in order (see the module docstring): appended one by one in a worker, joined chunk by
    chunk in the parent, read as a sequence or as the grouping's arrays."""

    _chunk: ChunkIds = field(default_factory=ChunkIds)  # words of statements appended here
    _numbered: TokenIds = field(default_factory=TokenIds)  # words of the chunks joined (corpus numbering)
    _runs: _Runs = field(default_factory=_Runs)
    _figured: dict[int, Statement] = field(default_factory=dict)  # the statements with figures, whole
    _flat: tuple[list[str], IntArray, IntArray] | None = None  # words, numbers, starts: read back

    def append(self, statement: Statement) -> None:
        """The next statement."""
        if statement.figures:
            self._figured[len(self)] = statement
        self.append_plain(statement.doc, statement.outlet, statement.event, statement.terms)

    def append_plain(self, doc: str, outlet: str, event: str | None, terms: Collection[str]) -> None:
        """The next statement when it has no comparable figure (most): `append(Statement(doc, outlet, event,
        tuple(terms), ()))`, without making the statement (its words numbered in the same order)."""
        self._chunk.add(list(terms))
        self._runs.add(doc, outlet, event)
        self._flat = None

    def extend(self, other: StatementTable) -> None:
        """`other`'s statements after these."""
        self._join()
        if other._numbered.is_empty():  # a worker's table: its chunk renumbered here at once (numbered
            self._numbered.add(other._chunk)  # on its own first, each word was looked up twice)
        else:
            other._join()
            self._numbered.join(other._numbered)
        base = len(self)
        self._figured.update((base + p, s) for p, s in other._figured.items())
        self._runs.extend(other._runs)
        self._flat = None

    def _join(self) -> None:
        """The statements appended here numbered as the joined ones are."""
        if self._chunk.lengths:
            self._numbered.add(self._chunk)
            self._chunk = ChunkIds()

    def __len__(self) -> int:
        return self._runs.ends[-1] if self._runs.ends else 0

    @overload
    def __getitem__(self, index: int) -> Statement: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Statement]: ...
    def __getitem__(self, index: int | slice) -> Statement | Sequence[Statement]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("no statement at that position")
        whole = self._figured.get(index)
        if whole is not None:
            return whole
        words, ids, starts = self.flat()
        run = self._runs.at(index)
        terms = tuple(words[w] for w in ids[starts[index] : starts[index + 1]].tolist())
        return Statement(self._runs.docs[run], self._runs.outlets[run], self._runs.events[run], terms, ())

    def __iter__(self) -> Iterator[Statement]:
        return (self[i] for i in range(len(self)))

    def flat(self) -> tuple[list[str], IntArray, IntArray]:
        """The distinct words in order of first use, every statement's word numbers end to end, and
        where each statement's start (one more than there are statements)."""
        if self._flat is None:
            self._join()
            words, ids, lengths = self._numbered.arrays()
            starts = np.zeros(len(lengths) + 1, dtype=np.int64)
            np.cumsum(lengths, out=starts[1:])
            self._flat = (words, ids, starts)
        return self._flat

    def vocabulary(self) -> dict[str, int]:
        """Each distinct word's number (in order of first use)."""
        self._join()
        return self._numbered.words

    def column(self, name: str) -> tuple[list[str], IntArray]:
        """A column ('doc' or 'outlet') as its distinct values in order of first use and each statement's
        number among them."""
        values: list[str] = getattr(self._runs, name + "s")
        seen: dict[str, int] = {}
        codes = np.fromiter((seen.setdefault(v, len(seen)) for v in values), np.int64, len(values))
        return list(seen), np.repeat(codes, self._runs.lengths())

    def has_figures(self, position: int) -> bool:
        """Whether the statement at `position` has figures."""
        return position in self._figured

    def known(self) -> Iterator[tuple[int, str | None, tuple[Measured, ...]]]:
        """(position, event, figures whose subject is known) of each statement with such figures, in order."""
        for position in sorted(self._figured):
            statement = self._figured[position]
            if statement.known:
                yield position, statement.event, statement.known
