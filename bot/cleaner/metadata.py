"""Who published a page: the outlet (the wire, whose copy it carries, is read in `wire`).

Each finder returns the value with the raw text it came from (kept as `Article.evidence`). The evidence
is of kinds every news page has: the URL's domain, a copyright or site-name line, a page template given
as data, a desk byline, a photo credit, a wire dateline ("MOSCOW (AP) —", "Sept. 29 (UPI) --"), a
"Source: Reuters" line, a closing "— Reuters" credit. Names and domains come from config's outlet table.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.cleaner.cjkdateline import dateline_outlet
from bot.cleaner.dates import find_date
from bot.cleaner.documentname import fuller_holder, initials_holder
from bot.cleaner.domainwords import dotted_name, is_dictionary_word, printed_domain
from bot.cleaner.footername import footer_name
from bot.cleaner.groupdesk import group_desk_name
from bot.cleaner.headline import ADDRESS
from bot.cleaner.holders import agency_copyright, copyright_holders, paper_copyright, publisher_copyright
from bot.cleaner.idnname import idn_name
from bot.cleaner.initialsname import initials_title_name
from bot.cleaner.knownname import known_name_line
from bot.cleaner.labelname import label_name, run_words
from bot.cleaner.lines import STOPWORDS, squashed
from bot.cleaner.logoname import logo_name
from bot.cleaner.machinehost import machine_host
from bot.cleaner.mirrorpath import mirror_folder_outlet
from bot.cleaner.newsroomrow import newsroom_name
from bot.cleaner.outlets import registered_domain
from bot.cleaner.ownscript import own_script_name
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.parentgroup import owner_domain, paper_labels
from bot.cleaner.parenthost import hosted_body
from bot.cleaner.pathservice import path_service
from bot.cleaner.pathstation import path_station
from bot.cleaner.photocredit import credit_outside_story
from bot.cleaner.publisherhost import on_publisher_host, printed_publisher
from bot.cleaner.readerchrome import without_image_word
from bot.cleaner.readonsite import read_on_site
from bot.cleaner.recordfields import record_publication
from bot.cleaner.selfcredit import dateline_credit_name, lede_credit_name
from bot.cleaner.sitename import masthead_over_owner
from bot.cleaner.spelling import domain_spelled, spells, without_tagline
from bot.cleaner.stationbrand import station_brand
from bot.cleaner.stationhost import station_name
from bot.cleaner.subdomainpaper import subdomain_paper
from bot.cleaner.transliterate import latin_letters
from bot.cleaner.wire import find_wire

__all__ = ["domain_as_words", "find_outlet", "known_domain"]


# a newsroom's desks by their beat or medium: "Web Desk", "News Desk", "Monitoring Desk"
_DESK_KINDS = frozenset(
    "web news online digital monitoring foreign world international national city metro business sports"
    " editorial special multimedia".split()
)
_ROW_FIELDS = re.compile(r"\s+(?://|\||·)\s+")  # a credit row's field separators
_DESK = re.compile(r"^(?:by\s+)?(?P<name>.{2,40}?)\s+(?:desk|staff|bureau|newsroom)$", re.IGNORECASE)


# a footer link to the site's own pages: "About NAME", "Contact NAME"
_ABOUT = re.compile(r"^(?i:about|contact)\s+(?i:the\s+)?(?P<name>[A-Z][^:|]{1,40}?)\s*$")


def _site_name_line(page: PageLines) -> Found | None:
    """A short name that spells the URL's site name: a line near the top ("Radio International" on
    radiointernational.example.org, "Ukraine Today" on a social page at /UkraineTodayNews/), a footer
    link "About NAME", or the name opening the lede before a dash ("Site.Net - Leaders agreed ...").
    The registered domain's name is tried before a subdomain's (a "Transcripts" menu label is not the
    site on transcripts.site.com), and a leading "The" is no part of the spelling; a name whose initials
    are the registered domain's name ("Meridian News Network" on mnn.com) is the site's name spelled out."""
    if not page.url:
        return None
    host, _, path = re.sub(r"^[a-z]+://", "", page.url, flags=re.I).partition("/")
    site = registered_domain(page.url)
    own = site[0].split(".")[0] if site else ""
    labels = [label for label in host.lower().split(".") if label not in {"www", "m", "en", "amp"}]
    least = page.settings.site_name_min_chars
    segment = path.split("/")[0]  # a social page's account name: /UkraineTodayNews/
    social = {squashed(segment)} if re.search(r"[a-z][A-Z]", segment) else set()
    others = {squashed(label) for label in labels[:-1] if len(label) >= least and label != own}
    groups = [{squashed(own)} if len(own) >= least else set(), social, others]
    # a paper on its owner group's subdomain: the paper's name before the group's
    if others and owner_domain(squashed(own), (holder for holder, _ in copyright_holders(page))):
        groups = [paper_labels(others), *groups]
    spelled_out = (
        _initials_name(page, own)
        or footer_name(page, own, [holder for holder, _ in copyright_holders(page) if holder])
        or _printed_host(page, host, site[0] if site else "")
    )
    if spelled_out is not None:
        return spelled_out
    named = _name_lines(page) if any(groups) else []  # read once for every group of names
    for names in (group for group in groups if group):
        for printed, evidence in named:
            # "Brand. Some Tagline Words" names "Brand"
            name = without_tagline(without_image_word(printed), names)
            plain = squashed(re.sub(r"^the\s+", "", name, flags=re.I))
            short = len(plain) >= least and len(name.split()) <= page.settings.site_name_max_words
            # "The Site" on the-site.com spells it with its "The"; "МИР 24" on mir24.tv in Latin letters
            spelled = {plain, squashed(name), squashed(latin_letters(plain))}
            if short and any(spells(s, known) for known in names for s in spelled):
                mark = _COPYRIGHT_MARK.sub("", name)  # "© Site Name", a footer's line, cites "Site Name"
                mark = _STAFF_TAIL.sub("", mark)  # "Site Name / News Desk": the staff credit is no part of it
                cited = dotted_name(mark.rstrip(":|-–— ").strip("()[]"), site[0] if site else "")
                return Found(_as_written(cited, page.raw), f"{evidence} (the site name in the URL)")
    return None


def _as_written(name: str, raw: str) -> str:
    """A logo's name in capitals ("SITE24") as the page's own text writes it ("Site24 reports ..."), if it
    does; any other name as it is."""
    if not name.isupper() or len(name) < _SHORTEST_INITIALS:
        return name
    written = (m.group(0) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", raw, re.IGNORECASE))
    return next((word for word in written if not word.isupper()), name)


# a staff credit after the site's name on its credit line: "/ News Desk", "| Staff", "- Newsroom"
_STAFF_TAIL = re.compile(
    r"\s+[/|–—-]\s+(?:[A-Za-z]+\s+){0,2}(?:desk|staff|bureau|newsroom|team|reporters?)\s*$", re.IGNORECASE
)
_COPYRIGHT_MARK = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?", re.I)
_HOST_TOKEN = re.compile(r"(?<![\w.=/'\"])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![\w.'\"/])")


def _printed_host(page: PageLines, host: str, domain: str) -> Found | None:
    """The page's own host printed near the top with its own capitals ("NEWS.site.ru" on news.site.ru),
    a subdomain included: the name the site gives itself."""
    bare = re.sub(r"^www\.", "", host.lower())
    if bare == domain:  # a registered domain alone is read by the other finders
        return None
    for line, _ in list(page.pairs())[: page.settings.site_name_lines]:
        for token in _HOST_TOKEN.findall(line.text):
            if token.casefold() == bare and token != token.lower():
                return Found(token, f"{line.text} (the site's host as it prints it)")
    return None


_SHORTEST_INITIALS = 3  # not a threshold: two letters ("ab.com") are the initials of too many names


def _initials_name(page: PageLines, label: str) -> Found | None:
    """A capitalised name of several words near the top, outside the story, whose initials spell the
    domain's name: "Meridian News Network" on mnn.com (a logo's line, read as a byline or chrome)."""
    if len(label) < _SHORTEST_INITIALS or not label.isalpha():
        return None
    top = list(page.pairs())[: page.settings.site_name_lines]
    for line, decision in top:
        tokens = line.text.split()
        shaped = 1 < len(tokens) <= page.settings.site_name_max_words and all(t[0].isupper() for t in tokens)
        outside = decision.kind in ("drop", "headline", "byline")
        if shaped and outside and "".join(t[0] for t in tokens).casefold() == label.casefold():
            return Found(line.text, f"{line.text} (its initials spell the URL's site name)")
    return None


def _name_lines(page: PageLines) -> list[tuple[str, str]]:
    """(name, the line it is on) for every place a site prints its own name."""
    top = [
        (line.text if ", " not in line.text else dateline_credit_name(line.text), line.text)
        for line, d in list(page.pairs())[: page.settings.site_name_lines]
        if d.kind in ("drop", "headline")  # "Geneva, Switzerland" is a place, "Name, 29 September." a credit
    ]
    about = [(m.group("name"), line.text) for line in page.lines if (m := _ABOUT.match(line.text))]
    lede = lede_credit_name(page.first_body())
    # a breadcrumb's first item: "Site Name » Section » Topic" (a board's trail to the thread)
    crumbs = [(m.group("name"), line.text) for line in page.lines if (m := _CRUMB_HEAD.match(line.text))]
    named = [(name, line) for name, line in top if name]
    return [*named, *about, *([(lede, page.first_body()[:60])] if lede else []), *crumbs]


_CRUMB_HEAD = re.compile(r"^(?P<name>[^»>|]{2,60}?)\s+[»>]\s+[^»>]+\s[»>]\s")


def find_outlet(page: PageLines) -> Found | None:
    """The publisher, from the strongest evidence the page has: a known URL domain, a site-name line
    that spells the URL, a copyright line, a page template, a known outlet's name on a line of chrome,
    a desk byline, a photo credit naming a known outlet, a print folio, a channel's name above the
    "@handle" the URL's path starts with, a letterhead over a postal address, the URL's site name as the
    page spells it ("Firstpost" for firstpost.com), the URL's registered domain,
    the name heading a page given without a URL, an agency's copyright, and last a wire credit; a news
    database's record names the paper before anything (its URL is the database's)."""
    finders = (
        record_publication,
        known_domain,
        mirror_folder_outlet,
        station_name,
        _newsroom_outlet,
        _site_name_line,
        initials_title_name,
        logo_name,
        _list_name,
        masthead_over_owner,
        publisher_copyright,
        _template,
        known_name_line,
        _desk_byline,
        credit_outside_story,
        _folio,
        _channel_name,
        _letterhead,
        read_on_site,
        dateline_outlet,
        domain_spelled,
        _any_domain,
        _first_line_name,
        agency_copyright,
        find_wire,
    )
    found = next((found for finder in finders if (found := finder(page)) is not None), None)
    if found is None or page.table.known(found.value):
        return found
    return initials_holder(
        fuller_holder(page, found), copyright_holders(page)
    )  # a name the table lacks, spelled out


def _newsroom_outlet(page: PageLines) -> Found | None:
    """The outlet's name as a newsroom's credit row topping the page prints it (see newsroomrow)."""
    named = (
        (line, newsroom_name(line.text, page.settings.newsroom_words)) for line in page.of_kind("byline")
    )
    return next((Found(name, f"{line.text} (a newsroom's credit row)") for line, name in named if name), None)


_LIST_NAME = re.compile(
    r"^(?:more information about )?(?:the )?(?P<name>\S+(?: \S+){0,3}) mailing list$", re.I
)


def _list_name(page: PageLines) -> Found | None:
    """A mailing-list archive's message: the list's name ("More information about the NAME mailing list")."""
    for line in page.dropped_as("archive-nav"):
        match = _LIST_NAME.match(line.text)
        if match:
            return Found(match.group("name"), line.text)
    return None


_PAGE_NUMBER = re.compile(r"^(?:[A-Z]{0,2}\d{1,3}|page\s*\d{1,3}|p\.?\s*\d{1,3})$", re.IGNORECASE)
_UI_WORDS = frozenset(
    "home menu search skip sign log subscribe sections edition latest breaking top main".split()
)


def _folio(page: PageLines) -> Found | None:
    """A print page's folio line, "A12 | THE PAPER | TUESDAY, SEPTEMBER 29, 2015": the paper's name."""
    edge = page.settings.folio_lines
    for line in [*page.lines[:edge], *page.lines[-edge:]]:
        parts = [part.strip() for part in re.split(r"\s+[|•]\s+", line.text)]
        if len(parts) < page.settings.folio_min_parts:  # the dates below need not be read
            continue
        numbered = any(_PAGE_NUMBER.match(part) for part in parts)
        dated = any(find_date(part) for part in parts)
        most = page.settings.folio_name_max_words
        names = [
            p for p in parts if not _PAGE_NUMBER.match(p) and not find_date(p) and len(p.split()) <= most
        ]
        if len(parts) >= page.settings.folio_min_parts and numbered and dated and names:
            name = names[0].title() if names[0].isupper() else names[0]
            return Found(page.table.canonical(name), line.text)
    return None


def _first_line_name(page: PageLines) -> Found | None:
    """The page's first line when it is a name set apart as page header (a logo's text): two to five
    capitalised words, no menu word, no agency ("President of Russia" above the site's menu)."""
    first = next(((line, d) for line, d in page.pairs() if line.text), None)
    if first is None or first[1].reason != "page-header":
        return None
    text = first[0].text
    tokens = text.split()
    content = [t for t in tokens if t.lower() not in STOPWORDS]
    low, high = page.settings.heading_name_min_words, page.settings.heading_name_max_words
    shaped = low <= len(tokens) <= high and content and all(t[0].isupper() for t in content)
    if shaped and not _UI_WORDS & {t.lower() for t in tokens} and not page.table.is_agency(text):
        return Found(page.table.canonical(text), f"{text} (the name heading the page)")
    return None


def known_domain(page: PageLines) -> Found | None:
    """The outlet the config's table gives the URL's domain: it beats any name the page's markup gives
    (a JSON-LD publisher is often the owning company's legal name)."""
    if on_publisher_host(page):  # a newsstand's page of a paper: the paper the page names
        return printed_publisher(page) or paper_copyright(page)
    site = registered_domain(page.url) if page.url else None
    known = page.table.by_domain(site[1]) if site else None
    if not (known and site):
        return None
    parent = page.table.by_domain(site[0]) == known  # the parent's entry: a title of its own?
    return (
        (subdomain_paper(page) if parent else None)
        or _service_name(page, known, site[0])
        or hosted_body(page, known, (h for h, _ in copyright_holders(page)))
        or path_station(page)
        or path_service(page, known)
        or group_desk_name(page, known, site[0])
        or own_script_name(page, known)
        or station_brand(page, known)
        or Found(known, f"URL domain {site[0]}")
    )


def _service_name(page: PageLines, known: str, domain: str) -> Found | None:
    """On a domain its table entry lists after its main one (a broadcaster's language service, a state
    outlet's mirror), the name the page prints that spells that domain ("Radio Example Bangla" on
    radioexamplebangla.com), as printed: the service's own name, not its parent's."""
    home = page.table.home_domain(known)
    if home is None or home in (domain, f"www.{domain}"):
        return None
    label = squashed(domain.split(".", maxsplit=1)[0])
    if is_dictionary_word(label):  # "News" on news.example is a menu's word, not a service's name
        return None
    held = (
        Found(holder, f"{evidence} (its copyright holder spells the URL's site name)")
        for holder, evidence in copyright_holders(page)
        if holder and squashed(latin_letters(holder)) == label
    )
    printed = _site_name_line(page) or next(held, None)
    # wholly: "NAME App Download" over "NAME" is a promotion's line, not the service's name
    whole = printed is not None and squashed(latin_letters(printed.value)) == label
    return printed if whole and printed is not None and not page.table.known(printed.value) else None


def _channel_name(page: PageLines) -> Found | None:
    """A channel or account page on a messaging, social or video platform: the name printed right above
    the "@handle" that the URL's path starts with (t.me/handle/123 -> "NAME" over "@handle"), or above
    the account's follower count ("NAME" / "Verified" / "2.31M subscribers")."""
    if not page.url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*/?", "", page.url, flags=re.I)
    handle = path.split("/")[0].lstrip("@").casefold()
    named = [line.text.strip() for line in page.lines if line.text and not _ACCOUNT_MARK.match(line.text)]
    for above, line in pairwise(named):
        if handle and line.casefold() == f"@{handle}":
            return Found(above, f"{above} (the channel's name over {line})")
        short = len(above.split()) <= page.settings.site_name_max_words and above[:1].isupper()
        if _FOLLOWERS.match(line) and short and not _UI_WORDS & {t.lower() for t in above.split()}:
            return Found(above, f"{above} (the account's name over {line})")
    return None


# an account's follower count and the verification mark some platforms print between it and the name
_FOLLOWERS = re.compile(r"^[\d,.]+\s*[kmb]?\s+(?:subscribers|followers)$", re.IGNORECASE)
_ACCOUNT_MARK = re.compile(r"^\s*(?:verified|✓|✔)\s*$", re.IGNORECASE)


def _letterhead(page: PageLines) -> Found | None:
    """A document's letterhead: the sender's name in capitals on the lines right above its postal
    address or telephone line, near the top ("OFFICE OF ..." / "TO THE ..." / "12 Main Street, ...")."""
    top = [line for line in page.lines[: page.settings.site_name_lines] if line.text]
    at = next((n for n, line in enumerate(top) if ADDRESS.search(line.text)), None)
    run: list[str] = []
    for line in reversed(top[:at] if at else []):
        if not line.text.isupper() or any(c.isdigit() for c in line.text):
            break
        run.insert(0, line.text.strip())
    tokens = " ".join(run).split()
    if not tokens or len(tokens) > page.settings.letterhead_max_words:
        return None
    name = " ".join(
        t.lower() if n and t.lower() in STOPWORDS else t.capitalize() for n, t in enumerate(tokens)
    )
    return Found(page.table.canonical(name), f"{' / '.join(run)} (the letterhead over the address)")


def _any_domain(page: PageLines) -> Found | None:
    """The URL's registered domain, cited by the capitals the page prints it in ("UrduPoint.com" is
    "UrduPoint") or else by its words when they are common words ("theborneopost.com" is "The Borneo
    Post"); on a blog host, the blog's own host ("name.wordpress.com")."""
    site = registered_domain(page.url) if page.url else None
    if site and site[0] in page.settings.hosted_site_domains and site[1] != site[0]:
        host = site[1].removeprefix("www.")
        return Found(host, _ON_PLATFORM.format(host))
    if site is None or machine_host(site[1], page.settings):
        return None  # an IP's or a CDN's host names no outlet: the page's own evidence does, or nothing
    printed = printed_domain([line.text for line in page.lines], site[0])
    if printed is not None:
        return Found(printed, f"{site[0]} printed as {printed} (the URL's domain as the page prints it)")
    return Found(site[0], _NOT_IN_TABLE.format(site[0]))


_NOT_IN_TABLE = "URL domain {} (not in the outlet table)"
_ON_PLATFORM = "URL host {} (a blog on a hosting platform)"
_COUNTRY_CODE = 2  # not a threshold: a country's top-level domain has two letters ("nz", "uk")


def domain_as_words(page: PageLines, found: Found) -> Found:
    """The bare domain (or a blog platform's host) the outlet fell back to, cited by its words when they
    are common words ("theborneopost.com" is "The Borneo Post"), else by its label as a name-less site
    is cited ("ghanamma.com" is "Ghanamma", see `labelname`); any other finding as it is. Asked only
    when no outlet is stated from outside the text: the word data loads on the first page that needs it."""
    site = registered_domain(page.url) if page.url else None
    if site is None:
        return found
    hosted = found.evidence == _ON_PLATFORM.format(found.value)
    if not hosted and not (found.value == site[0] and found.evidence == _NOT_IN_TABLE.format(site[0])):
        return found
    # a blog on a platform (NAME.blogspot.com by the suffix list's private part, NAME.wordpress.com by
    # config): its own label is the site, read as any other site's name
    idn = idn_name(found.value)  # a punycode domain, read in its own script
    if idn is not None:
        return Found(idn, f"URL domain {found.value} (decoded from punycode, the site printing no name)")
    label, _, suffix = found.value.partition(".")
    tld = suffix.rpartition(".")[2]
    country = tld if len(tld) == _COUNTRY_CODE else ""
    words = run_words(label, page.settings, country)
    if words is not None:
        return Found(words, f"URL domain {found.value} (the URL's domain, read as words)")
    name = label_name(label, page.settings, country)
    return Found(name, f"URL domain {found.value} (its label, the site printing no name)") if name else found


def _template(page: PageLines) -> Found | None:
    template = page.table.by_template(page.raw)
    return Found(*template) if template else None


def _desk_byline(page: PageLines) -> Found | None:
    """A desk's byline naming the site ("By Foo News Staff"); on a credit row of fields ("DATE // Agencies
    // Web Desk") only its last field is the desk: a row of a date and credits is never a name."""
    for line in page.of_kind("byline"):
        desk = _DESK.match(_ROW_FIELDS.split(line.text)[-1])
        if desk and desk.group("name").casefold() in _DESK_KINDS:  # "Web Desk" names a desk, not a site
            continue
        if desk and not page.table.is_agency(desk.group("name")):  # "By Agency staff" names the wire
            return Found(page.table.canonical(desk.group("name")), line.text)
    return None
