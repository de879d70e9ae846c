"""Compiled regular expressions kept across processes, so a `summitbot ask` does not compile them again.

`re` compiles a pattern in pure Python (its parser and code generator) and keeps the program only for the
life of the process: the ask path's patterns (the entity-alias alternation of bot/tokenizer.py, the scope
table, the question and evidence patterns) cost about 10 ms of CPU at every start. `compiled(source,
flags)` returns what `re.compile(source, flags)` returns, equal to it (a Pattern compares its program);
the program `re` made for the same text and flags is read from a cache file and handed to the regex
engine, which validates it.

The cache (a line per pattern, its CRC-32 and JSON, appended when it is first compiled) lives in the
config cache's folder (bot/config_cache.py), named for the exact Python build and the regex engine's
format (`sys.hexversion`, `_sre.MAGIC`): a program is only run by the engine and compiler that made it.
It is only a copy: an unreadable or torn line is skipped and compiled again, a folder that cannot be
written costs the cache, never the pattern, and a cache grown past `_MAX_BYTES` (edited configs leave
old alias patterns behind) is started again.
"""

from __future__ import annotations

import _sre
import array
import contextlib
import json
import logging
import os
import re
import sys
import threading
import zlib
from pathlib import Path
from typing import Any

from bot.config_cache import cache_dir

__all__ = ["cache_file", "compiled"]

log = logging.getLogger(__name__)

_MAX_BYTES = 1 << 20
_CODE = "I"  # the engine's code words: unsigned, _sre.CODESIZE (4) bytes
_LOCK = threading.Lock()
_TABLE: dict[str, bytes] = {}
_READ: list[Path] = []  # the file `_TABLE` was read from, once per process


def cache_file() -> Path:
    """This Python's cache of compiled patterns."""
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return cache_dir() / f"patterns-{tag}.jsonl"


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, its program from the cache when this Python compiled it before."""
    if array.array(_CODE).itemsize != _sre.CODESIZE:  # pragma: no cover - no such CPython build today
        return re.compile(source, flags)
    key = f"{int(flags)}:{source}"
    with _LOCK:
        found = _table().get(key)
    if found is not None:
        try:  # an entry is read (JSON) only when its pattern is asked for
            flags_made, groups, groupindex, indexgroup, program = json.loads(found)
            code = array.array(_CODE, bytes.fromhex(program)).tolist()
            return _sre.compile(source, flags_made, code, groups, groupindex, tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError) as exc:  # not a program the engine takes: compile it
            log.debug("cached pattern %r refused (%s); compiling it", source[:40], exc)
    pattern, entry = _compile(source, flags)
    raw = json.dumps(entry, separators=(",", ":")).encode()
    with _LOCK:
        _TABLE[key] = raw
    _append(key, raw)
    return pattern


def _compile(source: str, flags: int) -> tuple[re.Pattern[str], list[Any]]:
    """What re._compiler.compile does, keeping the program it hands to the engine."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    made = int(flags | parsed.state.flags)
    pattern = _sre.compile(source, made, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    program = array.array(_CODE, code).tobytes().hex()  # as text: JSON reads it 10x faster than numbers
    return pattern, [made, parsed.state.groups - 1, groupindex, indexgroup, program]


def _table() -> dict[str, bytes]:
    """Each cached pattern's key (flags and source) and its entry's JSON, unread (see `_append`)."""
    if not _READ:
        try:
            target = cache_file()
            _READ.append(target)
            lines = target.read_bytes().splitlines() if target.is_file() else []
        except (RuntimeError, OSError) as exc:  # no home folder, an unreadable file: no cache
            log.debug("no cache of compiled patterns: %s", exc)
            lines = []
        for line in lines:
            with contextlib.suppress(ValueError, TypeError):  # a torn or foreign line: compiled again
                crc, _, text = line.partition(b" ")
                if int(crc, 16) != zlib.crc32(text):
                    continue
                key, _, entry = text.partition(b"\t")
                _TABLE[json.loads(key)] = entry
    return _TABLE


def _append(key: str, entry: bytes) -> None:
    """One line added to the cache, in one write (lines from processes compiling at once do not mix): the
    CRC-32 of the rest, the key as JSON, a tab (JSON writes none of its own), the entry's JSON."""
    if not _READ:
        return
    target = _READ[0]
    text = json.dumps(key).encode() + b"\t" + entry  # ASCII: lone surrogates escaped
    line = b"%08x %s\n" % (zlib.crc32(text), text)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        grown = target.is_file() and target.stat().st_size > _MAX_BYTES
        mode = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if grown else os.O_APPEND)
        handle = os.open(target, mode, 0o644)
        try:
            os.write(handle, line)
        finally:
            os.close(handle)
    except OSError as exc:  # a read-only or full cache folder: the pattern is compiled every time
        log.debug("cannot write the cache of compiled patterns %s (%s)", target, exc)
