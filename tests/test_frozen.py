"""bot/frozen.py's classes behave as `dataclasses.dataclass(frozen=True)`'s, side by side."""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

import pytest

from bot.config import CleanerConfig, Config, FollowupConfig
from bot.errors import ConfigError
from bot.frozen import frozen_dataclass
from bot.results import Answer, Wording


def _pair() -> tuple[type, type]:
    """The same class body made by each decorator."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {"name": "str", "size": "int", "tags": "tuple[str, ...]", "note": "str"},
            "size": field(default=3, metadata={"range": (0, 9)}),
            "tags": field(default_factory=tuple),
            "note": field(default="", compare=False, repr=False),
            "__doc__": "A sample.",
        }

    stdlib = dataclass(frozen=True)(type("Sample", (), body()))
    ours = frozen_dataclass(frozen=True)(type("Sample", (), body()))
    return stdlib, ours


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("a",), {}), (("a", 5), {}), ((), {"name": "b", "tags": ("x",)}), (("a", 1, ("t",), "n"), {})],
)
def test_made_read_shown_and_compared_alike(args: tuple, kwargs: dict) -> None:
    stdlib, ours = _pair()
    theirs, mine = stdlib(*args, **kwargs), ours(*args, **kwargs)
    assert repr(mine) == repr(theirs)
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert list(vars(mine)) == list(vars(theirs))  # fields set in their order
    assert hash(mine) == hash(theirs)
    assert mine == ours(*args, **kwargs) and mine != theirs  # another class is never equal
    assert mine == dataclasses.replace(mine, note="other")  # compare=False is left out
    assert mine != dataclasses.replace(mine, name="z")
    assert copy.deepcopy(mine) == mine and copy.copy(mine) == mine


def test_fields_and_metadata_as_declared() -> None:
    stdlib, ours = _pair()
    assert dataclasses.is_dataclass(ours)
    assert [(f.name, dict(f.metadata)) for f in dataclasses.fields(ours)] == [
        (f.name, dict(f.metadata)) for f in dataclasses.fields(stdlib)
    ]


@pytest.mark.parametrize(
    ("args", "kwargs", "said"),
    [
        ((), {}, "missing 1 required positional argument: 'name'"),
        (("a", 1, (), "n", "extra"), {}, "but 6 were given"),
        (("a",), {"name": "b"}, "multiple values for argument 'name'"),
        ((), {"name": "a", "colour": 1}, "unexpected keyword argument 'colour'"),
    ],
)
def test_bad_arguments_refused_alike(args: tuple, kwargs: dict, said: str) -> None:
    stdlib, ours = _pair()
    with pytest.raises(TypeError, match=said):
        stdlib(*args, **kwargs)
    with pytest.raises(TypeError, match=said):
        ours(*args, **kwargs)


def test_frozen() -> None:
    _, ours = _pair()
    sample = ours("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.size = 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.anything = 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        del sample.name
    assert sample.size == 3


def test_default_factories_give_a_new_object_each_time() -> None:
    assert Config().cleaner == CleanerConfig() and Config().cleaner is not Config().cleaner


def test_post_init_runs() -> None:
    with pytest.raises(ConfigError, match="shorthand"):
        FollowupConfig(shorthand=(("abt",),))


def test_project_classes_keep_their_behaviour() -> None:
    wording = Wording("Outlet", "doc", "text", 0, 4)
    answer = Answer("text", "doc", "Outlet", None, None, None, None, 0, 4, 1.5, disagreements=(wording,))
    assert answer.to_dict()["disagreements"] == [wording.to_dict()]
    assert repr(wording) == "Wording(outlet='Outlet', doc='doc', text='text', start=0, end=4)"
    assert {answer: 1}[dataclasses.replace(answer)] == 1
