"""bot/frozen.py's `dataclass` (an __init__ compiled at the first instance) behaves as dataclasses', side by
side: frozen or mutable, with slots or without."""

from __future__ import annotations

import copy
import dataclasses
import inspect
from typing import Any

import pytest

from bot import frozen
from bot.models import Article, Sentence


def _body() -> dict[str, object]:
    return {
        "__annotations__": {
            "name": "str",
            "size": "int",
            "tags": "tuple[str, ...]",
            "note": "str",
            "seen": "int",
            "made": "tuple[int, ...]",
        },
        "size": dataclasses.field(default=3, metadata={"range": (0, 9)}),
        "tags": dataclasses.field(default_factory=tuple),
        "note": dataclasses.field(default="", compare=False, repr=False),
        "seen": dataclasses.field(default=7, init=False),
        "made": dataclasses.field(default_factory=lambda: (1,), init=False),
        "__doc__": "A sample.",
        "__module__": __name__,
    }


def _pair(**options: bool) -> tuple[Any, Any]:
    """The same class body made by each decorator."""
    stdlib = dataclasses.dataclass(**options)(type("Sample", (), _body()))
    ours = frozen.dataclass(**options)(type("Sample", (), _body()))
    return stdlib, ours


OPTIONS = [{}, {"frozen": True}, {"slots": True}, {"frozen": True, "slots": True}]
CALLS = [(("a",), {}), (("a", 5), {}), ((), {"name": "b", "tags": ("x",)}), (("a", 1, ("t",), "n"), {})]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_made_read_shown_and_compared_alike(options: dict[str, bool], args: tuple, kwargs: dict) -> None:
    stdlib, ours = _pair(**options)
    theirs, mine = stdlib(*args, **kwargs), ours(*args, **kwargs)
    assert repr(mine) == repr(theirs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert mine == ours(*args, **kwargs) and mine != theirs  # another class is never equal
    assert mine == dataclasses.replace(mine, note="other")  # compare=False is left out
    assert mine != dataclasses.replace(mine, name="z")
    assert copy.deepcopy(mine) == mine and copy.copy(mine) == mine
    assert ours.__match_args__ == stdlib.__match_args__
    assert hasattr(mine, "__dict__") == hasattr(theirs, "__dict__")
    if options.get("slots"):
        assert ours.__slots__ == stdlib.__slots__
    else:
        assert list(vars(mine)) == list(vars(theirs))  # fields set in their order
    if options.get("frozen"):
        assert hash(mine) == hash(theirs)
    else:
        assert ours.__hash__ is None is stdlib.__hash__  # eq without frozen: unhashable, as dataclasses


@pytest.mark.parametrize("options", OPTIONS)
def test_init_is_compiled_at_the_first_instance_as_dataclasses_writes_it(options: dict[str, bool]) -> None:
    stdlib, ours = _pair(**options)
    stub = ours.__init__
    ours("a")
    assert ours.__init__ is not stub  # compiled once, then in the stub's place
    assert str(inspect.signature(ours.__init__)) == str(inspect.signature(stdlib.__init__))
    assert ours.__init__.__qualname__ == stdlib.__init__.__qualname__
    assert [(f.name, dict(f.metadata)) for f in dataclasses.fields(ours)] == [
        (f.name, dict(f.metadata)) for f in dataclasses.fields(stdlib)
    ]


@pytest.mark.parametrize("first", [True, False])
@pytest.mark.parametrize(
    ("args", "kwargs", "said"),
    [
        ((), {}, "missing 1 required positional argument: 'name'"),
        (("a", 1, (), "n", "extra"), {}, "takes from 2 to 5 positional arguments but 6 were given"),
        (("a",), {"name": "b"}, "got multiple values for argument 'name'"),
        ((), {"name": "a", "colour": 1}, "got an unexpected keyword argument 'colour'"),
        ((), {"name": "a", "seen": 1}, "got an unexpected keyword argument 'seen'"),
    ],
)
def test_bad_arguments_refused_alike(first: bool, args: tuple, kwargs: dict, said: str) -> None:
    """The same message from the first call (through the stub) and from the compiled __init__."""
    stdlib, ours = _pair(frozen=True, slots=True)
    if not first:
        ours("warm")
    with pytest.raises(TypeError) as theirs:
        stdlib(*args, **kwargs)
    with pytest.raises(TypeError) as mine:
        ours(*args, **kwargs)
    assert said in str(theirs.value) and str(mine.value) == str(theirs.value)


@pytest.mark.parametrize("slots", [False, True])
def test_frozen_refuses_assignment_and_deletion(slots: bool) -> None:
    _, ours = _pair(frozen=True, slots=slots)
    sample = ours("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.size = 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        del sample.name
    assert sample.size == 3 and sample.seen == 7 and sample.made == (1,)


def test_mutable_fields_are_set_and_post_init_runs() -> None:
    body = _body()
    body["__post_init__"] = lambda self: setattr(self, "seen", self.size * 2)
    body["made"] = dataclasses.field(default_factory=list, init=False)
    ours = frozen.dataclass(type("Sample", (), body))
    sample = ours("a", 4)
    sample.note = "changed"
    assert sample.seen == 8 and sample.note == "changed"
    assert ours("a").made == [] and ours("a").made is not ours("a").made  # a new list each time


def test_unusual_classes_are_left_to_dataclasses() -> None:
    bare = frozen.dataclass(type("Bare", (), {"__annotations__": {"x": "int"}, "__module__": __name__}))
    assert bare.__doc__ == "Bare(x: 'int')"  # dataclasses wrote the signature in
    assert inspect.signature(bare.__init__).parameters["x"].annotation == "int"


def test_a_frozen_class_on_a_mutable_base_is_refused_as_dataclasses_refuses_it() -> None:
    base = frozen.dataclass(type("Base", (), {"__annotations__": {"x": "int"}, "__doc__": "B."}))
    with pytest.raises(TypeError, match="cannot inherit frozen dataclass from a non-frozen one"):
        frozen.dataclass(frozen=True)(
            type("Child", (base,), {"__annotations__": {"y": "int"}, "__doc__": "C."})
        )


def test_project_classes_keep_their_behaviour() -> None:
    sentence = Sentence("Text.", 0, "body", 1, 0, 5)
    assert sentence == Sentence("Text.", 0, "body", 1, 0, 5) and {sentence: 1}[copy.copy(sentence)] == 1
    assert repr(sentence).startswith("Sentence(text='Text.', paragraph=0")
    article = Article("a", None, None, None, None, None, None, None, None, "Text.", (sentence,), ())
    assert article.evidence == {} and article.to_dict()["sentences"][0]["text"] == "Text."
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.id = "b"  # type: ignore[misc]
