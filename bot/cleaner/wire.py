"""Whose copy a page carries: the wire (original) source, with the text it was read from.

The evidence is of kinds wire copy carries everywhere: an agency in the byline, a wire dateline ("MOSCOW
(AP) —", "Sept. 29 (UPI) --"), a "Source: Reuters" line, a short credit above the body, a closing "— Reuters"
or "(AFP)" credit, a "..., Agency reported." sentence, and a repost's credit on a publishing platform.
Agency names come from config's outlet table; an acronym in a wire dateline's brackets counts without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.cleaner.agencynames import byline_agency, line_credit
from bot.cleaner.bracketcredit import bracket_credit, network_dateline
from bot.cleaner.cardcredit import wire_service_credit
from bot.cleaner.creditfields import date_row_source, repost_from_line, story_credit
from bot.cleaner.creditlabels import as_english_source
from bot.cleaner.credits import credit_lines
from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import find_date, find_partial_date, is_update_stamp
from bot.cleaner.domainwords import web_count
from bot.cleaner.headline import LIST_MARK, glued_byline
from bot.cleaner.initialsname import spelled_by_masthead
from bot.cleaner.localdateline import local_dateline_agency
from bot.cleaner.outlets import OutletTable, registered_domain
from bot.cleaner.owncredit import names_own_programme
from bot.cleaner.owncreditname import credit_line
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.publisherfield import publisher_field
from bot.cleaner.readmore import read_more_source
from bot.cleaner.reportercredit import MEDIA_WORDS, people_named, reporter_credit, reporters_named
from bot.cleaner.reportsby import credit_phrase, verb_first_credits
from bot.cleaner.rightsline import rights_line_wire
from bot.cleaner.sectionwire import own_masthead, section_wire
from bot.cleaner.sourcecredit import is_institution, reposted_source
from bot.cleaner.stampcredit import agency_as_written, glued_acronym, stamp_agency
from bot.cleaner.tagwire import end_tag_wire
from bot.cleaner.titlecredit import title_agency

__all__ = ["find_wire", "outlet_credit"]

# A credit by its shape when the table does not know it: "Ghana News Agency", "Kyodo Press".
_AGENCY_SHAPE = re.compile(r"\b(?:agency|press|news service|wire)$", re.IGNORECASE)
# "..., Sky News reports." / "— the Agency reported." / ", The Agency reported." (the article is no name)
_REPORTS = re.compile(
    r"(?:^|[,;–—]\s*)(?:[Tt]he\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+report(?:s|ed)\s*[.:]"
)
# "Source: Reuters/ec": an editor's initials in lower case may follow the source after a slash
_SOURCE_LINE = re.compile(
    r"(?:^[\[(]?|[/|•]\s*)(?:source|sources|via|credit)\s*:\s*(?P<name>[^,;|/\])]{2,60}?)"
    r"(?-i:/[a-z]{1,4}(?:/[a-z]{1,4})*)?\s*[\])]?\s*(?:$|[|,;])",
    re.I,
)
# a credit line giving each role its source: "Text: AFP / Photo: Reuters" (the text's is the wire)
_TEXT_ROLE = re.compile(
    r"(?:^|[/|•]\s*)(?:text|words|story)\s*:\s*(?P<name>[^/|,;:]{2,40}?)\s*(?:$|[/|,;])", re.I
)
_SOURCE_URL = re.compile(r"^(?:source|via|originally published at)\s*:?\s*(?P<name>https?://\S+)$", re.I)
_CLOSING_CREDIT = re.compile(r"(?:^|\s)(?:[-–—]+\s*|\()(?P<name>[A-Za-z][\w.&'/ -]{1,40}?)\)?\s*$")


def outlet_credit(page: PageLines) -> Found | None:
    """A photo credit ("© SPUTNIK") that names an outlet the config knows."""
    for line in page.dropped_as("photo-credit"):
        name = re.sub(
            r"^(?:©|\(c\)|photo|image|picture|credit)s?\s*:?\s*", "", line.text, flags=re.IGNORECASE
        )
        if name and page.table.known(name):
            return Found(page.table.canonical(name), line.text)
    return None


_CREDIT_PARTS = re.compile(r"\s*/\s*|\s*,\s*|\s+[-–—]\s*|[-–—]\s+")  # "SITE - AGENCY -DATE"


def _credit_name(name: str, table: OutletTable) -> str:
    """An agency credit "dpa/NAN" or "AP Photo" gives the known agency in it, else the credit as written."""
    for part in _CREDIT_PARTS.split(name):
        if table.is_agency(part):
            return table.canonical(part)
    return table.canonical(name)


def _agencies_credited(name: str, table: OutletTable) -> int:
    """How many distinct known agencies a credit names ("APA/dpa/Reuters": three, a compiled report)."""
    return len({table.canonical(part) for part in _CREDIT_PARTS.split(name) if table.is_agency(part)})


def _unknown_credit(named: str, dateline: tuple[str, str] | None, page: PageLines) -> bool:
    """An acronym the table does not know, neither a dateline's state code nor the masthead's initials
    ("HANGZHOU (DOB) –" under "Dhaka Online Bulletin": the site's own credit), nor a country's name."""
    if not _unknown_acronym(named, page.table) or _place_word(named, page):
        return False
    return not (_place_code(dateline, page.first_body()) or spelled_by_masthead(named, page))


def _place_word(named: str, page: PageLines) -> bool:
    """Capitals that spell a word the web counts as a common one, a place or a people ("HANGZHOU, CHINA –"):
    a place-only dateline's country, no agency's letters (as `domainwords` reads a domain's pieces)."""
    long_enough = len(named) >= page.settings.domain_word_min_letters
    return long_enough and named.isalpha() and web_count(named) >= page.settings.domain_word_min_count


def find_wire(page: PageLines) -> Found | None:
    """The agency in the byline, a headline's "AGENCY: ..." prefix or wire dateline (a credit between
    slashes, "/NAME/ --", is always a wire's), a provider's credit opening the lede, a "Source:" line, a
    closing credit, a "..., NAME reports." credit, or the original of a platform repost."""
    table = page.table
    headlines = (glued_byline(line.text, page.settings) for line in page.of_kind("headline"))
    bylines = (*(line.text for line in page.of_kind("byline")), *(h for h in headlines if h))
    credited = (
        byline_agency(bylines, table, page.settings.agency_acronym_max_chars)
        or line_credit(page)
        or credit_line(page)
    )
    if credited is not None:
        return credited
    titled = next((f for line in page.of_kind("headline") if (f := title_agency(line.text, table))), None)
    if titled is not None:
        return titled
    dateline = wire_dateline(page.first_body())
    if dateline is not None and _agencies_credited(dateline[1], table) > 1:
        return None  # a dateline crediting several agencies: the copy is compiled, no single wire's
    named = _credit_name(dateline[1], table) if dateline else ""
    slashed = dateline is not None and f"/{dateline[1]}/" in page.first_body()
    unknown = _unknown_credit(named, dateline, page)
    if dateline is not None and (table.is_agency(named) or _AGENCY_SHAPE.search(named) or unknown or slashed):
        return Found(named, f"{dateline[0]} ({dateline[1]})")
    lede = _LEDE_CREDIT.match(page.first_body()) or _agency_lede(page.first_body(), table)
    # "(SiteWorld) - " on siteworld.vn credits the site itself; an agency's credit on its own site is its wire
    own = (
        lede is not None
        and _own_site(lede.group("name"), page.url)
        and not table.is_agency(lede.group("name"))
    )
    if lede and not own and (table.is_agency(lede.group("name")) or not table.known(lede.group("name"))):
        return Found(table.canonical(lede.group("name")), lede.group(0).strip())
    stated = _stated_source(page)
    if stated is not None:
        return stated
    reported = _reported(page) or credit_phrase(page)
    if reported is not None:
        return reported
    platform = table.platform(page.raw)
    credit = outlet_credit(page)
    if platform is not None and credit is not None:
        return Found(credit.value, f"{credit.evidence} (original source of a {platform} repost)")
    return None


def _reported(page: PageLines) -> Found | None:
    """A "..., NAME reports." credit in the story's lede or its last paragraph, where a copy's source is
    credited (in a paragraph between them it is the source of one claim, not of the copy); a story
    crediting several outlets so was compiled from them, and names no one source. A live page's entry
    ("UPDATE: 7:40 p.m. -- ...") credits its own claims, not the copy."""
    texts = [line.text for line in page.of_kind("body")]
    ends = [text for text in texts[:1] + texts[1:][-1:] if not is_update_stamp(text)]
    found = next((credit for text in ends for credit in _report_credits(text, page)), None)
    if found is None:
        return None
    # another agency credited with its verb first anywhere in the story ("..., передает ТАСС." in the
    # lede, "..., передает РИА Новости." further on): each is one claim's source, the copy no one's
    verbs = page.settings.credit_verbs
    credits = (cited for text in texts for cited in verb_first_credits(text, page.table, verbs))
    verb_first = {cited.value.casefold() for cited in credits}
    if verb_first - {found.value.casefold()}:
        return None
    story = " ".join(texts)
    if story.count(" report") <= 1:  # one "reported" in the story: no other outlet's
        return found
    cited = {page.table.canonical(_cited_name(m.group("name"))).casefold() for m in _CITED.finditer(story)}
    others = cited - {found.value.casefold()}
    return found if not any(page.table.known(name) for name in others) else None


def _cited_name(name: str) -> str:
    """The name a "NAME reports" match cites, without the end of the sentence before it ("America. The
    BBC" is "BBC")."""
    tail = re.split(r"[.!?]\s+", name)[-1]
    return re.sub(r"^[Tt]he\s+", "", tail)


def _report_credits(text: str, page: PageLines) -> Iterator[Found]:
    for reports in _REPORTS.finditer(text):
        name = reports.group("name")
        if page.table.known(name) or name.rsplit(maxsplit=1)[-1].casefold() in MEDIA_WORDS:
            yield Found(page.table.canonical(name), reports.group(0).strip(" ,;–—"))
    yield from verb_first_credits(text, page.table, page.settings.credit_verbs)  # "..., reports NAME."


# any outlet reporting in the story's text: "... here Saturday," the Paper reported.
_CITED = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+report(?:s|ed)\b"
)


# a provider's credit opening the lede without a place: "(RTTNews) - The ruble ..."; a site the table
# knows as no agency ("(CNN) --") credits itself
_LEDE_CREDIT = re.compile(r"^\((?P<name>[A-Z][\w.&'’ -]{1,40})\)\s*[-–—]{1,2}\s")


def _own_site(name: str, url: str | None) -> bool:
    """The credit spells the name of the site the page is on (its registered domain's first label)."""
    site = registered_domain(url) if url else None
    label = site[0].split(".")[0].casefold() if site else ""
    return len(label) > 1 and re.sub(r"[\W_]+", "", name).casefold() == label


def _unknown_acronym(name: str, table: OutletTable) -> bool:
    """An acronym in a wire dateline's brackets that the table does not know ("PLACE, DATE (ZNA) --") is
    an agency's credit: broadcasters and papers the table knows ("(CNN) --") credit themselves."""
    return bool(_ACRONYM.fullmatch(name)) and not table.known(name)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PLACE_CODE = 2  # not a threshold: a state's or province's postal code has two letters ("TX", "NY")


def _place_code(dateline: tuple[str, str] | None, first: str) -> bool:
    """Two capitals after a place and a comma, outside brackets, are the place's state or province
    ("NEW YORK, NY –", "HOUSTON, TX —"), not an agency's credit."""
    return (
        dateline is not None
        and len(dateline[1]) == _PLACE_CODE
        and f"({dateline[1]})" not in first
        and first.startswith(f"{dateline[0]}, {dateline[1]}")
    )


# an agency's name the table knows opening the lede without brackets: "Agency Name - The president ..."
_BARE_LEDE_CREDIT = re.compile(r"^(?P<name>[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,3})\s+[-–—]{1,2}\s")


def _agency_lede(first: str, table: OutletTable) -> re.Match[str] | None:
    """A known agency's credit opening the lede bare ("Agency Name - ..."); a place opening it so is no
    credit, so only a name the table knows as an agency counts."""
    match = _BARE_LEDE_CREDIT.match(first)
    return match if match is not None and table.is_agency(match.group("name")) else None


def _stated_source(page: PageLines) -> Found | None:
    """A "Source:" line, an agency credit on a short line above the body ("AFP", "Moscow / AFP"), an
    agency credit closing the body ("— AFP", "(AP)"), or a republished story's "originally published by
    NAME". "With reporting by AFP" is no wire: the outlet wrote the story with the agency's help."""
    finders = (
        _source_line,
        date_row_source,
        stamp_agency,
        end_tag_wire,
        _header_credit,
        section_wire,
        _closing_credit,
        rights_line_wire,
        _republished,
        reporter_credit,
        _release_issuer,
        credit_lines,
        repost_from_line,
        read_more_source,
        publisher_field,
        reposted_source,
        bracket_credit,
        network_dateline,
        local_dateline_agency,
    )
    return next((found for finder in finders if (found := finder(page)) is not None), None)


def _release_issuer(page: PageLines) -> Found | None:
    """A press release's closing "About NAME" heading over its issuer's boilerplate, naming an agency the
    table knows: on another site's page, the copy is that agency's."""
    for line in page.lines:
        name = line.text[len("About ") :] if line.text.startswith("About ") else ""
        if name and page.table.is_agency(name) and not _own_site(name, page.url):
            return Found(page.table.canonical(name), line.text)
    return None


def _source_line(page: PageLines) -> Found | None:
    """ "Source: Reuters", or "Source: URL" naming the original by its domain; a page's one "Source: NAME"
    line names its wire even when the table lacks the agency."""
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None  # "Source: NAME" on NAME's own site credits itself
    sole = len(page.dropped_as("source-credit")) == 1  # read once, not once a line
    labels = page.settings.source_labels
    for line in page.lines:
        text = as_english_source(line.text, labels)  # "來源:NAME" is "Source: NAME"
        said = (_SOURCE_LINE.search(text) or _TEXT_ROLE.search(text)) if ":" in text else None
        match = said or _SOURCE_URL.search(text)
        name = match.group("name").strip() if match else ""
        dated = find_partial_date(name) or find_date(name)  # "Source: Paper September 08, 2016 21:22 UTC"
        name = (
            name[: name.find(dated.source)].strip(" ,-|") if dated and name.find(dated.source) > 0 else name
        )
        if name and is_institution(page.table.canonical(name), MEDIA_WORDS):
            continue  # "Source: Atlantic Council": a think tank's analysis, no news copy
        if name and page.table.known(name) and page.table.canonical(name) != own:
            return Found(_credit_name(name, page.table), line.text)
        site = registered_domain(name) if re.match(r"(?:https?://|www\.)\S+$", name) else None
        if site is not None and _own_site(site[0].split(".")[0], page.url):
            continue  # "Source: www.site.com" on site.com: the page credits itself
        if site is not None:
            return Found(page.table.by_domain(site[1]) or site[0], line.text)
        named = _SOURCE_NAME.match(text) if sole else None
        mine = named is not None and (
            page.table.canonical(named.group("name")) == own or names_own_programme(named.group("name"), page)
        )
        people = named is not None and people_named(named.group("name"), page)  # reporters are no wire
        # "Source: Tanjug"; a picture library or a platform is no wire
        if named and not mine and not people and not _NOT_AGENCY.search(named.group("name")):
            return Found(named.group("name"), line.text)
    return None


# a whole line crediting a source by a proper name of one to three words
_SOURCE_NAME = re.compile(
    r"^(?:/\s*|[\[(])?source\s*:\s*(?P<name>[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}"
    r"(?:(?: (?:of|the|for|and)){1,2}(?: [A-Z][\w.&'-]*){1,2}){0,3})\s*[\])]?$",  # "Office of the President"
    re.I,
)
# a picture library, a social platform or "agencies" (none named) cited as a source is no wire
_NOT_AGENCY = re.compile(
    r"\b(?:images?|photos?|pictures?|getty|shutterstock|file|handout|twitter|x|instagram|facebook|youtube|"
    r"tiktok|telegram|reddit|linkedin|wikipedia|social media|website|agencies|wires|news agencies)\b",
    re.I,
)


# a republished story's credit: "This story was originally published by NAME and is republished ...",
# "This post appeared first on NAME"
_FIRST_PUBLISHED = (
    r"(?:originally (?:published|appeared|ran)|(?:first )?appeared first|first (?:published|appeared))"
)
_ORIGINALLY = re.compile(
    rf"\b{_FIRST_PUBLISHED} (?:by|in|on) (?P<name>[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){{0,4}})"
)


# a republished story's credit naming the original by its site: "This post first appeared on paper.co.uk"
_ORIGINAL_SITE = re.compile(
    rf"\b{_FIRST_PUBLISHED} (?:on|at) (?:https?://)?(?:www\.)?"
    r"(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b"
)
_REPUBLISHED_WORDS = ("published", "appeared", "originally ran", "with input")
# a compiler's credit closing the story: "The Daily Post with inputs from Agencies"
_WITH_INPUTS = re.compile(r"^(?P<name>(?:[A-Z][\w.&'’-]*\s){1,5})with inputs? from\b")


def _republished(page: PageLines) -> Found | None:
    for line in page.lines:
        low = line.text.lower()
        if not any(word in low for word in _REPUBLISHED_WORDS):  # the patterns' words: skip the search
            continue
        site = _ORIGINAL_SITE.search(line.text)
        domain = registered_domain(f"http://{site.group('domain')}/") if site else None
        if domain is not None:  # "This post first appeared on paper.co.uk"
            return Found(page.table.by_domain(domain[0]) or domain[0], line.text)
        compiled = _WITH_INPUTS.match(line.text)
        match = _ORIGINALLY.search(line.text) or compiled
        # a reporter's "Jane Roe with inputs from agencies" is no wire; nor is a clip first on Facebook
        person = compiled is not None and reporters_named(compiled.group("name").strip(), page)
        if match and not person and not _NOT_AGENCY.fullmatch(match.group("name").rstrip(".")):
            return Found(page.table.canonical(match.group("name").rstrip(".")), line.text)
    return None


def _header_credit(page: PageLines) -> Found | None:
    """A short agency credit line above the story: above its first paragraph, or between a standfirst
    and the story ("AP | PTI Place" under the dek; a bulleted summary's points are no story's lines)."""
    body = [line for line in page.of_kind("body") if not LIST_MARK.match(line.text)]
    start = body[min(1, len(body) - 1)].number if body else len(page.lines) + 1
    for line, decision in page.pairs():
        if (
            line.number >= start
            # right under the first kept line, no blank between: that line is a caption, this its credit
            or (body and line.number == body[0].number + 1)
            or decision.kind == "body"
            or decision.reason == "photo-credit"  # "Jane Doe/AGENCY/Getty Images" credits a photo
            or len(line.text.split()) > page.settings.header_credit_max_words
        ):
            continue
        service = wire_service_credit(page, line.text)  # "by: NAME Wire"
        if service is not None:
            return service
        for part in re.split(r"\s*[/|]\s*", line.text):
            name = part.strip("()—–-: ")  # "AFP", "(AFP)", "Agency:" over the lede
            agency = None if own_masthead(page, line, name) else agency_as_written(page.table, name)
            if agency is not None:
                return Found(agency, line.text)
    return None


def _closing_credit(page: PageLines) -> Found | None:
    body = page.of_kind("body")
    if not body:
        return None
    after = [line.text for line, d in page.pairs() if d.kind == "drop" and line.number > body[-1].number]
    for text in [body[-1].text, *after[: page.settings.closing_credit_lines]]:
        match = _CLOSING_CREDIT.search(text)
        if match and page.table.is_agency(_credit_name(match.group("name"), page.table)):
            return Found(_credit_name(match.group("name"), page.table), text)
        if page.table.is_agency(text.strip("()—–- ")):
            return Found(page.table.canonical(text.strip("()—–- ")), text)
        glued = glued_acronym(text, page.table)
        if glued is not None:
            return Found(glued, text)
        newsroom = story_credit(text, page.table)  # "Story by NAME News": a sister newsroom's copy
        if newsroom is not None:
            return Found(newsroom, text)
    return None
