"""Same-statement groups: the candidate pairs found by shared rare words, tested, then joined in order.

A statement's candidates are the later statements sharing `min_shared_rare` of its `rarest_terms` rarest
words (words used by more than `max_postings` statements are not searched), the `max_candidates` sharing
most; a candidate of another document and outlet (and the same key) that bot.facts.statements'
`same_statement` accepts is a pair. The pairs are found in forked processes over chunks of statements
(`build.chunk_statements`) and joined here in order, so the groups do not depend on the number of
processes. The search runs in C when the extension (bot/facts/_pairs.c) is built, else in numpy and
Python: the same pairs (tested), found several times faster.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from itertools import chain
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from bot.config import FactsConfig
from bot.facts.statement_table import StatementTable
from bot.facts.statements import Statement, conflict, same_statement
from bot.forkpool import chunks, fork_map

__all__ = ["HAVE_KERNEL", "group_statements", "statement_pairs"]

log = logging.getLogger(__name__)

try:  # built by `pip install -e .` (optional: without a compiler the Python path serves)
    from bot.facts import _pairs  # type: ignore[attr-defined,unused-ignore]

    HAVE_KERNEL = True
except ImportError:  # pragma: no cover - depends on the install
    _pairs = None
    HAVE_KERNEL = False

try:  # each word's statements by a counting sort (bot/_wordscan_build.c), optional in the same way
    from bot._wordscan import postings as _POSTINGS  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    _POSTINGS = None

IntArray = npt.NDArray[np.int64]


def group_statements(
    statements: Sequence[Statement],
    config: FactsConfig,
    *,
    keys: Sequence[str] | None = None,
    workers: int = 1,
    chunk: int = 10_000,
) -> list[int]:
    """A group number for each statement: same statements across articles (and outlets) share it.

    Candidates share `min_shared_rare` of a statement's rarest words (the `max_candidates` sharing most
    are tested); `keys` (a speaker, say) must also be equal. Groups are transitive but never join two
    statements whose figures conflict."""
    parent = list(range(len(statements)))
    members: dict[int, list[int]] = {}  # a group's members, by its root; a root alone is not in it
    figured = _figured(statements)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pairs in statement_pairs(statements, config, keys=keys, workers=workers, chunk=chunk):
        for i, j in pairs:
            ri, rj = find(i), find(j)
            if ri == rj:
                continue
            mine, theirs = members.get(ri, [ri]), members.get(rj, [rj])
            # only statements with figures can conflict (`conflict`: any of one's figures against the other's)
            with_mine = [x for x in mine if figured(x)]
            with_theirs = [y for y in theirs if figured(y)] if with_mine else []
            if any(
                conflict(statements[x], statements[y], config, strict=True)
                for x in with_mine
                for y in with_theirs
            ):
                continue
            parent[rj] = ri
            members[ri] = mine + theirs
            members.pop(rj, None)
    return [find(i) for i in range(len(statements))]


def statement_pairs(
    statements: Sequence[Statement],
    config: FactsConfig,
    *,
    keys: Sequence[str] | None = None,
    workers: int = 1,
    chunk: int = 10_000,
    kernel: bool = True,
) -> list[list[tuple[int, int]]]:
    """Every pair (i, j), i < j, of statements that make the same statement, by chunk of i, in order;
    `kernel=False` takes the Python path even when the C one is built."""
    started = time.perf_counter()
    state = _Pairs(statements, _postings(statements), config, _codes(statements, keys))
    log.debug("facts: postings of %d statements in %.1f s", len(statements), time.perf_counter() - started)
    find = _kernel_pairs if kernel and HAVE_KERNEL else _python_pairs
    return list(fork_map(find, state, chunks(len(statements), chunk, workers=workers), workers))


class _Postings(NamedTuple):
    """Statement i's word ids are terms[ptr[i]:ptr[i + 1]]; word w's statements (ascending) are
    ids[bounds[w]:bounds[w + 1]]; rank[w] is w's place in the order (statements using it, word)."""

    ptr: IntArray
    terms: IntArray
    bounds: IntArray
    ids: IntArray
    rank: IntArray


class _Pairs(NamedTuple):
    statements: Sequence[Statement]
    postings: _Postings
    config: FactsConfig
    codes: tuple[IntArray, IntArray, IntArray]  # each statement's document, outlet and key, as numbers


def _figured(statements: Sequence[Statement]) -> Callable[[int], bool]:
    """Whether the statement at a position has figures (a table answers without making the statement)."""
    if isinstance(statements, StatementTable):
        return statements.has_figures
    return lambda i: bool(statements[i].figures)


def _numbered_terms(statements: Sequence[Statement]) -> tuple[dict[str, int], IntArray, IntArray]:
    """Every distinct word's number (in order of first use), every statement's word numbers end to end,
    and each statement's number of words (a table holds them so numbered: bot/facts/statement_table.py)."""
    if isinstance(statements, StatementTable):
        _, terms, starts = statements.flat()
        return statements.vocabulary(), terms, np.diff(starts)
    flat = list(chain.from_iterable(s.terms for s in statements))
    vocabulary = {t: k for k, t in enumerate(dict.fromkeys(flat))}  # numbered in order of first use
    terms = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    sizes = np.fromiter(map(len, (s.terms for s in statements)), dtype=np.int64, count=len(statements))
    return vocabulary, terms, sizes


def _postings(statements: Sequence[Statement]) -> _Postings:
    """The words of every statement and the statements of every word, as arrays (a list of Python ints
    per word took about 36 bytes a posting, half a gigabyte at a million sentences)."""
    vocabulary, terms, sizes = _numbered_terms(statements)
    ptr = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    bounds, ids = _word_statements(ptr, terms, len(vocabulary))
    counts = np.diff(bounds)
    # Rarest first, then by the word: a total order. The words sorted by themselves, then stably by use.
    by_word = np.fromiter(map(vocabulary.__getitem__, sorted(vocabulary)), np.int64, len(vocabulary))
    rank = np.empty(len(vocabulary), dtype=np.int64)
    rank[by_word[np.argsort(counts[by_word], kind="stable")]] = np.arange(len(vocabulary), dtype=np.int64)
    return _Postings(ptr, terms, bounds, ids, rank)


def _word_statements(
    ptr: IntArray, terms: IntArray, words: int, *, kernel: bool = True
) -> tuple[IntArray, IntArray]:
    """Each word's statements, ascending, as `_Postings.bounds` and `.ids` (statement i's word ids are
    terms[ptr[i]:ptr[i + 1]], every one below `words`): by a counting sort in C when the extension is
    built (bot/_wordscan_build.c; one pass: at a million sentences about two seconds less of the build's
    serial tail), else by
    the stable argsort below, which defines it (the same arrays, tested)."""
    if kernel and _POSTINGS is not None:
        bounds, ids = np.empty(words + 1, dtype=np.int64), np.empty(len(terms), dtype=np.int64)
        _POSTINGS(np.ascontiguousarray(ptr, np.int64), np.ascontiguousarray(terms, np.int64), bounds, ids)
        return bounds, ids
    order = np.argsort(terms, kind="stable")  # by word, each word's statements still in order
    ids = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64), np.diff(ptr))[order]
    counts = np.bincount(terms, minlength=words)
    return np.concatenate([[0], np.cumsum(counts)]).astype(np.int64), ids


def _codes(
    statements: Sequence[Statement], keys: Sequence[str] | None
) -> tuple[IntArray, IntArray, IntArray]:
    def numbered(values: Sequence[str]) -> IntArray:
        seen: dict[str, int] = {}
        return np.fromiter((seen.setdefault(v, len(seen)) for v in values), dtype=np.int64, count=len(values))

    no_keys = np.zeros(0, dtype=np.int64)
    if isinstance(statements, StatementTable):  # the same numbers, from the table's runs
        doc, outlet = statements.column("doc")[1], statements.column("outlet")[1]
    else:
        doc, outlet = numbered([s.doc for s in statements]), numbered([s.outlet for s in statements])
    return doc, outlet, no_keys if keys is None else numbered(keys)


def _kernel_pairs(state: _Pairs, job: range) -> list[tuple[int, int]]:
    """`_python_pairs` in C: the candidates and their word test there, the figures' conflicts here."""
    assert _pairs is not None
    p, config, (doc, outlet, key) = state.postings, state.config, state.codes
    found = _pairs.pairs(
        job.start,
        job.stop,
        p.ptr,
        p.terms,
        p.rank,
        p.bounds,
        p.ids,
        doc,
        outlet,
        key,
        config.rarest_terms,
        config.max_postings,
        config.min_shared_rare,
        config.max_candidates,
        config.same_dice,
        config.same_contained,
        config.min_contained,
    )
    flat = np.frombuffer(found, dtype=np.int64).tolist()
    statements, figured = state.statements, _figured(state.statements)
    return [
        (i, j)
        for i, j in zip(flat[0::2], flat[1::2], strict=True)
        if not (figured(i) and figured(j)) or not conflict(statements[i], statements[j], config, strict=True)
    ]


def _python_pairs(state: _Pairs, job: range) -> list[tuple[int, int]]:
    """(i, j), i in `job` and j > i, for every candidate pair of other outlets (and equal keys) that
    makes the same statement, in order."""
    statements, config = state.statements, state.config
    keys = state.codes[2] if len(state.codes[2]) else None
    pairs = []
    for i in job:
        statement = statements[i]
        terms = frozenset(statement.terms)
        for j in _candidates(i, state.postings, config):
            other = statements[j]
            if other.doc == statement.doc or other.outlet == statement.outlet:
                continue
            if keys is not None and keys[i] != keys[j]:
                continue
            if same_statement(statement, other, config, terms):
                pairs.append((i, j))
    return pairs


def _candidates(i: int, p: _Postings, config: FactsConfig) -> list[int]:
    """Later statements sharing `min_shared_rare` of statement i's rarest words, those sharing most first
    (at most `max_candidates`), in order."""
    mine = p.terms[p.ptr[i] : p.ptr[i + 1]]
    rarest = mine[np.argsort(p.rank[mine])][: config.rarest_terms].tolist()
    lists = [p.ids[p.bounds[w] : p.bounds[w + 1]] for w in rarest]
    lists = [ids for ids in lists if len(ids) <= config.max_postings]
    if not lists:
        return []
    found = np.concatenate(lists)
    ids, counts = np.unique(found[found > i], return_counts=True)
    need = min(len(rarest), config.min_shared_rare)  # one rare word in common is no duplicate
    keep = counts >= need
    ids, counts = ids[keep], counts[keep]
    if len(ids) > config.max_candidates:
        ids = ids[np.argsort(-counts, kind="stable")[: config.max_candidates]]
    return sorted(int(j) for j in ids)
