"""Copyright holders a page prints, and the outlet each kind of finding reads from them: the site's own
footer copyright (the publisher), the first holder that is not a newsstand host (the paper), and any
holder at all (an agency's copyright, the last resort)."""

from __future__ import annotations

import re

from bot.cleaner.company import company_name
from bot.cleaner.document import notice_holder
from bot.cleaner.holderchain import known_in_chain
from bot.cleaner.initialsname import credits_software
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.publisherhost import not_the_host

__all__ = ["agency_copyright", "copyright_holders", "paper_copyright", "publisher_copyright"]


_COPYRIGHT_NAME = re.compile(
    r"^(?:©|\(c\)|copyright)?\s*©?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*"
    r"(?P<name>.*?)[\s.,]*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)
_HOLDER_END = re.compile(r"\.\s|\.(?=[A-Z][a-z])|\s[|–—-](?:\s|$)|\s*\||,\s")


def _copyright_holder(text: str) -> str:
    """The holder named by a copyright line: "© 2016 Name. Powered by ..." gives "Name"."""
    mark = re.search(r"(?:©|\(c\)|copyright)\s*(?=(?:19|20)\d{2}\b)", text, re.IGNORECASE)
    text = text[mark.start() :] if mark else text
    match = _COPYRIGHT_NAME.match(text)
    name = company_name(match.group("name")) if match else ""
    name = re.sub(r"^by\s+", "", _HOLDER_END.split(name, maxsplit=1)[0].strip(" .,-–—"), flags=re.I)
    name = re.sub(
        r"\s+(?:or|and) its (?:affiliate|subsidiar|partner)\w*(?: companies)?$", "", name, flags=re.I
    )
    name = company_name(name).strip(" .,&")
    return "" if re.fullmatch(r"(?:all )?rights reserved", name, re.IGNORECASE) else name


_OPENS_WITH_MARK = re.compile(r"^(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def copyright_holders(page: PageLines) -> list[tuple[str, str]]:
    """Copyright holders, the footer's first: a line after the story that opens with the mark, then the
    rest in order (a mark glued after a caption's text, above or under the story, credits a photo)."""
    body = page.of_kind("body")
    end = body[-1].number if body else 0
    lines = sorted(
        (line for line in page.dropped_as("copyright") if not credits_software(line.text)),
        key=lambda line: (line.number <= end, not _OPENS_WITH_MARK.match(line.text)),
    )
    # a document's notice ends in its copyright: "... legal advice. © NAME 2015"
    return [(notice_holder(line.text) or _copyright_holder(line.text), line.text) for line in lines]


def publisher_copyright(page: PageLines) -> Found | None:
    """The first copyright holder that is not an agency: the site's own name in its footer."""
    holder = next(((h, t) for h, t in copyright_holders(page) if h and not page.table.is_agency(h)), None)
    if holder is None:
        return None
    # "© Division, NAME Radio, Parent": the outlet the table knows in the chain, not its unit
    name = known_in_chain(holder[1], holder[0], page.table) or page.table.canonical(holder[0])
    return Found(name, holder[1])


def paper_copyright(page: PageLines) -> Found | None:
    """On a publisher host's page, the first copyright holder that is not the host itself."""
    held = (Found(page.table.canonical(h), t) for h, t in copyright_holders(page) if h)
    return next((found for found in held if not_the_host(page, found)), None)


def agency_copyright(page: PageLines) -> Found | None:
    """The first copyright holder of any kind, an agency included (the last resort for the outlet)."""
    holder = next(((h, t) for h, t in copyright_holders(page) if h), None)
    return Found(page.table.canonical(holder[0]), holder[1]) if holder else None
