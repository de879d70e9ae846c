"""A name printed in Cyrillic compared with a Latin domain: "МИР 24" on mir24.tv is the site's own name.

A site in Russian or Ukrainian prints its name in its own script while its domain spells it in Latin
letters. Its letters are read in the common romanisation (BGN/PCGN-like, one spelling a letter), which is
how such domains are mostly spelled; a name spelled otherwise ("x" for "кс") is left to the other finders.
"""

from __future__ import annotations

__all__ = ["latin_letters"]

_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
_LATIN = "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split()
_CYRILLIC = {letter: latin.strip("_") for letter, latin in zip(_LETTERS, _LATIN, strict=True)}


def latin_letters(text: str) -> str:
    """The text in lower case, each Cyrillic letter in Latin letters (the hard and soft signs dropped)."""
    return "".join(_CYRILLIC.get(char, char) for char in text.casefold())
