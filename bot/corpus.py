"""The corpus folder: raw articles, their cleaned forms and the sources manifest, read and written safely.

Layout: ``raw/ID.txt`` (scraped text, byte for byte), ``clean/ID.json`` (the cleaner's output, committed),
``sources.yaml`` (metadata stated from outside the text: outlet, date, title, url, wire). Every write is
atomic (a temporary file beside the target, then ``os.replace``) and an ingest that fails part-way puts
back what it changed, so the corpus is never left half-written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.config import Config
from bot.errors import CorpusError, IngestError
from bot.models import Article, ArticleHints

__all__ = ["CorpusStore", "IngestReport", "atomic_write", "parse_iso_date"]

log = logging.getLogger(__name__)

MANIFEST = "sources.yaml"
RAW_SUFFIXES = (".txt", ".html")  # a text page or an HTML page (told apart by content at ingest)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")
_HINT_KEYS = ("outlet", "date", "title", "url", "wire", "event")


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parse_iso_date(value: str) -> str:
    """Check a YYYY-MM-DD date and return it; IngestError otherwise."""
    import datetime as dt

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise IngestError(f"bad date {value!r}: expected YYYY-MM-DD, for instance 2015-09-28") from None


@dataclass(frozen=True)
class IngestReport:
    """What a folder ingest did: the articles added and the files skipped, with why."""

    added: tuple[Article, ...]
    skipped: tuple[tuple[str, str], ...]  # (file name, reason)


class CorpusStore:
    """Reads and writes one corpus folder."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.raw_dir = self.root / "raw"
        self.clean_dir = self.root / "clean"
        self.manifest_path = self.root / MANIFEST

    # -- reading -------------------------------------------------------------------------------------
    def raw_ids(self) -> list[str]:
        """The ids (raw file names without .txt or .html) of every raw article, sorted."""
        if not self.raw_dir.is_dir():
            raise CorpusError(
                f"{self.raw_dir}: no such corpus folder (set `corpus` in config.yaml or --corpus)"
            )
        return sorted({p.stem for p in self._raw_files()})

    def _raw_files(self) -> list[Path]:
        return [p for suffix in RAW_SUFFIXES for p in self.raw_dir.glob(f"*{suffix}")]

    def raw_path(self, doc_id: str) -> Path:
        """The raw file of an article: ID.html for a page kept as HTML, else ID.txt."""
        html = self.raw_dir / f"{doc_id}.html"
        return html if html.exists() else self.raw_dir / f"{doc_id}.txt"

    def read_raw(self, doc_id: str) -> str:
        path = self.raw_path(doc_id)
        try:
            return decode_article(path.read_bytes(), path.name)
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
        except IngestError as exc:
            raise CorpusError(f"{path}: {exc}") from None

    def manifest(self) -> dict[str, ArticleHints]:
        """The sources manifest: per-article metadata that overrides what the cleaner reads in the text."""
        if not self.manifest_path.exists():
            return {}
        entries = self._manifest_data(self.manifest_path.read_text(encoding="utf-8"))
        return {doc_id: _hints(entry, self.manifest_path, doc_id) for doc_id, entry in entries.items()}

    def _manifest_data(self, text: str) -> dict[str, Any]:
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise CorpusError(f"{self.manifest_path}{line}: not valid YAML") from None
        articles = data.get("articles") if isinstance(data, dict) else None
        if articles is None:
            return {}
        if not isinstance(articles, dict):
            raise CorpusError(f"{self.manifest_path}: 'articles' must map article ids to their metadata")
        return {str(k): v for k, v in articles.items()}

    def load_articles(self) -> tuple[Article, ...]:
        """Every cleaned article, validated against the schema, sorted by id."""
        if not self.clean_dir.is_dir():
            raise CorpusError(f"{self.clean_dir}: no cleaned corpus; run `summitbot clean`")
        return tuple(self._load_clean(path) for path in sorted(self.clean_dir.glob("*.json")))

    def _load_clean(self, path: Path) -> Article:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CorpusError(f"{path}: cannot read ({exc})") from None
        article = Article.from_dict(data, where=str(path))
        if article.id != path.stem:
            raise CorpusError(f"{path}: its id {article.id!r} does not match the file name")
        return article

    def fingerprint(self) -> str:
        """A digest of the cleaned corpus: the persisted index is rebuilt when it changes."""
        digest = hashlib.sha256()
        for path in sorted(self.clean_dir.glob("*.json")):
            digest.update(path.name.encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()[:32]

    # -- cleaning ------------------------------------------------------------------------------------
    def clean_one(self, doc_id: str, config: Config, hints: ArticleHints | None = None) -> Article:
        """Clean one raw article (with the manifest's hints unless others are given)."""
        from bot.cleaner import clean_article

        raw = self.read_raw(doc_id)
        if hints is None:
            hints = self.manifest().get(doc_id)
        article = clean_article(raw, doc_id=doc_id, config=config, hints=hints)
        return replace(article, source_sha256=_sha256(raw.encode("utf-8")))

    def clean_all(self, config: Config) -> list[Article]:
        """Regenerate clean/ from raw/ (and drop cleaned files whose raw article is gone)."""
        articles = [self.clean_one(doc_id, config) for doc_id in self.raw_ids()]
        for article in articles:
            atomic_write(self.clean_dir / f"{article.id}.json", serialize(article))
        keep = {a.id for a in articles}
        for path in self.clean_dir.glob("*.json"):
            if path.stem not in keep:
                path.unlink()
        return articles

    def stale(self, config: Config) -> list[str]:
        """Ids whose committed clean/ID.json differs from what the cleaner makes of raw/ID.txt now."""
        stale = []
        for doc_id in self.raw_ids():
            path = self.clean_dir / f"{doc_id}.json"
            fresh = serialize(self.clean_one(doc_id, config))
            if not path.exists() or path.read_bytes() != fresh:
                stale.append(doc_id)
        orphans = {p.stem for p in self.clean_dir.glob("*.json")} - set(self.raw_ids())
        return sorted([*stale, *orphans])

    # -- ingesting -----------------------------------------------------------------------------------
    def ingest(self, source: Path, config: Config, hints: ArticleHints | None = None) -> Article:
        """Add one raw article (a text or HTML file) and its cleaned form; on any failure the corpus is
        left as it was."""
        return self.ingest_data(_read_source(source), source.name, config, hints)

    def ingest_data(
        self, data: bytes, name: str, config: Config, hints: ArticleHints | None = None
    ) -> Article:
        """Add one page given as bytes (its id is `name` without its suffix); kept as raw/ID.html when
        its content is HTML, else raw/ID.txt. On any failure the corpus is left as it was."""
        from bot.cleaner import clean_article
        from bot.cleaner.detect import looks_like_html

        doc_id = Path(name).stem
        raw = self._check_new(doc_id, data, name)
        hints = _checked_hints(hints)
        article = clean_article(raw, doc_id=doc_id, config=config, hints=hints)
        article = replace(article, source_sha256=_sha256(data))
        if not article.sentences:
            raise IngestError(f"{name}: no article text left after cleaning")
        manifest_text = self._manifest_with(doc_id, hints)
        suffix = ".html" if looks_like_html(raw) else ".txt"
        self._commit(doc_id, data, serialize(article), manifest_text, suffix)
        return article

    def ingest_folder(
        self,
        folder: Path,
        config: Config,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IngestReport:
        """Ingest every .txt in a folder, with metadata from its sources.yaml; bad files are skipped."""
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in RAW_SUFFIXES)
        if not files:
            raise IngestError(f"{folder}: no .txt or .html articles to ingest")
        hints = CorpusStore(folder).manifest()
        added: list[Article] = []
        skipped: list[tuple[str, str]] = []
        for done, path in enumerate(files, 1):
            try:
                added.append(self.ingest(path, config, hints.get(path.stem)))
            except (IngestError, CorpusError) as exc:
                skipped.append((path.name, str(exc)))
                log.warning("skipped %s: %s", path.name, exc)
            if progress is not None:
                progress(done, len(files), path.name)
        return IngestReport(tuple(added), tuple(skipped))

    def _check_new(self, doc_id: str, data: bytes, name: str) -> str:
        if not _ID.match(doc_id):
            raise IngestError(f"{name}: the file name must be letters, digits, '_', '-' or '.'")
        raw = decode_article(data, name)
        if any((self.raw_dir / f"{doc_id}{suffix}").exists() for suffix in RAW_SUFFIXES):
            raise IngestError(f"{name}: an article with id {doc_id!r} is already in the corpus")
        digest = _sha256(data)
        for path in self._raw_files():
            if _sha256(path.read_bytes()) == digest:
                raise IngestError(f"{name}: already in the corpus as {path.stem!r}")
        return raw

    def _manifest_with(self, doc_id: str, hints: ArticleHints | None) -> str | None:
        stated = {k: getattr(hints, k) for k in _HINT_KEYS if hints is not None and getattr(hints, k)}
        if not stated:
            return None
        existing = self.manifest_path.read_text(encoding="utf-8") if self.manifest_path.exists() else ""
        articles = self._manifest_data(existing)
        articles[doc_id] = stated
        body = yaml.safe_dump({"articles": articles}, allow_unicode=True, sort_keys=True)
        return MANIFEST_HEADER + body

    def _commit(
        self, doc_id: str, raw: bytes, clean: bytes, manifest: str | None, suffix: str = ".txt"
    ) -> None:
        targets: list[tuple[Path, bytes]] = [
            (self.raw_dir / f"{doc_id}{suffix}", raw),
            (self.clean_dir / f"{doc_id}.json", clean),
        ]
        if manifest is not None:
            targets.append((self.manifest_path, manifest.encode("utf-8")))
        backups = {path: path.read_bytes() if path.exists() else None for path, _ in targets}
        written: list[Path] = []
        try:
            for path, data in targets:
                atomic_write(path, data)
                written.append(path)
        except OSError as exc:
            for path in written:
                old = backups[path]
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    atomic_write(path, old)
            raise IngestError(
                f"cannot write the corpus ({exc.strerror or exc}); nothing was changed"
            ) from None


MANIFEST_HEADER = (
    "# Metadata stated from outside the article text (it overrides what the cleaner reads in the text).\n"
    "# articles: {ID: {outlet, date (YYYY-MM-DD), title, url, wire, event}}\n"
)


def serialize(article: Article) -> bytes:
    """The committed JSON form of a cleaned article (stable, so staleness is a byte comparison)."""
    return (json.dumps(article.to_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def decode_article(data: bytes, name: str) -> str:
    """Raw bytes to text: UTF-8 only, not empty, not binary."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise IngestError(f"{name}: a binary file, not article text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}: not UTF-8 text (a bad byte at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _read_source(source: Path) -> bytes:
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise IngestError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{source}: a folder; ingest takes a file or a folder of articles") from None
    except OSError as exc:
        raise IngestError(f"{source}: cannot read ({exc.strerror})") from None


def _checked_hints(hints: ArticleHints | None) -> ArticleHints | None:
    if hints is None:
        return None
    if hints.date is not None:
        hints = replace(hints, date=parse_iso_date(hints.date))
    for key in _HINT_KEYS:
        value = getattr(hints, key)
        if value is not None and not str(value).strip():
            raise IngestError(f"--{key} must not be empty")
    return hints


def _hints(entry: Any, path: Path, doc_id: str) -> ArticleHints:
    if not isinstance(entry, Mapping):
        raise CorpusError(f"{path}: articles.{doc_id}: expected a mapping of metadata")
    unknown = [k for k in entry if k not in _HINT_KEYS]
    if unknown:
        raise CorpusError(
            f"{path}: articles.{doc_id}.{unknown[0]}: unknown key (known: {', '.join(_HINT_KEYS)})"
        )
    values = {k: (None if entry.get(k) is None else str(entry[k])) for k in _HINT_KEYS}
    if values["date"] is not None:
        try:
            values["date"] = parse_iso_date(values["date"])
        except IngestError as exc:
            raise CorpusError(f"{path}: articles.{doc_id}.date: {exc}") from None
    return ArticleHints(**values)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
