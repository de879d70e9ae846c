"""An HTML page to article text and the metadata its markup states (pure: parses a string, no I/O).

The main text comes from trafilatura, one paragraph a line, and then goes through the same line cleaner
as a text page. Metadata comes from what publishers put in the markup for machines: JSON-LD
(`NewsArticle` and kin: headline, datePublished, dateModified, publisher, author), Open Graph and
article meta tags, and last htmldate's reading of the page. Every field keeps its evidence.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bot.cleaner.cardcredit import card_credit
from bot.cleaner.dates import find_date, find_update
from bot.cleaner.endtags import syndicated_credit
from bot.cleaner.licence import CAPTION_CLASSES
from bot.cleaner.lines import is_prose, word_count
from bot.cleaner.markup import byline_credit, shows_update, site_name
from bot.cleaner.poststamp import posted_date
from bot.cleaner.shown import shown_date
from bot.cleaner.sidecaption import with_side_caption
from bot.cleaner.sitename import copyright_text, without_outlet_suffix
from bot.cleaner.slidecaptions import with_slide_captions
from bot.cleaner.stampcredit import stamp_credit
from bot.config import CleanerConfig

__all__ = ["HtmlPage", "read_html"]

log = logging.getLogger(__name__)

_ARTICLE_TYPES = re.compile(r"article|posting|report", re.IGNORECASE)
_META_KEYS = {
    "site": ("og:site_name", "application-name", "twitter:site"),
    "title": ("og:title", "twitter:title", "headline", "title"),
    "date": ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date"),
    "updated": ("article:modified_time", "og:updated_time", "datemodified", "last-modified"),
}


@dataclass(frozen=True)
class HtmlPage:
    """The main text of a page (paragraphs one a line) and metadata: field -> (value, evidence)."""

    text: str
    found: dict[str, tuple[str, str]] = field(default_factory=dict)
    authors: tuple[str, ...] = ()


def read_html(html: str, settings: CleanerConfig, url: str | None = None) -> HtmlPage:
    """The article text and stated metadata of an HTML page; an empty text when it has no article."""
    import htmldate  # imported here: slow to load, and only an HTML page needs them
    import lxml.etree
    import lxml.html
    import trafilatura

    html = re.sub(r"[\ud800-\udfff]", "\ufffd", html)  # lone surrogates from undecodable input
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        log.info("not parseable as HTML: %s", exc)
        return HtmlPage(text="")
    text = trafilatura.extract(
        lxml.html.fromstring(html), url=url, include_comments=False, include_tables=False, fast=True
    )
    text = _with_lead(tree, text or "", settings)
    text = with_side_caption(tree, text, settings.lead_match_chars) if text else text
    text = with_slide_captions(tree, text, settings.slide_captions_min) if text else text
    footer = copyright_text(tree) if text else None  # the extractor leaves the footer's copyright out
    text = f"{text}\n{footer}" if footer and footer not in text else text
    ld = list(_json_ld(tree))
    found = _stated(tree, ld, settings)
    if "date" not in found:
        guessed = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
        if guessed:
            found["date_guess"] = (guessed, "htmldate: the page's markup")
    authors = tuple(_ld_names(ld, "author"))
    return HtmlPage(text=(text or "").strip(), found=found, authors=authors)


def _stated(tree: Any, ld: list[dict[str, Any]], settings: CleanerConfig) -> dict[str, tuple[str, str]]:
    """What the markup states: outlet, headline, date and update, each with its evidence."""
    meta = _meta_tags(tree)
    found: dict[str, tuple[str, str]] = {}
    site = _first_ld(ld, ("publisher", "name")) or site_name(meta.get("site"), tree)
    if site:
        found["outlet"] = site
    original = _first_ld(ld, ("isBasedOn", "publisher", "name"))  # a republished story's original
    if original:
        found["original"] = original
    title = _first_ld(ld, ("headline",)) or meta.get("title") or _h1(tree) or _title(tree)
    if title:
        found["title"] = (_without_site(title[0], found.get("outlet")), title[1])
    for key, ld_key in (("date", "datePublished"), ("updated", "dateModified")):
        stated = _first_ld(ld, (ld_key,)) or meta.get(key)
        day = _iso_day(stated[0]) if stated else None
        if (
            stated
            and day
            and (key == "date" or shows_update(tree, settings.update_stamp_max_chars, settings.update_words))
        ):
            found[key] = (day, stated[1])
    if "date" in found:  # the local date a <time> element prints, over its UTC stamp
        shown = shown_date(tree, found["date"])
        found["date"] = posted_date(tree, shown) if shown == found["date"] else shown
    if "updated" in found:  # the local date a visible "Last updated" stamp prints, over the UTC one
        found["updated"] = posted_date(tree, found["updated"], update=True)
    credit = byline_credit(tree) or syndicated_credit(tree) or card_credit(tree)
    if credit is not None:
        found["credit"] = credit
    if "updated" not in found:
        stamp = _visible_update(tree, settings.update_stamp_max_chars)
        if stamp is not None:
            found["updated"] = stamp
            glued = stamp_credit(stamp[1])  # "Updated: DATE TIME    Agency"
            if glued is not None and "credit" not in found:
                found["credit"] = (glued, stamp[1])
    return found


# the story's container: an <article>, or a block whose class says it is one; a caption may be a <p>
_CAPTION_CLASS = " or ".join(f"contains(@class, {word!r})" for word in CAPTION_CLASSES)
# (a block classed as a caption, not inside a figcaption nor holding one or a paragraph: a figure's own box)
# a point of a summary listed right under the headline: an item, with no link, of the list after the <h1>
_SUMMARY_POINT = "self::li[not(.//a)][parent::*[self::ul or self::ol][preceding-sibling::*[1][self::h1]]]"
_LEAD_NODES = (
    "//*[self::article or @class='article' or @itemprop='articleBody']//*[self::p or self::figcaption"
    f" or {_SUMMARY_POINT} or (not(ancestor::figcaption or .//figcaption or .//p) and ({_CAPTION_CLASS}))]"
)


def _with_lead(tree: Any, text: str, settings: CleanerConfig) -> str:
    """The extracted text with the article's lead put back: prose <p>s and photo captions of the
    <article> that come before the first extracted paragraph (a standfirst, its points listed under the
    <h1>, or a lead photo's caption the extractor took for chrome). A caption's credit element stays out;
    a kicker or meta line the extractor kept above the body is no first paragraph."""
    lines = text.split("\n")
    if not text.strip():
        return text
    lead: list[str] = []
    for node in tree.xpath(_LEAD_NODES):
        caption = node.tag == "figcaption" or any(w in (node.get("class") or "") for w in CAPTION_CLASSES)
        for credit in node.xpath(".//*[contains(@class, 'credit')]") if caption else ():
            credit.drop_tree()
        para = " ".join(node.text_content().split())
        key = para if caption else para[: settings.lead_match_chars]  # a caption may open as the lede does
        at = next((n for n, line in enumerate(lines) if para and key in line), None)
        point = node.tag == "li" and word_count(para) > settings.label_max_words  # a clause, not a label
        prose = is_prose(para, settings) and not _meta_line(para)
        kept = bool(para) and (caption or point or prose)  # not a kicker or a meta line
        if at is not None and kept and not caption and _reprinted(para, lines[at]):
            continue  # a standfirst the lede prints again after its dateline: no first paragraph
        if at is not None and kept:  # the first paragraph the extractor kept: the lead goes right above it
            return "\n".join([*lines[:at], *lead, *lines[at:]])
        if at is None and kept:
            lead.extend(_point_lines(node, para, lead, text) if point else [para])
    return text  # the body's first paragraph is not in an <article>: nothing to put back


def _reprinted(para: str, line: str) -> bool:
    """The paragraph is printed again inside a longer line after other words (a standfirst reprinted as
    the lede under its dateline: "PLACE (AGENCY) - " and the standfirst's words): another paragraph."""
    return not line.startswith(para[: len(para) // 2]) and para in line


# a meta line's label before its date: "Originally Published: DATE at CLOCK", "Posted on DATE"
_META_LABEL = re.compile(r"^(?:originally |first |last )?(?:published|posted|updated|dated|issued)\b", re.I)


def _meta_line(para: str) -> bool:
    """A labelled date line, no paragraph of the story however full its stops."""
    return bool(_META_LABEL.match(para)) and find_date(para) is not None


def _point_lines(node: Any, para: str, lead: list[str], text: str) -> list[str]:
    """A summary's point put back as a list item under its headline: the <h1> goes above the first point
    when the extracted text does not hold it, so the lines read as the page printed them."""
    heading = " ".join(node.getparent().getprevious().text_content().split())
    above = [heading] if heading and heading not in lead and heading not in text else []
    return [*above, f"• {para}"]


def _visible_update(tree: Any, max_chars: int) -> tuple[str, str] | None:
    """An update stamp printed on the page ("(updated 19:02 16.07.2018)") when the markup states none."""
    for node in tree.xpath("//body//*[self::span or self::time or self::p or self::div or self::li]"):
        shown = " ".join(node.text_content().split())
        found = find_update(shown, max_chars) if len(shown) <= max_chars else None
        if found is not None:
            return found.date.isoformat(), shown
    return None


def _meta_tags(tree: Any) -> dict[str, tuple[str, str]]:
    """The first non-empty meta tag of each kind: field -> (content, evidence)."""
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = (node.get("content") or "").strip()
        if key and content and key not in tags:
            tags[key] = content
    out: dict[str, tuple[str, str]] = {}
    for name, keys in _META_KEYS.items():
        hit = next((k for k in keys if tags.get(k)), None)
        if hit is not None:
            out[name] = (tags[hit], f'meta {hit}="{tags[hit]}"')
    return out


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of an article type on the page (inside @graph and lists too)."""
    for node in tree.iter("script"):
        if (node.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(node.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        yield from _articles(data)


def _articles(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _articles(item)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            yield data
        if "@graph" in data:
            yield from _articles(data["@graph"])


def _first_ld(objects: list[dict[str, Any]], path: tuple[str, ...]) -> tuple[str, str] | None:
    """The first string at `path` in the article objects: (value, evidence)."""
    for obj in objects:
        value: Any = obj
        for key in path:
            value = value[0] if isinstance(value, list) and value else value
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and value.strip():
            return value.strip(), f"JSON-LD {'.'.join(path)}: {value.strip()}"
    return None


def _ld_names(objects: list[dict[str, Any]], key: str) -> Iterator[str]:
    for obj in objects:
        value = obj.get(key)
        for item in value if isinstance(value, list) else [value]:
            name = item.get("name") if isinstance(item, dict) else item
            if isinstance(name, str) and name.strip():
                yield name.strip()


def _h1(tree: Any) -> tuple[str, str] | None:
    node = next(iter(tree.iter("h1")), None)
    text = " ".join(node.text_content().split()) if node is not None else ""
    return (text, f"<h1>{text}</h1>") if text else None


def _title(tree: Any) -> tuple[str, str] | None:
    text = " ".join((tree.findtext(".//title") or "").split())
    return (text, f"<title>{text}</title>") if text else None


def _without_site(title: str, site: tuple[str, str] | None) -> str:
    """A <title>-style "Headline | Site" or "Headline - Site" without the site's name."""
    return without_outlet_suffix(title, site[0] if site else None)


def _iso_day(value: str) -> str | None:
    """The calendar day of an ISO 8601 stamp ("2016-09-05T10:22:00+08:00" gives "2016-09-05")."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None
