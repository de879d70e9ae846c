"""Every kind of bad input in bot/evaluation/bad_input_cases.py: its exit status, one line, no traceback.

Cases that only a real process shows (stdio encodings, /dev/full, a closed pipe) run as one; the rest go
through `main(argv)` with strict UTF-8 stdio, as under an en_US.UTF-8 locale.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bad_input import run_in_process, run_process
from bot.evaluation.bad_input_cases import CASES, Case


def test_there_are_at_least_sixty_kinds() -> None:
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_ends_in_one_line_and_its_status(case: Case, tmp_path: Path) -> None:
    outcome = (run_process if case.process else run_in_process)(case, tmp_path)
    assert not outcome.traceback, outcome.stderr
    assert outcome.status == case.status, outcome.stderr
    if case.status == 0 or 2 in case.closes:  # success, or nowhere to write the error: silence
        assert outcome.stderr == ""
        if 2 in case.closes:
            assert outcome.stdout == ""  # the error never falls back to stdout
    else:
        assert outcome.stderr.count("\n") == 1 and outcome.stderr.startswith("summitbot: ")
        assert case.message in outcome.stderr
    token = case.env.get("DISCORD_TOKEN")
    if token:
        assert token not in outcome.stderr and token not in outcome.stdout


def test_a_question_with_invalid_utf8_is_answered_with_valid_json(tmp_path: Path) -> None:
    import json

    case = Case("json", ("ask", "--json", b"How long did the \xff Putin-Obama meeting last?"), 0)
    outcome = run_in_process(case, tmp_path)
    data = json.loads(outcome.stdout)
    assert outcome.status == 0 and data["answers"] and "\ufffd" not in data["question"]


def test_every_exit_status_is_documented_in_the_readme() -> None:
    from bot.cli import EXIT_CODES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert {case.status for case in CASES} <= set(EXIT_CODES)
    for code in EXIT_CODES:
        assert f"\n| {code} | " in readme, f"exit status {code} is not in the README's table"
