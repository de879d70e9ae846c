"""A page on a host that publishes other publishers' articles: a digital newsstand's view of a paper's
page, a messaging app's public-article platform. The host's domain names the host, not the publisher:
the outlet is the paper or the account the page names (read by `metadata`), and the domain is only the
last resort. The hosts are data (`cleaner.publisher_hosts`)."""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["not_the_host", "on_publisher_host", "printed_publisher"]

# the Latin-script name opening a line whose rest is in another script: "China Daily 中国日报"
_LATIN_NAME = re.compile(r"^(?P<name>[A-Za-z][\w&.'’ -]*?)\s*(?:[^\x00-\u024f\s].*)?$")


def on_publisher_host(page: PageLines) -> bool:
    """The URL's host is one of the configured publisher hosts, or under one."""
    site = registered_domain(page.url) if page.url else None
    if site is None:
        return False
    host = site[1].removeprefix("www.")
    return any(host == h or host.endswith(f".{h}") for h in page.settings.publisher_hosts)


def _host(page: PageLines) -> str | None:
    site = registered_domain(page.url) if page.url else None
    return page.table.by_domain(site[1]) if site else None


def not_the_host(page: PageLines, found: Found | None) -> Found | None:
    """A name read for the page unless it is the host's own ("© PressReader Inc." in its footer)."""
    host = _host(page)
    return None if found is None or (host and page.table.canonical(found.value) == host) else found


def printed_publisher(page: PageLines) -> Found | None:
    """The first line of chrome that names a known outlet other than the host (an account's or a paper's
    name over its article, perhaps followed by the name in another script)."""
    host = _host(page)
    for line, decision in page.pairs():
        match = _LATIN_NAME.match(line.text) if decision.kind == "drop" else None
        name = match.group("name") if match else ""
        if (
            name
            and page.table.known(name)
            and not page.table.is_agency(name)
            and page.table.canonical(name) != host
        ):
            return Found(page.table.canonical(name), f"{line.text} (the publisher on a host's page)")
    return None
