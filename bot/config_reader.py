"""Reading config files: YAML parsed with safe_load, then built into frozen dataclasses key by key.

Generic over the settings classes (bot/config.py declares them): each dataclass field's annotation says what a
key holds, and every fault is reported with the file, the line and the dotted key
(``config.yaml:12: retrieval.k1: expected a number, got 'fast'``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from bot.errors import ConfigError

if typing.TYPE_CHECKING:
    import yaml

__all__ = ["Reader", "describe", "hints", "parse_yaml"]


def parse_yaml(text: str, path: Path) -> Any:
    import yaml  # only here and for errors: a start from the cache (bot/config_cache.py) never needs it

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{line}: not valid YAML ({problem})") from None
    except (ValueError, OverflowError):  # a scalar YAML reads as a date, but no such date exists
        raise _bad_scalar(text, path) from None
    return {} if data is None else data


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _bad_scalar(text: str, path: Path) -> ConfigError:
    """The error for the first scalar that YAML cannot construct (2015-13-01), with its line."""
    import yaml

    for scalar in _scalars(yaml.compose(text, Loader=yaml.SafeLoader)):
        if scalar.tag != _TIMESTAMP_TAG:  # only what YAML itself reads as a date can fail to be one
            continue
        try:
            yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), scalar)
        except (ValueError, OverflowError):
            line = scalar.start_mark.line + 1
            return ConfigError(f"{path}:{line}: not a valid date: {scalar.value!r} (expected YYYY-MM-DD)")
    return ConfigError(f"{path}: a value cannot be read (expected dates as YYYY-MM-DD)")


def _scalars(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [s for child in node.value for s in _scalars(child)]
    if isinstance(node, yaml.MappingNode):
        return [s for pair in node.value for child in pair for s in _scalars(child)]
    return []


class _Schema(typing.NamedTuple):
    """What reading a dataclass's entries needs, worked out once per class (a long table has hundreds)."""

    hints: dict[str, Any]  # resolved annotations
    fields: dict[str, dataclasses.Field[Any]]  # by name, but `source` (set by the reader, never read)
    required: tuple[str, ...]  # fields with no default


_SCHEMAS: dict[type[Any], _Schema] = {}
_SHAPES: dict[Any, tuple[Any, tuple[Any, ...]]] = {}  # a setting type's typing origin and arguments


def _schema(cls: type[Any]) -> _Schema:
    schema = _SCHEMAS.get(cls)
    if schema is None:
        fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "source"}
        required = tuple(
            name
            for name, f in fields.items()
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        )
        schema = _SCHEMAS[cls] = _Schema(hints(cls, fields), fields, required)
    return schema


_HINTS: dict[tuple[str, str], Any] = {}  # (module, annotation text) -> the type it names


def hints(cls: type[Any], fields: dict[str, dataclasses.Field[Any]]) -> dict[str, Any]:
    """`typing.get_type_hints(cls)` for `fields`, each distinct annotation text evaluated once: 180
    fields of config.yaml's classes are written with 31 texts ("int" 97 times), and get_type_hints
    compiles every one of them (about 2 ms of each start). Our own annotations, in the class's module."""
    hints = {}
    for name, spec in fields.items():
        if not isinstance(spec.type, str):
            hints[name] = spec.type
            continue
        key = (cls.__module__, spec.type)
        if key not in _HINTS:
            _HINTS[key] = eval(spec.type, vars(sys.modules[cls.__module__]))
        hints[name] = _HINTS[key]
    return hints


class Reader:
    """Builds dataclasses from plain YAML data, reporting faults with the file, line and dotted key."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, key: tuple[str | int, ...], message: str) -> ConfigError:
        dotted = ".".join(f"[{k}]" if isinstance(k, int) else k for k in key).replace(".[", "[")
        line = self._line(key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {dotted or '(top level)'}: {message}")

    def _line(self, key: tuple[str | int, ...]) -> int | None:
        # the node tree (with line marks) is composed only for an error: parsing the file twice on
        # every start cost as much as the rest of a `summitbot ask`
        import yaml

        node = yaml.compose(self.text, Loader=yaml.SafeLoader)
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
            raise self.error(key, f"expected a mapping, got {describe(data)}")
        hints, fields, required = _schema(cls)
        unknown = [k for k in data if k not in fields]
        if unknown:
            raise self.error((*key, str(unknown[0])), f"unknown key (known: {', '.join(fields)})")
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in data:
                values[name] = self.convert(hints[name], data[name], (*key, name))
                self._check_range(spec, values[name], (*key, name))
        missing = [name for name in required if name not in values]
        if missing:
            raise self.error((*key, missing[0]), "missing required key")
        return cls(**values)

    def _check_range(self, spec: dataclasses.Field[Any], value: Any, key: tuple[str | int, ...]) -> None:
        """A key declared with ``metadata={"range": (low, high)}`` must lie in that closed interval."""
        bounds = spec.metadata.get("range")
        if bounds is None or value is None or isinstance(value, bool):
            return
        if isinstance(value, tuple):  # a list of numbers: each one
            for i, item in enumerate(value):
                self._check_range(spec, item, (*key, i))
            return
        low, high = bounds
        if not low <= value <= high:
            shown = value.isoformat() if isinstance(value, dt.date) else repr(value)
            raise self.error(key, f"must be between {low} and {high}, got {shown}")

    def convert(self, hint: Any, value: Any, key: tuple[str | int, ...]) -> Any:
        """`value` checked and converted to `hint`: a plain type, or a union, literal, tuple or dataclass."""
        plain = _PLAIN.get(hint) if isinstance(hint, type) else None
        if plain is not None:  # the common case (2,000 values of config.yaml), without typing's inspection
            return plain(self, value, key)
        shape = _SHAPES.get(hint)
        if shape is None:
            shape = _SHAPES[hint] = (typing.get_origin(hint), typing.get_args(hint))
        origin, args = shape
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
                raise self.error(key, f"expected a list, got {describe(value)}")
            if args[0] is str and all(isinstance(item, str) and item.strip() for item in value):
                return tuple(value)  # the common list, every item as _to_str would pass it
            return tuple(self.convert(args[0], item, (*key, i)) for i, item in enumerate(value))
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return self.build(hint, value, key)
        raise self.error(key, f"unsupported setting type {hint!r}")  # pragma: no cover - a programming error


def _to_bool(reader: Reader, value: Any, key: tuple[str | int, ...]) -> bool:
    if not isinstance(value, bool):
        raise reader.error(key, f"expected true or false, got {describe(value)}")
    return value


def _to_int(reader: Reader, value: Any, key: tuple[str | int, ...]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise reader.error(key, f"expected a whole number, got {describe(value)}")
    if value < 0:
        raise reader.error(key, "must not be negative")
    return value


def _to_float(reader: Reader, value: Any, key: tuple[str | int, ...]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise reader.error(key, f"expected a number, got {describe(value)}")
    if not math.isfinite(value):
        raise reader.error(key, f"expected a finite number, got {value!r}")
    if value < 0:
        raise reader.error(key, "must not be negative")
    return float(value)


def _to_str(reader: Reader, value: Any, key: tuple[str | int, ...]) -> str:
    if not isinstance(value, str) or not value.strip():
        raise reader.error(key, f"expected a non-empty string, got {describe(value)}")
    return value


def _to_path(reader: Reader, value: Any, key: tuple[str | int, ...]) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise reader.error(key, f"expected a path, got {describe(value)}")
    return Path(value)


def _to_date(reader: Reader, value: Any, key: tuple[str | int, ...]) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise reader.error(key, f"expected a date YYYY-MM-DD, got {value!r}") from None


# The plain setting types and their checks, looked up by the exact type (a subclass is not one of them).
_PLAIN: dict[type[Any], Any] = {
    bool: _to_bool,
    int: _to_int,
    float: _to_float,
    str: _to_str,
    Path: _to_path,
    dt.date: _to_date,
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)
