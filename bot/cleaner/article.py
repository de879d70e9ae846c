"""clean_article: a raw page (text or HTML) in; a cleaned Article (metadata, sentences, dropped lines) out."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence

from bot.cleaner.clock import url_over_clock
from bot.cleaner.company import company_name
from bot.cleaner.contributors import contributors_wire
from bot.cleaner.crumbtitle import without_crumb
from bot.cleaner.cues import wire_dateline
from bot.cleaner.detect import looks_like_html
from bot.cleaner.gluedcredit import is_sign_off
from bot.cleaner.headline import headline_text
from bot.cleaner.html import read_html
from bot.cleaner.lateclock import late_top_clock
from bot.cleaner.layout import KEPT_KINDS, Decision, lay_out
from bot.cleaner.leadlines import as_reported, lead_agency, refine_lead, title_source
from bot.cleaner.lines import Line, split_lines
from bot.cleaner.localwords import own_lines, own_words, reading_lines
from bot.cleaner.metadata import domain_as_words, find_outlet, known_domain
from bot.cleaner.mirror import banner_url, original_url, without_link_tag
from bot.cleaner.notheadline import not_the_headline
from bot.cleaner.outlets import outlet_table
from bot.cleaner.owncreditname import own_credit_name
from bot.cleaner.ownscript import cyrillic_spelling
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.sentences import sentence_spans
from bot.cleaner.sitename import without_outlet_suffix
from bot.cleaner.slugtitle import mark_slug_title
from bot.cleaner.sourcelink import mark_source_link, source_link
from bot.cleaner.titlefields import keep_lead_in, without_field_label
from bot.cleaner.titlehost import printed_source_url
from bot.cleaner.titlemarks import without_footnote_mark
from bot.cleaner.titlesection import without_section
from bot.cleaner.unwrap import unwrap
from bot.cleaner.when import find_article_date, find_updated
from bot.cleaner.whichevent import find_event, latest_named_event
from bot.cleaner.wire import find_wire
from bot.cleaner.wrappedtitle import without_deck
from bot.config import CleanerConfig, Config
from bot.models import PARAGRAPH_SEPARATOR, Article, ArticleHints, DroppedLine, Sentence

__all__ = ["clean_article"]

log = logging.getLogger(__name__)


def clean_article(raw: str, *, doc_id: str, config: Config, hints: ArticleHints | None = None) -> Article:
    """Clean one page: drop its chrome (each line with a reason), keep the article's paragraphs as
    verbatim sentences, and read its metadata with evidence; `hints` override what the page says.

    An HTML page (told by its content) is first reduced to its main text, one paragraph a line; line
    numbers then count lines of that text. Pure: no I/O. Article.text is the kept paragraphs joined by
    a blank line and every sentence's start/end point into it.
    """
    hints = hints or ArticleHints()
    text, stated = _page_text(raw, hints, config.cleaner)
    # laid out and read in English's words; the sentences, byline and dropped lines keep the page's own
    page_lines = split_lines(text)
    read = reading_lines(page_lines, config.cleaner, outlet_table(config).known)
    lines = unwrap(read, config.cleaner)
    own = own_lines(lines, page_lines, read)
    laid_out = lay_out(lines, config.cleaner)
    decisions = refine_lead(lines, laid_out, outlet_table(config), config.cleaner, titled="title" in stated)
    mark_source_link(lines, decisions, outlet_table(config))
    mark_slug_title(lines, decisions, hints.url)
    keep_lead_in(lines, decisions)
    texts = [line.text for line in lines]
    # an archive's or a proxy's copy is read as the page it shows
    shown = original_url(hints.url, config.cleaner) or banner_url(texts)
    shown = shown or printed_source_url(hints.url, texts)
    url = shown or hints.url
    page = PageLines(lines, decisions, raw, url, outlet_table(config), config.cleaner)
    body, sentences = _sentences(own, decisions)
    dropped = tuple(
        DroppedLine(line=line.number + k, text=part, reason=decision.reason)
        for line, decision in zip(own, decisions, strict=True)
        if decision.kind == "drop"
        for k, part in enumerate(line.parts or (line.raw,))
    )
    found = _metadata(page, stated, config, hints)
    log.debug("%s: kept %d sentences, dropped %d lines", doc_id, len(sentences), len(dropped))
    return Article(
        id=doc_id,
        outlet=_value(found, "outlet"),
        date=_value(found, "date"),
        title=_own_title(_value(found, "title"), own, lines),
        wire=_value(found, "wire"),
        event=_value(found, "event"),
        url=hints.url,
        byline=_first(own, decisions, "byline"),
        dateline=_dateline(own, decisions),
        text=body,
        sentences=sentences,
        dropped=dropped,
        source_sha256=hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
        evidence={key: own_words(value.evidence, own, lines) for key, value in found.items()},
        updated=_value(found, "updated"),
    )


def _page_text(raw: str, hints: ArticleHints, settings: CleanerConfig) -> tuple[str, dict[str, Found]]:
    """The text to lay out, and what an HTML page's markup states (nothing for a text page)."""
    if not looks_like_html(raw):
        stamp = _SCRAPER_STAMP.match(raw)
        if stamp is None:
            return raw, {}
        # a scraper's "date 2016-09-04" glued before the page's first line: its reading of the date,
        # taken when the page states none (blanked, so the line keeps its number and the rest its place)
        guess = Found(stamp.group("iso"), f"the scraper's date stamp {stamp.group(0).strip()}")
        return " " * stamp.end() + raw[stamp.end() :], {"date_guess": guess}
    html = read_html(raw, settings, hints.url)
    stated = {key: Found(value, evidence) for key, (value, evidence) in html.found.items()}
    if html.authors:
        stated["authors"] = Found(", ".join(html.authors), "JSON-LD author")
    return html.text, stated


_SCRAPER_STAMP = re.compile(r"^[ \t]*date[ \t]+(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)(?![\w-])[ \t]*")


def _own_title(title: str | None, own: list[Line], read: list[Line]) -> str | None:
    """The headline in the page's own words (a date in it was read in English's)."""
    return own_words(title, own, read) if title else title


def _value(found: dict[str, Found], key: str) -> str | None:
    return found[key].value if key in found else None


def _sentences(lines: Sequence[Line], decisions: Sequence[Decision]) -> tuple[str, tuple[Sentence, ...]]:
    """The kept paragraphs joined into Article.text, and their sentences with offsets into it."""
    parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for line, decision in zip(lines, decisions, strict=True):
        if decision.kind not in KEPT_KINDS:
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        paragraph = len(parts)
        parts.append(line.text)
        for start, end in sentence_spans(line.text):
            if is_sign_off(line.text, start, end):  # "... by political means. PNA": the wire's sign-off
                continue
            sentences.append(
                Sentence(
                    text=line.text[start:end],
                    paragraph=paragraph,
                    role=decision.kind,
                    line=line.number,
                    start=offset + start,
                    end=offset + end,
                    last_line=line.last or None,
                )
            )
        offset += len(line.text)
    return PARAGRAPH_SEPARATOR.join(parts), tuple(sentences)


def _first(lines: Sequence[Line], decisions: Sequence[Decision], kind: str) -> str | None:
    return next((line.text for line, d in zip(lines, decisions, strict=True) if d.kind == kind), None)


def _first_number(page: PageLines, kind: str) -> int:
    return next((line.number for line, d in page.pairs() if d.kind == kind), 0)


def _dateline(lines: Sequence[Line], decisions: Sequence[Decision]) -> str | None:
    """The dateline line above the headline or below it, else a wire dateline opening the first paragraph."""
    line = _first(lines, decisions, "dateline")
    if line is not None:
        return line
    body = _first(lines, decisions, "body")
    wire = wire_dateline(body) if body else None
    return wire[0] if wire else None


def _metadata(
    page: PageLines, stated: dict[str, Found], config: Config, hints: ArticleHints
) -> dict[str, Found]:
    """Every metadata field found, with its evidence: a hint beats the markup, the markup beats the text."""
    found: dict[str, Found] = {}
    line = _first(page.lines, page.decisions, "headline")
    title = without_field_label(without_link_tag(headline_text(line, config.cleaner))) if line else None
    if title:  # a print headline joined with the deck wrapped under it
        title = without_deck(next(iter(page.of_kind("headline")), None), title, config.cleaner)
    title = without_footnote_mark(title) if title else None
    title = without_crumb(page, _first_number(page, "headline"), title) if title else None
    title = None if title and not_the_headline(page) else title  # an image's alt title
    updated = find_updated(page, config)
    read = {
        "outlet": find_outlet(page),
        "wire": find_wire(page)
        or _agency_author(page, stated)
        or stated.get("original")
        or lead_agency(page)
        or title_source(page)
        or source_link(page)
        or as_reported(page),
        "date": _after_update(_published(page, config, title), updated),
        "updated": updated,
        "title": Found(title, line or title) if title else None,
    }
    found.update({key: value for key, value in read.items() if value is not None})
    found.update({key: stated[key] for key in ("outlet", "title", "date", "updated") if key in stated})
    by_domain = known_domain(page)
    if by_domain is not None:
        found["outlet"] = by_domain
    from_label = False
    if "outlet" in found and "outlet" not in stated and not hints.outlet:
        bare = found["outlet"]
        found["outlet"] = domain_as_words(page, bare)
        from_label = found["outlet"] is not bare
    if "date" not in found and "date_guess" in stated:  # htmldate's reading, when nothing states one
        found["date"] = stated["date_guess"]
    if "outlet" in found:
        outlet = found["outlet"]
        name = outlet.value if page.table.known(outlet.value) else company_name(outlet.value)
        # a name read off the URL's own domain is that site's, never another outlet's going by the same
        # words on a domain of its own ("Afro News" on an unknown domain is no known "AFRO News")
        cited = name if from_label else page.table.canonical(name, hints.url)
        # the site's own credit as printed ("Tarnby, QNA –" on qna-news.org) over the table's or the domain's
        found["outlet"] = own_credit_name(page, found.get("wire"), cited) or Found(cited, outlet.evidence)
        found["outlet"] = cyrillic_spelling(page, found["outlet"]) or found["outlet"]
        if "title" in found:  # "Headline - Site Name" read from a <title>
            title_found = found["title"]
            title = without_outlet_suffix(title_found.value, name, page.table)
            if title != title_found.value:  # a <title>'s parts: "Headline | Section | Site"
                title = without_section(title, hints.url)
            found["title"] = Found(title, title_found.evidence)
    # an outlet credited for the copy, else (the last resort) an agency whose writers a credit names
    credited = None if "wire" in found else _credited_outlet(page, stated, found) or contributors_wire(page)
    if credited is not None:
        found["wire"] = credited
    hinted = {
        "outlet": page.table.canonical(hints.outlet, hints.url) if hints.outlet else None,
        "wire": hints.wire,
        "date": hints.date,
        "title": hints.title,
        "event": hints.event,
    }
    for key, hint in hinted.items():
        if hint:
            found[key] = Found(hint, "hint")
    if "event" not in found:
        heading = found["title"].value if "title" in found else None
        event = find_event(_value(found, "date"), _event_texts(page, heading), config, page.url)
        if event is not None:
            found["event"] = event
    return found


def _published(page: PageLines, config: Config, title: str | None) -> Found | None:
    """The publication date: none from a clock later than the URL's date or long after the event the
    page's words name (read without a date), or, when they name none for sure (another edition), long
    after the latest event whose keywords they name."""
    found = url_over_clock(find_article_date(page, config), page.url, config.cleaner)
    texts = _event_texts(page, title)
    return late_top_clock(
        found,
        page,
        config,
        lambda: find_event(None, texts, config, page.url) or latest_named_event(texts, config),
    )


def _after_update(date: Found | None, updated: Found | None) -> Found | None:
    """The publication date, or None when it falls after the page's own "Updated" stamp: a header's
    clock, not the story's (a story is not published after its update)."""
    return None if date and updated and date.value > updated.value else date


def _event_texts(page: PageLines, heading: str | None) -> list[str]:
    """What names a page's event: its headline ("" when it has none: the lede is no headline), its kept
    lines and its URL."""
    kept = [line.text for line, d in page.pairs() if d.kind in KEPT_KINDS]
    return [heading or "", *kept, page.url or ""]


def _agency_author(page: PageLines, stated: dict[str, Found]) -> Found | None:
    """A JSON-LD author that is a news agency marks the page as that agency's copy."""
    authors = stated.get("authors")
    for name in authors.value.split(", ") if authors else ():
        if page.table.is_agency(name):
            return Found(page.table.canonical(name), f"JSON-LD author: {name}")
    return None


def _credited_outlet(page: PageLines, stated: dict[str, Found], found: dict[str, Found]) -> Found | None:
    """A byline crediting a known outlet other than the page's own ("by NAME, Network News" on a local
    station's page) names the copy's original source."""
    credit = stated.get("credit")
    if credit is None or not page.table.known(credit.value):
        return None
    name = page.table.canonical(credit.value)
    own = found["outlet"].value if "outlet" in found else None
    return None if own is not None and name.casefold() == own.casefold() else Found(name, credit.evidence)
