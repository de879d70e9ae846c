"""Whether a candidate sentence can answer at all, by the kinds of question the coverage leaves open:
the party whose words or reaction a question asks for must be the one speaking ("How did the Syrian
government react?" is not answered by Obama's words about Syria), and a "when" needs more than a vague
time ("in the next few days" for "on what date").

A role phrase stands for the configured person one of whose aliases it matches ("the French leader", "the
French president"), its other words compared by the sentence model's word table when the corpus has the
model ("Britain's prime minister", "the British prime minister").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.answering.asked_words import asked_party
from bot.answering.cache import PerIndex
from bot.answering.evidence import name_token
from bot.answering.places import place_adjectives, spokespeople
from bot.answering.question import Question
from bot.answering.sentence_facts import facts_of
from bot.search import CorpusIndex, SearchHit
from bot.semantic.words import word_vectors
from bot.text import normalize
from bot.tokenizer import STOPWORDS

__all__ = ["ANSWERABILITY_FEATURES", "answerability_rows", "role_qualifiers"]

ANSWERABILITY_FEATURES: tuple[str, ...] = (
    "party_unmet",  # the question asks a party's words or reaction ("How did the X government react"):
    # someone else speaks in the sentence, or nobody does and it does not name the whole party (or the
    # party is a configured person whose words are asked: "What did X say")
    "date_vague",  # a "when" question: the sentence dates nothing but vaguely ("in the next few days")
)

_WORD = re.compile(r"[a-z]+")
_PRONOUNS = frozenset("he she they it we you i someone anyone".split())
_PARTY_WORDS = 6  # a longer "party" is a clause the pattern caught, not a name or a role
# what a party's words may be written in rather than said by ("the story", "the caption")
_DOCUMENT_NOUNS = frozenset(
    "story report article copy caption piece headline account version coverage".split()
)
# the nouns a role phrase ends in ("the French leader"), as the press writes them
_ROLE_NOUNS = frozenset(
    "president leader minister premier chancellor secretary diplomat spokesman spokeswoman chief head".split()
)
# the verbs that ask for a party's own words or its reaction ("How did X react", "What did X make of"),
# which only a sentence it speaks in can give: one that names X beside someone else's act does not
_WORDS_ASKED = frozenset(
    ["say", "tell", "reply", "answer", "comment", "react", "respond", "think", "view", "make of"]
)


def answerability_rows(index: CorpusIndex, question: Question, hits: Sequence[SearchHit]) -> np.ndarray:
    """One row of ANSWERABILITY_FEATURES per hit, in the hits' order."""
    rows = np.zeros((len(hits), len(ANSWERABILITY_FEATURES)))
    if not hits:
        return rows
    rows[:, 0] = _party_unmet(index, question, hits)
    if question.kind == "when":
        rows[:, 1] = [_vague(index, h.position) for h in hits]
    return rows


def _vague(index: CorpusIndex, position: int) -> bool:
    """The sentence's dates are all relative ("soon", "next week"): no day, month, year or weekday."""
    dates = [f for f in index.facts.of(position).figures if f.dimension == "date"]
    return bool(dates) and all(f.unit == "relative" for f in dates)


def _party_unmet(index: CorpusIndex, question: Question, hits: Sequence[SearchHit]) -> np.ndarray:
    """1 where the question asks a party's words or reaction and the party does not speak in the sentence:
    someone else does, or nobody does and the sentence does not name the whole party; 0 elsewhere."""
    out = np.zeros(len(hits))
    who, verb = _party(question, index)
    if not who:
        return out
    party, named = _party_terms(index, who)
    if not party:
        return out
    adjectives = place_adjectives(index)
    # a configured person's words are seen where that person speaks: naming them is not enough
    words_asked = bool(named) and verb in _WORDS_ASKED
    for i, hit in enumerate(hits):
        speakers = facts_of(index, hit.position).speakers
        if speakers & named:
            continue
        out[i] = float(
            words_asked or bool(speakers) or not _written(party, index.terms(hit.position), adjectives)
        )
    return out


def _written(party: frozenset[str], terms: frozenset[str], adjectives: dict[str, frozenset[str]]) -> bool:
    """Every word of `party` is in `terms`, a place's adjective as the place's name too ("the American
    official" in "a US official")."""
    return party <= terms or all(
        w in terms or not adjectives.get(w, frozenset()).isdisjoint(terms) for w in party
    )


# a party phrase -> its names and words and the configured people it names, kept between questions (a
# burst asks about the same few parties; the config and the corpus's word table do not change)
_PARTIES: PerIndex[dict[str, tuple[frozenset[str], frozenset[str]]]] = PerIndex(lambda index: {})
_PARTIES_KEPT = 4096


def _party_terms(index: CorpusIndex, who: str) -> tuple[frozenset[str], frozenset[str]]:
    """The party's names and words (no word pairs), and the configured people it names or stands for
    (none when it has no names or words)."""
    cache = _PARTIES.of(index)
    found = cache.get(who)
    if found is None:
        if len(cache) >= _PARTIES_KEPT:
            cache.clear()
        tokenizer = index.tokenizer
        single = {*tokenizer.content_words(who), *tokenizer.entities(who)}
        single.update(group for w in list(single) if (group := tokenizer.synonym(w)))
        party = frozenset(tokenizer.names_and_words(who)) & single
        named = frozenset(tokenizer.entities(who)) | _resolved(index, who) if party else frozenset[str]()
        adjectives = place_adjectives(index)
        if party and all(w in adjectives or w.startswith("@") for w in party):  # a country: "the Russians"
            named = named.union(*(adjectives.get(w, ()) for w in party))
        speaking = spokespeople(index)
        named |= frozenset[str]().union(*(speaking.get(t, frozenset()) for t in named))
        found = cache[who] = (party, named)
    return found


def _party(question: Question, index: CorpusIndex) -> tuple[str, str]:
    """The party whose words or reaction a question asks for ("the Syrian government") and the verb
    asking it ("react"), or ("", ""). It is read from the question less its scope (an outlet is not a
    party: "What did Reuters say"), or, when the scope took the party's name or part of it out (an event
    named by its leaders: "How did Trump respond" in coverage whose event is the Trump-Putin summit; its
    country: "What did Finland's president say" in coverage of a summit held there), from the question
    as asked when what it finds there ends as the rest does and names a person the question names."""
    if question.kind in ("who", "who_said"):
        return "", ""
    who, verb = asked_party(question.own_text or question.text)
    if question.persons:
        named, named_verb = asked_party(question.text)
        persons = set(question.persons)
        if named.endswith(who.strip()) and not persons.isdisjoint(index.tokenizer.entities(named)):
            who, verb = named, named_verb
    words = who.split()
    if not words or words[0] in _PRONOUNS or len(words) > _PARTY_WORDS or words[-1] in _DOCUMENT_NOUNS:
        return "", ""
    return who, verb


def _resolved(index: CorpusIndex, who: str) -> frozenset[str]:
    """The configured people a role phrase may stand for ("the French leader" for the person whose alias
    is "the French president"): the phrase ends in a role noun and each of its other words is a word,
    or a neighbouring word, of one of the person's aliases."""
    words = [w for w in _WORD.findall(normalize(who).lower()) if w not in STOPWORDS]
    if not words or words[-1] not in _ROLE_NOUNS:
        return frozenset()
    qualifiers = [w for w in words if w not in _ROLE_NOUNS]
    if not qualifiers:
        return frozenset()
    table = word_vectors(index.config.semantic) if index.vectors is not None else None
    floor = index.config.answerability.near_floor
    found = set()
    for entity in index.config.entities:
        if entity.kind != "person":
            continue
        for alias in entity.aliases:
            alias_words = _WORD.findall(normalize(alias).lower())
            if all(_word_near(q, alias_words, table, floor) for q in qualifiers):
                found.add(name_token(entity.name))
                break
    return frozenset(found)


# "the American leader", "Britain's prime minister": a role noun after one or two capitalised words
_ROLE_PHRASE = re.compile(
    r"\b((?:[A-Z][\w'’-]*\s+){1,2})(?:[a-z]+\s+)?(?:" + "|".join(sorted(_ROLE_NOUNS)) + r")\b"
)
_POSSESSIVE = re.compile(r"['’]s\b")


def _role_aliases(index: CorpusIndex) -> tuple[tuple[str, frozenset[str]], ...]:
    """(a configured person's token, the words of one of their aliases) for each alias ending in a role
    noun ("the American president"), read once per index: the config does not change."""
    found = []
    for entity in (e for e in index.config.entities if e.kind == "person"):
        for alias in entity.aliases:
            words = _WORD.findall(_POSSESSIVE.sub("", normalize(alias).lower()))
            if words and words[-1] in _ROLE_NOUNS:
                found.append((name_token(entity.name), frozenset(words)))
    return tuple(found)


_ROLE_ALIASES: PerIndex[tuple[tuple[str, frozenset[str]], ...]] = PerIndex(_role_aliases)


def role_qualifiers(index: CorpusIndex, text: str) -> dict[str, frozenset[str]]:
    """Each capitalised word qualifying a role noun in `text` ("American" in "the American leader"), as
    the tokenizer's content words give it, with the configured people one of whose aliases writes that
    word and ends in a role noun ("the American president"): whom the phrase names without a configured
    name. Only the alias's own words count (no near word: "American" is no alias word of the Russian
    president's)."""
    found: dict[str, frozenset[str]] = {}
    for match in _ROLE_PHRASE.finditer(text):
        words = _words(match.group(1))
        people = _qualified(index, words) if words else frozenset[str]()
        if not people:
            continue
        for token in (t for w in words for t in index.tokenizer.content_words(w)):
            found[token] = found.get(token, frozenset()) | people
    return found


def _words(text: str) -> frozenset[str]:
    """The lower-cased words of `text` less stop words and possessive endings."""
    plain = _POSSESSIVE.sub("", normalize(text).lower())
    return frozenset(w for w in _WORD.findall(plain) if w not in STOPWORDS)


def _qualified(index: CorpusIndex, qualifiers: frozenset[str]) -> frozenset[str]:
    """The configured people one of whose aliases ends in a role noun and writes every word of
    `qualifiers` (a handful of aliases, tested each time: nothing a question writes is kept)."""
    return frozenset(person for person, words in _ROLE_ALIASES.of(index) if qualifiers <= words)


def _word_near(
    word: str, others: Sequence[str], table: tuple[np.ndarray, dict[str, int]] | None, floor: float
) -> bool:
    """`word` is one of `others`, or (with the word table) near one of them."""
    if word in others:
        return True
    if table is None:
        return False
    vectors, ids = table
    if word not in ids:
        return False
    pieces = [ids[w] for w in others if w in ids]
    if not pieces:
        return False
    rows = vectors[[ids[word], *pieces]]
    rows = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return bool((rows[1:] @ rows[0]).max() >= floor)
