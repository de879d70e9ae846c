"""A derived cache of config.yaml's parsed data, so a `summitbot ask` does not run the YAML parser at start.

Parsing config.yaml with `yaml.safe_load` (pure Python) cost more than the rest of a start. The cache holds
what safe_load returned, as JSON, keyed by the BLAKE2b digest of the text (bot/digest.py) and a schema
version, one file per config path in the cache folder (`SUMMITBOT_CACHE`, else
`$XDG_CACHE_HOME/summitbot`, else `~/.cache/summitbot`), written atomically. It is only ever a copy:
validation (and its file:line errors) runs on the data as it would on safe_load's, a stale or unreadable
cache is rebuilt from the YAML, and a folder that cannot be written costs the cache, never the command.
Data JSON cannot carry exactly (a key that is not a string, binary) is simply not cached.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.digest import key_digest

__all__ = ["CACHE_ENV", "SCHEMA", "cache_dir", "cache_file", "cached_parse"]

log = logging.getLogger(__name__)

CACHE_ENV = "SUMMITBOT_CACHE"
SCHEMA = 2  # bump when the encoding below changes (2: keyed by BLAKE2b, bot/digest.py)
_TAGS: dict[str, Callable[[str], Any]] = {
    "$date": dt.date.fromisoformat,
    "$datetime": dt.datetime.fromisoformat,
}


class _Unencodable(Exception):
    """A value JSON would not give back as it was."""


def cache_dir() -> Path:
    """Where derived caches live: SUMMITBOT_CACHE, else the XDG cache folder."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "summitbot"


def cache_file(path: Path) -> Path:
    """The cache of one config file: named by its absolute path, so two configs never share one."""
    name = key_digest(str(path.resolve()).encode("utf-8", "surrogateescape"))[:24]
    return cache_dir() / f"config-{name}.json"


def cached_parse(text: str, path: Path, parse: Callable[[str, Path], Any]) -> Any:
    """`parse(text, path)`'s result, from the cache when it was made from this very text."""
    digest = key_digest(text.encode("utf-8", "surrogateescape"))
    try:
        target = cache_file(path)
    except (RuntimeError, OSError) as exc:  # no home folder to hold a cache (HOME unset, no passwd entry)
        log.debug("config %s is not cached: %s", path, exc)
        return parse(text, path)
    found = _read(target, digest)
    if found is not _MISS:
        return found
    data = parse(text, path)
    try:
        encoded = _encode(data)
    except _Unencodable as exc:
        log.debug("config %s is not cached: %s", path, exc)
        return data
    _write(target, {"schema": SCHEMA, "digest": digest, "data": encoded})
    return data


_MISS = object()


def _read(target: Path, digest: str) -> Any:
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return _MISS
    except OSError as exc:
        log.debug("cannot read the config cache %s (%s)", target, exc)
        return _MISS
    try:
        entry = json.loads(raw, object_hook=_decode)  # tags are read as the parser meets them
        if entry["schema"] != SCHEMA or entry["digest"] != digest:
            log.debug("the config cache %s is stale; reading the YAML", target)
            return _MISS
        return entry["data"]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # corrupt: rebuilt below
        log.warning("the config cache %s is corrupt (%s); rebuilding it from the YAML", target, exc)
        return _MISS


def _write(target: Path, entry: dict[str, Any]) -> None:
    """Atomically (a temporary file renamed over it): a reader sees the old cache or the new, whole."""
    import tempfile  # here, not at the top: it imports shutil and the compressors, and a hit never writes

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".config-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(entry, out, ensure_ascii=False, allow_nan=False)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except (OSError, ValueError) as exc:  # a read-only or full cache folder: run without the cache
        log.debug("cannot write the config cache %s (%s)", target, exc)


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Unencodable(f"the number {value!r}")
        return value
    if isinstance(value, dt.datetime):  # before date: a datetime is a date too
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str) or key.startswith("$"):
                raise _Unencodable(f"the key {key!r}")
        return {key: _encode(item) for key, item in value.items()}
    raise _Unencodable(f"a value of type {type(value).__name__}")


def _decode(mapping: dict[str, Any]) -> Any:
    """One JSON object as it was encoded: a tag ({"$date": text}) as its value, any other as is. Called
    by the JSON parser for each object, innermost first (311 calls for config.yaml, where walking the
    whole tree again took 2,400)."""
    if len(mapping) == 1:
        ((key, item),) = mapping.items()
        if key in _TAGS:
            return _TAGS[key](item)
    return mapping
