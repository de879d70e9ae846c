"""A poster's signature block: the lines under the "--" delimiter that e-mail and Usenet put between a
message and its sender's signature (a name, a motto, a web address).

Under "--" alone on its line, the few short lines up to the next blank line sign the message; they are
the poster's, never the story a message may paste above them.
"""

from __future__ import annotations

from bot.cleaner.lines import word_count
from bot.cleaner.page import Page

__all__ = ["mark_signature_blocks"]

_DELIMITER = "--"  # the signature delimiter ("-- " with its space, stripped)
_DELIMITER_REACH = 8  # a delimiter's line is short whatever spaces pad it
_MOST_LINES = 4  # not a threshold: a signature's netiquette limit
_MOST_WORDS = 12  # a signature's line is short: a name, a motto, an address


def mark_signature_blocks(page: Page) -> None:
    """Drop (as a signature) the short lines under a "--" delimiter, up to the next blank line."""
    for i, line in enumerate(page.lines):
        if len(line.text) > _DELIMITER_REACH or line.text.strip() != _DELIMITER:
            continue
        block = []
        for j in range(i + 1, min(i + 1 + _MOST_LINES + 1, len(page.lines))):
            if page.lines[j].blank:
                break
            block.append(j)
        else:
            continue  # no blank line closes it within a signature's length
        short = all(word_count(page.lines[j].text) <= _MOST_WORDS for j in block)
        if block and short:  # the loop above stops at a blank line within _MOST_LINES
            for j in block:
                if page.open(j):
                    page.set(j, "drop", "signature")
