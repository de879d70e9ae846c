"""Two readings of who runs a site that its own footer and title give away.

- A copyright line that opens with a software credit ("Forum software by NAME® © 2010-2016 NAME Ltd.",
  "Powered by NAME © ...") names the software's maker, not the site: its holder is no outlet (read by
  `metadata`).
- A dateline's credit in capitals ("HANGZHOU (DOB) –") whose letters are the initials of a name line near
  the page's top ("Dhaka Online Bulletin", the masthead) is the site crediting itself: no wire.
- A title line near the top ending in the site's name after a bar ("TITLE | GDT Forum"), the name opening
  with an acronym whose letters are the initials of the domain's words ("globaldefencetalk.net": global
  defence talk), is the name the site goes by.
"""

from __future__ import annotations

import functools
import re

from bot.cleaner.domainwords import segment
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["credits_software", "initials_title_name", "spelled_by_masthead"]

# the credit before the mark: "Forum software by NAME® © 2010-2016 NAME Ltd.", "Community platform by NAME®
# © ..." ("© Site. Powered by NAME" is
# the site's own copyright, its software credited after it); a release number before the mark names a
# program ("NAME 2.0.11 | NAME © 2015, Company")
_SOFTWARE = re.compile(
    r"^[^©]*?\b(?:(?:forum|board|blog|site|community) (?:software|platform)|powered|theme|template|hosted"
    r"|designed|developed)"
    r"\s+by\b|^[^©]*?\b[A-Za-z]+\s+v?\d{1,3}\.\d{1,3}\.\d{1,3}\b[^©]*©",
    re.I,
)
_SUFFIX = re.compile(r"\s[|–—-]\s(?P<name>(?P<acronym>[A-Z]{2,6})(?: [A-Z][\w'’-]*){0,3})$")


def credits_software(text: str) -> bool:
    """The line credits the software or the design that runs the site."""
    return bool(_SOFTWARE.search(text))


def initials_title_name(page: PageLines) -> Found | None:
    """The name after a top line's bar whose acronym is the initials of the URL domain's words."""
    site = registered_domain(page.url) if page.url else None
    label = site[0].split(".")[0] if site else ""
    if not label.isalpha():
        return None
    for line in page.lines[: page.settings.site_name_lines]:
        match = _SUFFIX.search(line.text)
        if match is None:
            continue
        if _initials(label) == match.group("acronym").lower():
            return Found(match.group("name"), f"{line.text} (its initials are the URL's words)")
    return None


@functools.lru_cache(maxsize=1024)
def _initials(label: str) -> str:
    """The initials of a domain name's words ("globaldefencetalk" -> "gdt"); "" for a single word."""
    pieces = segment(label)
    return "".join(piece[0] for piece in pieces) if len(pieces) > 1 else ""


# a masthead: two to five capitalised words and nothing else
_NAME_LINE = re.compile(r"^[A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|of|the|and|&)){1,4}$")


def spelled_by_masthead(acronym: str, page: PageLines) -> bool:
    """The acronym spells, letter by letter, the initials of a name line near the page's top."""
    if not (acronym.isalpha() and acronym.isupper()):
        return False
    for line in page.lines[: page.settings.site_name_lines]:
        if _NAME_LINE.match(line.text):
            initials = "".join(word[0] for word in line.text.split() if word[0].isupper())
            if initials == acronym:
                return True
    return False
