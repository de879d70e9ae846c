"""The kinds of bad input a new user might give the command line, each with the outcome it must have.

Data for `python -m bench.bad_input` (which runs every case as a real process and prints a table)
and for tests/test_bad_input.py (which runs them through `main(argv)`, or a process where one is needed).
Paths in `argv` may use `{scratch}` (a fresh folder holding the case's `files`) and `{root}` (the project).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CASES", "Case", "config_with", "offline_config"]

FileMaker = Callable[[Path], bytes]


@dataclass(frozen=True)
class Case:
    """One kind of bad input: the command, what it is fed, and the exit status and message it must give."""

    name: str
    argv: tuple[str | bytes, ...]
    status: int
    message: str = ""  # a fragment of the one line on stderr ("" when it must be silent or may vary)
    stdin: bytes = b""
    env: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, bytes | FileMaker] = field(default_factory=dict)
    stdout: str | None = None  # "/dev/full", or "closed" for a pipe whose reader has gone
    process: bool = False  # only a real process shows it (stdio encodings, /dev/full, a closed pipe)
    closes: tuple[int, ...] = ()  # file descriptors closed in the process before it starts (0: `<&-`)
    corpus_copy: bool = False  # runs against a scratch copy of the corpus (it may write)


def config_with(old: str, new: str) -> FileMaker:
    """config.yaml with one text replaced, its corpus pointed at the project's."""

    def make(root: Path) -> bytes:
        text = (root / "config.yaml").read_text(encoding="utf-8")
        if old not in text:
            raise ValueError(f"config.yaml no longer holds {old!r}")
        text = text.replace(old, new).replace("corpus: corpus ", f"corpus: {root / 'corpus'} ", 1)
        return text.encode("utf-8")

    return make


CONFIG = ("--config", "{scratch}/config.yaml")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
ASK = ("ask", "How long did the Putin-Obama meeting at the UN last?")
OFFLINE = {
    "connect_attempts: 5": "connect_attempts: 2",
    "connect_backoff_seconds: 2": "connect_backoff_seconds: 0",
}


def offline_config(root: Path) -> bytes:
    """config.yaml that gives up on Discord after two quick tries."""
    text = config_with("dev_guild: null", "dev_guild: null")(root).decode("utf-8")
    for old, new in OFFLINE.items():
        text = text.replace(old, new)
    return text.encode("utf-8")


_QUESTIONS = [
    Case("ask: an empty question", ("ask", ""), 1, "Ask a question"),
    Case("ask: only spaces", ("ask", "   \t "), 1, "Ask a question"),
    Case("ask: 10,000 characters", ("ask", "x" * 10_000), 1, "characters long"),
    Case("ask: only stopwords", ("ask", "the of and to is"), 1, ""),
    Case("ask: only punctuation", ("ask", "?!?...,;"), 1, ""),
    Case("ask: another script", ("ask", "Сколько длилась встреча Путина и Обамы?"), 1, ""),
    Case("ask: emoji only", ("ask", "\U0001f642\U0001f30d\U0001f91d"), 1, ""),
    Case("ask: invalid UTF-8 only", ("ask", b"\xff\xfe\xfd"), 1, ""),
    Case(
        "ask: invalid UTF-8 inside a question", ("ask", b"How long did the \xff meeting at the UN last?"), 0
    ),
    Case(
        "ask --json: invalid UTF-8 inside a question",
        ("ask", "--json", b"Putin \xc3\x28 Obama meeting"),
        0,
        process=True,
    ),
    Case("ask: zero-width characters only", ("ask", "\u200b\u200c\u200d\ufeff"), 1, "Ask a question"),
    Case(
        "ask: a zero-width space inside a word",
        ("ask", "How long did the Pu\u200btin-Obama meeting last?"),
        0,
    ),
    Case("ask: a Discord mention only", ("ask", "<@123456789012345678>"), 1, "Ask a question"),
    Case("ask: markdown only", ("ask", "** __ ~~ || ``"), 1, "Ask a question"),
    Case("ask: terminal escape codes", ("ask", "\x1b[31mHow long\x1b[0m did the meeting last?\x07"), 0),
    Case("ask: a right-to-left override", ("ask", "\u202eHow long did the meeting last?"), 0),
    Case("ask --top 0", ("ask", "--top", "0", "hello"), 2, "must be between 1 and 25"),
    Case("ask --top abc", ("ask", "--top", "abc", "hello"), 2, "expected a whole number"),
    Case("ask --top 99", ("ask", "--top", "99", "hello"), 2, "must be between 1 and 25"),
    Case("ask with no question", ("ask",), 2, "required"),
    Case("an unknown command", ("frobnicate",), 2, "invalid choice"),
    Case("no command at all", (), 2, "required"),
    Case("an unknown option", ("ask", "--fast", "hello"), 2, "unrecognized arguments"),
]

_CONVERSATION = [
    Case(
        "chat: invalid UTF-8 on stdin",
        ("chat", "--json"),
        0,
        stdin=b"Putin \xff\xfe Obama meeting?\n",
        process=True,
    ),
    Case("chat: binary stdin", ("chat", "--json"), 0, stdin=PNG),
    Case("chat: NUL bytes on stdin", ("chat",), 0, stdin=b"How long\x00 did the meeting last?\n"),
    Case("chat: an empty stdin", ("chat", "--json"), 0),
    Case("chat: a 10,000-character line", ("chat", "--json"), 0, stdin=b"w" * 10_000 + b"\n"),
    Case("chat: Latin-1 on stdin", ("chat",), 0, stdin="Où était la réunion?\n".encode("latin-1")),
    Case("compare: an empty topic", ("compare", ""), 1, "topic is empty"),
    Case("compare: invalid UTF-8", ("compare", b"\xff\xfe"), 1, ""),
    Case("compare: invalid UTF-8 inside a topic", ("compare", "--json", b"sanctions \xff"), 0, process=True),
    Case("compare: 10,000 characters", ("compare", "y" * 10_000), 1, ""),
    Case("compare: only stopwords", ("compare", "the and of"), 1, ""),
    Case("quote: an empty speaker", ("quote", "--speaker", ""), 1, "speaker is empty"),
    Case("quote: an empty topic", ("quote", "--topic", ""), 1, "topic is empty"),
    Case("quote: invalid UTF-8 speaker", ("quote", "--speaker", b"Put\xffin"), 0),
    Case("quote: a speaker as a mention", ("quote", "--speaker", "<@!123456789012345678>"), 1, ""),
    Case("show: an unknown id", ("show", "nope"), 1, "no article with id 'nope'"),
    Case("show: an empty id", ("show", ""), 1, "no article with id"),
    Case("show: a path as id", ("show", "../../etc/passwd"), 1, "no article with id"),
    Case("show: invalid UTF-8 id", ("show", b"\xff"), 1, "no article with id"),
]

_GOLD = [
    Case("eval: a missing gold file", ("eval", "/nonexistent/gold.yaml"), 1, "cannot read the gold file"),
    Case("eval: a binary gold file", ("eval", "{scratch}/gold.yaml"), 1, "gold", files={"gold.yaml": PNG}),
    Case(
        "eval: a Latin-1 gold file",
        ("eval", "{scratch}/gold.yaml"),
        1,
        "cannot read the gold file",
        files={"gold.yaml": "questions:\n  - question: Où?\n".encode("latin-1")},
    ),
    Case(
        "eval: an empty gold file",
        ("eval", "{scratch}/g.yaml"),
        1,
        "expected a mapping",
        files={"g.yaml": b""},
    ),
    Case("eval: a list, not a mapping", ("eval", "{scratch}/g.yaml"), 1, "", files={"g.yaml": b"- a\n- b\n"}),
    Case("eval: broken YAML", ("eval", "{scratch}/g.yaml"), 1, "cannot read", files={"g.yaml": b"a: [b\n"}),
    Case("eval: a folder as gold file", ("eval", "{scratch}"), 1, "cannot read the gold file"),
    Case(
        "eval: a question without its text",
        ("eval", "{scratch}/g.yaml"),
        1,
        "needs 'id' and 'question'",
        files={"g.yaml": b"questions:\n  - id: q1\n"},
    ),
]


def _config_case(name: str, old: str, new: str, message: str) -> Case:
    return Case(
        f"config: {name}", (*CONFIG, "sources"), 2, message, files={"config.yaml": config_with(old, new)}
    )


_CONFIG = [
    Case("config: a missing file", ("--config", "/nonexistent.yaml", "sources"), 2, "config file not found"),
    _config_case("a month-13 date", "start: 2015-09-20", "start: 2015-13-20", "not a valid date"),
    _config_case("February 30th", "start: 2015-09-20", "start: 2015-02-30", "not a valid date"),
    _config_case("a date in 1800", "start: 2015-09-20", "start: 1800-09-20", "must be between"),
    _config_case("a date as words", "start: 2015-09-20", "start: last tuesday", "expected a date"),
    _config_case("an end before the start", "end: 2015-10-15", "end: 2015-09-01", "end comes before"),
    _config_case("NaN", "k1: 1.2", "k1: .nan", "finite number"),
    _config_case("infinity", "b: 0.75", "b: .inf", "finite number"),
    _config_case("b above 1", "b: 0.75", "b: 1.5", "must be between"),
    _config_case("a share above 1", "min_latin_share: 0.5", "min_latin_share: 2", "must be between"),
    _config_case("a word for a number", "k1: 1.2", "k1: fast", "expected a number"),
    _config_case("a negative count", "top: 3 ", "top: -3 ", "must not be negative"),
    _config_case("a float for a count", "top: 3 ", "top: 2.5 ", "expected a whole number"),
    _config_case("an unknown key", "k1: 1.2", "k1: 1.2\n  speed: 11", "unknown key"),
    _config_case("an unknown variant", "variant: okapi", "variant: bm99", "expected one of"),
    _config_case("discord.answers 0", "answers: 3", "answers: 0", "must be between"),
    _config_case("a negative channel id", "allowed_channels: []", "allowed_channels: [-5]", "negative"),
    _config_case(
        "a 30-digit channel id", "allowed_channels: []", f"allowed_channels: [{'9' * 30}]", "between"
    ),
    _config_case("a huge queue", "queue_limit: 256", "queue_limit: 10000000000", "must be between"),
    _config_case("a true for a number", "cooldown_rate: 5", "cooldown_rate: true", "expected a whole number"),
    _config_case("a duplicate event id", "id: g20-2016", "id: unga-2015", "duplicate event id"),
    Case(
        "config: not UTF-8",
        (*CONFIG, "sources"),
        2,
        "cannot read",
        files={"config.yaml": b"corpus: \xff\xfe\n"},
    ),
    Case("config: binary", (*CONFIG, "sources"), 2, "", files={"config.yaml": PNG}),
    Case("config: broken YAML", (*CONFIG, "sources"), 2, "not valid YAML", files={"config.yaml": b"a: [b\n"}),
    Case(
        "config: a list at the top",
        (*CONFIG, "sources"),
        2,
        "expected a mapping",
        files={"config.yaml": b"- 1\n"},
    ),
    Case("config: a folder", ("--config", "{scratch}", "sources"), 2, "cannot read the config file"),
]

_CORPUS = [
    Case("ingest: a missing file", ("ingest", "/nonexistent/file.txt"), 1, "no such file", corpus_copy=True),
    Case(
        "ingest: an empty file", ("ingest", "{scratch}/e.txt"), 1, "", files={"e.txt": b""}, corpus_copy=True
    ),
    Case(
        "ingest: a binary file", ("ingest", "{scratch}/b.txt"), 1, "", files={"b.txt": PNG}, corpus_copy=True
    ),
    Case(
        "ingest: Latin-1 text",
        ("ingest", "{scratch}/l.txt"),
        1,
        "",
        files={"l.txt": ("Réunion à New York. " * 20).encode("latin-1")},
        corpus_copy=True,
    ),
    Case(
        "ingest: a month-13 --date",
        ("ingest", "{root}/tests/fixtures/wordpress_repost.txt", "--date", "2016-13-01"),
        1,
        "",
        corpus_copy=True,
    ),
    Case(
        "ingest: a non-UTF-8 sources.yaml",
        ("ingest", "{scratch}/folder"),
        1,
        "",
        files={
            "folder/sources.yaml": b"a.txt:\n  outlet: \xff\xfe\n",
            "folder/a.txt": b"Putin met Obama. " * 20,
        },
        corpus_copy=True,
    ),
    Case(
        "--corpus: a missing folder", ("--corpus", "/nonexistent-corpus", "sources"), 1, "no cleaned corpus"
    ),
    Case("--corpus: a file", ("--corpus", "{root}/config.yaml", *ASK), 1, ""),
    Case(
        "--corpus: a broken cleaned article",
        ("--corpus", "{scratch}/c", "sources"),
        1,
        "",
        files={"c/clean/x.json": b"{not json", "c/raw/x.txt": b"text"},
    ),
]

_STDIO = [
    Case("PYTHONIOENCODING=ascii", ASK, 0, env={"PYTHONIOENCODING": "ascii"}, process=True),
    Case(
        "PYTHONIOENCODING=latin-1, --json",
        (*ASK[:1], "--json", ASK[1]),
        0,
        env={"PYTHONIOENCODING": "latin-1"},
        process=True,
    ),
    Case("stdout on a full disk: ask", ASK, 74, "cannot write", stdout="/dev/full", process=True),
    Case(
        "stdout on a full disk: sources --json",
        ("sources", "--json"),
        74,
        "cannot write",
        stdout="/dev/full",
        process=True,
    ),
    Case("stdout on a full disk: --help", ("--help",), 74, "cannot write", stdout="/dev/full", process=True),
    Case("stdin closed: chat", ("chat",), 0, closes=(0,), process=True),
    Case("stdout closed: sources --json", ("sources", "--json"), 0, closes=(1,), process=True),
    Case("stderr closed: an empty question", ("ask", ""), 1, closes=(2,), process=True),
    Case("config: /dev/zero", ("--config", "/dev/zero", "sources"), 2, "larger than 1,000,000 bytes"),
    Case("config: /dev/urandom", ("--config", "/dev/urandom", "sources"), 2, "cannot read the config file"),
    Case("eval: /dev/zero as gold file", ("eval", "/dev/zero"), 1, "larger than 10,000,000 bytes"),
    Case("stdout a closed pipe: show", ("show", "003_d85496804ebe8909"), 0, stdout="closed", process=True),
    Case(
        "stdout a closed pipe: chat",
        ("chat",),
        0,
        stdin=b"Who hosted the luncheon?\n" * 5,
        stdout="closed",
        process=True,
    ),
]

_DISCORD = [
    Case("run: no DISCORD_TOKEN", ("run",), 2, "DISCORD_TOKEN is not set"),
    Case("sync: no DISCORD_TOKEN", ("sync",), 2, "DISCORD_TOKEN is not set"),
    Case(
        "run: Discord unreachable",
        ("--config", "{scratch}/config.yaml", "run"),
        2,
        "cannot reach Discord",
        env={"DISCORD_TOKEN": "MTIz.unreachable.secret"},
        files={"config.yaml": offline_config},
    ),
    Case(
        "sync: Discord unreachable",
        ("--config", "{scratch}/config.yaml", "sync", "--guild", "1"),
        2,
        "cannot reach Discord",
        env={"DISCORD_TOKEN": "MTIz.unreachable.secret"},
        files={"config.yaml": offline_config},
    ),
    Case(
        "run: a token with a curly quote",
        ("run",),
        2,
        "characters a bot token",
        env={"DISCORD_TOKEN": "MTIz.abc’def"},
    ),
    Case(
        "sync: a token with a space",
        ("sync",),
        2,
        "characters a bot token",
        env={"DISCORD_TOKEN": "MTIz.abc def"},
    ),
    Case("run: --shards x", ("run", "--shards", "x"), 2, "expected shard ids"),
    Case("run: --shard-count 0", ("run", "--shard-count", "0"), 1, "at least 1"),
    Case("sync: --guild abc", ("sync", "--guild", "abc"), 2, "invalid int value"),
]

CASES: tuple[Case, ...] = (*_QUESTIONS, *_CONVERSATION, *_GOLD, *_CONFIG, *_CORPUS, *_STDIO, *_DISCORD)
