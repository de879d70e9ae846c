"""The act a yes/no question asks about: "Did Putin and Obama shake hands ...?" asks whether a handshake
happened, and only a sentence that states that act (or its denial) answers it.

The act is read by the question's grammar: the auxiliary that opens it (did, does, will, has ...), its
subject (a pronoun, names joined by "and", or a determiner with its noun), then the first word of the verb
phrase; a light verb ("make", "give", "hold") hands the act to the next content word. Speech verbs ("say",
"think") are left to the speaker's constraint. The words are grammar, not data: general English.
"""

from __future__ import annotations

from bot.regex_cache import compiled
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = ["asked_act"]

_WORD = compiled(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_AUXILIARIES = frozenset("did does do will would can could has have had should may might".split())
_PRONOUNS = frozenset("he she they it we you i anyone anybody someone somebody everyone nobody there".split())
_DETERMINERS = frozenset(
    "the a an any his her their its this that these those some all each every no our".split()
)
_NUMBERS = frozenset("one two three four both".split())
_ADVERBS = frozenset("ever also even still just really actually already then finally both all at".split())
_JOINS = frozenset("and n & or".split())
_LIGHT = frozenset("make take give put get have hold do go come set keep".split())
_SPEECH = frozenset(
    "say tell mention call describe state warn claim announce comment think talk speak discuss raise "
    "bring".split()
)


def asked_act(text: str, tokenizer: Tokenizer) -> frozenset[str] | None:
    """The terms of the act a yes/no question asks about (its verb's stem and synonym group), or None
    when its clause opens with no auxiliary, the verb is one of speech, or no verb is found."""
    normal = normalize(text)
    spans = tokenizer.entity_spans(normal)
    found = [(m.start(), m.group()) for m in _WORD.finditer(normal)]
    words = [w.lower().replace("’", "'") for _, w in found]
    names = [any(s <= a < e for s, e, _ in spans) or w[0].isupper() for a, w in found]
    start = next((i for i, w in enumerate(words) if w in _AUXILIARIES), None)
    if start is None:
        return None
    i = _past_subject(words, names, start + 1)
    while i < len(words) and (words[i] in _ADVERBS or words[i].endswith("ly")):
        i += 1
    if i >= len(words) or words[i] in _SPEECH:
        return None
    if words[i] in _LIGHT:  # "hold a joint news conference": the act is its object
        i += 1
        while i < len(words) and (names[i] or not tokenizer.content_words(words[i])):
            i += 1
        if i >= len(words):
            return None
    terms = set(tokenizer.content_words(words[i]))
    terms.update(group for term in list(terms) if (group := tokenizer.synonym(term)))
    return frozenset(terms) or None


def _past_subject(words: list[str], names: list[bool], i: int) -> int:
    """The position after the subject that starts at `i`: a pronoun; or determiners and numbers, then
    names joined by "and" (a possessive's noun with them: "China's president"), or one noun."""
    n = len(words)
    if i < n and words[i] in _PRONOUNS:
        return i + 1
    determined = False
    while i < n and (words[i] in _DETERMINERS or words[i] in _NUMBERS):
        i, determined = i + 1, True
    named = False
    while i < n and (names[i] or (named and words[i] in _JOINS and i + 1 < n and names[i + 1])):
        possessive = words[i].endswith(("'s", "s'"))
        i, named = i + 1, True
        if possessive and i < n and not names[i]:
            i += 1  # "China's president": the possessive's noun
    if not named and i < n:
        return i + 1  # "the two presidents", "police": one noun
    if determined and i < n and words[i].endswith("s") and not words[i].endswith("ss"):
        return i + 1  # "the Syrian rebels": the names' plural noun
    return i
