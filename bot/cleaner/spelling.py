"""Whether a name a page prints spells its site's name (both squashed: letters and digits, lower case),
and the site's name as a page spells it out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.cleaner.lines import squashed
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["MEDIA_SUFFIX", "domain_spelled", "spells", "without_tagline"]

# words a site's name may end with beyond the name a page prints: "SBS News" on sbs.com.au
MEDIA_SUFFIX = frozenset({"news", "online", "tv", "radio", "today", "daily", "blog"})


def spells(name: str, label: str) -> bool:
    """A squashed name spells a squashed site name: wholly, with more after it ("Radio Prague
    International" on radioprague...), or all but a media word at its end ("Ukraine Today" on
    /UkraineTodayNews/), or all but a media word inside it ("Site Online Gazette" on sitegazette...); a
    section label that is only its first word ("World" on worldnewsdose.com) does not."""
    return (
        name.startswith(label)
        or (label.startswith(name) and label[len(name) :] in MEDIA_SUFFIX)
        or any(  # a media word the domain leaves out inside the name: "Site Online Gazette" on sitegazette
            not name.startswith(word) and word in name and name.replace(word, "", 1) == label
            for word in MEDIA_SUFFIX
        )
    )


# a site's name, then a tagline after a full stop, a colon, a dash or a bar: "Brand. Some Tagline Words",
# "Brand: Short News", "Brand - Short News" (no initial's stop: "U.S. News")
_TAGLINE_STOP = re.compile(r"(?<=[^\W\d_]{2})[.!]\s+(?=[A-Z])|(?<=\w):\s+(?=[A-Z])|\s+[-–—|]\s+(?=[A-Z])")


def without_tagline(name: str, labels: Iterable[str]) -> str:
    """A name line that is the site's name and a tagline ("Brand. Some Tagline Words", a logo line or a
    title's suffix): the name alone, when it spells one of the (squashed) site names wholly, or with a
    media word after it ("Brand News" on brand.com); any other name as it is."""
    head = _TAGLINE_STOP.split(name, maxsplit=1)[0]
    if head == name:
        return name
    plain = {squashed(re.sub(r"^the\s+", "", head, flags=re.I)), squashed(head)}
    words = head.split()
    bare = squashed(" ".join(words[:-1])) if len(words) > 1 and words[-1].lower() in MEDIA_SUFFIX else ""
    return head if plain & set(labels) or bare in set(labels) else name


_NAME_WORD = re.compile(r"[A-Za-z][\w.&'’-]*")
_SHORTEST_LABEL = 2  # not a threshold: a one-letter domain name spells no outlet's name


def domain_spelled(page: PageLines) -> Found | None:
    """The site's name as the page writes it: a whole name of one to a few words on any line that spells
    the registered domain's name ("Firstpost" or "First Post" on firstpost.com), with a capital letter."""
    site = registered_domain(page.url) if page.url else None
    label = squashed(site[0].split(".")[0]) if site else ""
    if len(label) < _SHORTEST_LABEL:
        return None
    most = page.settings.site_name_max_words
    country = _country_suffix(site[0]) if site else ""
    for line in page.lines:
        found = _spelled_name(line.text, label, most, country)
        if found is not None:
            return Found(found, f"{line.text} (the URL's site name as the page spells it)")
    return _subdomain_spelled(page, site[1].split(".")[: -len(site[0].split("."))] if site else [])


def _subdomain_spelled(page: PageLines, labels: list[str]) -> Found | None:
    """A mirror's or a service's own name in its host's subdomain (NAME.mirror-host.org), spelled after
    a title's separator ("Story title | Name"): a coined label only, no word of the dictionary (a
    "world." or "blogs." subdomain is a section's)."""
    from bot.cleaner.domainwords import is_dictionary_word  # the word data loads only for such a page

    least = page.settings.site_name_min_chars
    coined = [squashed(x) for x in labels if len(x) >= least and x != "www" and not is_dictionary_word(x)]
    for line in (line for line in page.lines if coined and _SEPARATING.intersection(line.text)):
        tail = _SEPARATOR.split(line.text)[-1]
        found = next(
            (f for x in coined if (f := _spelled_name(tail, x, page.settings.site_name_max_words))), None
        )
        if found is not None:
            return Found(found, f"{line.text} (the URL's subdomain as the page spells it)")
    return None


# a separator between a title and the site's name ("Story title | SiteName", "Title - SiteName")
_SEPARATOR = re.compile(r"\s+[|–—•·»«-]+\s+|\s*\|\s*")
_SEPARATING = frozenset("|–—•·»«-")  # what every separator holds


def _country_suffix(domain: str) -> str:
    """The country's code a two-part domain ends with ("us" for metro.example.us is none: "us" for
    example.us), which a site may print after its name as a word in capitals ("Example US")."""
    parts = domain.split(".")
    return parts[1] if len(parts) == _TWO_PARTS and len(parts[1]) == _TWO_PARTS and parts[1].isalpha() else ""


_TWO_PARTS = 2  # not a threshold: a label and its suffix; a country's code has two letters


def _spelled_name(text: str, label: str, most: int, country: str = "") -> str | None:
    """The first whole name in a line that spells a (squashed) site name, of at most `most` words, perhaps
    with the domain's country code after it in capitals ("Example US" on example.us); a title suffix
    after a separator is a part of its own ("Story | SiteName")."""
    for part in _SEPARATOR.split(text) if _SEPARATING.intersection(text) else (text,):
        tokens = _NAME_WORD.findall(part)
        for n, token in enumerate(tokens):
            # a token starts with an ASCII letter, so its squash starts with that letter in lower case
            if token[0].lower() == label[0] and label.startswith(_letters(token)):
                found = _spelled_from(tokens, n, label, most, country)
                if found is not None:
                    return found
    return None


def _letters(token: str) -> str:
    """A token squashed with its accents dropped: "CubaSí" spells "cubasi" (a domain writes no accents)."""
    if token.isascii():
        return squashed(token)
    return squashed("".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c)))


def _spelled_from(tokens: list[str], n: int, label: str, most: int, country: str = "") -> str | None:
    """The first whole, capitalised run of tokens from `n` (one to `most` of them) that spells `label`,
    or spells it and then a media word ("SBS News" on sbs.com.au) or the domain's country code in
    capitals ("Example US" on example.us). Squashing drops characters one at a
    time, so a run's squash is its tokens' squashes joined; accents are dropped as a domain drops them."""
    run = ""
    for k in range(1, min(most, len(tokens) - n) + 1):
        shorter, run = run, run + _letters(tokens[n + k - 1])
        last = tokens[n + k - 1]
        suffix = last.lower() in MEDIA_SUFFIX or (bool(country) and last == country.upper())
        spelled = run == label or (k > 1 and shorter == label and suffix)
        if spelled:
            name = " ".join(tokens[n : n + k]).strip(".-")
            if _whole_name(tokens, n, n + k) and name != name.lower():
                return _possessed(tokens, n, n + k, name)
        if len(run) > len(label):  # every squash is non-empty: longer runs cannot spell it either
            return None
    return None


def _whole_name(tokens: list[str], start: int, end: int) -> bool:
    """Tokens start..end-1 are a whole name: no capitalised word runs on after them, nor before them
    (but the line's first word, a verb such as "Follow")."""
    # a full stop after a word (no initial) ends the name: "Brand. Tagline" names "Brand"
    stop = re.search(r"[^\W\d_]{2}\.$", tokens[end - 1]) is not None
    after = end < len(tokens) and tokens[end][0].isupper() and not tokens[end - 1].endswith("-") and not stop
    before = start > 1 and tokens[start - 1][0].isupper()
    return not (after or before)


_POSSESSIVE = re.compile(r"^[A-Z][\w.-]*['’]s$")


def _possessed(tokens: list[str], start: int, end: int, name: str) -> str:
    """The name with the owner's possessive that opens its line ("Johnson's Russia List" spells
    russialist.org): a line of only the two is the site's full name, no verb before it ("Follow")."""
    whole_line = start == 1 and end == len(tokens)
    return f"{tokens[0]} {name}" if whole_line and _POSSESSIVE.match(tokens[0]) else name
