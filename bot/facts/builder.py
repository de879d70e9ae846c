"""Building a corpus's facts: the work of each article, then the corpus-wide groups and disagreements.

Each article's sentences are read on their own (speakers, quotations, figures, entities, the statement the
same-statement test compares), so that part runs in forked processes over chunks of articles
(bot/forkpool.py, `build.workers`) and comes back in article order. A sentence's facts are encoded there
(its group lives in the `group` array, not in its line); those holding quotations come back as their
lines' plain dicts, as their quotations' same-remark groups are known only once every article is read.
The groups and the disagreements then run here over all the statements, exactly as in one process: the
result does not depend on the number of processes (tested).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, cast

import numpy as np
import numpy.typing as npt

from bot.config import Config, FactsConfig
from bot.facts.figures import Figure, measure_stem, read_figures
from bot.facts.grouping import group_statements
from bot.facts.lexicon import UNKNOWN, SpeakerLexicon
from bot.facts.model import EMPTY_FACTS, QuoteFact, SentenceFacts, encode_data, encode_facts, facts_to_dict
from bot.facts.quotations import article_speech
from bot.facts.statement_table import StatementTable
from bot.facts.statements import Measured, Statement, figure_key, values_differ
from bot.facts.store import Arrays, index_arrays, line_arrays
from bot.forkpool import chunks, fork_map, frozen_heap, worker_count
from bot.models import Article
from bot.retrieval.token_ids import ChunkIds, TokenIds
from bot.sentence_terms import EncodedTerms
from bot.serving import ArticleTable
from bot.similarity import statement_terms, terms_and_entities
from bot.tokenizer import Tokenizer, entity_token

__all__ = ["build_arrays"]

log = logging.getLogger(__name__)


class _Part(NamedTuple):
    """What a chunk of articles gives; positions are the chunk's own (its first sentence is 0)."""

    counts: list[int]  # sentences per article
    lines: list[bytes | None]  # each sentence's encoded facts; None where it holds quotations
    # the sentences holding quotations, as `facts_to_dict` (plain lists: cheap through the pipe), their
    # quotations' groups not yet set
    quoted: list[tuple[int, dict[str, Any]]]
    statements: StatementTable  # each sentence's, as arrays (bot/facts/statement_table.py)
    quotes: list[tuple[int, str, Statement]]  # each quotation's sentence, speaker and statement
    tokens: ChunkIds  # each sentence's BM25 tokens, numbered, when kept
    terms: EncodedTerms  # each sentence's and headline's saved terms, when they are kept


class _Reader:
    """The per-article work, with what it needs (a forked worker inherits it whole)."""

    def __init__(
        self,
        articles: Sequence[Article],
        config: Config,
        tokenizer: Tokenizer,
        *,
        keep_tokens: bool,
        keep_terms: bool = False,
    ) -> None:
        self.articles = articles
        self.keep_tokens = keep_tokens
        self.keep_terms = keep_terms
        self.config = config
        self.tokenizer = tokenizer
        self.lexicon = SpeakerLexicon(config.entities, max_gap_words=config.facts.max_gap_words)
        self.names = {entity_token(e.name): e.name for e in config.entities}
        groups = config.facts.measured_alike
        self.measured = {word.lower(): measure_stem(group[0]) for group in groups for word in group}
        self.alike = {measure_stem(word): measure_stem(group[0]) for group in groups for word in group}

    def fold(self, stem: str) -> str:
        """One name for what figures measured alike are about ('talk' and 'meet': a meeting's length)."""
        return self.alike.get(stem) or self.tokenizer.synonym(stem) or stem

    def read(self, job: range) -> _Part:
        part = _Part([], [], [], StatementTable(), [], ChunkIds(), EncodedTerms())
        table = self.articles
        read = table.article_once if isinstance(table, ArticleTable) else table.__getitem__
        for a in job:
            self._article(read(a), part)
        part.terms.pack()  # compressed here, on every core
        return part

    def _article(self, article: Article, part: _Part) -> None:
        base = len(part.lines)
        speech = article_speech(article, self.lexicon, self.config.facts)
        held: dict[int, list[QuoteFact]] = {}
        for sentence_index, quote in speech.quotes:
            held.setdefault(sentence_index, []).append(quote)
            words = article.text[quote.start : quote.end]
            terms = statement_terms(self.tokenizer, words)
            statement = self._statement(article, terms, read_figures(words, self.measured))
            part.quotes.append((base + sentence_index, quote.speaker, statement))
        doc, outlet, event = _statement_key(article)  # every statement's
        for s, sentence in enumerate(article.sentences):
            if self.keep_terms:  # its tokens, terms and names: one pass over it
                tokens, saved = self.tokenizer.tokens_and_terms(sentence.text)
                part.terms.add(saved)
            else:
                tokens = self.tokenizer.tokenize(sentence.text)
            figures = read_figures(sentence.text, self.measured)
            terms, named = terms_and_entities(tokens)
            measured = self._measured(figures) if figures else ()
            if measured:
                part.statements.append(self._of(article, terms, measured))
            else:  # most sentences: no Statement made
                part.statements.append_plain(doc, outlet, event, terms)
            if self.keep_tokens:
                part.tokens.add(tokens)
            entities = tuple(dict.fromkeys(self.names[t] for t in named if t in self.names)) if named else ()
            speakers, quotations = speech.speakers[s], held.get(s)
            if not (speakers or quotations or figures or entities):  # most sentences: nothing to encode
                part.lines.append(EMPTY_FACTS)
                continue
            facts = SentenceFacts(
                speakers=speakers,
                speaker_evidence=speech.evidence[s],
                speaker_carried=bool(speakers) and speech.carried[s],
                quotations=tuple(quotations or ()),
                figures=tuple(figures),
                entities=entities,
            )
            if quotations:
                part.quoted.append((base + s, facts_to_dict(facts)))
            part.lines.append(None if quotations else encode_facts(facts))
        part.counts.append(len(article.sentences))
        if self.keep_terms:
            part.terms.add_title(self.tokenizer.names_and_words(article.title) if article.title else ())

    def _statement(self, article: Article, terms: frozenset[str], figures: Sequence[Figure]) -> Statement:
        return self._of(article, terms, self._measured(figures) if figures else ())  # most have no figures

    def _measured(self, figures: Sequence[Figure]) -> tuple[Measured, ...]:
        """The comparable ones of a statement's figures."""
        return tuple(
            Measured(key, f.value, f.bound) for f in figures if (key := figure_key(f, self.fold)) is not None
        )

    @staticmethod
    def _of(article: Article, terms: frozenset[str], measured: tuple[Measured, ...]) -> Statement:
        return Statement.of(*_statement_key(article), terms, measured)


def _statement_key(article: Article) -> tuple[str, str, str | None]:
    """A statement's article, outlet (the article's id when it names none) and event."""
    return article.id, article.outlet or article.id, article.event


def _read_chunk(reader: _Reader, job: range) -> _Part:
    return reader.read(job)


def build_arrays(
    articles: Sequence[Article],
    config: Config,
    tokenizer: Tokenizer,
    tokens: TokenIds | None = None,
    terms: EncodedTerms | None = None,
    *,
    after_read: Callable[[], object] | None = None,
    after_groups: Callable[[], object] | None = None,
) -> Arrays:
    """Every array of bot.facts.store for `articles` (see the module docstring); every sentence's
    `Tokenizer.tokenize` tokens are added to `tokens` if given (the BM25 index is built from them),
    and its and every headline's `Tokenizer.names_and_words` to `terms` (saved for answers);
    `after_read()` is called once they are all there, before the groups, and `after_groups()` once the
    statements are grouped (the build's last fork done), before the disagreements."""
    workers = worker_count(config.build.workers)
    jobs = chunks(len(articles), config.build.chunk_articles, workers=workers)
    whole = _Part([], [], [], StatementTable(), [], ChunkIds(), EncodedTerms())
    keep_terms = terms is not None
    reader = _Reader(articles, config, tokenizer, keep_tokens=tokens is not None, keep_terms=keep_terms)
    started = time.perf_counter()
    for part in fork_map(_read_chunk, reader, jobs, workers):
        if tokens is not None:
            tokens.add(part.tokens)
        if terms is not None:
            terms.extend(part.terms)
        base = len(whole.lines)
        whole.counts.extend(part.counts)
        whole.lines.extend(part.lines)
        whole.statements.extend(part.statements)
        whole.quoted.extend((base + p, facts) for p, facts in part.quoted)
        whole.quotes.extend((base + p, speaker, statement) for p, speaker, statement in part.quotes)
    article_of = np.repeat(np.arange(len(whole.counts), dtype=np.int32), whole.counts)
    log.info("facts: %d articles read in %.1f s (%d processes)", len(articles), _since(started), workers)
    if after_read is not None:
        after_read()
    with frozen_heap():  # what was read lives to the end: the collections of what follows skip it
        return _grouped(whole, article_of, config, workers, after_groups)


def _grouped(
    whole: _Part,
    article_of: npt.NDArray[np.int32],
    config: Config,
    workers: int,
    after_groups: Callable[[], object] | None,
) -> Arrays:
    """`build_arrays`' arrays once every article is read: the quotations' groups, the same statements'
    groups, the disagreements."""
    started = time.perf_counter()
    for position, data in _quote_groups(whole.quoted, whole.quotes, config.facts):
        whole.lines[position] = encode_data(data)
    groups = group_statements(
        whole.statements, config.facts, workers=workers, chunk=config.build.chunk_statements
    )
    log.info("facts: same statements grouped in %.1f s", _since(started))
    if after_groups is not None:
        after_groups()
    started = time.perf_counter()
    disagree = _disagreements(whole.statements, article_of.tolist(), config.facts)
    log.info("facts: disagreements found in %.1f s", _since(started))
    quoted = [p for p, _ in whole.quoted]
    assert all(line is not None for line in whole.lines), "a sentence's facts were not encoded"
    lines = cast(list[bytes], whole.lines)
    return {**index_arrays(groups, article_of.tolist(), quoted, disagree), **line_arrays(lines)}


def _since(started: float) -> float:
    return time.perf_counter() - started


def _quote_groups(
    quoted: list[tuple[int, dict[str, Any]]],
    quotes: list[tuple[int, str, Statement]],
    config: FactsConfig,
) -> list[tuple[int, dict[str, Any]]]:
    """The sentences holding quotations, their quotations grouped by remark: one speaker, the same
    statement (an unknown speaker stays alone). Each group is set in its quotation's row of the
    sentence's `facts_to_dict` form (`quotes` lists a sentence's quotations in its rows' order)."""
    keys = [s if s != UNKNOWN else f"{UNKNOWN}:{n}" for n, (_, s, _) in enumerate(quotes)]
    groups = group_statements([s for _, _, s in quotes], config, keys=keys)
    by_position: dict[int, list[int]] = {}
    for (position, _, _), group in zip(quotes, groups, strict=True):
        by_position.setdefault(position, []).append(group)
    for position, data in quoted:
        for row, group in zip(data["q"], by_position[position], strict=True):
            row[_GROUP] = group
    return quoted


_GROUP = 6  # a quotation's group in its row of `facts_to_dict` (bot/facts/model.py)


def _disagreements(
    statements: StatementTable, article_of: Sequence[int], facts: FactsConfig
) -> dict[int, tuple[int, ...]]:
    """For each sentence with a comparable figure: other outlets' sentences (same event, same thing
    measured) whose figure differs; figures are grouped by value, so a common figure costs little."""
    by_key: dict[tuple[str | None, str], dict[Measured, list[int]]] = {}
    for p, event, known in statements.known():
        for measured in known:
            by_key.setdefault((event, measured.key), {}).setdefault(measured, []).append(p)
    outlet = statements.column("outlet")[1].tolist()  # outlets as numbers: the same ones are equal
    found: dict[int, set[int]] = {}
    for by_value in by_key.values():
        for mine, positions in by_value.items():
            others = [q for other, qs in by_value.items() if values_differ(mine, other, facts) for q in qs]
            for p in positions:
                kept = found.setdefault(p, set())
                for q in others:
                    if len(kept) >= facts.max_disagreeing:
                        break
                    if article_of[q] != article_of[p] and outlet[q] != outlet[p]:
                        kept.add(q)
    return {p: tuple(sorted(q)) for p, q in found.items() if q}
