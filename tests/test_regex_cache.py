"""bot/regex_cache.py: a pattern from the cache is the one `re.compile` makes, and a damaged cache costs only
the cache."""

from __future__ import annotations

import array
import json
import re
import zlib
from pathlib import Path

import pytest

from bot import regex_cache

PATTERNS = [
    (r"\bhow (many|much)\b(?!\s+years)|\bwhat (number|share)\b", 0),
    (r"^(?P<who>[^?,;]+?)\s+(?:said|told)\b", re.IGNORECASE),
    (r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['-][^\W_]+)*", re.UNICODE),
    ("[\ud800-\udfff]", 0),  # lone surrogates survive the file
    (r"(?<![\w.])(?:(?=[pv])(?:vladimir\ putin|putin))(?![\w])", 0),
]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the process's table forgotten (as in a new process)."""
    monkeypatch.setenv("SUMMITBOT_CACHE", str(tmp_path))
    _forget()
    yield tmp_path
    _forget()


def _forget() -> None:
    regex_cache._READ.clear()
    regex_cache._TABLE.clear()


def _same(source: str, flags: int) -> None:
    ours, theirs = regex_cache.compiled(source, flags), re.compile(source, flags)
    assert ours == theirs  # a Pattern compares its flags and its program
    assert (ours.flags, ours.groups, ours.groupindex) == (theirs.flags, theirs.groups, theirs.groupindex)


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_compiled_then_read_back_is_what_re_compiles(fresh: Path, source: str, flags: int) -> None:
    _same(source, flags)
    assert regex_cache.cache_file().is_file()
    _forget()  # a new process reads the program from the file
    _same(source, flags)
    assert len(regex_cache.cache_file().read_bytes().splitlines()) == 1  # nothing compiled again


def test_a_damaged_line_is_compiled_again(fresh: Path) -> None:
    source, flags = PATTERNS[1]
    regex_cache.compiled(source, flags)
    target = regex_cache.cache_file()
    line = target.read_bytes()
    target.write_bytes(line[:-20] + b"\n")  # torn: its CRC no longer holds
    _forget()
    _same(source, flags)
    assert len(target.read_bytes().splitlines()) == 2  # the whole line written again


def test_a_program_the_engine_refuses_is_compiled_again(fresh: Path) -> None:
    source, flags = PATTERNS[0]
    program = array.array("I", [1, 2, 3]).tobytes().hex()
    entry = json.dumps([32, 2, {}, [None, None, None], program]).encode()
    text = json.dumps(f"{flags}:{source}").encode() + b"\t" + entry
    target = regex_cache.cache_file()
    target.write_bytes(b"%08x %s\n" % (zlib.crc32(text), text))
    _same(source, flags)


def test_a_folder_that_cannot_be_written_costs_only_the_cache(fresh: Path) -> None:
    blocker = fresh / "file"
    blocker.write_text("not a folder")
    regex_cache._READ.append(blocker / "patterns.jsonl")  # its parent is a file: nothing can be written
    _same(*PATTERNS[2])
    assert not (blocker / "patterns.jsonl").exists()


def test_the_file_is_named_for_this_python_and_engine(fresh: Path) -> None:
    import _sre
    import sys

    name = regex_cache.cache_file().name
    assert f"{sys.hexversion:x}" in name and str(_sre.MAGIC) in name
