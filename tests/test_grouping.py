"""The same-statement pairs: the C search (bot/facts/_pairs.c) finds exactly the Python path's pairs."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from bot.config import Config, FactsConfig
from bot.evaluation.corpora import read_pages
from bot.facts.builder import _Reader
from bot.facts.grouping import HAVE_KERNEL, group_statements, statement_pairs
from bot.facts.statements import Measured, Statement
from bot.service import CoverageService
from bot.tokenizer import Tokenizer

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def test_the_kernel_is_built() -> None:
    assert HAVE_KERNEL, "bot/facts/_pairs.c is not built: run `pip install -e .`"


@pytest.fixture(scope="module")
def corpus_statements(service: CoverageService, config: Config) -> tuple[list[Statement], list[Statement]]:
    """Every sentence's and every quotation's statement of the seed corpus and every fixture page."""
    folders = sorted(p for p in PAGES.iterdir() if p.is_dir())
    articles = (*service.articles, *read_pages(config, folders))
    tokenizer = Tokenizer(config.entities, config.synonyms)
    part = _Reader(articles, config, tokenizer, keep_tokens=False).read(range(len(articles)))
    return part.statements, [statement for _, _, statement in part.quotes]


def _random_statements(seed: int, n: int) -> list[Statement]:
    """Statements over a small vocabulary (many shared words: long candidate lists, ties, truncation),
    a few documents per outlet, some with figures that conflict."""
    rng = random.Random(seed)
    words = [f"w{k}" for k in range(60)]
    out = []
    for i in range(n):
        terms = frozenset(rng.sample(words, rng.choice((0, 1, 3, 5, 8, 12, 20))))
        figures = (Measured("duration:meet", rng.choice((60.0, 90.0, 95.0)), ""),) if i % 7 == 0 else ()
        doc = rng.randrange(n // 4 + 1)
        out.append(Statement.of(f"d{doc}", f"o{doc % 9}", rng.choice(("e1", "e2", None)), terms, figures))
    return out


SETTINGS = (
    FactsConfig(),
    FactsConfig(max_candidates=1, min_shared_rare=1, rarest_terms=3),
    FactsConfig(max_candidates=3, max_postings=10, same_dice=0.3, same_contained=0.5, min_contained=2),
    FactsConfig(rarest_terms=64, min_shared_rare=5, max_candidates=7, same_dice=0.9),
)


@pytest.mark.parametrize("facts", SETTINGS)
def test_the_kernel_finds_the_python_pairs(
    corpus_statements: tuple[list[Statement], list[Statement]], facts: FactsConfig
) -> None:
    sentences, quotes = corpus_statements
    generated = _random_statements(1, 3000)
    keys = [f"k{n % 3}" for n in range(len(quotes))]
    cases = (
        (sentences, None),
        (quotes, keys),
        (generated, None),
        (generated, [f"k{n % 2}" for n in range(3000)]),
    )
    found = 0
    for statements, keyed in cases:
        both = [
            statement_pairs(statements, facts, keys=keyed, chunk=700, kernel=kernel)
            for kernel in (True, False)
        ]
        assert both[0] == both[1]
        found += sum(len(chunk) for chunk in both[0])
    assert found > 200  # the comparison covers many pairs


def test_groups_join_same_statements_and_keep_conflicting_figures_apart(config: Config) -> None:
    said = frozenset({"putin", "obama", "met", "talk", "syria", "ukrain"})
    statements = [
        Statement.of("a", "A", "e", said, (Measured("duration:meet", 90.0, ""),)),
        Statement.of("b", "B", "e", said, (Measured("duration:meet", 90.0, ""),)),
        Statement.of("c", "C", "e", said, (Measured("duration:meet", 60.0, ""),)),
        Statement.of("c", "C", "e", frozenset({"other", "words"}), ()),
        Statement.of("d", "A", "e", said, ()),  # the first's outlet: joined through the second only
    ]
    facts = dataclasses.replace(config.facts, min_shared_rare=2)
    groups = group_statements(statements, facts)
    assert groups[0] == groups[1] != groups[2]
    assert groups[3] not in (groups[0], groups[2]) and groups[4] == groups[0]
    assert (0, 4) not in [pair for chunk in statement_pairs(statements, facts) for pair in chunk]


def test_words_are_ranked_rarest_first_then_by_the_word() -> None:
    from bot.facts.grouping import _postings

    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(40)] + ["é", "Z", "a"]
    statements = [
        Statement.of(str(n), "o", None, frozenset(rng.sample(vocabulary, rng.randint(0, 6))), ())
        for n in range(300)
    ]
    postings = _postings(statements)
    numbered = list(dict.fromkeys(t for s in statements for t in s.terms))  # numbered by first use
    used = {t: sum(t in s.terms for s in statements) for t in numbered}
    expected = sorted(numbered, key=lambda t: (used[t], t))
    assert [numbered[w] for w in sorted(range(len(numbered)), key=lambda w: postings.rank[w])] == expected
