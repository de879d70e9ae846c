"""A name-less site on an internationalised domain, cited as a reader sees its address: in its own script.

A URL carries such a domain in punycode ("xn--...", the ASCII form IDNA gives a label in another script),
which no reader cites: a browser shows the domain decoded. The decoded domain is cited as it reads, and
a label whose words the site hyphenated ("новости-города.рф") is cited as those words, each capitalised
as a name's words are ("Новости Города"), as `domainwords` reads an ASCII label's hyphens. Decoded by
the standard library's IDNA codec; a label it cannot decode keeps the domain as the URL gives it.
"""

from __future__ import annotations

__all__ = ["decoded_domain", "idn_name", "script_name"]

_PUNYCODE = "xn--"  # the ACE prefix of an encoded label (RFC 3490)
_FEWEST_WORDS = 2  # not a threshold: a label of one word has no hyphens to read


def decoded_domain(domain: str) -> str:
    """The domain with its punycode labels decoded ("xn--...xn--p1ai" -> "...рф"); any other as it is."""
    if _PUNYCODE not in domain.lower():
        return domain
    try:
        return domain.encode("ascii").decode("idna")
    except UnicodeError:  # a label the codec (IDNA 2003) refuses: the URL's own form stays
        return domain


def script_name(domain: str) -> str | None:
    """A decoded domain's label as a name when the site hyphenated it into words of a script other than
    Latin ("новости-города.рф" -> "Новости Города"); None for an ASCII label or one word."""
    label = domain.partition(".")[0]
    words = [word for word in label.split("-") if word]
    if label.isascii() or len(words) < _FEWEST_WORDS or not all(word.isalpha() for word in words):
        return None
    return " ".join(word[:1].upper() + word[1:] for word in words)


def idn_name(domain: str) -> str | None:
    """How a reader cites a name-less site on a punycode domain: its hyphened words, else the decoded
    domain; None when the domain has no punycode label (or none that decodes)."""
    decoded = decoded_domain(domain)
    return None if decoded == domain else script_name(decoded) or decoded
