"""The one core service behind both faces (CLI and Discord): sources, ask, quote, compare.

Plain synchronous Python with no discord import; the Discord layer runs its calls off the event loop.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from functools import cached_property

from bot.config import Config
from bot.conversation import Conversation
from bot.corpus import CorpusStore
from bot.errors import CorpusError, InputError, NeedsWriter
from bot.forkpool import worker_count
from bot.models import Article
from bot.results import AskResult, CompareResult, QuoteResult
from bot.search import CorpusIndex
from bot.semantic import primed_questions
from bot.serving import ArticleTable, MemoryArticles, load_articles, load_or_build_articles
from bot.text import normalize_query

__all__ = ["CoverageService"]

log = logging.getLogger(__name__)

# The loaders of the saved index log a damaged or stale piece before they rebuild it. A load-only attempt
# rebuilds nothing (it fails, and the load under the lock that follows says it again), so their lines are
# held while it runs: dropped when it fails, passed on when it succeeds.
_LOADERS = (
    "bot.retrieval.store",
    "bot.facts.corpus",
    "bot.facts.store",
    "bot.sentence_terms",
    "bot.semantic.vectors",
)
_HELD: contextvars.ContextVar[list[logging.LogRecord] | None] = contextvars.ContextVar("_HELD", default=None)


def _hold(record: logging.LogRecord) -> bool:
    held = _HELD.get()
    if held is None:
        return True
    held.append(record)
    return False


for _name in _LOADERS:
    logging.getLogger(_name).addFilter(_hold)


@contextlib.contextmanager
def _lines_held() -> Iterator[None]:
    """The loaders' log lines within the block, passed on only if it ends without an exception."""
    held: list[logging.LogRecord] = []
    token = _HELD.set(held)
    try:
        yield
    finally:
        _HELD.reset(token)
    for record in held:
        logging.getLogger(record.name).handle(record)


class CoverageService:
    """Answers questions about the corpus; built once and shared (its methods are thread-safe reads)."""

    def __init__(
        self,
        config: Config,
        articles: tuple[Article, ...] | None = None,
        *,
        index: CorpusIndex | None = None,
    ) -> None:
        self.config = config
        self.store = CorpusStore(config.corpus_dir)
        self._persist = articles is None and index is None  # only the corpus folder's own use its saved index
        self._articles: ArticleTable | None = None if articles is None else MemoryArticles(articles)
        if index is not None:  # an index built elsewhere (a benchmark's generated corpus)
            self._articles = index.articles
            self.__dict__["index"] = index
        self._lock = threading.Lock()

    @property
    def from_corpus_folder(self) -> bool:
        """Built from its config's corpus folder alone, so another process can build the same service."""
        return self._persist

    @property
    def articles(self) -> ArticleTable:
        """The corpus folder's articles in their serving form (bot/serving.py), decoded as they are used."""
        if self._articles is None:
            self._articles = self._load_articles()
        return self._articles

    def _load_articles(self) -> ArticleTable:
        if not self.store.clean_dir.is_dir():
            return MemoryArticles(self.store.load_articles())  # raises the store's "no cleaned corpus"
        if self.store.settled():  # the load-only read: see `index`
            table = load_articles(self.store.clean_dir, self.config.index_dir / "serving")
            if table is not None:
                return table
        return self._load_articles_locked()

    def _load_articles_locked(self) -> ArticleTable:
        try:
            with self._writers_excluded():
                build = self.config.build  # the files read on every core (bot/serving_build.py)
                workers = worker_count(build.workers)
                return load_or_build_articles(
                    self.store, self.config.index_dir / "serving", workers, build.chunk_articles
                )
        except OSError as exc:  # a read-only index folder: parse the cleaned articles as before
            log.warning(
                "cannot write the serving corpus to %s (%s); reading the articles", self.config.index_dir, exc
            )
            return MemoryArticles(self.store.load_articles(), self.store.fingerprint())

    @cached_property
    def index(self) -> CorpusIndex:
        """The BM25 index over every sentence, loaded from disk when it matches the corpus.

        A start first reads the saved stores without the writer lock (nor the lock library's import):
        each is written into a new file or folder that takes its place by rename, checked against its
        own meta or stamp at load, and keyed on the content fingerprint of the serving corpus read first.
        So a read racing a rebuild sees one store whole, old or new, and a piece made for another version
        of the corpus (or half replaced) does not match: CorpusIndex(load_only=True) then raises
        NeedsWriter, and the articles and the index are loaded again under the lock, where anything stale
        is rebuilt. Writers always hold the lock."""
        with self._lock:
            if not self.articles:
                raise CorpusError(
                    f"{self.store.clean_dir}: the corpus has no articles; add one with `summitbot ingest`"
                )
            if not (self._persist and self.store.clean_dir.is_dir()):
                return CorpusIndex(self.articles, self.config)
            if self.store.settled():
                try:
                    with _lines_held():
                        return self._open_index(load_only=True)
                except NeedsWriter as exc:
                    log.debug("%s; loading under the writer lock", exc)
            with self._writers_excluded():
                self._articles = self._load_articles_locked()  # the version the index is made for
                return self._open_index(load_only=False)

    def _open_index(self, *, load_only: bool) -> CorpusIndex:
        fingerprint = self.articles.fingerprint
        return CorpusIndex(
            self.articles,
            self.config,
            index_dir=self.config.index_dir if fingerprint else None,
            fingerprint=fingerprint or None,
            load_only=load_only,
        )

    def _writers_excluded(self) -> contextlib.AbstractContextManager[None]:
        """The corpus writer lock while the saved index may be rebuilt and written (the store's lock is
        reentrant, so the serving form and the index share one hold); none for a read-only corpus."""
        if not os.access(self.store.root, os.W_OK):
            return contextlib.nullcontext()
        return self.store.lock(self.config.ingest.lock_timeout)

    def sources(self) -> Sequence[Article]:
        """Every article in the corpus, by id."""
        return self.articles

    def article(self, doc_id: str) -> Article:
        ids = self.articles.ids()
        if doc_id in ids:
            return self.articles[ids.index(doc_id)]
        known = ", ".join(ids[:8])
        raise InputError(f"no article with id {doc_id!r} (known: {known})")

    # Every question, topic and speaker goes through `normalize_query` first: a zero-width character,
    # a Discord mention or markdown around a word must not change the answer.

    def ask(
        self, question: str, *, conversation: Conversation | None = None, top: int | None = None
    ) -> AskResult:
        """Answer a question with verbatim, cited sentences, or decline; follow-ups use `conversation`."""
        from bot.answering import answer_question

        return answer_question(
            self.index,
            normalize_query(question),
            conversation=conversation,
            top=top or self.config.answer.top,
        )

    def prepare(self) -> None:
        """What a long-running face makes before its first user, beyond the index: the typo folder's
        index of the corpus's written words, when the typos it counts on would pay for it (a one-shot
        answer makes it only once its own would)."""
        from bot.answering import prepare_typos

        prepare_typos(self.index)

    @contextlib.contextmanager
    def asked_together(self, questions: Sequence[tuple[str, Conversation | None]]) -> Iterator[None]:
        """Within the block, `ask` of any of these (question, conversation) pairs takes the question's
        vector from ONE forward pass over all of them, made here (a burst's answers, bot/discord/
        processes.py), instead of one pass each; the answers are `ask`'s own. A conversation is followed
        through the pairs in order (bot.answering.embedded_in_turn); a pair whose conversation then moves
        otherwise (by an answer), or that `ask` refuses, is embedded as usual or refused as usual."""
        from bot.answering import analyses_kept, embedded_in_turn

        if self.index.vectors is None:  # no sentence vectors, so no question vectors either
            yield
            return
        with analyses_kept():  # each question analysed once, here, and its analysis taken by `ask`
            texts = embedded_in_turn(self.index, [(normalize_query(q), c) for q, c in questions])
            with primed_questions(self.index.question_vectors(texts)):
                yield

    def quote(self, speaker: str | None = None, topic: str | None = None) -> QuoteResult:
        """Quotations, optionally by one speaker (any alias) and ranked by a topic."""
        from bot.quotes import find_quotes

        return find_quotes(
            self.index,
            speaker=normalize_query(speaker) if speaker is not None else None,
            topic=normalize_query(topic) if topic is not None else None,
        )

    def compare(self, topic: str) -> CompareResult:
        """How each outlet covered a topic: its best sentences, who did not cover it, and disagreements."""
        from bot.compare import compare_outlets

        return compare_outlets(self.index, normalize_query(topic))

    def speakers(self) -> list[str]:
        """Canonical names of everyone quoted in the corpus, most quoted first (for autocomplete)."""
        from bot.quotes import quoted_speakers

        return quoted_speakers(self.index)
