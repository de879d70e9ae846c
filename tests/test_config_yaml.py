"""config.yaml is read with yaml.safe_load: no Python object is ever built from it, and text it refuses
gives a one-line error naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import parse_config
from bot.errors import ConfigError


def test_python_objects_are_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("x: !!python/object/apply:os.system ['true']\n", Path("config.yaml"))
    assert "\n" not in str(caught.value)


def test_bad_yaml_is_one_line_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    for text, where in (
        ("corpus: corpus\nretrieval: [1, 2\n", ":3: not valid YAML"),
        ("a: 2015-02-30\n", ":1:"),
    ):
        with pytest.raises(ConfigError) as caught:
            parse_config(text, path)
        message = str(caught.value)
        assert message.startswith(str(path) + where) and "\n" not in message
