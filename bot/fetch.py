"""Fetching one web page for `summitbot ingest https://...`: httpx with a timeout, a size cap and a
redirect limit (all from config's `fetch:` section). Every failure is an IngestError with one line."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from bot.cleaner.detect import looks_like_html
from bot.config import FetchConfig
from bot.errors import IngestError

__all__ = ["FetchedPage", "fetch_page", "is_url", "page_id"]

_HTTP_ERROR = 400  # HTTP: status codes from 400 up are client and server errors

log = logging.getLogger(__name__)

_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchedPage:
    """A page as the server sent it: the final URL (after redirects) and the body's bytes."""

    url: str
    data: bytes
    content_type: str


def is_url(text: str) -> bool:
    """True for an http(s) URL (what `ingest` fetches rather than reads from disk)."""
    return bool(_URL.match(text.strip()))


def page_id(url: str) -> str:
    """A corpus id for a URL: its host and last path segment, e.g. "www.upi.com_Obama-Putin-meet"."""
    host, _, path = re.sub(r"^https?://", "", url, flags=re.IGNORECASE).partition("/")
    slug = next((part for part in reversed(path.split("?")[0].split("/")) if part), "")
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug, flags=re.IGNORECASE)
    text = f"{host}_{slug}" if slug else host
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip(".-_")[:100] or "page"


def fetch_page(url: str, settings: FetchConfig) -> FetchedPage:
    """GET an HTML page; IngestError for an unreachable server, an HTTP error, a page that is too big
    or too many redirects away, and a response that is not HTML."""
    import httpx  # imported here: only URL ingest needs it

    if not is_url(url):
        raise IngestError(f"{url}: not an http(s) URL")
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=settings.max_redirects,
                timeout=settings.timeout_seconds,
                headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= _HTTP_ERROR:
                raise IngestError(
                    f"{url}: the server answered {response.status_code} {response.reason_phrase}"
                )
            data = _read_capped(response, url, settings.max_bytes)
            final, kind = str(response.url), response.headers.get("content-type", "")
            charset = response.charset_encoding
    except httpx.TooManyRedirects:
        raise IngestError(f"{url}: more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise IngestError(f"{url}: no answer within {settings.timeout_seconds:g} s") from None
    except httpx.HTTPError as exc:
        raise IngestError(f"{url}: cannot fetch the page ({type(exc).__name__})") from None
    _check_html(url, data, kind)
    log.info("fetched %s (%d bytes)", final, len(data))
    return FetchedPage(url=final, data=_as_utf8(data, charset), content_type=kind)


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """The page re-encoded as UTF-8 (the corpus keeps UTF-8 text), read in the charset it declares."""
    declared = charset or _meta_charset(data) or "utf-8"
    try:
        text = data.decode(declared, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return text.lstrip("\ufeff").encode("utf-8")


def _meta_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _read_capped(response: Any, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise IngestError(f"{url}: the page is larger than the {limit}-byte limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise IngestError(f"{url}: the page is larger than the {limit}-byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_html(url: str, data: bytes, content_type: str) -> None:
    """Only web pages are articles: an image, a PDF or JSON is refused, whatever its URL says."""
    kind = content_type.split(";", maxsplit=1)[0].strip().lower()
    text = data[:65536].decode("utf-8", "replace")
    if kind and kind not in _HTML_TYPES and not kind.startswith("text/"):
        raise IngestError(f"{url}: not a web page (the server sent {kind})")
    if not looks_like_html(text):
        raise IngestError(f"{url}: not an HTML page")
