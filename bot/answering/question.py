"""Reading a question: its type, the person it asks about, its outlet or event scope, and follow-ups."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.answering.asked_words import asks_words, speaker_asked
from bot.answering.scope import Scope, ScopeTable
from bot.conversation import Conversation
from bot.errors import InputError
from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = [
    "BUILDING_NOUNS",
    "QUESTION_KINDS",
    "Question",
    "analyse_question",
    "answer_noun",
    "asked_class",
    "asks_building",
    "check_question",
    "question_kind",
]

# The question's type decides what evidence an answer must carry (a number, a duration, a date...).
_TIME_UNITS = r"(?:more\s+)?(?:seconds|minutes|hours|days|weeks|months|years|decades)\b"
# nouns of degree: "how much trust", "how much progress" asks how far, answered in words
_DEGREE_NOUNS = (
    r"(?:trust|confidence|faith|progress|headway|support|backing|influence|leverage|pressure|respect|"
    r"sympathy|hope|optimism|interest|attention|weight|credit|say|sway|emphasis|importance|clout)"
)
_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "how many years had passed since ..." asks a length of time, as "how long" does
    # "how much time did he give ..." asks a length too; "how much trust / progress" a degree, not a number
    (
        "how_many",
        compiled(
            rf"\bhow many\b(?!\s+{_TIME_UNITS})|\bhow much\b(?!\s+(?:{_TIME_UNITS}|time\b|{_DEGREE_NOUNS}\b))"
            r"|\bwhat (number|share|percentage)\b"
        ),
    ),
    ("how_long", compiled(rf"\bhow long\b|\bhow many {_TIME_UNITS}|\bhow much time\b")),
    (
        "when",
        compiled(
            r"^(when|what time|what day|on what date)\b|\b(when did|about when|by when|how soon)\b"
            r"|\b(?:on|by) (?:what|which) (?:\w+ )?date\b"  # "by what exact date"
        ),
    ),
    ("where", compiled(r"^where\b|\bwhere did\b|\bin what (city|place)\b")),
    # "how come", "on what grounds", "with what aim": a cause or a purpose asked in other words
    (
        "why",
        compiled(
            r"^why\b|\bwhy did\b|\bwhat was the reason\b|\bwhy\b|\bhow come\b|"
            r"\b(?:for|on) what (?:reason|grounds)\b|\b(?:with|for) what (?:aim|purpose)\b|\bto what end\b"
        ),
    ),
    # "Which Democrat called ...": the one asked about is the speaker, whatever noun describes them
    (
        "who_said",
        compiled(
            r"^(?:who |which (?:\w+ ){1,3}?)(said|called|described|told|warned|argued|claimed|stated)\b"
        ),
    ),
    ("who", compiled(r"^(who|whom|which (leader|official|minister|president))\b")),
    ("yes_no", compiled(r"^(did|does|do|is|are|was|were|has|have|had|can|could|will|would)\b")),
)
QUESTION_KINDS: tuple[str, ...] = (*(kind for kind, _ in _TYPES), "what")
_WHO_SAID = dict(_TYPES)["who_said"]
_PASSIVE_SPEECH = compiled(r"\b(?:was|were|is|are|been|being)\s+(?:said|called|described|told|warned)\b")
_FOLLOW_UP_START = compiled(r"^(and|but|also|so|what about|how about|then|and what about)\b")
_OWN_ASK = compiled(
    r"^(what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could|"
    r"will|would)\b"
)
_PRONOUN = compiled(r"\b(he|she|him|her|his|they|them|their|it|that|this|there|those|these)\b")
# Words that point back whatever the question's length: a person named nowhere in it, "those two
# capitals", "fixing that?", "in that same report" (not "said that ...", which introduces a clause).
_PERSONAL = compiled(r"\b(he|she|him|her|his|hers|they|them|their|theirs)\b")
_POINTING = compiled(
    r"\b(those|these)\b|\b(that|this|it)\W*$|"
    r"\b(in|of|about|on|with|at|for|from|to|by|over|after|before|until|since|despite)\s+(that|this)\b"
)
_CONTROL = compiled(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LETTERS = compiled(r"[^\W\d_]")
_LATIN_END = 0x250  # Basic Latin up to the end of Latin Extended-B: the letters English is written in


@dataclass(frozen=True)
class Question:
    """A question made ready for retrieval."""

    text: str  # as asked (cleaned of control characters)
    search_text: str  # what is searched: scope words removed, a follow-up's topic carried over
    kind: str  # one of the _TYPES names, or "what"
    persons: tuple[str, ...]  # entity tokens of the people it names (or carried over)
    speaker: str | None  # the person whose words are asked for ("What did X say ...")
    scope: Scope | None
    follow_up: bool
    carried: str | None = None  # the earlier question a follow-up continues
    own_text: str = ""  # the question's own words less its scope (no carried-over topic)
    previous: int | None = None  # a follow-up: the position of the sentence the previous turn gave


def check_question(text: str, max_length: int, min_latin_share: float) -> str:
    """Clean a question of control characters, or raise InputError with a clear reason."""
    if text is None or not text.strip():
        raise InputError("Ask a question about the coverage, for instance: How long did the meeting last?")
    if len(text) > max_length:
        raise InputError(
            f"That question is {len(text):,} characters long; please keep it under {max_length:,}."
        )
    cleaned = _CONTROL.sub(" ", unicodedata.normalize("NFC", text)).strip()
    letters = _LETTERS.findall(cleaned)
    if not letters:
        raise InputError("That question has no words in it; ask in plain English.")
    latin = sum(1 for ch in letters if ord(ch) < _LATIN_END)
    if latin / len(letters) < min_latin_share:
        raise InputError("I can only answer questions in English about English-language coverage.")
    return cleaned


# Nouns that ask for a kind of answer: "what was the venue" asks where, "what was the toll" how many.
_CUE_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("where", compiled(r"^(what|which) (was|is|were) the (venue|place|location|city|site)\b")),
    ("when", compiled(r"^(what|which) (was|is) the (date|day|time)\b")),
    ("how_many", compiled(r"^(what|which) (was|is) the (toll|number|figure|count|total)\b")),
    ("how_long", compiled(r"^(what|which) (was|is) the (duration|length)\b")),
    ("why", compiled(r"^(what|which) (was|is) the (reason|cause|motive)\b")),
)


# "Which hotel", "in which room": a place inside a town is asked, which the town's or country's name does not
# answer (evidence.has_place); the names of such places end in one of these words ("the Gothic Hall")
BUILDING_NOUNS = r"hotel|building|room|hall|palace|resort|mansion|residence|castle|villa|embassy"
_ASKS_BUILDING = compiled(rf"\b(?:which|what) (?:\w+ ){{0,2}}?(?:{BUILDING_NOUNS})\b")


def asks_building(text: str) -> bool:
    """True when the question asks which building or room ("Which hotel did ...?", "in which room ...")."""
    return bool(_ASKS_BUILDING.search(normalize(text).lower()))


# "Which city", "on what day", "which senator": the noun after which/what names the answer's kind.
_WHICH_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "where",
        compiled(
            rf"^(?:in |at )?(?:which|what) (?:\w+ ){{0,2}}?(city|country|capital|town|venue|place|location|"
            rf"site|{BUILDING_NOUNS})\b"
        ),
    ),
    ("when", compiled(r"^(?:on |in |at |by )?(?:which|what) (day|date|year|month|week|time)\b")),
    # "what death toll", "which numbered session": a count or an ordinal is asked
    ("how_many", compiled(r"^(?:which|what) (?:\w+ )?(toll|number|numbered|figure|figures|count|tally)\b")),
    (
        "who",
        compiled(
            r"^(?:which|what) (?:\w+ )?(leader|official|minister|president|senator|member|members|diplomat|"
            r"diplomats|person|politician|spokesman|spokeswoman|lawmaker|aide|envoy)\b"
        ),
    ),
)


def answer_noun(text: str) -> str:
    """The noun naming the kind of answer a question wants ("day" in "which day was that?", "venue" in
    "what was the venue?"), or "" when no noun does."""
    lower = _FOLLOW_UP_START.sub("", normalize(text).lower()).strip(" ,")
    for _, pattern in (*_CUE_NOUNS, *_WHICH_NOUNS):
        match = pattern.search(lower)
        if match:
            return match.group(match.lastindex or 0)
    return ""


# "Which Russian general will ...", "what present did ...", "which aides or interpreters sat in ...": the noun
# phrase after which/what ends at an auxiliary, a preposition or conjunction, or a verb in the past (a
# regular "-ed" or one of the common irregular ones), and its last word names the class asked of
_AUXILIARY = r"did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|might|must"
_IRREGULAR_PAST = (
    r"said|told|thought|took|gave|made|met|sat|put|ran|led|went|got|saw|came|left|held|kept|brought|sent|"
    r"wrote|spoke|won|chose|became|broke|stood|knew|paid|set|flew|drove|threw|caught|fought|sought|bought"
)
_PHRASE_END = rf"{_AUXILIARY}|of|in|on|at|for|from|to|by|with|about|that|who|whom|or|and"
# ("which of the two leaders ...?" picks among those the question names: no class is asked of)
_ASKED_CLASS = compiled(
    rf"\b(?:which|what)\s+(?!(?:{_PHRASE_END})\b)(?:[a-z'-]+\s+){{0,4}}?(?P<noun>[a-z'-]+)\s+"
    rf"(?:{_PHRASE_END}|{_IRREGULAR_PAST}|[a-z]+ed)\b"
)


def asked_class(text: str) -> str:
    """The noun naming the class a "which/what NOUN ..." question asks a member of, lower-cased as written
    ("general" in "Which Russian general will lead ...?", "aides" in "Which aides sat in ...?"), or ""."""
    match = _ASKED_CLASS.search(normalize(text).lower())
    return match.group("noun") if match else ""


# "When he spoke to reporters, what did he say ...?": a "when" that no auxiliary follows opens a clause
# saying which occasion is meant, and the question is asked by the wh-word after it
_OCCASION_WHEN = compiled(
    r"^when\s+(?!(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could|should)\b)[^?]*?"
    r"[\s,](?P<asked>(?:what|which|who|whom|whose|where|why|how)\b.*)$"
)
# "Where is IS getting its fighters from?": a source is asked (people, a group, a report), not a place
_SOURCE_ASKED = compiled(r"^where\b[^,?]*\bfrom\b\W*(?:,|$)")


# a question opening with its wh-word is asked by it, whatever a later clause opens with
_WH_OPENING = compiled(r"^(?:what|which|who|whom|whose|when|where|why|how)\b")


def question_kind(text: str) -> str:
    """The kind of answer a question wants (its wh-word, or a noun such as 'venue', 'city' or 'toll'),
    read from its start or, failing that and unless it opens with a wh-word ("How, in his view, does
    ...?" is no yes/no), from the start of a later clause ("In 2016, how long ..."); an opening "when"
    clause that only names the occasion is passed over, and "where ... from" asks a source ("what"), not
    a place."""
    lower = normalize(text).lower()
    lower = _FOLLOW_UP_START.sub("", lower).strip(" ,")
    lower = _asked_after_when(lower)
    clauses = [lower, *(part.strip(" ,") for part in lower.split(",")[1:])]
    if _WH_OPENING.match(lower):  # "How, in Obama's view, does ...?": asked by its own wh-word
        clauses = clauses[:1]
    for clause in clauses:
        for kind, pattern in (*_CUE_NOUNS, *_WHICH_NOUNS, *_TYPES):
            if pattern.search(clause):
                return _refined(kind, clause)
    return "what"


def _refined(kind: str, clause: str) -> str:
    """`kind` as the rest of the clause reads it: "where ... from" asks a source ("what"); "which
    official said ..." asks the speaker ("who_said"), as "who said ..." does."""
    if kind == "where" and _SOURCE_ASKED.search(clause):
        return "what"
    if kind == "who" and _WHO_SAID.search(clause) and not _PASSIVE_SPEECH.search(clause):
        return "who_said"
    return kind


def _asked_after_when(lower: str) -> str:
    """The question less an opening "when" clause that only names the occasion (`_OCCASION_WHEN`)."""
    match = _OCCASION_WHEN.match(lower)
    return match.group("asked") if match else lower


def analyse_question(
    text: str,
    tokenizer: Tokenizer,
    scopes: ScopeTable,
    people: frozenset[str],
    conversation: Conversation | None,
    *,
    follow_up_max_words: int,
) -> Question:
    """Type, people, scope and follow-up of a question; a follow-up takes over the previous topic."""
    scope, search_text = scopes.find(text)
    persons = tuple(dict.fromkeys(t for t in tokenizer.entities(text) if t in people))
    kind = question_kind(text)
    speaker = None if kind in ("who_said", "who") else speaker_asked(text, tokenizer, people, persons)
    fresh = conversation is None or conversation.question is None
    if not tokenizer.content_words(search_text) and not persons and fresh:
        raise InputError("That question has only common words in it; name who or what you are asking about.")
    follow_up = (
        conversation is not None
        and conversation.question is not None
        and is_follow_up(text, tokenizer, follow_up_max_words, persons)
    )
    if not follow_up or conversation is None or conversation.question is None:
        return Question(
            text, search_text, kind, persons, speaker, scope, follow_up=False, own_text=search_text
        )
    previous = conversation.question
    asked_words = asks_words(previous)
    if not persons and conversation.person:
        persons = (conversation.person,)
        if asks_words(text):
            speaker = conversation.person
    elif persons and speaker is None and asked_words:  # "What did Lavrov say ...?" "And Putin?"
        speaker = persons[0]
    if scope is None and conversation.docs is not None:
        scope = Scope(conversation.docs, "the same coverage as before")
    _, previous_search = scopes.find(previous)
    if persons and conversation.person and persons[0] != conversation.person:
        previous_search = _drop_person(previous_search, conversation.person, tokenizer)
    combined = f"{search_text} {search_text} {previous_search}"
    if kind == "what" and not _asks_itself(text):
        kind = question_kind(previous)  # "What about Sky News?" asks what the question before asked
    return Question(
        text, combined, kind, persons, speaker, scope, follow_up=True, carried=previous, own_text=search_text
    )


def _asks_itself(text: str) -> bool:
    """The follow-up asks with a wh-word or an auxiliary of its own: at its start ("What did he say?"), or,
    when it opens with no wh-word, at the start of a later clause ("Until that deal is done, what does
    Washington keep?"): "What about Sky News?" asks nothing itself."""
    lower = _FOLLOW_UP_START.sub("", normalize(text).lower()).strip(" ,")
    if _OWN_ASK.match(lower):
        return True
    return not _WH_OPENING.match(lower) and any(
        _WH_OPENING.match(part.strip(" ,")) for part in lower.split(",")[1:]
    )


def is_follow_up(text: str, tokenizer: Tokenizer, max_words: int, persons: Sequence[str] = ()) -> bool:
    """A question that leans on the one before: 'And Obama?', 'Why?', 'why so short', 'Did he say
    anything about trust?', 'Did Obama buy that argument?', or one about "he" that names nobody."""
    lower = normalize(text).lower()
    if _FOLLOW_UP_START.match(lower):
        return True
    words = tokenizer.content_words(text)
    names = tokenizer.entities(text)
    if len(words) <= 1 and not names:  # "why?", "why so short": next to nothing of its own to ask about
        return True
    if len(words) <= max_words and _PRONOUN.search(lower):
        return True
    return bool(_POINTING.search(lower)) or (not persons and bool(_PERSONAL.search(lower)))


def _drop_person(text: str, person: str, tokenizer: Tokenizer) -> str:
    """The previous question without the person a follow-up replaces ('And Obama?' after one on Putin)."""
    normal = normalize(text)
    for start, end, token in reversed(tokenizer.entity_spans(normal)):
        if token == person:
            normal = normal[:start] + normal[end:]
    return normal
