"""The build's statement table (bot/facts/statement_table.py) gives back the statements appended to it, and
the grouping and the disagreements read from it what they read from the statements themselves."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest

from bot.config import FactsConfig
from bot.facts.builder import _disagreements
from bot.facts.grouping import _codes, _postings, group_statements, statement_pairs
from bot.facts.statement_table import StatementTable
from bot.facts.statements import Measured, Statement, values_differ


def _statements(seed: int, n: int) -> list[Statement]:
    """Runs of statements per document (as articles give them), a few outlets and events, words from a
    small vocabulary (some statements without any), a share with figures (some of unknown subject)."""
    rng = random.Random(seed)
    words = [f"w{k}" for k in range(80)] + ["é", "Z"]
    out: list[Statement] = []
    doc = 0
    while len(out) < n:
        doc += 1
        outlet, event = f"o{rng.randrange(7)}", rng.choice(("e1", "e2", None))
        for _ in range(rng.randint(1, 12)):
            terms = frozenset(rng.sample(words, rng.choice((0, 2, 5, 9, 14))))
            figures: tuple[Measured, ...] = ()
            if rng.random() < 0.2:
                key = rng.choice(("duration:meet", "duration:?", "money:aid"))
                figures = (Measured(key, rng.choice((60.0, 90.0, 95.0, 200.0)), rng.choice(("", "min"))),)
            out.append(Statement.of(f"d{doc}", outlet, event, terms, figures))
    return out[:n]


def _table(statements: list[Statement], chunk: int) -> StatementTable:
    """The statements appended in chunks, each sent through a pipe as a worker's is, then joined."""
    whole = StatementTable()
    for lo in range(0, len(statements), chunk):
        part = StatementTable()
        for statement in statements[lo : lo + chunk]:
            part.append(statement)
        whole.extend(pickle.loads(pickle.dumps(part)))
    return whole


def test_tables_joined_in_stages_number_as_one_join() -> None:
    statements = _statements(7, 1500)
    once = _table(statements, 100)
    first, second = _table(statements[:700], 100), _table(statements[700:], 100)
    first.extend(second)  # a joined table after a joined one, then a worker's after both
    tail = StatementTable()
    for statement in _statements(8, 300):
        tail.append(statement)
        once.append(statement)
    first.extend(tail)
    assert list(first) == list(once)
    words, ids, starts = first.flat()
    expected = once.flat()
    assert words == expected[0] and np.array_equal(ids, expected[1]) and np.array_equal(starts, expected[2])


def test_a_statement_without_figures_appended_plain_is_the_same_table() -> None:
    statements = _statements(5, 2000)
    words_of = [frozenset(s.terms) for s in statements]  # what the build holds: a set, in its own order
    whole, plain = StatementTable(), StatementTable()
    for statement, terms in zip(statements, words_of, strict=True):
        doc, outlet, event = statement.doc, statement.outlet, statement.event
        whole.append(Statement.of(doc, outlet, event, terms, statement.figures))
        if statement.figures:
            plain.append(Statement.of(doc, outlet, event, terms, statement.figures))
        else:
            plain.append_plain(doc, outlet, event, terms)
    assert list(plain) == list(whole)
    assert [plain.has_figures(i) for i in range(len(plain))] == [bool(s.figures) for s in statements]
    words, ids, starts = plain.flat()
    expected = whole.flat()
    assert words == expected[0] and np.array_equal(ids, expected[1]) and np.array_equal(starts, expected[2])
    assert plain.vocabulary() == whole.vocabulary()
    assert plain.column("outlet")[0] == whole.column("outlet")[0]


def _disagreeing(
    statements: list[Statement], article_of: list[int], facts: FactsConfig
) -> dict[int, set[int]]:
    """Every other article and outlet's statement of the same event with a known figure of the same thing
    that differs (pair by pair: the definition the grouped search must equal when nothing is capped)."""
    found: dict[int, set[int]] = {}
    for p, mine in enumerate(statements):
        for q, theirs in enumerate(statements):
            if article_of[q] == article_of[p] or theirs.outlet == mine.outlet or theirs.event != mine.event:
                continue
            if any(a.key == b.key and values_differ(a, b, facts) for a in mine.known for b in theirs.known):
                found.setdefault(p, set()).add(q)
    return found


@pytest.mark.parametrize("chunk", [1, 7, 500, 5000])
def test_the_table_gives_back_its_statements(chunk: int) -> None:
    statements = _statements(3, 2000)
    table = _table(statements, chunk)
    assert len(table) == len(statements)
    assert list(table) == statements
    assert table[-1] == statements[-1] and table[5:9] == statements[5:9]
    with pytest.raises(IndexError):
        table[len(statements)]
    assert [table.has_figures(i) for i in range(len(table))] == [bool(s.figures) for s in statements]


def test_the_grouping_reads_the_table_as_the_statements() -> None:
    statements = _statements(4, 3000)
    table = _table(statements, 400)
    for mine, theirs in zip(_postings(table), _postings(statements), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    for mine, theirs in zip(_codes(table, None), _codes(statements, None), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    facts = FactsConfig(min_shared_rare=1, rarest_terms=4)
    pairs = statement_pairs(statements, facts, chunk=600)
    assert sum(map(len, pairs)) > 100
    assert statement_pairs(table, facts, chunk=600) == pairs
    assert statement_pairs(table, facts, chunk=600, kernel=False) == pairs
    assert group_statements(table, facts) == group_statements(statements, facts)


def test_disagreements_read_from_the_table_are_every_differing_figure() -> None:
    statements = _statements(5, 1500)
    article_of = [int(s.doc[1:]) for s in statements]
    expected = _disagreeing(statements, article_of, FactsConfig(max_disagreeing=1000))
    assert len(expected) > 50
    table = _table(statements, 300)
    found = _disagreements(table, article_of, FactsConfig(max_disagreeing=1000))
    assert found == {p: tuple(sorted(q)) for p, q in expected.items()}
    capped = _disagreements(table, article_of, FactsConfig(max_disagreeing=2))
    assert capped.keys() == found.keys()
    assert all(len(q) == min(2, len(found[p])) and set(q) <= set(found[p]) for p, q in capped.items())
