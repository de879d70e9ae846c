"""The corpus store's file formats: the sources manifest, raw input, and the digest index of raw files."""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from bot.config import Config
from bot.errors import CorpusError, IngestError
from bot.frozen import dataclass
from bot.models import Article, ArticleHints

__all__ = [
    "MANIFEST",
    "RAW_SUFFIXES",
    "DigestIndex",
    "checked_hints",
    "corpus_manifest",
    "decode_article",
    "doc_id_of",
    "entry_hints",
    "manifest_copy",
    "manifest_entries",
    "manifest_text",
    "parse_iso_date",
    "read_manifest",
    "read_source",
    "serialize",
    "sha256",
    "stated_in",
]

log = logging.getLogger(__name__)

MANIFEST = "sources.yaml"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}$")
RAW_SUFFIXES = (".txt", ".html")  # a raw article is stored as ID.html when its content is a page
# YAML escapes: \xXX below U+0100, \uXXXX in the Basic Multilingual Plane, \UXXXXXXXX above it
_ONE_BYTE = 0x100
_BASIC_PLANE = 0x10000
MANIFEST_HEADER = (
    "# Metadata stated from outside the article text (it overrides what the cleaner reads in the text).\n"
    "# articles: {ID: {outlet, date (YYYY-MM-DD), title, url, wire, event}}\n"
)


def serialize(article: Article) -> bytes:
    """The committed JSON form of a cleaned article (stable, so staleness is a byte comparison)."""
    return (json.dumps(article.to_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def sha256(data: bytes) -> str:
    import hashlib  # here: loading OpenSSL costs a start that only reads (bot/digest.py)

    return hashlib.sha256(data).hexdigest()


def parse_iso_date(value: str) -> str:
    """Check a YYYY-MM-DD date and return it; IngestError otherwise."""
    import datetime as dt

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise IngestError(f"bad date {value!r}: expected YYYY-MM-DD, for instance 2015-09-28") from None


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


# -- the sources manifest ------------------------------------------------------------------------------
def read_manifest(path: Path) -> dict[str, ArticleHints]:
    """A sources.yaml's entries, validated; errors name the file and, where known, the line and key."""
    return {doc_id: entry_hints(entry, path, doc_id) for doc_id, entry in manifest_entries(path).items()}


def manifest_entries(path: Path) -> dict[str, Any]:
    """A sources.yaml's `articles` mapping as plain data (empty when the file does not exist)."""
    import yaml  # here, not at the top: a `summitbot ask` reads no manifest

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(f"{path}:{line}: not UTF-8 text (a bad byte at offset {exc.start})") from None
    try:
        loaded = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line_part = f":{mark.line + 1}" if mark is not None else ""
        raise CorpusError(f"{path}{line_part}: not valid YAML") from None
    except (ValueError, OverflowError) as exc:  # a value YAML reads as a timestamp, such as 2015-02-30
        raise CorpusError(f"{path}: not valid YAML ({exc})") from None
    articles = loaded.get("articles") if isinstance(loaded, dict) else None
    if articles is None:
        return {}
    if not isinstance(articles, dict):
        raise CorpusError(f"{path}: 'articles' must map article ids to their metadata")
    return {str(k): v for k, v in articles.items()}


def manifest_text(entries: Mapping[str, Mapping[str, str]]) -> bytes:
    """The sources.yaml form of `entries` (id -> stated metadata), sorted by id; every string quoted."""
    lines = [MANIFEST_HEADER, "articles:\n" if entries else "articles: {}\n"]
    for doc_id in sorted(entries):
        lines.append(f"  {_quoted(doc_id)}:\n")
        lines.extend(f"    {key}: {_quoted(value)}\n" for key, value in entries[doc_id].items())
    return "".join(lines).encode("utf-8")


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar: JSON's quoting for printable text, YAML escapes for the rest."""
    if value.isprintable():
        return json.dumps(value, ensure_ascii=False)  # only \" and \\ are escaped, as YAML reads them
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(
                f"\\x{code:02X}"
                if code < _ONE_BYTE
                else f"\\u{code:04X}"
                if code < _BASIC_PLANE
                else f"\\U{code:08X}"
            )
    return '"' + "".join(out) + '"'


def corpus_manifest(path: Path, cache: Path) -> dict[str, dict[str, str]]:
    """The corpus manifest as id -> stated metadata, validated; read from the store's JSON copy while
    sources.yaml is as the store last wrote it (same size and mtime), else parsed again."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        copy = json.loads(cache.read_text(encoding="utf-8"))
        if copy["stat"] == [stat.st_size, stat.st_mtime_ns]:
            return {str(k): {str(f): str(v) for f, v in e.items()} for k, e in copy["entries"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # no copy, or one of another version of the file: parse it
    return {
        doc_id: entry_hints(entry, path, doc_id).stated() for doc_id, entry in manifest_entries(path).items()
    }


def manifest_copy(entries: Mapping[str, Mapping[str, str]], written: Path) -> bytes:
    """The store's JSON copy of the manifest staged at `written`, keyed by its size and mtime."""
    stat = written.stat()
    return json.dumps({"stat": [stat.st_size, stat.st_mtime_ns], "entries": entries}).encode("utf-8")


def entry_hints(entry: Any, path: Path, doc_id: str) -> ArticleHints:
    """One manifest entry as hints, validated (errors name the file and the key)."""
    if not isinstance(entry, Mapping):
        raise CorpusError(f"{path}: articles.{doc_id}: expected a mapping of metadata")
    keys = ArticleHints.names()
    unknown = [k for k in entry if k not in keys]
    if unknown:
        raise CorpusError(f"{path}: articles.{doc_id}.{unknown[0]}: unknown key (known: {', '.join(keys)})")
    values = {k: (None if entry.get(k) is None else str(entry[k])) for k in keys}
    if values["date"] is not None:
        try:
            values["date"] = parse_iso_date(values["date"])
        except IngestError as exc:
            raise CorpusError(f"{path}: articles.{doc_id}.date: {exc}") from None
    return ArticleHints(**values)


# -- the digest index of raw files ---------------------------------------------------------------------
@dataclass
class DigestIndex:
    """SHA-256 of every raw file, keyed by file name with its size and mtime: an O(1) duplicate check.

    Persisted as JSON beside the lock; on load it is checked against the raw folder's listing and any
    file whose size or mtime changed (or that it does not know) is hashed again.
    """

    files: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # name -> (sha256, size, mtime_ns)
    by_digest: dict[str, str] = field(default_factory=dict)  # sha256 -> article id
    ids: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path, raw_dir: Path) -> DigestIndex:
        saved = _read_digests(path)
        index = cls()
        if not raw_dir.is_dir():
            return index
        hashed = 0
        with os.scandir(raw_dir) as entries:
            for entry in entries:
                suffix = os.path.splitext(entry.name)[1]
                if suffix not in RAW_SUFFIXES or not entry.is_file():
                    continue
                stat = entry.stat()
                known = saved.get(entry.name)
                if known is None or known[1:] != (stat.st_size, stat.st_mtime_ns):
                    known = (sha256(Path(entry.path).read_bytes()), stat.st_size, stat.st_mtime_ns)
                    hashed += 1
                index.add(entry.name, known)
        if hashed or len(saved) != len(index.files):
            log.info("digest index %s: rebuilt (%d raw files hashed)", path, hashed)
        return index

    def add(self, name: str, entry: tuple[str, int, int]) -> None:
        self.files[name] = entry
        doc_id = os.path.splitext(name)[0]
        self.by_digest.setdefault(entry[0], doc_id)
        self.ids.add(doc_id)

    def to_bytes(self) -> bytes:
        return json.dumps({"version": 1, "files": self.files}, sort_keys=True).encode("utf-8")


def _read_digests(path: Path) -> dict[str, tuple[str, int, int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"] if data.get("version") == 1 else {}
        return {str(k): (str(v[0]), int(v[1]), int(v[2])) for k, v in files.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        log.warning("digest index %s is unreadable (%s); rebuilding it", path, exc)
        return {}


# -- input checks --------------------------------------------------------------------------------------
def doc_id_of(name: str) -> str:
    doc_id = Path(name).stem
    if not _ID.match(doc_id):
        raise IngestError(f"{name}: the file name must be letters, digits, '_', '-' or '.'")
    return doc_id


def read_source(source: Path, config: Config) -> bytes:
    """A file's bytes, refused before reading when it is larger than ingest.max_file_bytes."""
    limit = config.ingest.max_file_bytes
    try:
        size = source.stat().st_size
        if size > limit:
            raise IngestError(f"{source.name}: {size:,} bytes, more than ingest.max_file_bytes ({limit:,})")
        with source.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise IngestError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{source}: a folder; ingest takes a file or a folder of articles") from None
    except OSError as exc:
        raise IngestError(f"{source}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise IngestError(f"{source.name}: more than ingest.max_file_bytes ({limit:,}) bytes")
    return data


def checked_hints(hints: ArticleHints | None) -> ArticleHints | None:
    if hints is None:
        return None
    if hints.date is not None:
        hints = replace(hints, date=parse_iso_date(hints.date))
    for key in ArticleHints.names():
        value = getattr(hints, key)
        if value is not None and not str(value).strip():
            raise IngestError(f"--{key} must not be empty")
        if value is not None and not _encodable(str(value)):
            raise IngestError(f"--{key} is not valid UTF-8 text")
    return hints


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, from undecodable bytes on the command line
        return False
    return True


def stated_in(path: Path) -> dict[str, str]:
    """The `stated` metadata an existing cleaned file keeps (empty when it has none or cannot be read)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    stated = data.get("stated") if isinstance(data, dict) else None
    if not isinstance(stated, dict):
        return {}
    return {str(k): str(v) for k, v in stated.items() if isinstance(v, str)}
