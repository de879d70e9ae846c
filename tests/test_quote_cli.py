"""The `quote` and `compare` commands through bot.cli.main."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config
from bot.corpus import CorpusStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus_dir(config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A cleaned copy of the real corpus."""
    target = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "corpus" / "raw", target / "raw")
    if (ROOT / "corpus" / "sources.yaml").exists():
        shutil.copy(ROOT / "corpus" / "sources.yaml", target / "sources.yaml")
    CorpusStore(target).clean_all(config.with_corpus(target))
    return str(target)


def test_quote_json(corpus_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", corpus_dir, "quote", "--json", "--speaker", "the Russian president"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["speaker"] == "Vladimir Putin" and data["quotes"]
    first = data["quotes"][0]
    assert set(first) >= {
        "text",
        "speaker",
        "kind",
        "doc",
        "outlet",
        "date",
        "event",
        "sentence",
        "start",
        "end",
    }
    assert all(q["speaker"] == "Vladimir Putin" for q in data["quotes"])
    assert any(len(q["outlets"]) > 1 for q in data["quotes"])
    # every outlet's own wording, with offsets into its own article
    texts = {a.id: a.text for a in CorpusStore(Path(corpus_dir)).load_articles()}
    for quote in data["quotes"]:
        for wording in quote["outlets"]:
            assert set(wording) == {"outlet", "doc", "text", "start", "end"}
            assert texts[wording["doc"]][wording["start"] : wording["end"]] == wording["text"]
    wordings = [{w["text"] for w in q["outlets"]} for q in data["quotes"]]
    assert any(len(texts) > 1 for texts in wordings)  # a remark printed in two translations


def test_quote_text_shows_another_wording_as_such(
    corpus_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpus", corpus_dir, "quote", "--speaker", "Putin", "--topic", "bilateral level"]) == 0
    out = capsys.readouterr().out
    assert "in other words (" in out
    assert "ramp up our work at least at the bilateral level" in out
    assert "strengthen our work, at least on a bilateral basis" in out


def test_ask_names_the_outlets_giving_another_figure(
    corpus_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "How long did the Putin-Obama meeting at the UN last?"
    assert main(["--corpus", corpus_dir, "ask", "--json", question]) == 0
    best = json.loads(capsys.readouterr().out)["answers"][0]
    # The two outlets give the meeting's length differently; whichever is quoted, the other is named.
    shown, other = ("one hour", "90-minute") if "one hour" in best["text"] else ("90-minute", "one hour")
    assert shown in best["text"]
    [disagreement] = best["disagreements"]
    assert other in disagreement["text"] and disagreement["outlet"] != best["outlet"]
    assert best["also_reported_by"] == []
    assert main(["--corpus", corpus_dir, "ask", question]) == 0
    assert f"{disagreement['outlet']} reports a different figure" in capsys.readouterr().out


def test_quote_text_with_topic(corpus_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", corpus_dir, "quote", "--topic", "sanctions"]) == 0
    out = capsys.readouterr().out
    assert "sanctions" in out and "Putin" in out


def test_compare_text_and_json(corpus_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpus", corpus_dir, "compare", "how", "long", "the", "meeting", "lasted"]) == 0
    out = capsys.readouterr().out
    assert "Outlets disagree on duration: 1 hour vs 90 minutes" in out
    assert main(["--corpus", corpus_dir, "compare", "--json", "sanctions"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["topic"] == "sanctions" and "Islam Times" in data["not_covered"]


@pytest.mark.parametrize(
    "argv",
    [
        ["quote", "--speaker", "Xi Jinping"],
        ["quote", "--topic", "  "],
        ["compare", "the"],
        ["compare", "x" * 10_000],
    ],
)
def test_bad_input_is_one_line_error(
    corpus_dir: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--corpus", corpus_dir, *argv]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("summitbot: error:") and "\n" not in err
