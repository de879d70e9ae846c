"""The corpora an evaluation asks its questions over: the seed corpus, the seed corpus grown with more
pages, or another summit's pages alone with that event and its people added to the config."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Config, parse_config
from bot.errors import InputError
from bot.models import Article

if TYPE_CHECKING:  # `add_corpus_options` is on `eval`'s start: no index imports there
    from bot.search import CorpusIndex

__all__ = ["PAGE_SUFFIXES", "add_corpus_options", "corpus_index", "event_config", "read_pages"]

PAGE_SUFFIXES = (".txt", ".html", ".htm")


def read_pages(config: Config, folders: Sequence[Path]) -> list[Article]:
    """Every page in `folders`, cleaned (its file name, less the suffix, is its article id)."""
    from bot.cleaner import clean_article

    articles = []
    for folder in folders:
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder of pages")
        for page in sorted(folder.iterdir()):
            if page.suffix in PAGE_SUFFIXES:
                text = page.read_text(encoding="utf-8")
                articles.append(clean_article(text, doc_id=page.stem, config=config))
    return articles


def corpus_index(config: Config, grow: Sequence[Path] = (), *, seeds: bool = True) -> CorpusIndex:
    """The index of the seed corpus (unless `seeds` is False) plus the pages in `grow`, in memory."""
    from bot.service import CoverageService

    service = CoverageService(config)
    if seeds and not grow:
        return service.index
    articles = (*(service.articles if seeds else ()), *read_pages(config, grow))
    if not articles:
        raise InputError("no articles to ask about")
    return CoverageService(config, tuple(articles)).index


def event_config(config: Config, folder: Path) -> Config:
    """`config` with the event in `folder`/event.yaml and the people in `folder`/people.yaml added
    (another summit, measured on pages the bot was not built for)."""
    import yaml  # here, not at the top: the CLI's parser imports this module on every start

    source = config.source or Path("config.yaml")
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
        event = yaml.safe_load((folder / "event.yaml").read_text(encoding="utf-8"))
        people = yaml.safe_load((folder / "people.yaml").read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{folder}: cannot read event.yaml and people.yaml ({exc})") from None
    data["entities"] = _merged(data.get("entities") or [], people)
    data["events"] = [*(data.get("events") or []), event]
    return parse_config(yaml.safe_dump(data, allow_unicode=True), source)


def _merged(entities: list[dict[str, Any]], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`entities` with `people` added; a person configured already keeps that entry, with the names the
    event's list gives them added to its aliases (another event's press names them its own way)."""
    out = [dict(e) for e in entities]
    configured = {e["name"]: e for e in out}
    for person in people:
        entry = configured.get(person.get("name"))
        if entry is None:
            out.append(person)
            continue
        aliases = list(entry.get("aliases") or [])
        have = {a.lower() for a in aliases}
        entry["aliases"] = aliases + [a for a in person.get("aliases") or [] if a.lower() not in have]
    return out


def add_corpus_options(parser: argparse.ArgumentParser | Any) -> None:
    """--grow DIR (more pages in the corpus), --grow-answers FILE (the answers those pages add to the gold
    files' questions), --also-grow / --fit-grow DIR (k-fold over a grown corpus too) and --other GOLD DIR
    (another summit's pages alone)."""
    paths = (
        ("--grow", "DIR", "add DIR's pages"),
        ("--grow-answers", "FILE", "answer sentences the added pages give to the gold questions"),
        ("--also-grow", "DIR", "k-fold: also report the questions --grow-answers covers over DIR added"),
        ("--fit-grow", "DIR", "as --also-grow, and fit on those questions asked over the grown corpus too"),
    )
    for flag, metavar, text in paths:
        parser.add_argument(flag, type=Path, action="append", default=[], metavar=metavar, help=text)
    parser.add_argument(
        "--other",
        type=Path,
        nargs=2,
        action="append",
        default=[],
        metavar=("GOLD", "DIR"),
        help="another summit: GOLD's questions over DIR's pages alone (DIR/event.yaml, DIR/people.yaml)",
    )
