"""Above the body: datelines, bylines, captions, the headline (chosen in `headline`) and the
page header's clocks."""

from __future__ import annotations

import re

from bot.cleaner.blogheader import is_site_tagline
from bot.cleaner.bulletin import bulletin_title, mark_first_item_heading
from bot.cleaner.bylines import is_byline, names_the_lede, pictures_the_lede
from bot.cleaner.daterow import is_date_row
from bot.cleaner.dates import (
    find_date,
    find_partial_date,
    is_date_only,
    is_update_word,
    is_yearless_date_only,
    without_update_words,
)
from bot.cleaner.headline import (
    ADDRESS,
    ATTRIBUTED,
    ITEM_NUMBER,
    LIST_MARK,
    PLACE_DASH,
    choose_headline,
    headline_shaped,
    is_control_row,
)
from bot.cleaner.leadplace import is_lede_place
from bot.cleaner.lines import ends_sentence, is_prose, lowercase_share, word_count, words
from bot.cleaner.page import Decision, Page, is_caption
from bot.cleaner.record import headline_under_record
from bot.cleaner.salutation import is_salutation
from bot.cleaner.screenclock import mark_screen_clocks
from bot.cleaner.speakerlabel import is_speaker_label
from bot.cleaner.splitstamp import stamp_year
from bot.cleaner.standfirst import is_standfirst, is_standfirst_under_meta
from bot.cleaner.titlecaption import is_title_caption
from bot.cleaner.topclock import mark_top_clock
from bot.cleaner.twicecaption import is_twice_printed_caption, mark_credited_copies

__all__ = ["lay_out_header"]


# "Published: 10:17 BST, 29 September 2015 | Updated: ..." - a date line with more than one stamp
_DATE_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted|date|dated|issued)\b\s*(?:on\s+)?:?", re.I)


def _names_the_lede(page: Page, text: str, start: int) -> bool:
    """The line names what the lede tells of (a title, or a caption naming its people): no byline."""
    if start >= len(page.lines):
        return False
    lede = page.lines[start].text
    return names_the_lede(text, lede, page.settings) or pictures_the_lede(text, lede, page.settings)


def _pictures_the_lede(page: Page, text: str, start: int) -> bool:
    return start < len(page.lines) and pictures_the_lede(text, page.lines[start].text, page.settings)


def lay_out_header(page: Page, start: int) -> None:
    """Above the body: datelines, bylines, captions, the headline; the rest is page header."""
    mark_screen_clocks(page, start)  # a teletext row's live clock: when the page was read, never a stamp
    header = [i for i in range(start) if page.open(i)]
    for n, i in enumerate(header):
        text = page.lines[i].text
        dated = is_date_only(text) or is_date_only(without_update_words(text, page.settings.update_words))
        if dated or is_yearless_date_only(text) or _place_and_date(text) or is_date_row(text):
            page.set(i, "dateline")
        elif (
            (is_byline(text, page.settings) and not _names_the_lede(page, text, start))
            or _named_stamp(text)
            or (n and page.lines[header[n - 1]].text.lower().rstrip(": ") == "by")
        ):
            page.set(i, "byline")
        elif (
            _DATE_LABEL.match(text.lstrip(_BULLETS))
            and find_date(text)
            and word_count(text) <= page.settings.dateline_max_words
        ):
            page.set(i, "dateline")
        elif (
            is_caption(page, i, header=True)
            or _pictures_the_lede(page, text, start)  # "NAME and NAME" over a lede telling of them
            or is_twice_printed_caption(page, header, n)
            or is_title_caption(text, page.settings)
        ):
            page.set(i, "caption")
    mark_credited_copies(page, header)
    _mark_repeated_clock(page, header)
    _mark_control_rows(page, header)
    _mark_first_item_headings(page, start)
    headline = headline_under_record(page, header, choose_headline(page, header), headline_shaped)
    headline = _briefs_title(page, header, headline, start)
    addresses = [i for i in header if ADDRESS.search(page.lines[i].text)]
    headline = bulletin_title(page, header, headline, start, addresses[-1] if addresses else -1)
    mark_first_item_heading(page, start)
    if headline is not None:
        page.set(headline, "headline")
    _mark_photo_titles(page, header)
    mark_top_clock(page, header, headline)
    _mark_page_clocks(page, header, headline)
    for i in header:
        if (
            page.decisions[i] is None
            and (ITEM_NUMBER.match(page.lines[i].text) or is_speaker_label(page.lines[i].text))
            and page.next_filled(i) == start
        ):
            page.set(i, "subheading")  # a digest's first numbered item or a transcript's first speaker
        if page.decisions[i] is None and is_salutation(page.lines[i].text) and page.next_filled(i) == start:
            page.set(i, "body")  # a speech's "Dear colleagues," over its first paragraph
        if page.decisions[i] is None:
            text = page.lines[i].text
            lead = (
                is_prose(text, page.settings)
                or is_standfirst_under_meta(page, i, headline)
                or _dek_under(page, i, headline)
                or _summary_point(page, i, headline)
            )
            tagline = headline is not None and i < headline and is_site_tagline(page, i)
            dateline = PLACE_DASH.match(text) or is_lede_place(page, i, start)
            if (lead or ATTRIBUTED.search(text) or dateline) and not tagline:
                page.set(i, "body")
            else:
                page.set(i, "drop", "page-header")


# a reporter's name before the date and time of the story: "Jane Roe Apr - 03 - 2024 , 07:07"
_NAME_AND_DATE = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}\s+(?=[A-Z]?[a-z]{2,8}\.? |\d)")


def _named_stamp(text: str) -> bool:
    """A reporter's name, then only the story's date and time."""
    return bool(_NAME_AND_DATE.match(text)) and is_date_only(_NAME_AND_DATE.sub("", text))


def _briefs_title(page: Page, header: list[int], headline: int | None, start: int) -> int | None:
    """A page of briefs (a column of short items, each a heading over a paragraph opening with its
    place): the line chosen right above the first item is that item's heading, like the later ones, and
    the page's title is the short line above it (the column's name), if the header has one."""
    if headline is None or page.next_filled(headline) != start or start >= len(page.lines):
        return headline
    if not PLACE_DASH.match(page.lines[start].text) or _datelined_items(page, start) < _LEAST_BRIEFS:
        return headline
    page.set(headline, "subheading")
    above = [i for i in header if i < headline and page.open(i) and not is_date_only(page.lines[i].text)]
    title = above[-1] if above else None
    if title is None or word_count(page.lines[title].text) > page.settings.label_max_words:
        return None
    return title


_LEAST_BRIEFS = 2  # not a threshold: two more items make a column of briefs, one is a story's subheading


def _datelined_items(page: Page, start: int) -> int:
    """How many items after the first: a short line right above a paragraph opening with its place."""
    count = 0
    for i in range(start + 1, len(page.lines)):
        following = page.next_filled(i)
        text = page.lines[i].text
        short = not ends_sentence(text) and word_count(text) <= page.settings.subheading_max_words
        if page.open(i) and short and following is not None and PLACE_DASH.match(page.lines[following].text):
            count += 1
    return count


# a line that is only a place and a yearless date, an agency's header: "Baku, Azerbaijan, Aug. 30"
_PLACE_AND_DATE = re.compile(
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}){0,2},\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?\.?"
    r"(?:,\s*[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})?$"  # an agency's name after it: "..., AZERTAC"
)


def _place_and_date(text: str) -> bool:
    match = _PLACE_AND_DATE.match(text.strip())
    # a dated credit with its year ("Agency, September 6, 2016") is read by the byline rules
    return bool(match and find_partial_date(match.group("date")) and find_date(text) is None)


def _mark_first_item_headings(page: Page, start: int) -> None:
    """A page of sections under a date heading (a day's events, a digest) has no headline: the two short
    lines right above its first item, under the date, head that item just as heading-and-label pairs
    head later items in the body ("Politics" / "Summit talks" / item)."""
    label = page.previous_filled(start)
    heading = page.previous_filled(label)
    if start >= len(page.lines) or heading == label or not (page.open(label) and page.open(heading)):
        return
    dated_above = any(page.decisions[i] == Decision("dateline") for i in range(heading))
    if (
        dated_above
        and _short_heading(page, heading)
        and _short_heading(page, label)
        and _headed_items(page, start)
    ):
        page.set(heading, "subheading")
        page.set(label, "subheading")


def _headed_items(page: Page, start: int) -> int:
    """How many items of the body are headed by two short lines, a heading and a label, over prose."""
    filled = [i for i in range(start, len(page.lines)) if not page.lines[i].blank and page.open(i)]
    shapes = [
        "p" if is_prose(page.lines[i].text, page.settings) else "l" if _short_heading(page, i) else "x"
        for i in filled
    ]
    return "".join(shapes).count("llp")


def _short_heading(page: Page, i: int) -> bool:
    text = page.lines[i].text
    return not ends_sentence(text) and word_count(text) <= page.settings.label_max_words + 2


def _mark_photo_titles(page: Page, header: list[int]) -> None:
    """A short title printed right above a caption (no blank line between) belongs to the photo; a
    caption shaped as a title itself ("NAME and NAME.") has none (a name over it is the byline)."""
    for i in header:
        text = page.lines[i].text
        alpha = [w for w in words(text) if w[0].isalpha()]
        too_long = word_count(text) > page.settings.photo_title_max_words
        if page.decisions[i] is not None or too_long or ends_sentence(text):
            continue
        if len(alpha) < page.settings.photo_title_min_words:
            continue
        following = i + 1
        under = following < len(page.lines) and page.decisions[following] == Decision("caption")
        if under and not is_title_caption(page.lines[following].text, page.settings):
            page.set(i, "caption")


_BULLETS = "•·*–—- "  # list marks some sites print before each stamp: "• Published : ..."
_LABELLED = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)?\s*:")  # "Published: ...", "Updated: ..."
_SHAPE = re.compile(r"[^\W\d_]+|\d+")


def _shape(text: str) -> str:
    """A date line's format: its words and numbers as placeholders, its punctuation kept."""
    return _SHAPE.sub(lambda m: "9" if m.group().isdigit() else "a", text)


def _mark_repeated_clock(page: Page, header: list[int]) -> None:
    """Two date lines of one format above the body: the first, when it tops the page above any
    headline, is the site header's clock (the day the page was read), the other the article's own date."""
    datelines = [
        i
        for i in header
        if page.decisions[i] == Decision("dateline")
        and not _LABELLED.match(page.lines[i].text.lstrip(_BULLETS))
    ]
    first_title = next(
        (
            i
            for i in header
            if page.decisions[i] is None and headline_shaped(page.lines[i].text, page.settings)
        ),
        len(page.lines),
    )
    for n, i in enumerate(datelines):
        same = any(_shape(page.lines[i].text) == _shape(page.lines[j].text) for j in datelines[n + 1 :])
        if same and i < first_title:  # a clock tops the page; a date under the headline is the story's
            page.set(i, "drop", "page-clock")


def _mark_control_rows(page: Page, header: list[int]) -> None:
    """A row of controls each post repeats ("Quote Reply Link to Post"), shaped as a headline might be, is
    chrome, never the headline (a shorter line printed as often is page header already)."""
    for i in header:
        shaped = page.decisions[i] is None and headline_shaped(page.lines[i].text, page.settings)
        if shaped and is_control_row(page, i):
            page.set(i, "drop", "controls")


def _dek_under(page: Page, i: int, headline: int | None) -> bool:
    """Line i, right under the headline, is its standfirst though it has no full stop."""
    above = headline is not None and page.previous_filled(i) == headline
    text = page.lines[i].text
    labelled = _LABEL_PREFIX.match(text)  # "Reuters: TITLE", a source's link under the headline
    return above and not labelled and is_standfirst(text, page.lines[headline or 0].text, page.settings)


_LABEL_PREFIX = re.compile(r"^[A-Z][\w.&'’ -]{0,30}:\s")


def _summary_point(page: Page, i: int, headline: int | None) -> bool:
    """Line i is one point of a bulleted summary right under the headline ("• One long clause"): each
    point, read without its mark, is a standfirst."""
    if headline is None or i <= headline or not LIST_MARK.match(page.lines[i].text):
        return False
    between = [j for j in range(headline + 1, i) if not page.lines[j].blank]
    if not all(LIST_MARK.match(page.lines[j].text) for j in between):
        return False
    text, title, settings = LIST_MARK.sub("", page.lines[i].text), page.lines[headline].text, page.settings
    if len(_points_under(page, headline)) <= 1:  # one point alone: read as a standfirst
        return is_standfirst(text, title, settings)
    # a summary of several points: each is a clause of the story, however short beside the headline
    return (
        word_count(title) >= settings.standfirst_headline_words
        and word_count(text) > settings.label_max_words
        and lowercase_share(text) >= settings.standfirst_min_lowercase
    )


def _points_under(page: Page, headline: int) -> list[int]:
    """The list items printed one after another right under the headline."""
    points: list[int] = []
    for j in range(headline + 1, len(page.lines)):
        if page.lines[j].blank:
            continue
        if not LIST_MARK.match(page.lines[j].text):
            break
        points.append(j)
    return points


def _publication_date(text: str) -> bool:
    """The line gives a date that is no update's ("Posted by NAME | Updated: DATE" gives none)."""
    found = find_date(text)
    return found is not None and not is_update_word(text.partition(found.source)[0])


def _mark_page_clocks(page: Page, header: list[int], headline: int | None) -> None:
    """A date line beside a site clock, or above the headline when a dated byline follows it, is the
    page header's clock (often the day the page was scraped), never the article's date."""
    texts = [line.text for line in page.lines]
    dated_after = headline is not None and any(
        page.decisions[i] in (Decision("dateline"), Decision("byline"))
        and i > headline
        and (_publication_date(page.lines[i].text) or stamp_year(texts, i) is not None)
        for i in header
    )
    for i in header:
        if page.decisions[i] != Decision("dateline"):
            continue
        beside_clock = any(page.reason(j) == "page-clock" for j in (i - 1, i + 1) if 0 <= j < len(page.lines))
        above_headline = headline is not None and i < headline
        if beside_clock or (dated_after and above_headline):
            page.set(i, "drop", "page-clock")
    datelines = [i for i in header if page.decisions[i] == Decision("dateline")]
    for i in datelines[1:]:
        page.set(i, "drop", "page-clock")
