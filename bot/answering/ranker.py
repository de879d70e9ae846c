"""What a question asks about, as weighted concepts, and the names in it the coverage never uses."""

from __future__ import annotations

import math
import re

from bot.answering.cache import PerIndex
from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled
from bot.search import CorpusIndex
from bot.text import normalize
from bot.tokenizer import STOPWORDS, person_tokens

__all__ = ["FRAMING", "Concept", "people_of", "query_concepts", "unknown_names"]

_PEOPLE: PerIndex[frozenset[str]] = PerIndex(lambda index: person_tokens(index.config.entities))

_WORD = compiled(r"[^\W_]+(?:['.-][^\W_]+)*")
# The words of the configured outlets' names: an outlet the question names is known even where no
# sentence writes its name (a wire credited only in the byline).
_OUTLET_WORDS: PerIndex[frozenset[str]] = PerIndex(
    lambda index: frozenset(
        w.lower() for o in index.config.outlets for name in (o.name, *o.aliases) for w in _WORD.findall(name)
    )
)
_SENTENCE_START = compiled(r"(?:^|[.?!]\s+)\W*")
# Words that ask for the answer's type rather than name its subject: "how long ... last?", "... take place?"
_TYPE_WORDS = compiled(
    r"\bhow (many|much|long|often|soon)\b|\b(last|take place|took place|happen|occur)\W*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about: a word, or a name with every form it may take."""

    terms: frozenset[str]
    weight: float
    related: frozenset[str] = frozenset()  # words that speak of a name without naming it: half a match
    name: bool = False  # a configured name or a capitalised word: something the answer's context must name


def unknown_names(index: CorpusIndex, text: str) -> list[str]:
    """Capitalised words of a question (past its first word) that the corpus never uses: a person,
    place or thing the coverage does not mention at all."""
    normal = normalize(text)
    for start, end, token in index.tokenizer.entity_spans(normal):
        if index.bm25.doc_freq(token) > 0:  # a known name under another alias (ISIS for Daesh)
            normal = normal[:start] + " " * (end - start) + normal[end:]
    starts = {m.end() for m in _SENTENCE_START.finditer(normalize(text))}
    unknown = []
    for match in _WORD.finditer(normal):
        written = match.group(0)
        if (
            match.start() in starts  # a sentence's first word is capitalised whatever it is
            or not written[:1].isupper()
            or written.lower() in STOPWORDS
            or written.lower() in _OUTLET_WORDS.of(index)
        ):
            continue
        stems = index.tokenizer.content_words(written)
        if stems and all(index.bm25.doc_freq(t) == 0 and not index.variants(t) for t in stems):
            unknown.append(written)
    return unknown


def query_concepts(index: CorpusIndex, text: str) -> list[Concept]:
    """The question's concepts, weighted by IDF; a name's own words belong to its entity concept."""
    tokenizer = index.tokenizer
    normal = _TYPE_WORDS.sub(" ", normalize(text))
    concepts: dict[frozenset[str], float] = {}
    related: dict[frozenset[str], frozenset[str]] = {}
    names: set[frozenset[str]] = set()
    blanked = list(normal)  # the question with its names blanked out, a character each
    for start, end, token in tokenizer.entity_spans(normal):
        words = tokenizer.content_words(normal[start:end])
        weight = max(_weight(index, t, name=True) for t in (token, *words))
        terms = frozenset([token, *words])
        concepts[terms] = weight
        related[terms] = tokenizer.related(token)
        names.add(terms)
        blanked[start:end] = " " * (end - start)
    rest = "".join(blanked)
    lead = rest.lstrip()  # a capitalised first word is no name
    for written in _WORD.findall(rest):
        capitalised = written[:1].isupper() and not lead.startswith(written)
        for word in tokenizer.content_words(written):
            group = tokenizer.synonym(word)
            key = frozenset([word, *index.variants(word), *([group] if group else [])])
            concepts[key] = concepts.get(key, 0.0) + _weight(index, word, name=capitalised)
            if capitalised:
                names.add(key)
    return [
        Concept(terms, weight, related.get(terms, frozenset()), terms in names)
        for terms, weight in concepts.items()
    ]


# Words that frame a question rather than name its subject ("How did X describe ...", "What did Y say").
FRAMING = frozenset(
    "say said tell told describ report mention explain think call know happen talk discuss respond react "
    "comment view featur look seem".split()
)
FRAMING_WEIGHT = 0.3


def _weight(index: CorpusIndex, term: str, *, name: bool = False) -> float:
    """IDF as BM25 sees it. A word the corpus never uses weighs as much as the rarest word (a name) or
    half that (another word): asking about what the coverage never mentions should not find an answer."""
    n = len(index)
    rarest = math.log((n + 0.5) / 0.5)
    if index.bm25.doc_freq(term) == 0:
        weight = rarest if name or term[:1].isdigit() else rarest / 2
    else:
        weight = max(index.bm25.idf(term), 0.05)
    return weight * FRAMING_WEIGHT if term in FRAMING else weight


def people_of(index: CorpusIndex) -> frozenset[str]:
    """The entity tokens of the people in config (built once per index)."""
    return _PEOPLE.of(index)
