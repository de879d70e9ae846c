"""Speaker attribution: the cue after a quotation, the speech verb before it, or the person in focus.

The search runs over the paragraph with every quotation blanked out (so "Russia and Iran say" inside a
quote is never a cue) and within the sentence(s) that hold the quotation. In order:

1. the cue right after the closing mark: `," said the foreign minister` or `," Novak told reporters`;
2. the nearest speech verb before the opening mark whose subject is a person (`Novak said ... "`,
   walking back over subject-less verbs such as `adding`), or else the person the sentence opens with
   (`Novak, who did not smile, ended his toast by saying, "...`);
3. a speech verb later in the sentence (`... to the people, Novak told the media.`);
4. for a quotation left open at a paragraph's end, the speaker of the next paragraph's quotation;
5. the person in focus: the last speaker, or the subject of the latest sentence, or (no person opening
   it) the subject of a clause in it, never a person it merely names last (pronouns and bare roles such
   as `he` or `the president` resolve to it too). With nobody in focus the speaker is "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from bot.facts.lexicon import (
    SPEECH_KEYS,
    SPEECH_VERB,
    UNKNOWN,
    Mention,
    SpeakerLexicon,
    Verb,
    speech_verbs,
)
from bot.facts.words import may_end, plain_runs

__all__ = ["Cue", "Window", "find_cue", "resolve", "sentence_subject", "speech_clauses"]

_LEADING_PUNCT = re.compile(r"[\s,;:—–-]*")
# between "said" and its subject: titles ("said US captain Davis Love"), no clause ("said on Monday that X")
_TITLE_WORDS = re.compile(
    r"^(?:\s*(?!(?:that|which|who|whom|to|on|in|at|for|with|of|and|but|or|after|before|when|while|as|by"
    r"|from|if|because)\b)[\w.’'-]+){0,3}\s*$"
)
_STOP = re.compile(r"[.!?;]")
_OPENING = re.compile(r"^[\W\d]*(?:[A-Z][\w.'’-]*\s+)*$")  # nothing before a subject but titles
_CONJOINED = re.compile(r"\s*(?:and|or|&)\s")  # "Novak and Smith met": no single subject
_INVERTING = ",;:—–-\"”’'"  # what comes before an inverted "said X"
_PREPOSITIONS = ("in", "by", "for", "with", "of", "after", "before", "without", "on", "at", "to")
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{'|'.join(_PREPOSITIONS)})\s*$")
# An opening phrase before the subject: "In his first speech at the forum, Novak told ..."
_INTRO = re.compile(r"^\W*[A-Z][\w'’-]*(?:\s+[\w'’.-]+){0,12}?,\s*")
_INFINITIVE = re.compile(r"\bto\s+$")
# a clause's subject: after "where", "when", "as" ... (titles between), before a lower-case word that is no
# preposition, article or conjunction ("where Mr Novak took aim", not "after Novak and Smith")
_CLAUSE_OPENER = re.compile(
    r"\b(?:where|when|while|as|after|before|because|since|although|though|whereas|until|once|which|who"
    r"|whom)\s+(?:[A-Z][\w.'’-]*\s+)*$"
)
_VERB_AFTER = re.compile(
    r"\s+(?!(?:of|and|or|in|on|at|to|for|with|by|from|the|a|an|as|who|which|that|is|was|were|are)\b)[a-z]"
)
_VERBS_KEPT = 256  # texts whose speech verbs are remembered (an article's sentences)
_JOINED_SENTENCES = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])")
_JOINED_HINT = re.compile(r"[.!?][A-Z][a-z]")  # in every text _JOINED_SENTENCES splits (found faster)
_HEADLINE_COLON = re.compile(r"\s*([^:]{2,40}):")


class Window(NamedTuple):
    """The masked paragraph, its mentions and the stretch [lo, hi) a quotation's cue may come from."""

    masked: str
    mentions: tuple[Mention, ...]
    lo: int
    hi: int
    max_gap: int  # words between a speaker and its speech verb, at most


class Cue(NamedTuple):
    """The mention a cue names as the speaker."""

    mention: Mention


def find_cue(window: Window, open_at: int, tail_at: int) -> Cue | None:
    """The cue for a quotation whose opening mark is at `open_at` and whose text ends at `tail_at`."""
    after = _cue_after(window, tail_at)
    if after is not None:
        return after
    before = _cue_before(window, open_at)
    if before is not None:
        return before
    return _cue_later(window, tail_at)


def resolve(mention: Mention, focus: str | None, described: Sequence[str] = ()) -> str:
    """The speaker a mention names: a canonical or written name, the focus for pronouns and roles, and
    for "the official" the latest source `described` with that noun ("a senior US official")."""
    if mention.kind in ("pronoun", "role"):
        return focus or UNKNOWN
    if mention.kind == "definite":
        noun = (mention.name or "").lower()
        return next((d for d in reversed(described) if d.lower().endswith(noun)), f"the {noun}")
    name = mention.name or UNKNOWN
    if mention.kind == "organisation" and name.islower():  # "the ministry": the one named before
        return next((d for d in reversed(described) if d.lower().endswith(name[4:])), name)
    return name


def sentence_subject(lexicon: SpeakerLexicon, masked: str, focus: str | None) -> str | None:
    """The person in focus after a (masked) sentence: a speech verb's subject, else a person who is the
    sentence's subject (named first, before any other word but titles); a mere mention changes nothing
    once someone is in focus."""
    pieces = _JOINED_SENTENCES.split(masked) if _JOINED_HINT.search(masked) else (masked,)
    for piece in pieces:
        mentions = tuple(lexicon.mentions(piece))
        if not mentions:
            continue  # nobody to be its subject: the focus stays
        window = Window(piece, mentions, 0, len(piece), lexicon.max_gap_words)
        cue = next(
            (c for v in _verbs(piece) if (c := _subject_before(window, v.start())) is not None),
            None,
        )
        subject = cue.mention if cue is not None else _opening_subject(window, 0, len(piece))
        if subject is None:  # no person opens the sentence: one who opens a clause in it
            subject = _clause_subject(window)
        keeps = ("pronoun", "role", "definite", "organisation")  # "he" never means the ministry
        if focus is None and (subject is None or subject.kind in keeps):  # the first person named will do
            subject = _first_named(piece, mentions)
        if subject is not None:
            focus = focus if subject.kind in keeps else resolve(subject, focus)
    return focus


def _opening_subject(window: Window, lo: int, hi: int) -> Mention | None:
    """The person a clause starting at `lo` opens with (only titles before it, no "and" after it), if any:
    "Novak, who did not smile, ended his toast by saying" is Novak's, however far the verb. An opening
    phrase ("In his speech on Monday, Novak ...") may come first."""
    intro = _INTRO.match(window.masked[lo:hi])
    if intro is not None and not any(lo <= m.start < lo + intro.end() for m in window.mentions):
        lo += intro.end()  # "Near the end, Novak ...": no one named before the comma
    return next(
        (
            m
            for m in window.mentions
            if lo <= m.start < hi
            and not m.possessive
            and m.kind in ("person", "name", "described", "definite")
            and _OPENING.match(window.masked[lo : m.start])
            and not _CONJOINED.match(window.masked, m.end)
        ),
        None,
    )


def _first_named(text: str, mentions: Sequence[Mention]) -> Mention | None:
    """With nobody in focus, the person a sentence is most about: the first named who is neither a
    possessive nor the object of a preposition ("Novak's talks with Smith" is Novak's), else the first."""
    people = [m for m in mentions if m.kind == "person"]
    return next(
        (m for m in people if not m.possessive and not _preposition_before(text, m.start)),
        people[0] if people else None,
    )


def _clause_subject(window: Window) -> Mention | None:
    """The first person who is the subject of a clause inside the sentence ("Their meeting followed
    speeches where Mr Novak took aim at Smith's policy" is Novak's): named right after a word that opens a
    clause, only titles between, a verb-like word after; never a possessive or an object after a
    preposition."""
    text = window.masked
    return next(
        (
            m
            for m in window.mentions
            if m.kind == "person"
            and not m.possessive
            and _VERB_AFTER.match(text, m.end)
            and _CLAUSE_OPENER.search(text, 0, m.start)
        ),
        None,
    )


def speech_clauses(masked: str, lexicon: SpeakerLexicon) -> list[tuple[Mention, str]]:
    """Each speech verb of a (masked) text with the mention that is its subject, and the clause's words
    ("Novak said", "said the foreign minister", "he added"); infinitives ("to say") are not clauses."""
    verbs = _verbs(masked)
    if not verbs:
        return []  # most sentences: no need to find their mentions
    window = Window(masked, tuple(lexicon.mentions(masked)), 0, len(masked), lexicon.max_gap_words)
    if not window.mentions:
        return []  # no subject for any verb
    out = []
    for verb in verbs:
        before = masked[: verb.start()]
        if may_end(before, ("to",)) and _INFINITIVE.search(masked, 0, verb.start()):
            continue
        cue = _subject_before(window, verb.start())
        before = before.rstrip()
        if cue is None and (not before or before[-1] in _INVERTING):  # ', said the Russian President'
            cue = _inverted_subject(window, verb.end())
        if cue is not None:
            lo, hi = min(cue.mention.start, verb.start()), max(cue.mention.end, verb.end())
            out.append((cue.mention, " ".join(masked[lo:hi].split())))
    return out


@lru_cache(maxsize=_VERBS_KEPT)
def _verbs(text: str) -> tuple[Verb, ...]:
    """The speech verbs of a whole text (a sentence's are read twice: for its clauses, then its subject);
    a plain text without a speech verb's word has none (most sentences: the scan costs more than the test)."""
    plain = plain_runs(text)
    if plain is not None and plain.isdisjoint(SPEECH_KEYS):
        return ()
    return speech_verbs(text, plain is not None)


def _preposition_before(text: str, end: int) -> bool:
    """A preposition just before `end` ("talks with Novak")."""
    head = text[:end]
    return may_end(head, _PREPOSITIONS, spaced=False) and _PREPOSITION_BEFORE.search(text, 0, end) is not None


def _cue_after(window: Window, tail_at: int) -> Cue | None:
    """`," said the foreign minister` or `," Novak told reporters` right after the closing mark."""
    text = window.masked
    start = _LEADING_PUNCT.match(text, tail_at)
    pos = start.end() if start else tail_at
    if pos >= window.hi:
        return None
    verb = SPEECH_VERB.match(text, pos)
    if verb is not None:
        return _inverted_subject(window, verb.end())
    verb = SPEECH_VERB.search(text, pos, window.hi)
    if verb is None or len(text[pos : verb.start()].split()) > window.max_gap:
        return None
    if _STOP.search(text, pos, verb.start()):
        return None
    return _subject_before(window, verb.start(), floor=pos)


def _cue_before(window: Window, open_at: int) -> Cue | None:
    verbs = list(SPEECH_VERB.finditer(window.masked, window.lo, open_at))
    for verb in reversed(verbs):
        cue = _subject_before(window, verb.start())
        if cue is not None:
            return cue
    if verbs and not _STOP.search(window.masked, window.lo, verbs[-1].start()):
        opening = _opening_subject(window, window.lo, verbs[-1].start())
        if opening is not None:  # the sentence's subject, far from its speech verb
            return Cue(opening)
    head = window.masked[window.lo : open_at]
    colon = _HEADLINE_COLON.match(head)  # a headline's "Novak: ..."
    if colon:
        return next(
            (
                Cue(m)
                for m in window.mentions
                if m.kind == "person" and window.lo <= m.start and m.end <= window.lo + colon.end(1)
            ),
            None,
        )
    return None


def _cue_later(window: Window, tail_at: int) -> Cue | None:
    for verb in SPEECH_VERB.finditer(window.masked, tail_at, window.hi):
        cue = _subject_before(window, verb.start(), floor=tail_at)
        if cue is None:
            cue = _inverted_subject(window, verb.end())
        if cue is not None:
            return cue
    return None


def _subject_before(window: Window, verb_at: int, floor: int | None = None) -> Cue | None:
    """The mention just before a speech verb (a few words at most, no sentence break, no other verb)."""
    lo = window.lo if floor is None else floor
    candidates = [m for m in window.mentions if lo <= m.start and m.end <= verb_at]
    if not candidates:
        return None
    mention = candidates[-1]
    gap = window.masked[mention.end : verb_at]
    if (
        mention.possessive
        or len(gap.split()) > window.max_gap
        or _STOP.search(gap)
        or SPEECH_VERB.search(gap)
        or _PREPOSITION_BEFORE.search(gap)  # "joined Novak in calling": Novak is not the subject
    ):
        return None
    return Cue(mention)


def _inverted_subject(window: Window, verb_end: int) -> Cue | None:
    """`said the foreign minister`, `said political analyst Anna Novak`."""
    for mention in window.mentions:
        if mention.start < verb_end or mention.start >= window.hi:
            continue
        if mention.kind != "pronoun" and _TITLE_WORDS.match(window.masked[verb_end : mention.start]):
            return Cue(mention)
        return None
    return None
