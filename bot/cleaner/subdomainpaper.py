"""A paper on its parent's site: "thecairopost.youm7.com" is The Cairo Post, not its parent Youm7.

A publishing group hosts a title of its own on a subdomain whose one label is the title's name run
together, "The" and a masthead word included ("thecairopost"), or is a masthead word alone before the
group's name ("post.jagran.com" is read as the Jagran Post: the host's words in a masthead's order, the
group's label first). A reader cites the title, so that name beats the parent's entry in the outlet table.
A section's subdomain ("worldnews.", "edition.", "news.", "online.") is no masthead: it stays the
parent's.
"""

from __future__ import annotations

from bot.cleaner.domainwords import domain_words
from bot.cleaner.labelname import label_name, run_words
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.reportercredit import MEDIA_WORDS

__all__ = ["subdomain_paper"]

_FEWEST_WORDS = 3  # not a threshold: "The", a name and a masthead word
# the words that name a newspaper's title, not a site's section ("news", "online", "tv" are sections too)
_MASTHEAD_WORDS = frozenset("post times journal telegraph guardian herald tribune gazette observer".split())


def subdomain_paper(page: PageLines) -> Found | None:
    """The title a subdomain's one label names ("The NAME Post"), when the URL has such a label."""
    site = registered_domain(page.url) if page.url else None
    if site is None or site[1] == site[0] or not site[1].endswith("." + site[0]):
        return None
    labels = site[1][: -len(site[0]) - 1].split(".")
    if len(labels) == 1 and labels[0] in _MASTHEAD_WORDS:
        return _masthead_host(page, labels[0], site[0])
    if len(labels) != 1 or not labels[0].startswith("the"):
        return None
    name = domain_words(labels[0], page.settings)
    words = name.split() if name else []
    if len(words) < _FEWEST_WORDS or words[0] != "The" or words[-1].lower() not in MEDIA_WORDS:
        return None
    return Found(name or "", f"URL host {site[1]} (a title's name on its parent's site)")


def _masthead_host(page: PageLines, word: str, domain: str) -> Found | None:
    """ "post.NAME.com": the group's label as its name reads, then the masthead word ("NAME Post")."""
    label = domain.split(".", maxsplit=1)[0]
    name = run_words(label, page.settings) or label_name(label, page.settings)
    if not name:
        return None
    evidence = f"URL host {word}.{domain} (a title's name on its parent's site)"
    return Found(f"{name} {word.capitalize()}", evidence)
