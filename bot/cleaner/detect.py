"""What kind of page a raw file is, told from its content (never from its file name)."""

from __future__ import annotations

import re

__all__ = ["looks_like_html"]

_HEAD = 4096  # a page announces itself near the top
_DOCUMENT = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_STRUCTURE = re.compile(r"<(?:head|body|meta|title)[\s>/]", re.I)
_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|article|section|script|style|li|ul|img|figure)\b[^<>]{0,500}>", re.I
)
_MIN_TAGS = 8  # a plain-text article may quote one stray tag; a page has many


def looks_like_html(text: str) -> bool:
    """True for an HTML page: a doctype or <html> at the top, head/body markup, or many common tags."""
    head = text.lstrip("\ufeff")[:_HEAD]
    if _DOCUMENT.match(head) or _STRUCTURE.search(head):
        return True
    return len(_TAG.findall(text[: _HEAD * 16])) >= _MIN_TAGS
