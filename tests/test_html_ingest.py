"""HTML pages and URLs in: main text, stated metadata, raw/ID.html kept, and one-line errors.

Pages are served by a local http.server on 127.0.0.1 only; the page text is written for these tests.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from bot.cleaner import clean_article
from bot.cleaner.html import read_html
from bot.cleaner.outlets import registered_domain
from bot.cli import main
from bot.config import CleanerConfig, Config
from bot.corpus import CorpusStore
from bot.errors import IngestError
from bot.fetch import fetch_page, page_id
from bot.models import ArticleHints

LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Leaders trade warnings and handshakes at the lakeside summit",
    "datePublished": "2016-09-05T18:40:00+08:00",
    "dateModified": "2016-09-06T09:00:00+08:00",
    "publisher": {"@type": "Organization", "name": "The Harbour Gazette"},
    "author": [{"@type": "Organization", "name": "Associated Press"}],
}
BODY = [
    "The two presidents spent ninety minutes together in a side room of the conference hall on Monday,"
    " aides on both sides said after the G20 session closed.",
    "Neither delegation announced an agreement, but both said their foreign ministers would keep talking"
    " over the coming days.",
    "One official described the tone as businesslike and said the leaders had spoken mostly about the war"
    " and about trade.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Leaders trade warnings and handshakes at the lakeside summit | The Harbour Gazette</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2016-09-05T10:40:00Z">
<script type="application/ld+json">{json.dumps(LD)}</script>
<style>.nav {{ color: red }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Leaders trade warnings and handshakes at the lakeside summit</h1>
{"".join(f"<p>{p}</p>" for p in BODY)}
</article>
<aside><p>Sign up for our morning newsletter</p></aside>
<footer><p>&copy; 2016 The Harbour Gazette. All rights reserved.</p></footer>
<script>var tracker = 1;</script>
</body></html>
"""
EMPTY_PAGE = "<!DOCTYPE html><html><head><title>Gallery</title></head><body><nav>Home</nav></body></html>"


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/news/2016/09/05/summit-talks.html": (200, "text/html; charset=utf-8", PAGE.encode()),
        "/empty.html": (200, "text/html", EMPTY_PAGE.encode()),
        "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/data.json": (200, "application/json", b'{"a": 1}'),
        "/huge.html": (200, "text/html", b"<html><body>" + b"x" * 5000 + b"</body></html>"),
    }

    def do_GET(self) -> None:
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        status, kind, body = self.routes.get(self.path, (404, "text/html", b"<html>not found</html>"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_html_page_gives_text_and_stated_metadata() -> None:
    page = read_html(
        PAGE, CleanerConfig(), "https://www.harbourgazette.example/news/2016/09/05/summit-talks.html"
    )
    assert all(paragraph in page.text for paragraph in BODY)
    assert page.found["outlet"][0] == "The Harbour Gazette"
    assert page.found["date"][0] == "2016-09-05"
    # JSON-LD's dateModified is no update the page shows its reader (fixture convention, batch6): not read
    assert "updated" not in page.found
    shown = PAGE.replace("</h1>", "</h1><p><time>Updated Sept. 6, 2016</time></p>")
    assert read_html(shown, CleanerConfig()).found["updated"][0] == "2016-09-06"
    assert page.found["title"][0] == LD["headline"]
    assert "Associated Press" in page.authors


def test_clean_article_reads_html_without_markup(config: Config) -> None:
    article = clean_article(PAGE, doc_id="page", config=config, hints=ArticleHints())
    assert article.outlet == "The Harbour Gazette"
    assert article.wire == "AP"  # an agency as the JSON-LD author
    assert article.date == "2016-09-05" and article.updated is None  # the page shows no update stamp
    assert article.title == LD["headline"]
    assert article.event == "g20-2016"
    assert "<" not in article.text and "tracker" not in article.text and "newsletter" not in article.text
    assert article.sentences[0].text == BODY[0]


def test_html_file_ingest_keeps_the_html_and_clean_rederives_it(
    corpus_copy: tuple[Path, Config], tmp_path: Path
) -> None:
    root, config = corpus_copy
    source = tmp_path / "gazette-page.txt"  # HTML told by its content, not its name
    source.write_text(PAGE, encoding="utf-8")
    store = CorpusStore(root)
    article = store.ingest(source, config)
    assert (root / "raw" / "gazette-page.html").read_text(encoding="utf-8") == PAGE
    assert not (root / "raw" / "gazette-page.txt").exists()
    assert "gazette-page" in store.raw_ids()
    assert store.clean_one("gazette-page", config).sentences == article.sentences
    assert "gazette-page" not in store.stale(config)


def test_url_ingest_through_the_cli(
    capsys: pytest.CaptureFixture[str], corpus_copy: tuple[Path, Config], server: str
) -> None:
    root, _ = corpus_copy
    url = f"{server}/news/2016/09/05/summit-talks.html"
    code = main(["--corpus", str(root), "ingest", url])
    out = capsys.readouterr().out
    doc_id = page_id(url)
    assert code == 0 and f"added {doc_id}: The Harbour Gazette, 2016-09-05" in out
    assert (root / "raw" / f"{doc_id}.html").is_file()
    assert main(["--corpus", str(root), "show", doc_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["url"] == url and shown["evidence"]["outlet"].startswith("JSON-LD publisher")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "404"),
        ("/photo.png", "not a web page"),
        ("/data.json", "not a web page"),
        ("/empty.html", "no article text"),
        ("/loop", "redirects"),
    ],
)
def test_bad_urls_are_one_line_errors_and_change_nothing(
    capsys: pytest.CaptureFixture[str], corpus_copy: tuple[Path, Config], server: str, path: str, message: str
) -> None:
    root, _ = corpus_copy
    before = sorted(p.name for p in (root / "raw").iterdir())
    code = main(["--corpus", str(root), "ingest", f"{server}{path}"])
    err = capsys.readouterr().err.strip()
    assert code != 0 and message in err and len(err.splitlines()) == 1
    assert sorted(p.name for p in (root / "raw").iterdir()) == before


def test_unreachable_server_and_size_cap(config: Config, server: str) -> None:
    with pytest.raises(IngestError, match="cannot fetch"):
        fetch_page(f"http://127.0.0.1:{_unused_port()}/x.html", config.fetch)
    small = type(config.fetch)(timeout_seconds=5.0, max_bytes=1000, max_redirects=2)
    with pytest.raises(IngestError, match="larger than"):
        fetch_page(f"{server}/huge.html", small)


def test_registered_domain_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert registered_domain("https://news.example.co.uk/world/x") == ("example.co.uk", "news.example.co.uk")
    assert registered_domain("http://127.0.0.1:8000/x") is None


def test_a_lone_surrogate_in_html_does_not_crash(config: Config) -> None:
    page = PAGE.replace("ninety minutes", "ninety \ud800 minutes")
    article = clean_article(page, doc_id="page", config=config)
    assert any("\ufffd" in s.text for s in article.sentences)
