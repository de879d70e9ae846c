"""`frozen_dataclass(frozen=True)`: `dataclass(frozen=True)` with shared methods instead of generated ones.

Python 3.11's dataclasses write each class's __init__, __repr__, __eq__, __hash__, __setattr__ and
__delattr__ as source text and compile it with its own `exec`, about 0.1 ms a method: for the 30-odd
settings and result classes a `summitbot ask` loads, some 20 ms of CPU at every start (bench/startup.py).
This decorator lets dataclasses collect the fields (so `dataclasses.fields`, `replace`, `asdict` and
`field(default=..., metadata=...)` work as before) but generates nothing; the methods are closures over
the field list, built without compiling anything. They behave as the generated ones: positional or
keyword arguments in field order, defaults and default factories, `__post_init__`, a repr of the fields
with `repr=True`, equality and hash over the fields with `compare=True` (only with an instance of the very
same class), and FrozenInstanceError on assignment or deletion. Only for classes with a `__dict__` (not
`slots=True`), made a few times per command (settings, answers), not per sentence: an instance costs about
a microsecond more to make than a generated __init__'s.
"""

from __future__ import annotations

import dataclasses
import operator
import reprlib
from collections.abc import Callable
from typing import Any, Literal, TypeVar, dataclass_transform

__all__ = ["frozen_dataclass"]

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def frozen_dataclass(*, frozen: Literal[True] = True) -> Callable[[type[_T]], type[_T]]:
    """`@dataclass(frozen=True)`'s stand-in (a module imports it under that name, so its classes read
    as before): the decorator that makes a class a frozen dataclass with shared methods."""
    return _make


def _make(cls: type[_T]) -> type[_T]:
    """Make `cls` a frozen dataclass (see the module's docstring)."""
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # fields collected, nothing compiled
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    compared = tuple(f.name for f in fields if f.compare)
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    names = frozenset(f.name for f in fields)
    methods = {
        "__init__": _init(cls, fields),
        "__repr__": _repr(tuple(f.name for f in fields if f.repr)),
        "__eq__": _eq(_values(compared)),
        "__hash__": _hash(_values(hashed)),
        "__setattr__": _frozen_setattr(cls, names),
        "__delattr__": _frozen_delattr(cls, names),
    }
    for name, method in methods.items():
        setattr(cls, name, method)
    return cls


_FACTORY = object()  # stands for a field's default factory in the template of values


def _init(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> Any:
    """__init__(self, *fields in order, **by name): every field set in order, then __post_init__."""
    taken = tuple(f.name for f in fields if f.init)
    known = frozenset(taken)
    # dataclasses puts the fields without a default first: the required ones are a prefix of `taken`
    required = sum(1 for f in fields if f.init and f.default is f.default_factory is dataclasses.MISSING)
    factories = {f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING}
    template = {f.name: _FACTORY if f.name in factories else f.default for f in fields}
    post_init = getattr(cls, "__post_init__", None)
    title = cls.__qualname__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(taken):
            count = f"{len(taken) + 1} positional arguments but {len(args) + 1} were given"
            raise TypeError(f"{title}.__init__() takes {count}")
        values = template.copy()  # in field order, as the generated __init__ sets them
        values.update(zip(taken, args, strict=False))  # the first len(args) fields
        if kwargs:
            for name in kwargs:
                if name not in known:
                    raise TypeError(f"{title}.__init__() got an unexpected keyword argument {name!r}")
                if name in taken[: len(args)]:
                    raise TypeError(f"{title}.__init__() got multiple values for argument {name!r}")
            values.update(kwargs)
        for name in taken[len(args) : required]:
            if name not in kwargs:
                raise TypeError(f"{title}.__init__() missing 1 required positional argument: {name!r}")
        for name, factory in factories.items():
            if values[name] is _FACTORY:
                values[name] = factory()
        self.__dict__.update(
            values
        )  # frozen: the instance's own dict, as the generated code's object.__setattr__
        if post_init is not None:
            self.__post_init__()

    __init__.__qualname__ = f"{title}.__init__"
    return __init__


def _repr(shown: tuple[str, ...]) -> Any:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's values of `names`, as the generated methods build it."""
    if not names:
        return lambda _: ()
    get = operator.attrgetter(*names)
    return get if len(names) > 1 else lambda instance: (get(instance),)


def _eq(values: Callable[[Any], tuple[Any, ...]]) -> Any:
    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)  # tuples, as generated: identical items are equal

    return __eq__


def _hash(values: Callable[[Any], tuple[Any, ...]]) -> Any:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _frozen_setattr(cls: type[Any], names: frozenset[str]) -> Any:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr(cls: type[Any], names: frozenset[str]) -> Any:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__
