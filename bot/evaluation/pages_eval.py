"""The cleaner on labelled fixture pages (tests/fixtures/pages/SET/): lines, text and metadata.

Each fixture is NAME.txt or NAME.html with NAME.yaml labels (see tests/fixtures/pages/README.md): the
expected outlet, date, updated, headline, wire and event; body/caption/subheading line numbers for a
text page; must_contain / must_not_contain substrings for an HTML page. A set folder may hold
event.yaml / people.yaml (the events and people of another summit), added to the config for that set.
The labels are read here only to measure; nothing in the cleaner is derived from them.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import yaml

from bot.cleaner import clean_article
from bot.cleaner.outlets import outlet_table
from bot.config import Config, parse_config
from bot.errors import ConfigError, SummitbotError
from bot.models import Article, ArticleHints
from bot.text import normalize

__all__ = ["FIELDS", "config_with", "evaluate_set", "format_set", "spelling_aside"]

FIELDS = ("outlet", "date", "updated", "headline", "wire", "event")
_EXTRA_FILES = ("event.yaml", "events.yaml", "people.yaml")
_MERGED_KEYS = ("events", "entities", "outlets", "synonyms")


def config_with(config: Config, extra: list[Path]) -> Config:
    """The config with the events, entities and outlets of extra YAML files appended, each file once (a
    set's own event.yaml also given by --events is not added twice). A merged section that does not parse
    is a one-line error naming the files merged, not a line of the merged text no file holds."""
    if not extra or config.source is None:
        return config
    data = yaml.safe_load(config.source.read_text(encoding="utf-8")) or {}
    files = list(dict.fromkeys(path.resolve() for path in extra))
    for path in files:
        more = _as_sections(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        for key in _MERGED_KEYS:
            data[key] = [*(data.get(key) or []), *(more.get(key) or [])]
    try:
        merged = parse_config(yaml.safe_dump(data, allow_unicode=True), config.source)
    except ConfigError as error:
        reason = str(error).split(": ", 1)[-1]  # the merged text's own line number means nothing here
        raise ConfigError(f"{config.source} with {', '.join(map(str, files))}: {reason}") from None
    # only the merged sections come from the file: every other setting stays as given (a sweep's values)
    return dataclasses.replace(config, **{key: getattr(merged, key) for key in _MERGED_KEYS})


def _as_sections(data: Any) -> dict[str, Any]:
    """A config fragment: a mapping of sections, one event (a mapping with an id), or a bare list of
    events (items with a start) or of entities (items with a kind or aliases)."""
    if isinstance(data, dict) and "id" in data:
        return {"events": [data]}
    if isinstance(data, list):
        events = [item for item in data if isinstance(item, dict) and "start" in item]
        return {"events": events, "entities": [item for item in data if item not in events]}
    return data if isinstance(data, dict) else {}


def _line_numbers(spec: Any) -> set[int]:
    numbers: set[int] = set()
    for item in spec or []:
        if isinstance(item, int):
            numbers.add(item)
            continue
        low, _, high = str(item).partition("-")
        numbers.update(range(int(low), int(high or low) + 1))
    return numbers


def _same(field: str, got: str | None, want: Any, config: Config, url: str | None = None) -> bool:
    """Outlet and wire names match when the outlet table reads them as one outlet (in the page's URL
    domain's context: "ABC News" on one broadcaster's domain is that broadcaster)."""
    if want is None or got is None:
        return want is None and got is None
    want = str(want)
    if field in ("outlet", "wire"):
        table = outlet_table(config)
        read = (normalize(table.canonical(name, url)).casefold() for name in (got, want))
        return next(read) == next(read)
    return normalize(got).casefold() == normalize(want).casefold()


_SUFFIX = re.compile(r"\.[^\W\d_]{2,6}$")  # a domain's last label: ".bg", ".ru", ".com"
_LEADING_THE = re.compile(r"^the\s+")


def spelling_aside(name: str) -> str:
    """An outlet's name less its spelling: case, spaces, punctuation, a leading "The" and a domain's last
    label set aside ("Noticias 2025", "noticias2025.com" -> "noticias2025"). The labels of a site that
    prints no name differ only so, and this secondary figure says how many misses are of that kind."""
    lower = _LEADING_THE.sub("", normalize(name).casefold().strip())
    return "".join(ch for ch in _SUFFIX.sub("", lower) if ch.isalnum())


def _field(article: Article, field: str) -> str | None:
    return article.title if field == "headline" else getattr(article, field)


def _score_text_lines(article: Article, labels: dict[str, Any]) -> dict[str, Any]:
    lines = labels.get("lines") or {}
    gold = set().union(*(_line_numbers(lines.get(k)) for k in ("body", "caption", "subheading")))
    kept = {n for s in article.sentences for n in range(s.line, (s.last_line or s.line) + 1)}
    chrome = [s for s in article.sentences if s.line not in gold]
    return {
        "kept": len(kept),
        "gold": len(gold),
        "true": len(kept & gold),
        "sentences": len(article.sentences),
        "chrome_sentences": len(chrome),
        "misses": [f"line {n}: kept but labelled chrome" for n in sorted(kept - gold)]
        + [f"line {n}: dropped but labelled article text" for n in sorted(gold - kept)],
    }


def _score_html_text(article: Article, labels: dict[str, Any]) -> dict[str, Any]:
    text = normalize(article.text)
    want = (labels.get("text") or {}).get("must_contain") or []
    unwanted = (labels.get("text") or {}).get("must_not_contain") or []
    missing = [s for s in want if normalize(s) not in text]
    present = [s for s in unwanted if normalize(s) in text]
    chrome = [s for s in article.sentences if any(normalize(u) in normalize(s.text) for u in unwanted)]
    return {
        "contain": len(want) - len(missing),
        "contain_total": len(want),
        "clean": len(unwanted) - len(present),
        "clean_total": len(unwanted),
        "sentences": len(article.sentences),
        "chrome_sentences": len(chrome),
        "misses": [f"missing: {s[:60]!r}" for s in missing] + [f"present: {s[:60]!r}" for s in present],
    }


def _score_one(page: Path, config: Config) -> dict[str, Any]:
    labels = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
    raw = page.read_text(encoding="utf-8")
    article = clean_article(raw, doc_id=page.stem, config=config, hints=ArticleHints(url=labels.get("url")))
    expect = labels.get("expect") or {}
    url = labels.get("url")
    hits = {f: _same(f, _field(article, f), expect.get(f), config, url) for f in FIELDS}
    scored = (
        _score_html_text(article, labels) if page.suffix == ".html" else _score_text_lines(article, labels)
    )
    misses = [f"{f} is {_field(article, f)!r}, expected {expect.get(f)!r}" for f in FIELDS if not hits[f]]
    scored["misses"] = misses + scored["misses"]
    scored["metadata"] = hits
    got = article.outlet
    want = expect.get("outlet")
    scored["outlet_spelling_aside"] = hits["outlet"] or (
        got is not None and want is not None and spelling_aside(got) == spelling_aside(str(want))
    )
    scored["passed"] = not scored["misses"]
    return scored


def evaluate_set(folder: Path, config: Config, extra: list[Path] | None = None) -> dict[str, Any]:
    """Score every fixture of one set folder; the set's own event/people files join the config."""
    if not folder.is_dir():
        raise SummitbotError(f"{folder}: no such fixture folder")
    own = [folder / name for name in _EXTRA_FILES if (folder / name).is_file()]
    config = config_with(config, [*(extra or []), *own])
    pages = sorted(
        p for p in folder.iterdir() if p.suffix in (".txt", ".html") and p.with_suffix(".yaml").is_file()
    )
    results = {page.name: _score_one(page, config) for page in pages}
    total = {key: sum(r.get(key, 0) for r in results.values()) for key in _SUMS}
    return {
        "set": folder.name,
        "pages": len(pages),
        "passed": sum(r["passed"] for r in results.values()),
        "line_precision": _ratio(total["true"], total["kept"]),
        "line_recall": _ratio(total["true"], total["gold"]),
        "html_contain": _ratio(total["contain"], total["contain_total"]),
        "html_clean": _ratio(total["clean"], total["clean_total"]),
        "chrome_share": _ratio(total["chrome_sentences"], total["sentences"], empty=0.0),
        "metadata": {f: sum(r["metadata"][f] for r in results.values()) for f in FIELDS},
        "outlet_spelling_aside": sum(r["outlet_spelling_aside"] for r in results.values()),
        "misses": {name: r["misses"] for name, r in results.items() if r["misses"]},
    }


_SUMS = (
    "kept",
    "gold",
    "true",
    "contain",
    "contain_total",
    "clean",
    "clean_total",
    "sentences",
    "chrome_sentences",
)


def _ratio(part: int, whole: int, empty: float = 1.0) -> float:
    return part / whole if whole else empty


def format_set(result: dict[str, Any]) -> str:
    """One set's figures as lines of text."""
    n = result["pages"]
    lines = [
        f"== fixtures {result['set']}: {n} pages, {result['passed']} passed every check",
        f"line precision (.txt): {result['line_precision']:.4f}",
        f"line recall (.txt): {result['line_recall']:.4f}",
        f"must_contain kept (.html): {result['html_contain']:.4f}",
        f"must_not_contain left out (.html): {result['html_clean']:.4f}",
        f"chrome share of indexed sentences: {result['chrome_share']:.4f}",
        *(f"{f}: {result['metadata'][f]}/{n}" for f in FIELDS),
        f"outlet, spelling aside (case, spaces, punctuation, 'The', a domain suffix): "
        f"{result['outlet_spelling_aside']}/{n}",
    ]
    for name, misses in result["misses"].items():
        lines.extend(f"miss: {name}: {' '.join(m.split())}" for m in misses)
    return "\n".join(lines)
