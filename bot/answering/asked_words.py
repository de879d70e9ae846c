"""Whose words or stance a question asks for: a speech verb after an auxiliary ("what did Putin say"), a
party's reaction ("how did Moscow react"), an account ("according to Obama"), or someone it writes without a
configured name ("the American official"). Read by answering.question (the asked speaker), candidates,
features and answerability."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.regex_cache import compiled
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = ["asked_party", "asked_speaker", "asks_words", "speaker_asked"]

_SPEECH_ASK = compiled(
    r"\b(say|said|says|tell|told|describe|described|call|called|state|stated|warn|warned|claim|claimed|"
    r"announce|announced|think|thought|mention|mentioned|report|reported|argue|argued|remark)\b"
)
# A speech word right after one of these is a noun ("in that same report", "the call", "RT's claim"): the
# question does not ask for anyone's words by it.
_NOUN_BEFORE = compiled(
    r"(?:\b(?:the|a|an|this|that|these|those|same|its|his|her|their|our|your|my|any|each|every|no)|'s)\s+$"
)
# "What did <someone> say / tell / think ...": the words between the auxiliary and the speech verb.
_ASKING = r"\b(?:did|does|do|has|had|will|would)\s+(?P<who>[^?,;]+?)\s+"
_ASKED_SPEAKER = compiled(_ASKING + _SPEECH_ASK.pattern)
# "How did <party> react", "What did <party> say", "Did <party> back ...": the party whose words or stance
# are asked for, and the verb asking it
_PARTY_ASK = compiled(
    _ASKING + r"(?P<verb>say|tell|react|respond|reply|answer|comment|welcome|back|support|reject|receive|view"
    r"|see|make of|think)\b"
)


def asks_words(text: str) -> bool:
    """True when the question asks what someone said (a speech verb, not the noun: "did he say ...?",
    "how did Putin describe ...?", not "in that same report, did he ...?")."""
    lower = normalize(text).lower()
    return any(not _NOUN_BEFORE.search(lower[: m.start()]) for m in _SPEECH_ASK.finditer(lower))


def asked_speaker(text: str) -> str:
    """Whose words the question asks for, as written ("Angela Merkel" in "What did Angela Merkel say
    about ...?"), or "" when it asks for nobody's."""
    match = _ASKED_SPEAKER.search(normalize(text))
    return match.group("who") if match else ""


def asked_party(text: str) -> tuple[str, str]:
    """The party whose words or stance the question asks for, lower-cased as written ("the syrian
    government" in "How did the Syrian government react?"), and the verb asking it ("react"); ("", "")
    when it asks for nobody's."""
    match = _PARTY_ASK.search(normalize(text).lower())
    return (match.group("who"), match.group("verb")) if match else ("", "")


def speaker_asked(
    text: str, tokenizer: Tokenizer, people: frozenset[str], persons: Sequence[str]
) -> str | None:
    """The configured person whose words the question asks for (it is not a who-question): the first person
    it names when it asks for words, unless the words asked are someone's it does not name ("What did the
    American official say about Assad?"); else whose account or reaction it asks for; else None."""
    if persons and asks_words(text) and not _unnamed_speaker(text, tokenizer, people):
        return persons[0]
    return _viewer(text, tokenizer, people) or _reacting(text, tokenizer, people)


# "According to Putin, ...", "in Obama's view", "in Putin's telling": whose account the question asks for
_VIEWED = compiled(
    r"\baccording to (?P<source>[^,?;]+)|\bin (?P<owner>[^,?;]+?)'s (?:view|telling|opinion|words|eyes)\b",
    re.IGNORECASE,
)


_PRONOUNS = frozenset("he she they it we you i someone anyone".split())


def _unnamed_speaker(text: str, tokenizer: Tokenizer, people: frozenset[str]) -> bool:
    """The question asks for the words of someone it writes without a configured person's name ("the
    American official", "the Russians", "observers"); not of a pronoun ("what did he say ...?")."""
    plain = normalize(text)
    # "Did Putin say ...", not "... would get a say" (a capital keeps "Secretary of State" a name)
    words = asked_speaker(plain[:1].lower() + plain[1:]).split()
    if not words or words[0].lower() in _PRONOUNS:
        return False
    return people.isdisjoint(tokenizer.entities(" ".join(words)))


# "How did X react / respond / reply": X's words are asked as "what did X say" asks them
_REACTION_ASK = compiled(_ASKING + r"(?:react|respond|reply|retort|hit\s+back)\b", re.IGNORECASE)


def _reacting(text: str, tokenizer: Tokenizer, people: frozenset[str]) -> str | None:
    """The configured person whose reaction the question asks for ("How did Mueller respond to ...?"), or
    None."""
    match = _REACTION_ASK.search(normalize(text))
    if match is None:
        return None
    named = [t for t in tokenizer.entities(match.group("who")) if t in people]
    return named[0] if named else None


def _viewer(text: str, tokenizer: Tokenizer, people: frozenset[str]) -> str | None:
    """The configured person whose account the question asks for by "according to X" or "in X's view",
    or None (an outlet's account, "according to Sputnik", is a scope, not a speaker)."""
    match = _VIEWED.search(normalize(text))
    if match is None:
        return None
    named = [t for t in tokenizer.entities(match.group("source") or match.group("owner")) if t in people]
    return named[0] if named else None
