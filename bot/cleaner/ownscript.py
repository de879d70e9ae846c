"""A site's name in its own script: "人民网" on a portal the outlet table names in Latin letters (issue 9,
round forty-five).

The outlet table holds a site by the name other outlets' readers know it by, in Latin letters. A page in
another script prints the site's own name at the end of its title bar ("HEADLINE--SECTION--NAME") and again
in its chrome (its menu, its breadcrumb, its rights line): that is the name its readers cite. A page in
Cyrillic may print it anywhere (its logo line, a "subscribe to NAME" footer, "as NAME reported" in the
text): the Cyrillic words that read, letter for letter, as the Latin name found ("НСН" for "NSN") are
that name as the site prints it.
"""

from __future__ import annotations

import re
import unicodedata

from bot.cleaner.lines import squashed
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.transliterate import latin_letters

__all__ = ["cyrillic_spelling", "own_script_name"]

_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")

# a title bar's separators: "Headline--Section--Name", "Headline | Name", "Headline - Name"
_SEPARATOR = re.compile(r"\s*(?:--|[|–—•·»«])\s*|\s+-\s+")
_LONGEST = 30  # not a threshold: a site's name is a few words, a title's last clause is more


def own_script_name(page: PageLines, known: str) -> Found | None:
    """The last part of the page's title bar, in letters of another script than the table's Latin name
    `known`, when the page's chrome prints it again; None otherwise (or a name the table holds as another
    outlet's, or a word the story prints: a place ending a headline is no site)."""
    first = next((line for line in page.lines if line.text.strip()), None)
    if first is None or _script_letters(known) != "latin":
        return None
    parts = _SEPARATOR.split(first.text.strip())
    name = parts[-1].strip() if len(parts) > 1 else ""
    if not name or len(name) > _LONGEST or _script_letters(name) != "other":
        return None
    if page.table.known(name) and page.table.canonical(name) != known:
        return None
    chrome = (line for line, decision in page.pairs() if decision.kind == "drop" and line is not first)
    if not any(name in line.text for line in chrome):  # its menu, breadcrumb or rights line: not the story's
        return None
    return Found(name, f"{first.text} (the site's name in its own script)")


def _script_letters(text: str) -> str:
    """The script of a text's letters: "latin" (all), "other" (none Latin), "mixed", or "none"."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)
    if not letters:
        return "none"
    return "latin" if latin == len(letters) else "other" if latin == 0 else "mixed"


def cyrillic_spelling(page: PageLines, cited: Found) -> Found | None:
    """The Cyrillic words the page prints that read as the Latin name `cited` letter for letter
    ("Обозреватель" for "Obozrevatel"), as printed; None when it prints none (or the name is not Latin)."""
    name = cited.value
    if _script_letters(name) != "latin" or not _CYRILLIC_WORD.search(page.raw):
        return None
    wanted, count = squashed(name), len(name.split())
    for line in page.lines:
        words = _CYRILLIC_WORD.findall(line.text)
        for start in range(len(words) - count + 1):
            printed = " ".join(words[start : start + count])
            if squashed(latin_letters(printed)) == wanted:
                return Found(printed, f"{line.text} (the site's name as its own script prints it)")
    return None
