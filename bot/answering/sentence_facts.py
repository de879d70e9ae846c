"""What the answerer's features read of one candidate sentence's facts (bot.facts, through
answering.evidence): its speakers, people, counts and length at once, and what its paragraph gives or
whether it carries the type a question asks for only when a question needs it; kept per sentence."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import field

from bot.answering import evidence
from bot.answering.cache import FACTS_LIMIT, PerIndex
from bot.answering.question import Question, asked_class
from bot.answering.ranker import people_of
from bot.facts.figures import Figure, measure_stem
from bot.frozen import dataclass
from bot.regex_cache import compiled
from bot.search import CorpusIndex

__all__ = [
    "CandidateFacts",
    "asked_meeting",
    "asked_occasions",
    "asks_someone_else",
    "counted_alike",
    "facts_of",
    "facts_of_all",
    "has_type",
    "has_type_kept",
    "meeting_of",
    "reason_stated",
    "someone_else_typed",
]

_TYPE_TESTS = {
    "how_many": evidence.has_number,
    "when": evidence.has_date,
    "where": evidence.has_place,
    "why": evidence.has_cause,
}
# quoted words, and a third person in them ("I think he ...": someone other than the one quoted)
_QUOTED = compiled(r"[“\"]([^”\"]+)[”\"]")
_THIRD_PERSON = compiled(r"\b(?:he|him|his)\b", re.IGNORECASE)
# "two hours alone ..., before their delegations joined them for lunch": what a word after the length
# places before or after it happens at another time than the length measures
_PLACED = compiled(r"\b(?:before|after|ahead\s+of|until|followed\s+by)\b", re.IGNORECASE)
_WORD = compiled(r"[^\W\d_]+")
# a clause a question's "before" or "after" opens (its next few words): it places the time asked ("alone
# before lunch", "after the talks, how long was the press conference")
_PLACING_CLAUSE = compiled(r"\b(?:before|after|ahead\s+of|until)\b(?:\s+[^\s,;?.]+){0,6}", re.IGNORECASE)


@dataclass
class CandidateFacts:
    """What the decision reads of one sentence's facts (bot.facts), cached per sentence. What its
    paragraph gives is read only when a question needs it (decoding the other sentences' facts is most
    of the cost of a sentence not seen before)."""

    position: int
    speakers: frozenset[str]  # entity tokens of the configured people speaking in it
    people: frozenset[str]  # ... named in it
    lead: str | None  # the first of them it names (its facts' names in their order), None for nobody
    counted: frozenset[str]  # what its counts measure (stems, synonym groups), "" for unknown
    words: int
    # what its row reads of its place, kept with its facts so a candidate seen before costs one look-up
    group: int  # its same-statement group (bot.facts); one of its own (-2 - position) when it has none
    length: float  # log(1 + its word count)
    joined: bool  # the sentence before it is in the same paragraph
    titled: bool  # its article has a headline
    event_unknown: bool  # its article is about no configured event
    role: str
    _paragraph_people: frozenset[str] | None = None
    _quotes_other: bool | None = None  # its quoted words say "he" (refers_to_quoted)
    _context: frozenset[str] | None = None
    # has_type's answers, by (kind, the span a "how long" asks, the occasions the question names)
    _typed: dict[tuple[str, str, frozenset[str]], bool | None] = field(default_factory=dict)

    def paragraph_people(self, index: CorpusIndex) -> frozenset[str]:
        """The configured people named anywhere in its paragraph."""
        if self._paragraph_people is None:
            paragraph = _paragraph(index, self.position)
            self._paragraph_people = _paragraph_people(index, paragraph, people_of(index))
        return self._paragraph_people

    def quotes_someone_else(self, index: CorpusIndex) -> bool:
        """Its quoted words say "he", "him" or "his": someone other than the one speaking them."""
        if self._quotes_other is None:
            text = index.locate(self.position)[1].text
            self._quotes_other = any(_THIRD_PERSON.search(m.group(1)) for m in _QUOTED.finditer(text))
        return self._quotes_other

    def context(self, index: CorpusIndex) -> frozenset[str]:
        """The names and words of its paragraph and its article's headline."""
        if self._context is None:
            self._context = _context_terms(index, self.position, _paragraph(index, self.position))
        return self._context


_FACTS: PerIndex[dict[int, CandidateFacts]] = PerIndex(lambda index: {})  # by sentence position


def facts_of(index: CorpusIndex, position: int) -> CandidateFacts:
    """The facts of the sentence at `position` that the decision weighs."""
    cache = _FACTS.of(index)
    found = cache.get(position)
    if found is None:
        found = _read(index, position, cache)
    return found


def facts_of_all(index: CorpusIndex, positions: Iterable[int]) -> list[CandidateFacts]:
    """facts_of for each of `positions`, in their order (the cache found once for them all)."""
    cache = _FACTS.of(index)
    return [cache.get(p) or _read(index, p, cache) for p in positions]


def _read(index: CorpusIndex, position: int, cache: dict[int, CandidateFacts]) -> CandidateFacts:
    if len(cache) >= FACTS_LIMIT:  # bounded for a long-running bot, as index.terms is
        cache.clear()
    persons = people_of(index)
    article, sentence = index.locate(position)
    kept = index.facts.of(position)
    counted = {f.measures for f in kept.figures if f.dimension in evidence.COUNTING}
    counted.update(t for m in list(counted) if (t := index.tokenizer.synonym(m)))
    words = len(sentence.text.split())
    previous = index.neighbour(position, -1)
    found = cache[position] = CandidateFacts(
        position,
        evidence.speakers(index, position, persons),
        _people(index, position, persons),
        _lead(index, position, persons),
        frozenset(counted),
        words,
        kept.group if kept.group >= 0 else -2 - position,
        math.log1p(words),
        previous is not None and previous.paragraph == sentence.paragraph,
        bool(article.title),
        article.event is None,
        sentence.role,
    )
    return found


def _paragraph(index: CorpusIndex, position: int) -> list[int]:
    """The positions of the other sentences in the paragraph of the sentence at `position`."""
    _, sentence = index.locate(position)
    found = []
    for step in (-1, 1):
        offset = step
        while (other := index.neighbour(position, offset)) is not None:
            if other.paragraph != sentence.paragraph:
                break
            found.append(position + offset)
            offset += step
    return found


def _context_terms(index: CorpusIndex, position: int, paragraph: Sequence[int]) -> frozenset[str]:
    return index.title_terms(position).union(*(index.terms(other) for other in paragraph))


def _people(index: CorpusIndex, position: int, persons: frozenset[str]) -> frozenset[str]:
    return persons.intersection(map(evidence.name_token, index.facts.of(position).entities))


def _lead(index: CorpusIndex, position: int, persons: frozenset[str]) -> str | None:
    """The first configured person the sentence at `position` names, in its facts' order."""
    return next(
        (t for n in index.facts.of(position).entities if (t := evidence.name_token(n)) in persons), None
    )


def _paragraph_people(
    index: CorpusIndex, paragraph: Sequence[int], persons: frozenset[str]
) -> frozenset[str]:
    return frozenset[str]().union(*(_people(index, other, persons) for other in paragraph))


def has_type(
    kind: str,
    position: int,
    facts: CandidateFacts,
    index: CorpusIndex,
    *,
    span: str = "",
    asked: str = "",
    occasions: frozenset[str] = frozenset(),
) -> bool | None:
    """Whether the sentence carries what the question's kind asks for; None when the kind asks nothing.
    "How long" asks for a length ("a 90-minute meeting") of what it asks about (`occasions`, from
    `asked_occasions`: a meeting's length is no answer to "how long was the lunch"; a length of what the
    figures reader could not name may be), or with `span` INTERVAL for the time since something last
    happened ("their first meeting in two years"), OFFSET for the time between two things ("a day
    earlier", "hours after the speeches": "how long after ..."). `asked` is the question: a place it
    names already is no answer to "where", as a date that is only the day something was said is none to
    "when"."""
    if kind == "how_long":
        durations = [f for f in index.facts.of(position).figures if f.dimension == "duration"]
        if span:
            return any(f.measures == span for f in durations)
        text = index.locate(position)[1].text if occasions and durations else ""
        return any(
            f.is_length and _length_of(f.measures, occasions) and not _placed_apart(index, f, text, occasions)
            for f in durations
        )
    test = _TYPE_TESTS.get(kind)
    if test is not None:
        return test(index, position, asked)
    if kind in ("who", "who_said"):
        text = index.locate(position)[1].text
        return bool(facts.speakers) or evidence.has_person(text, index.tokenizer, people_of(index))
    return None


def _length_of(measures: str, occasions: frozenset[str]) -> bool:
    """A length of what `measures` names answers for `occasions` (the stems of the occasions a question
    names): it names nothing the reader knows, the question names no occasion, or one of them."""
    return not measures or not occasions or measures in occasions


def _placed_apart(index: CorpusIndex, figure: Figure, text: str, occasions: frozenset[str]) -> bool:
    """A length that names nothing it measures, in a sentence that names no asked occasion but another
    ("the rest of the press conference, about 45 minutes of it" for "how long was the lunch"), or names
    one only after a "before" or "after" following the length ("spent two hours alone, before they were
    joined for lunch"): the length is of another time than the asked occasion's."""
    if figure.measures or not occasions:
        return False
    known = _OCCASIONS.of(index)
    placed = _PLACED.search(text, figure.end)
    cut = placed.start() if placed else len(text)
    stems = {measure_stem(word) for word in _WORD.findall(text[:cut])}
    if not stems.isdisjoint(occasions):
        return False
    later = {measure_stem(word) for word in _WORD.findall(text[cut:])}
    return not later.isdisjoint(occasions) or any(stem in known for stem in stems | later)


def has_type_kept(
    kind: str,
    facts: CandidateFacts,
    index: CorpusIndex,
    span: str,
    asked: str,
    *,
    occasions: frozenset[str] = frozenset(),
) -> bool | None:
    """has_type, kept with the sentence's facts for the kinds whose answer does not depend on the
    question's words ("where" does: a place the question names is no answer; so does a "when" naming the
    unit of time it asks for, and a "which numbered" that an ordinal answers)."""
    if (
        kind == "where"
        or (kind == "when" and evidence.asked_time(asked))
        or (kind == "how_many" and evidence.asks_ordinal(asked))
    ):
        return has_type(kind, facts.position, facts, index, span=span, asked=asked)
    key = (kind, span, occasions)
    if key not in facts._typed:
        facts._typed[key] = has_type(
            kind, facts.position, facts, index, span=span, asked=asked, occasions=occasions
        )
    return facts._typed[key]


def _occasion_table(index: CorpusIndex) -> dict[str, frozenset[str]]:
    """config answer.occasions and facts.measured_alike (the meeting's words), by each word's stem."""
    table: dict[str, frozenset[str]] = {}
    for row in (*index.config.answer.occasions, *index.config.facts.measured_alike):
        stems = frozenset(measure_stem(word) for word in row)
        for stem in stems:
            table[stem] = table.get(stem, frozenset()) | stems
    return table


# each occasion word's stem -> the stems of every word one length of it is the length of
_OCCASIONS: PerIndex[dict[str, frozenset[str]]] = PerIndex(_occasion_table)


def asked_occasions(index: CorpusIndex, question: str) -> frozenset[str]:
    """The stems a length the question asks for may measure: those of the first occasion it names ("the
    lunch": lunch, luncheon, dinner ...; a later one places it: "how long was he kept waiting before the
    talks" asks the wait's length; one a "before" or "after" clause names only places it), none when it
    names none."""
    table = _OCCASIONS.of(index)
    asked = _PLACING_CLAUSE.sub(" ", question)
    return next((table[stem] for stem in index.tokenizer.content_words(asked) if stem in table), frozenset())


def _counted_table(index: CorpusIndex) -> dict[str, frozenset[str]]:
    """config answer.counted_alike, by each word's stem (the figures reader's and the tokenizer's)."""
    table: dict[str, frozenset[str]] = {}
    for row in index.config.answer.counted_alike:
        stems = frozenset(
            s for word in row for s in (measure_stem(word), *index.tokenizer.content_words(word))
        )
        for stem in stems:
            table[stem] = table.get(stem, frozenset()) | stems
    return table


# each counted word's stem -> the stems of every word a count of it is a count of
_COUNTED: PerIndex[dict[str, frozenset[str]]] = PerIndex(_counted_table)


def counted_alike(index: CorpusIndex, terms: frozenset[str]) -> frozenset[str]:
    """`terms` (the stems of what a "how many X" counts) with the words a count of one of them is a count
    of too (config answer.counted_alike: "lives" for "people")."""
    table = _COUNTED.of(index)
    return terms.union(*(table[t] for t in terms if t in table))


# the stems of config answer.person_nouns ("general", "aides": the nouns naming a person by role)
_PERSON_NOUNS: PerIndex[frozenset[str]] = PerIndex(
    lambda index: frozenset(
        t for word in index.config.answer.person_nouns for t in index.tokenizer.content_words(word)
    )
)


def asks_someone_else(
    index: CorpusIndex, question: Question, found: Sequence[CandidateFacts]
) -> frozenset[str] | None:
    """For a "which NOUN" question whose noun names a person by role ("Which Russian general will lead
    it?", "which aides sat in?"), the entity tokens of the people and parties a sentence names in vain:
    those the question names itself (or carries over), and the setting its candidates (`found`'s facts)
    repeat, the configured people named or speaking in at least config answer.setting_share of them (the
    summit's leaders). A sentence answers it only by naming some other configured person, as speaker or
    not. A "which leader/official" question (a "who") is answered by any person but those it names: one
    of the leaders may be the one asked ("Which leader sat next to Ban?"), so the setting is not read.
    None for any other question."""
    if question.kind not in ("what", "who"):
        return None
    noun = asked_class(question.text)
    if not noun or _PERSON_NOUNS.of(index).isdisjoint(index.tokenizer.content_words(noun)):
        return None
    named = frozenset(index.tokenizer.entities(question.text)).union(question.persons)
    if question.kind == "who":
        return named
    return named | _setting(index, found)


def _setting(index: CorpusIndex, found: Sequence[CandidateFacts]) -> frozenset[str]:
    """The configured people named or speaking in at least config answer.setting_share of a question's
    candidates (`found`'s facts): the setting they all repeat (the summit's leaders)."""
    counts = Counter(person for facts in found for person in facts.people | facts.speakers)
    least = index.config.answer.setting_share * len(found)
    return frozenset(person for person, count in counts.items() if count >= least)


def someone_else_typed(
    facts: CandidateFacts, named: frozenset[str] | None, typed: bool | None
) -> bool | None:
    """`typed` (the type test's reading of a sentence) for a question `asks_someone_else` read as asking
    for someone but those in `named`: False when nobody else is named or speaks in it. A "who" whose
    sentence names no configured person keeps `typed` (a name the config lacks may be the one asked)."""
    if named is None:
        return typed
    seen = facts.people | facts.speakers
    return False if seen <= named and (seen or typed is None) else typed


def reason_stated(
    kind: str, facts: CandidateFacts, persons: Sequence[str], typed: bool | None
) -> bool | None:
    """`typed` for a "why" asked of a person ("why does Putin think ...?", "why did he say ...?", the
    person first named or carried, `persons[0]`): a sentence in which that person speaks may give their
    own reason with no connective marking it as one, so it is not read as lacking the type (None: neither
    missing nor present; a connective still reads as present)."""
    if kind != "why" or typed is not False or not persons:
        return typed
    return None if persons[0] in facts.speakers else typed


def _meeting_stems(index: CorpusIndex) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of config answer.meeting_words (a question asking about a meeting) and of those,
    answer.meeting_names and facts.measured_alike (a sentence naming one)."""
    answer = index.config.answer
    asking = frozenset(measure_stem(w) for word in answer.meeting_words for w in _WORD.findall(word))
    rows = (*index.config.facts.measured_alike, answer.meeting_names)
    naming = frozenset(measure_stem(w) for row in rows for word in row for w in _WORD.findall(word))
    return asking, naming | asking


_MEETING: PerIndex[tuple[frozenset[str], frozenset[str]]] = PerIndex(_meeting_stems)


def asked_meeting(index: CorpusIndex, question: Question, found: Sequence[CandidateFacts]) -> frozenset[str]:
    """For a question about a meeting (config answer.meeting_words) that names someone beyond the setting
    its candidates (`found`'s facts) repeat (config answer.setting_share: the summit's leaders), those
    people: the meeting asked is theirs ("Cameron's own meeting with Putin", "did Hollande get a meeting
    with Putin?"). Empty for any other question."""
    asking = _MEETING.of(index)[0]
    # "after the China meeting, what ...": a meeting that places the time asked, unless it names someone
    # ("after his own meeting with Putin")
    asked = _PLACING_CLAUSE.sub(
        lambda m: m[0] if _names_someone(index, m[0], question) else " ", question.text
    )
    if not question.persons or asking.isdisjoint(measure_stem(w) for w in _WORD.findall(asked)):
        return frozenset()
    return frozenset(question.persons).difference(_setting(index, found))


def _names_someone(index: CorpusIndex, text: str, question: Question) -> bool:
    return not question.persons or not set(index.tokenizer.entities(text)).isdisjoint(question.persons)


def meeting_of(index: CorpusIndex, facts: CandidateFacts, participants: frozenset[str]) -> bool:
    """The sentence names (or quotes) every one of a meeting's `participants` and names a meeting."""
    if not participants <= facts.people | facts.speakers:
        return False
    naming = _MEETING.of(index)[1]
    return any(measure_stem(w) in naming for w in _WORD.findall(index.locate(facts.position)[1].text))
