"""The cleaned corpus's data model and its JSON schema (one file per article in corpus/clean/)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, fields, is_dataclass
from typing import Any, Literal

from bot.errors import CorpusError
from bot.frozen import dataclass

__all__ = [
    "ROLES",
    "SCHEMA_VERSION",
    "Article",
    "ArticleHints",
    "DroppedLine",
    "Role",
    "Sentence",
]

SCHEMA_VERSION = 1
Role = Literal["body", "caption", "subheading"]
ROLES: tuple[str, ...] = ("body", "caption", "subheading")
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article, verbatim from its raw line, with offsets into `Article.text`."""

    text: str
    paragraph: int  # 0-based index of the kept paragraph (a kept raw line) it belongs to
    role: str  # one of ROLES
    line: int  # 1-based line of the raw file
    start: int  # offset into Article.text
    end: int
    last_line: int | None = None  # the last raw line of a hard-wrapped paragraph joined from several


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A raw line the cleaner left out, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleHints:
    """Metadata stated outside the text (the sources manifest, `ingest` options); it wins over evidence."""

    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    wire: str | None = None
    event: str | None = None

    @staticmethod
    def names() -> tuple[str, ...]:
        """The metadata a manifest entry or an `ingest` option may state."""
        return tuple(f.name for f in fields(ArticleHints))

    def stated(self) -> dict[str, str]:
        """The keys given a non-empty value, as the cleaned article's `stated` field keeps them."""
        return {k: v for k in self.names() if (v := getattr(self, k)) is not None and str(v).strip()}

    @classmethod
    def from_stated(cls, stated: Mapping[str, str]) -> ArticleHints:
        """Hints back from an article's `stated` field (unknown keys are ignored)."""
        return cls(**{k: v for k, v in stated.items() if k in cls.names()})


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, the kept text, its sentences and what was dropped."""

    id: str
    outlet: str | None
    date: str | None  # ISO YYYY-MM-DD, or None when the page gives none
    title: str | None
    wire: str | None
    event: str | None  # an event id from config, or None
    url: str | None
    byline: str | None
    dateline: str | None
    text: str  # kept paragraphs joined by a blank line; sentence offsets point into it
    sentences: tuple[Sentence, ...]
    dropped: tuple[DroppedLine, ...]
    source_sha256: str = ""
    evidence: Mapping[str, str] = field(default_factory=dict)  # field name -> the raw text it came from
    updated: str | None = None  # ISO date of an "Updated ..." stamp, kept apart from the publication date
    # metadata stated from outside the text (manifest, ingest options): kept here so `clean` never loses it
    stated: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form written to corpus/clean/ID.json (asdict's layout, without its deep copies)."""
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        data["schema"] = SCHEMA_VERSION
        data["evidence"] = dict(self.evidence)
        data["stated"] = dict(self.stated)
        return data

    @classmethod
    def from_dict(cls, data: Any, *, where: str = "article") -> Article:
        """Build an article from its JSON form, raising CorpusError that names `where` on any schema fault."""
        if not isinstance(data, dict):
            raise CorpusError(f"{where}: expected a JSON object")
        if data.get("schema") != SCHEMA_VERSION:
            raise CorpusError(f"{where}: schema version {data.get('schema')!r}, expected {SCHEMA_VERSION}")
        for key in ("id", "text"):
            _check_type(data, key, str, where)
        for key in ("outlet", "date", "title", "wire", "event", "url", "byline", "dateline"):
            _check_type(data, key, (str, type(None)), where)
        _check_type(data, "sentences", list, where)
        _check_type(data, "dropped", list, where)
        text = data["text"]
        sentences = tuple(
            _sentence(item, text, f"{where}: sentences[{i}]") for i, item in enumerate(data["sentences"])
        )
        dropped = tuple(_dropped(item, f"{where}: dropped[{i}]") for i, item in enumerate(data["dropped"]))
        evidence = data.get("evidence") or {}
        if not isinstance(evidence, dict):
            raise CorpusError(f"{where}: 'evidence' must be an object")
        stated = data.get("stated") or {}
        if not isinstance(stated, dict) or not all(isinstance(v, str) for v in stated.values()):
            raise CorpusError(f"{where}: 'stated' must be an object of strings")
        return cls(
            id=data["id"],
            outlet=data["outlet"],
            date=data["date"],
            title=data["title"],
            wire=data["wire"],
            event=data["event"],
            url=data["url"],
            byline=data["byline"],
            dateline=data["dateline"],
            text=text,
            sentences=sentences,
            dropped=dropped,
            source_sha256=str(data.get("source_sha256", "")),
            evidence={str(k): str(v) for k, v in evidence.items()},
            updated=_optional_str(data, "updated", where),
            stated={str(k): v for k, v in stated.items()},
        )


def _plain(value: Any) -> Any:
    """A field value as JSON-ready data: dataclasses as dicts in field order, tuples as lists."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value)}  # Sentence, DroppedLine: flat
    if isinstance(value, Mapping):
        return dict(value)
    return value


def _optional_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
    """An optional string key (absent in files written before it existed)."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise CorpusError(f"{where}: key '{key}' has the wrong type ({type(value).__name__})")
    return value


def _check_type(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> None:
    if key not in data:
        raise CorpusError(f"{where}: missing key '{key}'")
    if not isinstance(data[key], kind):
        raise CorpusError(f"{where}: key '{key}' has the wrong type ({type(data[key]).__name__})")


def _sentence(item: Any, text: str, where: str) -> Sentence:
    if not isinstance(item, dict):
        raise CorpusError(f"{where}: expected an object")
    _check_type(item, "text", str, where)
    _check_type(item, "role", str, where)
    for key in ("paragraph", "line", "start", "end"):
        _check_type(item, key, int, where)
    if item["role"] not in ROLES:
        raise CorpusError(f"{where}: role {item['role']!r} is not one of {', '.join(ROLES)}")
    if text[item["start"] : item["end"]] != item["text"]:
        raise CorpusError(f"{where}: offsets {item['start']}-{item['end']} do not hold the sentence's text")
    last_line = item.get("last_line")
    if last_line is not None and not isinstance(last_line, int):
        raise CorpusError(f"{where}: key 'last_line' has the wrong type ({type(last_line).__name__})")
    return Sentence(
        text=item["text"],
        paragraph=item["paragraph"],
        role=item["role"],
        line=item["line"],
        start=item["start"],
        end=item["end"],
        last_line=last_line,
    )


def _dropped(item: Any, where: str) -> DroppedLine:
    if not isinstance(item, dict):
        raise CorpusError(f"{where}: expected an object")
    _check_type(item, "line", int, where)
    _check_type(item, "text", str, where)
    _check_type(item, "reason", str, where)
    return DroppedLine(line=item["line"], text=item["text"], reason=item["reason"])
