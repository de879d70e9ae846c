"""The corpus folder: raw articles, their cleaned forms and the sources manifest, read and written safely.

Layout: ``raw/ID.txt`` or ``raw/ID.html`` (the scraped text or page, byte for byte), ``clean/ID.json`` (the
cleaner's output, committed), ``sources.yaml`` (metadata stated from outside the text: outlet, date, title,
url, wire, event; each cleaned article keeps its own copy in `stated`), and ``.store/`` (the writers' lock,
the transaction journal and the digest index of raw files; not committed). Writers hold the lock, and each
ingest or clean is one transaction (bot/corpus_journal.py): all of its files become visible or none.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Config
from bot.corpus_files import (
    MANIFEST,
    RAW_SUFFIXES,
    DigestIndex,
    checked_hints,
    corpus_manifest,
    decode_article,
    doc_id_of,
    manifest_copy,
    manifest_text,
    parse_iso_date,
    read_manifest,
    read_source,
    serialize,
    stated_in,
)
from bot.corpus_journal import STATE_DIR, CorpusLock, Transaction, atomic_write, needs_recovery, recover
from bot.errors import CorpusError, IngestError
from bot.frozen import dataclass
from bot.models import Article, ArticleHints

# The ingest machinery (bot/corpus_ingest.py) is imported by the methods that ingest or clean: a process
# that only reads the corpus (`summitbot ask`) never loads it.
if TYPE_CHECKING:
    from bot.corpus_ingest import Prepared

__all__ = [
    "CHECK_KINDS",
    "CorpusStore",
    "IngestReport",
    "atomic_write",
    "corpus_digest",
    "decode_article",
    "parse_iso_date",
    "serialize",
]

log = logging.getLogger(__name__)

_DIGESTS = "digests.json"
_MANIFEST_COPY = "manifest.json"
FOLDER_SUFFIXES = (".txt", ".html", ".htm")
CHECK_KINDS = ("raw without cleaned", "stale", "manifest entry missing", "cleaned without raw")


@dataclass(frozen=True)
class IngestReport:
    """What a folder ingest did: the articles added, the files skipped (with why) and where the time went."""

    added: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]  # (file name, reason)
    timings: tuple[tuple[str, float], ...] = ()  # (phase, seconds)


class CorpusStore:
    """Reads and writes one corpus folder; an interrupted write is finished or undone on first use."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.raw_dir = self.root / "raw"
        self.clean_dir = self.root / "clean"
        self.manifest_path = self.root / MANIFEST
        self._lock = CorpusLock(self.root)
        self._opened = False

    # -- the lock and recovery -----------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self, timeout: float = -1) -> Iterator[None]:
        """Hold the writer lock (ingest, clean, index writes), recovering any interrupted write first."""
        with self._lock.hold(timeout):
            recover(self.root, self._temps())
            self._opened = True
            yield

    def recover(self, timeout: float = -1) -> list[str]:
        """Finish or undo an interrupted write and remove stray temp files now; returns what it did."""
        with self._lock.hold(timeout):
            self._opened = True
            return recover(self.root, self._temps())

    def _temps(self) -> tuple[tuple[Path, str], ...]:
        """Where a dead writer may have left a temporary file (atomic_write's names; only the store's own)."""
        return ((self.root, f".{MANIFEST}.*.tmp"), (self.raw_dir, ".*.tmp"), (self.clean_dir, ".*.tmp"))

    def _open(self) -> None:
        """Before the first read: finish a committed write, or undo a dead writer's (a live one's is left)."""
        if self._opened:
            return
        self._opened = True
        if not needs_recovery(self.root, self._temps()):
            return
        journal = (self.root / STATE_DIR / "txn").exists()
        if journal or self._lock.is_free():
            with self.lock():
                pass

    def settled(self) -> bool:
        """No interrupted or running write to finish or wait for (a cheap look, no lock taken)."""
        return not needs_recovery(self.root, self._temps())

    # -- reading -------------------------------------------------------------------------------------
    def raw_ids(self) -> list[str]:
        """The ids (raw file names without their suffix) of every raw article, sorted."""
        if not self.raw_dir.is_dir():
            raise CorpusError(
                f"{self.raw_dir}: no such corpus folder (set `corpus` in config.yaml or --corpus)"
            )
        self._open()
        return sorted({p.stem for suffix in RAW_SUFFIXES for p in self.raw_dir.glob(f"*{suffix}")})

    def raw_path(self, doc_id: str) -> Path:
        """The raw file of an article (ID.txt, or ID.html for a page)."""
        for suffix in RAW_SUFFIXES:
            path = self.raw_dir / f"{doc_id}{suffix}"
            if path.exists():
                return path
        return self.raw_dir / f"{doc_id}{RAW_SUFFIXES[0]}"

    def read_raw(self, doc_id: str) -> str:
        """The raw article's text (CorpusError naming the file when it cannot be read or decoded)."""
        path = self.raw_path(doc_id)
        try:
            return decode_article(path.read_bytes(), path.name)
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
        except IngestError as exc:
            raise CorpusError(f"{path}: {exc}") from None

    def manifest(self) -> dict[str, ArticleHints]:
        """The sources manifest: per-article metadata that overrides what the cleaner reads in the text."""
        self._open()
        return read_manifest(self.manifest_path)

    def load_articles(self) -> tuple[Article, ...]:
        """Every cleaned article, validated against the schema, sorted by id."""
        return tuple(self.parse_clean(path, self.read_clean(path)) for path in self.clean_files())

    def clean_files(self) -> list[Path]:
        """Every cleaned article's file, sorted (by id)."""
        if not self.clean_dir.is_dir():
            raise CorpusError(f"{self.clean_dir}: no cleaned corpus; run `summitbot clean`")
        self._open()
        return sorted(self.clean_dir.glob("*.json"))

    @staticmethod
    def read_clean(path: Path) -> bytes:
        """A cleaned article's file, as bytes (CorpusError when it cannot be read)."""
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read ({exc})") from None

    @staticmethod
    def parse_clean(path: Path, raw: bytes) -> Article:
        """The article in the bytes of cleaned file `path`, validated against the schema."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path}: cannot read ({exc})") from None
        article = Article.from_dict(data, where=str(path))
        if article.id != path.stem:
            raise CorpusError(f"{path}: its id {article.id!r} does not match the file name")
        return article

    def fingerprint(self) -> str:
        """A digest of the cleaned corpus: the persisted index is rebuilt when it changes."""
        import hashlib

        self._open()
        files = sorted(self.clean_dir.glob("*.json"))
        return corpus_digest((p.name, hashlib.sha256(p.read_bytes()).digest()) for p in files)

    # -- cleaning ------------------------------------------------------------------------------------
    def clean_one(self, doc_id: str, config: Config, hints: ArticleHints | None = None) -> Article:
        """Clean one raw article with `hints`, else its manifest entry, else the metadata it stated before."""
        from bot.corpus_ingest import clean_raw

        if hints is None:
            hints = self._hints_for(doc_id, self._manifest())
        path = self.raw_path(doc_id)
        try:
            data = path.read_bytes()
            return clean_raw(decode_article(data, path.name), doc_id, config, hints, data)
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
        except IngestError as exc:
            raise CorpusError(f"{path}: {exc}") from None

    def _manifest(self) -> dict[str, dict[str, str]]:
        return corpus_manifest(self.manifest_path, self.root / STATE_DIR / _MANIFEST_COPY)

    def _stage_manifest(self, txn: Transaction, entries: dict[str, dict[str, str]]) -> None:
        """Stage sources.yaml and the store's JSON copy of it (so the next ingest need not parse YAML)."""
        written = txn.write(MANIFEST, manifest_text(entries))
        txn.write(f"{STATE_DIR}/{_MANIFEST_COPY}", manifest_copy(entries, written))

    def _hints_for(self, doc_id: str, entries: dict[str, dict[str, str]]) -> ArticleHints | None:
        if doc_id in entries:
            return ArticleHints.from_stated(entries[doc_id])
        stated = stated_in(self.clean_dir / f"{doc_id}.json")
        return ArticleHints.from_stated(stated) if stated else None

    def clean_all(self, config: Config) -> list[Article]:
        """Regenerate clean/ from raw/ in one transaction, restoring manifest entries from `stated`."""
        with self.lock(config.ingest.lock_timeout):
            entries = self._manifest()
            articles = [self.clean_one(d, config, self._hints_for(d, entries)) for d in self.raw_ids()]
            with self._transaction(sync=True) as txn:
                self._stage_cleaned(txn, articles, entries)
                txn.commit()
        return articles

    def _stage_cleaned(
        self, txn: Transaction, articles: list[Article], entries: dict[str, dict[str, str]]
    ) -> None:
        for article in articles:
            path = self.clean_dir / f"{article.id}.json"
            fresh = serialize(article)
            if not path.exists() or path.read_bytes() != fresh:
                txn.write(f"clean/{article.id}.json", fresh)
        missing = {a.id: dict(a.stated) for a in articles if a.stated and a.id not in entries}
        if missing:
            self._stage_manifest(txn, {**entries, **missing})
        keep = {a.id for a in articles}
        for path in self.clean_dir.glob("*.json"):
            if path.stem not in keep:
                txn.delete(f"clean/{path.name}")

    def check(self, config: Config) -> list[tuple[str, str]]:
        """Every fault `clean` would fix, as (kind, id) with kind one of CHECK_KINDS."""
        raw = self.raw_ids()
        entries = self._manifest()
        found: list[tuple[str, str]] = []
        for doc_id in raw:
            path = self.clean_dir / f"{doc_id}.json"
            if not path.exists():
                found.append(("raw without cleaned", doc_id))
                continue
            fresh = self.clean_one(doc_id, config, self._hints_for(doc_id, entries))
            if path.read_bytes() != serialize(fresh):
                found.append(("stale", doc_id))
            if fresh.stated and doc_id not in entries:
                found.append(("manifest entry missing", doc_id))
        orphans = {p.stem for p in self.clean_dir.glob("*.json")} - set(raw)
        found.extend(("cleaned without raw", doc_id) for doc_id in sorted(orphans))
        return found

    def stale(self, config: Config) -> list[str]:
        """Ids whose clean/ID.json is missing, differs from a fresh clean, or has no raw article."""
        return sorted({doc_id for kind, doc_id in self.check(config) if kind != "manifest entry missing"})

    # -- ingesting -----------------------------------------------------------------------------------
    def ingest(self, source: Path, config: Config, hints: ArticleHints | None = None) -> Article:
        """Add one raw article and its cleaned form; on any failure the corpus is left as it was."""
        return self.ingest_data(read_source(source, config), source.name, config, hints)

    def ingest_data(
        self, data: bytes, name: str, config: Config, hints: ArticleHints | None = None
    ) -> Article:
        """Add one article from its bytes (`name` gives its id); one transaction under the lock."""
        from bot.corpus_ingest import prepare, refuse_duplicate

        prepared = prepare(data, name, doc_id_of(name), config, checked_hints(hints))
        with self.lock(config.ingest.lock_timeout):
            digests = self._digests()
            refuse_duplicate(prepared, digests, name)
            with self._transaction(sync=True) as txn:
                self._stage(txn, prepared, digests)
                self._finish(txn, [prepared.article], digests)
        return prepared.article

    def ingest_folder(
        self,
        folder: Path,
        config: Config,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IngestReport:
        """Ingest every article file in a folder (metadata from its sources.yaml) as one transaction."""
        from bot.corpus_ingest import Timer, prepare_files

        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES)
        if not files:
            raise IngestError(f"{folder}: no .txt or .html articles to ingest")
        timer = Timer()
        with timer("read sources.yaml"):
            hints = read_manifest(folder / MANIFEST)
        added: list[Article] = []
        skipped: list[tuple[str, str]] = []
        with self.lock(config.ingest.lock_timeout):
            with timer("digest index"):
                digests = self._digests()
            known = [(p, _known_id(p)) for p in files if p.stem in digests.ids]  # refused uncleaned
            fresh = [p for p in files if p.stem not in digests.ids]
            outcomes = chain(known, prepare_files(fresh, hints, config, timer))
            with self._transaction(sync=False) as txn:
                for done, (path, outcome) in enumerate(outcomes, 1):
                    try:
                        prepared = _admit(outcome, path.name, digests)
                        with timer("stage"):
                            self._stage(txn, prepared, digests)
                        added.append(prepared.article)
                    except IngestError as exc:
                        skipped.append((path.name, str(exc)))
                        log.warning("skipped %s: %s", path.name, exc)
                    if progress is not None:
                        progress(done, len(files), path.name)
                with timer("manifest, digest index and commit"):
                    self._finish(txn, added, digests)
        return IngestReport(tuple(added), tuple(skipped), timer.totals())

    def _digests(self) -> DigestIndex:
        return DigestIndex.load(self.root / STATE_DIR / _DIGESTS, self.raw_dir)

    @contextlib.contextmanager
    def _transaction(self, *, sync: bool) -> Iterator[Transaction]:
        """A transaction that is aborted (the corpus left as it was) if anything fails before its commit."""
        txn = Transaction(self.root, sync=sync)
        try:
            yield txn
        except OSError as exc:
            txn.abort()
            raise IngestError(
                f"cannot write the corpus ({exc.strerror or exc}); nothing was changed"
            ) from None
        except BaseException:
            txn.abort()
            raise

    def _stage(self, txn: Transaction, item: Prepared, digests: DigestIndex) -> None:
        name = f"{item.article.id}{item.suffix}"
        stat = txn.write(f"raw/{name}", item.data).stat()
        digests.add(name, (item.digest, stat.st_size, stat.st_mtime_ns))
        txn.write(f"clean/{item.article.id}.json", item.clean)

    def _finish(self, txn: Transaction, added: list[Article], digests: DigestIndex) -> None:
        """Stage the manifest (once, with every new entry) and the digest index, then commit."""
        if not added:
            txn.abort()
            return
        stated = {a.id: dict(a.stated) for a in added if a.stated}
        if stated:
            self._stage_manifest(txn, {**self._manifest(), **stated})
        txn.write(f"{STATE_DIR}/{_DIGESTS}", digests.to_bytes())
        txn.commit()


def corpus_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """The corpus fingerprint from each cleaned file's name and SHA-256, in name order."""
    import hashlib

    digest = hashlib.sha256()
    for name, sha in files:
        digest.update(name.encode())
        digest.update(sha)
    return digest.hexdigest()[:32]


def _known_id(path: Path) -> str:
    return f"{path.name}: an article with id {path.stem!r} is already in the corpus"


def _admit(outcome: Prepared | str, name: str, digests: DigestIndex) -> Prepared:
    """A prepared article not yet in the corpus (nor earlier in its batch), or IngestError saying why."""
    from bot.corpus_ingest import refuse_duplicate

    if isinstance(outcome, str):
        raise IngestError(outcome)
    refuse_duplicate(outcome, digests, name)
    digests.add(outcome.article.id + outcome.suffix, (outcome.digest, 0, 0))
    return outcome
