"""HTML is recognised by its content, whatever the file is called."""

from __future__ import annotations

import pytest

from bot.cleaner.detect import looks_like_html


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi.</p></body></html>",
        "\ufeff  <html lang='en'><body>text</body></html>",
        "<!-- saved page --><!doctype html>\n<p>one</p>",
        "<meta charset='utf-8'>\n<title>A page</title>\nSome text",
        "".join(f"<p>Paragraph {i} of the story.</p>\n" for i in range(10)),
    ],
)
def test_html_pages_are_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Obama met for 90 minutes.\n\nThe talks were frank.",
        "He wrote <b>bold</b> claims, the paper said.\nA second line.",
        "Scores: 3 < 5 and 7 > 2, the analyst noted.",
        "",
    ],
)
def test_plain_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)
