"""The command line builds only the named command's group of parsers: the same parse as with every
group, and every group when no command is plainly named (--help lists them all)."""

from __future__ import annotations

import argparse

import pytest

from bot.cli import build_parser, main


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "How long", "did it last?"],
        ["-v", "ask", "--json", "q"],
        ["-vv", "--corpus", "ask", "ask", "--top", "2", "q"],
        ["--config=other.yaml", "compare", "Syria"],
        ["--config", "c.yaml", "--verbose", "sources", "--json"],
        ["quote", "--speaker", "Obama"],
        ["clean", "--check"],
        ["sync"],
        ["eval", "gold.yaml", "--folds", "3", "--grow", "pages"],
    ],
)
def test_a_named_command_parses_as_with_every_group(argv: list[str]) -> None:
    one = build_parser(argv)
    assert len(_commands(one)) < len(_commands(build_parser()))
    assert vars(one.parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv", [[], ["--help"], ["--corp", "sources", "ask", "q"], ["bogus"], ["-h", "ask"]]
)
def test_no_plainly_named_command_builds_every_group(argv: list[str]) -> None:
    assert _commands(build_parser(argv)) == _commands(build_parser())


def test_an_unknown_command_is_still_one_line_listing_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bogus"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'bogus'" in err and "'ask'" in err and "'sync'" in err


def test_ask_builds_neither_eval_nor_its_corpus_options() -> None:
    """eval is a group of its own: its parser (and the evaluation package behind its options) is not
    built for an ask."""
    assert _commands(build_parser(["ask", "q"])) == {"ask", "chat"}
    assert "eval" in _commands(build_parser(["eval", "gold.yaml"]))


@pytest.mark.parametrize("columns", ["40", "100", "", "wide"])
def test_help_laid_out_as_argparse_lays_it_out(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """The help's width is found without shutil: the same text as argparse's own formatter gives."""
    monkeypatch.setenv("COLUMNS", columns)
    ours = build_parser(["ask", "q"])
    theirs = build_parser(["ask", "q"])
    theirs.formatter_class = argparse.HelpFormatter
    ask = ours._subparsers._group_actions[0].choices["ask"]  # type: ignore[union-attr]
    their_ask = theirs._subparsers._group_actions[0].choices["ask"]  # type: ignore[union-attr]
    their_ask.formatter_class = argparse.HelpFormatter
    assert ours.format_help() == theirs.format_help()
    assert ask.format_help() == their_ask.format_help()
    assert type(ours._get_formatter()) is not argparse.HelpFormatter  # the comparison is not with itself
