"""The command line through its main(argv): output shapes, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config

SUMMARY_KEYS = {"id", "outlet", "date", "title", "wire", "event", "url", "sentences", "dropped"}
ANSWER_KEYS = {
    "text",
    "doc",
    "outlet",
    "date",
    "title",
    "wire",
    "event",
    "start",
    "end",
    "score",
    "also_reported_by",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_json_lists_every_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sources", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 5
    assert all(set(item) == SUMMARY_KEYS for item in data)
    assert {item["outlet"] for item in data} == {"Islam Times", "Ahram Online", "Sputnik", "RT", "WT24"}


def test_show_json_has_sentences_and_dropped_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "003_d85496804ebe8909", "--json")
    data = json.loads(out)
    assert code == 0 and set(data) >= SUMMARY_KEYS
    assert {s["role"] for s in data["sentences"]} == {"body", "subheading"}
    assert all(set(s) == {"text", "paragraph", "role"} for s in data["sentences"])
    assert data["dropped"][0] == {
        "line": 1,
        "text": data["dropped"][0]["text"],
        "reason": data["dropped"][0]["reason"],
    }


def test_ask_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "--json", "--top", "2", "Who hosted the luncheon at the UN?")
    data = json.loads(out)
    assert (
        code == 0 and data["question"] == "Who hosted the luncheon at the UN?" and data["declined"] is False
    )
    assert 1 <= len(data["answers"]) <= 2
    assert all(set(a) >= ANSWER_KEYS for a in data["answers"])
    assert "Ban Ki-moon" in data["answers"][0]["text"]


def test_ask_text_quotes_and_cites(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "How many lives has the Syrian conflict claimed?")
    assert code == 0
    assert "quarter of a million lives" in out and "WT24" in out and "Putin-Obama Talks" in out


def test_ask_declines_politely(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "ask", "What did Xi Jinping say in his speech opening the Hangzhou G20 summit?"
    )
    assert code == 0 and "does not say" in out


def test_chat_json_keeps_the_conversation(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = "How long did the Putin-Obama meeting at the UN last?\nAnd why did it last only that long?\n\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, _ = run(capsys, "chat", "--json")
    replies = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(replies) == 2
    assert "tight schedules" in replies[1]["answers"][0]["text"]


def test_chat_reports_bad_lines_and_goes_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("???\nWho hosted the luncheon at the UN?\n"))
    code, out, _ = run(capsys, "chat", "--json")
    first, second = (json.loads(line) for line in out.splitlines())
    assert code == 0 and "error" in first and second["answers"]


def test_eval_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    gold = Path(__file__).parent / "data" / "qa_heldout.yaml"
    code, out, _ = run(capsys, "eval", str(gold), "--json")
    figures = json.loads(out)
    assert code == 0 and figures["questions"] == 18 and 0.0 <= figures["accuracy_at_1"] <= 1.0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ask", ""], "Ask a question"),
        (["ask", "x" * 10_000], "characters long"),
        (["show", "nope"], "no article with id 'nope'"),
        (["ingest", "/nonexistent/file.txt"], "no such file"),
        (["--config", "/nonexistent.yaml", "sources"], "config file not found"),
        (["--corpus", "/nonexistent-corpus", "sources"], "no cleaned corpus"),
        (["eval", "/nonexistent.yaml"], "cannot read the gold file"),
    ],
)
def test_errors_are_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_bad_option_exits_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--top", "0", "hello"]) == 2
    err = capsys.readouterr().err
    assert "must be between 1 and 25" in err and err.count("\n") == 1


def test_ingest_command_adds_an_article(
    capsys: pytest.CaptureFixture[str], corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, _ = corpus_copy
    source = tmp_path / "blog.txt"
    source.write_bytes((Path(__file__).parent / "fixtures" / "wordpress_repost.txt").read_bytes())
    code, out, _ = run(capsys, "--corpus", str(root), "ingest", str(source), "--date", "2016-09-06")
    assert code == 0 and "added blog" in out and "2016-09-06" in out
    code, out, _ = run(capsys, "--corpus", str(root), "sources", "--json")
    assert "blog" in {item["id"] for item in json.loads(out)}
    code, _, err = run(capsys, "--corpus", str(root), "ingest", str(source))
    assert code != 0 and "already in the corpus" in err


def test_an_error_message_never_shows_the_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli.stdio import report

    secret = "MTIz.a-secret-token.xyz"
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    report(f"error: a library echoed {secret} back")
    err = capsys.readouterr().err
    assert err == "summitbot: error: a library echoed [DISCORD_TOKEN] back\n"
