"""An article whose event the cleaner cannot tell is still searched by a question that names an event,
and its answer says that the event is not stated (issue 9), end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main

PAGE = (
    "Presidents discuss a truce\nBy Jane Marsh\n"
    "The American and Russian presidents talked for ninety minutes about a truce in Syria, officials said.\n"
    "Both leaders said their diplomats would keep working on the remaining technical points of the deal.\n"
)
# the event first, as a scope: the decision's probability for the bare wording ("How long did the presidents
# talk about Syria at the G20 summit in Hangzhou?") sits at the threshold on a two-sentence corpus (0.37 and
# 0.32 against 0.32 by the last two fits), so a refit flipped the test; this wording reads 0.93 by both
QUESTION = "At the G20 in Hangzhou, how long did the presidents talk about a truce in Syria?"


def test_an_article_without_an_event_answers_an_event_scoped_question(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "truce.txt"
    source.write_text(PAGE, encoding="utf-8")
    corpus = str(tmp_path / "corpus")
    assert main(["--corpus", corpus, "ingest", str(source)]) == 0
    assert main(["--corpus", corpus, "sources"]) == 0
    assert "[no event]" in capsys.readouterr().out
    assert main(["--corpus", corpus, "ask", QUESTION]) == 0
    out = capsys.readouterr().out
    assert "talked for ninety minutes" in out and "[event not stated]" in out
    assert main(["--corpus", corpus, "ask", "--json", QUESTION]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["declined"] is False
    best = answer["answers"][0]
    assert best["event"] is None and "ninety minutes" in best["text"]
