"""The moved-questions list between two `calibrate --dump` files (bot.evaluation.moved_questions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.moved_questions import main


def _record(
    qid: str, *, answerable: bool, at1: bool = False, declined: bool = False, source: str = "a.yaml"
) -> dict[str, object]:
    return {
        "source": source,
        "id": qid,
        "question": f"question {qid}?",
        "answerable": answerable,
        "fold": 0,
        "declined": declined,
        "at1": at1,
        "first": None if declined else f"sentence for {qid}",
    }


def _dump(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_moved_questions_are_listed_with_their_direction_and_the_net(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = [
        _record("q1", answerable=True, at1=False),
        _record("q2", answerable=True, at1=True),
        _record("t1", answerable=False, declined=True),
        _record("t2", answerable=False, declined=False),
        _record("q3", answerable=True, at1=True, source="b.yaml"),
    ]
    after = [
        _record("q1", answerable=True, at1=True),  # gained
        _record("q2", answerable=True, at1=True, declined=True),  # declined, still right first: not moved
        _record("t1", answerable=False, declined=False),  # a trap answered: lost
        _record("t2", answerable=False, declined=True),  # gained
        _record("q3", answerable=True, at1=True, source="b.yaml"),
    ]
    assert main([str(_dump(tmp_path / "a.json", before)), str(_dump(tmp_path / "b.json", after))]) == 0
    out = capsys.readouterr().out
    heads = [line.split()[:2] for line in out.splitlines() if line[:1] in "+-"]
    assert heads == [["+", "a.yaml:q1"], ["-", "a.yaml:t1"], ["+", "a.yaml:t2"]]
    assert "net +1 (+2 / -1)" in out
    assert "accuracy@1 a.yaml: 0.500 -> 1.000" in out
    assert "b.yaml" not in out.split("net")[1]  # its accuracy did not move


def test_a_set_down_by_more_than_the_flag_is_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = [_record(f"q{i}", answerable=True, at1=True) for i in range(10)]
    after = [_record(f"q{i}", answerable=True, at1=i > 0) for i in range(10)]
    main([str(_dump(tmp_path / "a.json", before)), str(_dump(tmp_path / "b.json", after))])
    assert "a.yaml: 1.000 -> 0.900  (down by more than 0.05)" in capsys.readouterr().out
    main([str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--flag", "0.1"])
    assert "down by more" not in capsys.readouterr().out


def test_dumps_of_other_questions_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = _dump(tmp_path / "a.json", [_record("q1", answerable=True)])
    other = _dump(tmp_path / "b.json", [_record("q2", answerable=True)])
    assert main([str(one), str(other)]) == 2
    assert "different questions" in capsys.readouterr().err
