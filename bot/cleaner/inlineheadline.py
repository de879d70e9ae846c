"""Another story's headline printed between a story's paragraphs, in sentence case with no closing stop:
"Beijing keeps the summit's focus on trade, but border tensions rise to the fore" between two paragraphs
of a story about the talks. A crosshead the story prints is a few words ("Talks go on"); a
line as long as a standfirst (`standfirst_min_words`) that is written in headline grammar, its subject
in capitals and then its verb in the present tense ("warns", "tries": a headline's tense for what has
happened), is a link to another story, chrome however prose-like. A plural noun read as that verb is
not, when the words after it are a noun's ("US officials and ..."), and neither is a line attributing in
the past tense: the story's own sentence that lost its stop ("The two presidents spoke, officials said").
A line closing on a colon introduces what follows. Only a capitalised subject is read ("Prime minister
warns" is not)."""

from __future__ import annotations

import re

from bot.cleaner.lines import ends_sentence, word_count
from bot.config import CleanerConfig

__all__ = ["is_inline_headline"]

# the subject's capitalised words (a name, a title), then the first word in lower case: a verb in the
# present tense's third person ("warns", "tries", "is"), not a plural noun after a lower-case word
_HEADLINE_GRAMMAR = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,4}(?P<verb>[a-z]+(?:s|es))\b(?!['’])\s+(?P<next>[a-z]+)"
)
_NOT_VERBS = frozenset({"us", "as", "has", "was", "this", "its", "his", "hers", "ours", "yours", "theirs"})
# words that follow a plural noun, not a verb: "US officials and their counterparts met ..."
_AFTER_NOUN = frozenset({"and", "or", "of", "who", "which", "were", "are", "have", "had"})
# a past tense's attribution marks the story's own sentence that lost its stop
_SAID = re.compile(r"\bsaid\b")
# a sentence's stop inside the line: sentences, no headline ("... a snub. A former ambassador agreed.")
_INNER_STOP = re.compile(r"[a-z][.!?]\s+[A-Z]")


def is_inline_headline(text: str, settings: CleanerConfig) -> bool:
    """A line between paragraphs that is another story's headline (see the module's doc)."""
    if ends_sentence(text) or text.endswith(":") or word_count(text) < settings.standfirst_min_words:
        return False
    grammar = _HEADLINE_GRAMMAR.match(text)
    if grammar is None or _SAID.search(text) or _INNER_STOP.search(text):
        return False
    after = grammar.group("next")  # a past tense after it shows a noun: "Several papers called ..."
    return grammar.group("verb") not in _NOT_VERBS and after not in _AFTER_NOUN and not after.endswith("ed")
