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

`dataclass(frozen=..., slots=...)` is for the other classes, mutable or with slots, some made once per
sentence: the same shared __repr__, __eq__, __hash__ (and frozen __setattr__, __delattr__), but a generated
__init__, as fast as dataclasses' own, compiled when the first instance is made. A class no command of a
process makes (most on the path of one `summitbot ask`) never compiles anything.
"""

from __future__ import annotations

import dataclasses
import inspect
import operator
import reprlib
import sys
from collections.abc import Callable
from typing import Any, Literal, TypeVar, dataclass_transform

__all__ = ["dataclass", "frozen_dataclass"]

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


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: type[_T] | None = None, /, *, frozen: bool = False, slots: bool = False) -> Any:
    """`dataclasses.dataclass` (bare, or with `frozen` and `slots`) whose __init__ is compiled at the first
    instance and whose other methods are shared (see the module's docstring). A class without a docstring
    (dataclasses writes its signature into one), with an `InitVar` or keyword-only fields, or with a
    dataclass base is left to dataclasses itself."""

    def wrap(target: type[_T]) -> type[_T]:
        if target.__doc__ is None or _unusual(target):
            return dataclasses.dataclass(frozen=frozen, slots=slots)(target)
        return _lazy(target, frozen=frozen, slots=slots)

    return wrap if cls is None else wrap(cls)


def _unusual(cls: type[Any]) -> bool:
    """InitVar or keyword-only fields, or a dataclass base (whose frozenness dataclasses checks)."""
    notes = inspect.get_annotations(cls)  # the class body's own, as text
    return (
        any("InitVar" in str(note) or "KW_ONLY" in str(note) for note in notes.values())
        or any(isinstance(v, dataclasses.Field) and v.kw_only is True for v in vars(cls).values())
        or any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:])
    )


def _lazy(cls: type[_T], *, frozen: bool, slots: bool) -> type[_T]:
    own = dict(vars(cls))  # what the class body itself defines is kept, as dataclasses keeps it
    explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
    if frozen and ("__setattr__" in own or "__delattr__" in own):
        return dataclasses.dataclass(frozen=True, slots=slots)(cls)  # its own error
    made: type[_T] = dataclasses.dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    names = frozenset(f.name for f in fields)
    methods: dict[str, Any] = {
        "__init__": _first_init(made, frozen=frozen, slots=slots),
        "__repr__": _repr(tuple(f.name for f in fields if f.repr)),
        "__eq__": _eq(_values(tuple(f.name for f in fields if f.compare))),
    }
    if not explicit_hash:  # eq=True: hashable by its fields when frozen, unhashable when not
        hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
        methods["__hash__"] = _hash(_values(hashed)) if frozen else None
    if frozen:
        methods["__setattr__"] = _frozen_setattr(made, names)
        methods["__delattr__"] = _frozen_delattr(made, names)
        if slots:  # copy and pickle restore slots with setattr, which a frozen class refuses
            methods["__getstate__"] = _getstate
            methods["__setstate__"] = _setstate
    for name, method in methods.items():
        if name not in own or name == "__hash__":
            setattr(made, name, method)
    return made


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=False):
        object.__setattr__(self, f.name, value)


class _DefaultFactory:
    """Stands for a field's default factory in a compiled __init__'s signature, shown as dataclasses'."""

    def __repr__(self) -> str:
        return "<factory>"


_DEFAULT_FACTORY = _DefaultFactory()


def _first_init(cls: type[Any], *, frozen: bool, slots: bool) -> Any:
    """An __init__ that compiles the class's own (`_compiled_init`) when it first runs, puts it in its
    place on the class, and runs it."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        compiled = _compiled_init(cls, frozen=frozen, slots=slots)
        cls.__init__ = compiled
        compiled(self, *args, **kwargs)

    __init__.__qualname__ = f"{cls.__qualname__}.__init__"
    return __init__


def _compiled_init(cls: type[Any], *, frozen: bool, slots: bool) -> Any:
    """The __init__ dataclasses would write (`_init_source`), its free names bound as closure cells, as
    dataclasses binds them."""
    fields = dataclasses.fields(cls)
    source, cells = _init_source(fields, frozen=frozen, slots=slots, post_init=hasattr(cls, "__post_init__"))
    module = sys.modules.get(cls.__module__)
    namespace: dict[str, Any] = {}
    exec(source, vars(module) if module is not None else {}, namespace)
    init = namespace["__create_fn__"](*cells.values())
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {f.name: f.type for f in fields if f.init} | {"return": None}
    return init


def _init_source(
    fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, slots: bool, post_init: bool
) -> tuple[str, dict[str, Any]]:
    """dataclasses' __init__ as source: the fields as parameters in order, defaults and default factories,
    init=False fields set from theirs (a plain default only with slots: otherwise the class attribute
    holding it is read), frozen fields set through object.__setattr__, then __post_init__;
    and the values of its free names."""
    me = "__dataclass_self__" if "self" in {f.name for f in fields} else "self"
    cells: dict[str, Any] = {
        "__dataclass_factory__": _DEFAULT_FACTORY,
        "__dataclass_setattr__": object.__setattr__,
    }
    params, body = [me], []
    for f in fields:
        default = f"__dataclass_dflt_{f.name}__"
        if f.default_factory is not dataclasses.MISSING:
            cells[default] = f.default_factory
            given = f"{default}() if {f.name} is __dataclass_factory__ else {f.name}"
            value = given if f.init else f"{default}()"
            params += [f"{f.name}=__dataclass_factory__"] if f.init else []
        elif f.default is not dataclasses.MISSING:
            if not (f.init or slots):
                continue
            cells[default] = f.default
            value = f.name if f.init else default
            params += [f"{f.name}={default}"] if f.init else []
        elif f.init:
            value = f.name
            params.append(f.name)
        else:
            continue
        body.append(
            f"__dataclass_setattr__({me}, {f.name!r}, {value})" if frozen else f"{me}.{f.name} = {value}"
        )
    body += [f"{me}.__post_init__()"] if post_init else []
    lines = "".join(f"  {line}\n" for line in body or ["pass"])
    head = f"def __create_fn__({', '.join(cells)}):\n def __init__({', '.join(params)}):\n"
    return f"{head}{lines} return __init__\n", cells
