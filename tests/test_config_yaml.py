"""config.yaml is parsed by libyaml under the safe loader when PyYAML has it: the same data as
yaml.safe_load, and the same one-line errors for text it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import _safe_yaml, load_config, parse_config
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_config_reads_as_safe_load_reads_it() -> None:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    assert _safe_yaml(text) == yaml.safe_load(text)
    assert load_config(ROOT / "config.yaml") == parse_config(text, ROOT / "config.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "when: 2015-09-28\nat: 2016-09-04T10:00:00Z\nn: 0x1F\nf: .5\nyes_no: [yes, no, on, off]\nnull_: ~\n",
        "a: &x {b: 1}\nc: *x\nd: !!str 12\nlong: >\n  folded\n  text\n",
    ],
)
def test_scalars_and_anchors_read_as_safe_load_reads_them(text: str) -> None:
    assert _safe_yaml(text) == yaml.safe_load(text)


def test_python_objects_are_refused() -> None:
    with pytest.raises(yaml.YAMLError):
        _safe_yaml("x: !!python/object/apply:os.system ['true']\n")


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
