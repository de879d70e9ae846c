"""Which line above the body is the headline: a line of a headline's shape (not a name, a label, an
address, a lede's sentence), the one a breadcrumb ends with, else the last before the byline or date
line, preferring one that names what the story's first paragraphs name; a byline glued to its end is
cut off (used by `header`)."""

from __future__ import annotations

import re

from bot.cleaner.bylines import is_byline
from bot.cleaner.cues import wire_dateline
from bot.cleaner.lines import STOPWORDS, is_label, is_prose, word_count, words
from bot.cleaner.page import Decision, Page
from bot.cleaner.standfirst import is_standfirst
from bot.cleaner.titlefields import is_lead_in, repeats_caption
from bot.cleaner.titlehost import without_title_host
from bot.config import CleanerConfig
from bot.text import normalize

__all__ = [
    "ADDRESS",
    "ATTRIBUTED",
    "ITEM_NUMBER",
    "LIST_MARK",
    "PLACE_DASH",
    "choose_headline",
    "glued_byline",
    "glued_kicker",
    "headline_shaped",
    "headline_text",
    "is_control_row",
    "table_cell",
]

# A numbered item of a digest ("1. Title"), a postal address or a telephone line: never a headline.
ITEM_NUMBER = re.compile(r"^\d{1,2}[.)]\s+\S")
ADDRESS = re.compile(
    r"^\d{1,5}(?:[-–]\d{1,5})?\s+(?:[A-Z0-9][\w.]*\s+){1,4}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Lane|Square|Place)\b"
    r"|\b(?:tel|phone|fax)\.?\s*:",
    re.I,
)
# a wiki page's path, "Portal:Current events/...": no headline
_WIKI_PATH = re.compile(r"^[A-Z][a-z]+:[A-Z]\S")
# a kicker glued to its headline by a colon with no space ("Summits:Leaders meet in the city"): the words
# after it are a sentence (two in lower case at least, one no stopword), and hold no wiki path's "/" or "_"
_GLUED_KICKER = re.compile(r"^(?P<kicker>[^\W\d_][^\W_]*):(?=[^\W\d_])(?P<head>[^/_]+)$")
_CELLS = 2  # not a threshold: a table's row of versions has two cells at least
_SENTENCE_LOWER = 2  # not a threshold: a sentence's words in lower case, where a wiki page's name has none
# a paragraph opening with its place and a dash, no agency: "HANGZHOU, China — ...", "PARIS — ..."
PLACE_DASH = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?\s+[-–—]{1,2}\s"
)


# a sentence ending with its attribution and a day: "..., a spokesman said Thursday."
ATTRIBUTED = re.compile(
    r",\s+(?:[\w.'’-]+\s+){1,6}(?:said|says|told \w+|announced|reported)\s+(?:on\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\.$",
    re.IGNORECASE,
)


# a list item's mark (a bullet, or a hyphen spaced off the words after it): a headline is never printed
# as one item of a list
LIST_MARK = re.compile(r"^\s*[•●▪◦‣✔✓☑-]\s")  # a check mark is a bullet too


def headline_shaped(text: str, settings: CleanerConfig) -> bool:
    """A line that may be a headline: of a headline's length, and not a lone name or a section label
    (a few words, every one capitalised, with nothing else: no verb in lower case, no punctuation),
    a numbered item, an address or a telephone line."""
    count = word_count(text)
    if not settings.headline_min_words <= count <= settings.headline_max_words:
        return False
    return not (
        ITEM_NUMBER.match(text)
        or ADDRESS.search(text)
        or is_label(text, settings)
        or wire_dateline(text)
        or PLACE_DASH.match(text)  # "BUENOS AIRES, Argentina – Here's the latest ...": a lede
        or (_WIKI_PATH.match(text) and glued_kicker(text) is None)
        or text.lstrip().startswith("©")  # a photo's credit, however long the caption glued to it
        or ATTRIBUTED.search(text)  # a lede's sentence, never a headline
        or is_lead_in(text)  # "Here's the translation:" introduces the lines under it
        or LIST_MARK.match(text)  # "• One summary point": an item of a list under the headline
        or _ITEM_COUNT.search(text)  # "Topic: NAME (72)": a label counting the stories filed under it
        or _TAG_TITLE.search(text)  # 'Posts tagged with "NAME"': a tag archive's title, no story's
    )


# a tag archive's title: 'Posts tagged with "summit"', "Articles tagged: summit", "Tag Archives: summit"
_TAG_TITLE = re.compile(
    r"\b(?:posts?|articles?|stories|entries|items|news)\s+tagged\b|^(?:tag(?:ged)?|tag archives?)\s*:", re.I
)


# a count in brackets ending a line (not a year): a label of the items filed under it
_ITEM_COUNT = re.compile(r"\((?!(?:19|20)\d{2}\))\d{1,6}\)\s*$")


def _without_site_suffix(page: Page, candidates: list[int]) -> list[int]:
    """A title printed twice, once with the site's name after a dash or a bar ("Headline - Site"): the
    copy without it is the headline."""
    texts = {i: normalize(page.lines[i].text) for i in candidates}
    suffixed = {
        i
        for i in candidates
        for j in candidates
        if j != i and re.match(rf"{re.escape(texts[j])}(?:\s+[-–—|:]\s+|[-–—|][A-Z])\S*", texts[i])
    }
    return [i for i in candidates if i not in suffixed]


def _under_captioned_credit(page: Page, i: int) -> bool:
    """Line i sits right under a photo credit that sits right under a caption."""
    credit = page.previous_filled(i)
    caption = page.previous_filled(credit)
    return (
        credit != i
        and page.reason(credit) == "photo-credit"
        and page.decisions[caption] == Decision("caption")
    )


def choose_headline(page: Page, header: list[int]) -> int | None:
    """The title-length line the breadcrumb ends with, else the last one before the byline/dateline."""
    shaped = _shaped(page, header)
    # the title a breadcrumb trail ends with is the page's, whatever its words (it "repeats" the trail's end)
    crumbed = _crumb_title(page, shaped)
    if crumbed is not None:
        return crumbed
    candidates = [
        i for i in shaped if not (i and repeats_caption(page.lines[i].text, page.lines[i - 1].text))
    ]
    # a headline is about the story: when some line shares a word with its lead, a tagline that shares
    # none is no headline (a line alone is kept: a headline may share no word with the lead)
    about = [i for i in candidates if _shares_words(page, i, len(header))]
    # a line speaking to the reader that names nothing the story names ("We need your help now",
    # "Connect with us") is the site talking, never the headline
    candidates = [i for i in candidates if i in about or not _addresses_reader(page.lines[i].text)]
    candidates = about or candidates or _title_case_headline(page, header)
    addresses = [i for i in header if ADDRESS.search(page.lines[i].text)]
    if addresses:  # a letterhead: the sender's name and address head the document, its title follows
        candidates = [i for i in candidates if i > addresses[-1]]
    if not candidates:
        return None
    crumbed = _crumb_title(page, candidates)
    if crumbed is not None:
        return crumbed
    candidates = _without_site_suffix(page, candidates)
    # a link under a captioned picture's credit ("to the photo bank") is the picture's, when a title
    # stands above it
    candidates = [i for i in candidates if not _under_captioned_credit(page, i)] or candidates
    metas = [i for i in header if page.decisions[i] in (Decision("dateline"), Decision("byline"))]
    after_candidate = [m for m in metas if m > candidates[0]]
    chosen = max(i for i in candidates if i < after_candidate[0]) if after_candidate else candidates[-1]
    above = [i for i in candidates if i < chosen]
    if not (above and _next_but_copies(page, above[-1]) == chosen):
        return chosen
    headline, under = page.lines[above[-1]].text, page.lines[chosen].text
    if is_standfirst(under, headline, page.settings):
        page.set(chosen, "body")
        return above[-1]
    if word_count(headline) * page.settings.deck_max_ratio >= word_count(
        under
    ):  # a deck under the headline, not a kicker above it
        page.set(chosen, "drop", "deck")
        return above[-1]
    return chosen


def _shaped(page: Page, header: list[int]) -> list[int]:
    """The open header lines of a headline's shape, but a tag's name under a tag archive's title
    ('Posts tagged with "summit"', then "summit"): the tag is no headline."""
    titles = [page.lines[i].text.casefold() for i in header if _TAG_TITLE.search(page.lines[i].text)]
    return [
        i
        for i in header
        if page.decisions[i] is None
        and headline_shaped(page.lines[i].text, page.settings)
        and not any(page.lines[i].text.strip().casefold() in title for title in titles)
    ]


def _crumb_title(page: Page, candidates: list[int]) -> int | None:
    """The candidate a breadcrumb trail ends with ("Home » Section » TITLE"), if any."""
    crumbs = [page.lines[i].text for i in range(len(page.lines)) if page.reason(i) == "breadcrumb"]
    for crumb in crumbs:
        last = normalize(crumb.replace("›", "|").replace("»", "|").split("|")[-1]).casefold()
        match = next((i for i in candidates if normalize(page.lines[i].text).casefold() == last), None)
        if match is not None:
            return match
    return None


def is_control_row(page: Page, i: int) -> bool:
    """Line i is printed three times or more on the page, with prose between its copies: a row of
    controls each post or item repeats ("Quote Reply Link to Post"), never the story's headline (a
    title printed thrice at the top is)."""
    text = page.lines[i].text
    copies = [n for n, line in enumerate(page.lines) if line.text == text]
    if len(copies) < _CONTROL_ROW_COPIES:
        return False
    return any(is_prose(page.lines[n].text, page.settings) for n in range(copies[0] + 1, copies[-1]))


_CONTROL_ROW_COPIES = 3
# the reader's "us" is never written in capitals inside a line that is not all capitals: "US" there is
# the country ("Tensions rising between US & Russia")
_ADDRESSES_READER = re.compile(r"\b(?:(?i:you|your|we|our)|[Uu]s)\b")


def _addresses_reader(text: str) -> bool:
    """The line speaks to the reader ("you", "we", "us"; in a line of capitals "US" may be either)."""
    return _ADDRESSES_READER.search(text.lower() if text.isupper() else text) is not None


def _title_case_headline(page: Page, header: list[int]) -> list[int]:
    """With no other candidate, a line of capitalised words shaped like a label ("Leader Visits
    Neighbouring President") that names at least two things the lead names is the headline; so is one
    that reads as a sentence in title case ("Time to Talk Again": a small word no name joins its words
    with) and shares a common word or its stem with the lead ("Talk", "talking": a word the lead writes
    in lower case, not a name, which a site's or a channel's label shares as often)."""
    least = page.settings.headline_min_words
    lead = _lead_paragraphs(page, len(header))
    return [
        i
        for i in header
        if page.decisions[i] is None
        and least <= word_count(page.lines[i].text) <= page.settings.headline_max_words
        and is_label(page.lines[i].text, page.settings)
        and _names_the_lead(page.lines[i].text, lead)
    ][-1:]


def _names_the_lead(text: str, lead: list[str]) -> bool:
    mine = _content_words(text)
    if len(mine & set().union(*(_content_words(paragraph) for paragraph in lead))) >= _SHARED_TITLE_WORDS:
        return True
    small = [w for w in words(text) if w[0].islower()]
    if not small or any(w in _NAME_JOINERS for w in small):
        return False
    common = {w for paragraph in lead for w in _content_words(paragraph, lower=True)}
    return any(_same_stem(word, theirs) for word in mine for theirs in common)


def _same_stem(one: str, other: str) -> bool:
    """Two words one of which opens with the other, of a stem's length at least ("talk", "talking")."""
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= _STEM_LETTERS and longer.startswith(shorter)


_STEM_LETTERS = 4  # not a threshold: "war" opens "warm" and "ward"; a stem of four letters names its word
# the small words a name joins its capitalised words with ("Bank of England", "Bosnia and Herzegovina"):
# a title-cased line holding one of them may be a name, never read as a sentence
_NAME_JOINERS = frozenset(
    {"and", "of", "the", "de", "del", "der", "di", "du", "la", "le", "von", "van", "y", "&"}
)
_SHARED_TITLE_WORDS = 2  # not a threshold: one shared word ("Ghana" in "Ghana News") is a section's name


def _next_but_copies(page: Page, i: int) -> int | None:
    """The next non-blank line after i that is not a copy of it (a headline printed twice, perhaps with
    chrome between the copies)."""
    last = max((k for k, original in page.copy_of.items() if original == i), default=i)
    j = page.next_filled(i)
    while j is not None and (page.copy_of.get(j) == i or (j < last and page.reason(j))):
        j = page.next_filled(j)
    return j


_SHORT_WORD = 2  # not a threshold: words of two letters ("US", "in") name nothing a headline shares


def _content_words(text: str, *, lower: bool = False) -> set[str]:
    """The words of a text that name something (`lower`: only those written in lower case)."""
    bare = (
        w.strip(".'’&-").casefold() for w in words(text) if w[0].isalpha() and not (lower and w[0].isupper())
    )
    return {w for w in bare if len(w) > _SHORT_WORD and w not in STOPWORDS}


def _lead_paragraphs(page: Page, start: int) -> list[str]:
    """The article's first paragraphs (chrome already dropped, such as a funding appeal between the
    header and the story, is none of them)."""
    body = [
        line.text
        for k, line in enumerate(page.lines[start:], start)
        if page.reason(k) == "" and is_prose(line.text, page.settings)
    ]
    return body[: page.settings.dateline_paragraphs]


def _lead_words(page: Page, start: int) -> set[str]:
    """The content words of the article's first paragraphs."""
    return set().union(*(_content_words(text) for text in _lead_paragraphs(page, start)))


def _shares_words(page: Page, i: int, start: int) -> bool:
    """Does line i name something the article's first paragraphs name (a person, a place, a topic)?"""
    return bool(_content_words(page.lines[i].text) & _lead_words(page, start))


# a byline the scraper glued to the headline: "Leaders meet in the cityBy Jane Doe and John Roe, Site"
_GLUED_BYLINE = re.compile(r"^(?P<head>.*?[a-z0-9'’\"”?!.)])(?P<byline>By [A-Z].*)$")
# ... or after a space, when it ends in a writer's credit: "Rain floods the subway By JANE DOE and JOHN
# ROE, Agency Writers" (a headline's own "By" reads "Leaders Stand By Their Pledge")
_SPACED_BYLINE = re.compile(
    r"^(?P<head>.*?\S)\s+(?P<byline>By [A-Z][^,]{2,80},[^,]{0,40}"
    r"\b(?:writers?|correspondents?|reporters?|staff|editors?|bureau))$",
    re.IGNORECASE,
)


def headline_text(text: str, settings: CleanerConfig) -> str:
    """The headline line's text without a text client's marks and host before it, a byline glued to its
    end or a kicker glued to its start, or the latest cell of a table's row."""
    text = without_title_host(text)  # "# site.de -- Headline": a text client's title line
    byline = glued_byline(text, settings)
    text = text[: text.rindex(byline)].strip() if byline else text
    kicker = glued_kicker(text)
    return text[len(kicker) + 1 :] if kicker else table_cell(text)


def table_cell(text: str) -> str:
    """A headline printed in a text table's row ("Old title | New title |", the row closed by its bar):
    its last filled cell, the latest version; any other line as it is ("Title | Site" has no closing bar)."""
    cells = [cell.strip() for cell in text.split("|")]
    filled = [cell for cell in cells if cell]
    return filled[-1] if text.rstrip().endswith("|") and len(filled) >= _CELLS else text


def glued_kicker(text: str) -> str | None:
    """A kicker glued to a headline by a colon and no space ("Summits:Leaders meet ..."), or None."""
    glued = _GLUED_KICKER.match(text.strip())
    if glued is None or not glued.group("kicker")[0].isupper() or not glued.group("head")[0].isupper():
        return None
    lower = [word for word in glued.group("head").split() if word[0].islower()]
    # a verb or a common noun among them: "of the" alone joins a wiki page's name ("Heads of the ...")
    said = any(word.lower() not in STOPWORDS for word in lower)
    return glued.group("kicker") if len(lower) >= _SENTENCE_LOWER and said else None


def glued_byline(text: str, settings: CleanerConfig) -> str | None:
    """A byline glued to the end of a headline line, or None."""
    glued = _GLUED_BYLINE.match(text) or _SPACED_BYLINE.match(text)
    if glued and is_byline(glued.group("byline"), settings) and word_count(glued.group("head")) > 1:
        return glued.group("byline")
    return None
