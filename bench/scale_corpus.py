"""Synthetic cleaned Articles for the scale benchmark: news-like English sentences, generated with numpy.

A sentence is 10-34 words: English function words (about 40 %), the summit coverage's own words (meeting,
sanctions, told reporters ...), the names the answerer knows (Putin, Obama, Lavrov, Assad, Syria, the UN,
G20 ...) and a Zipfian filler of 100,000 pseudo-words (bench/corpus.py's vocabulary). Some sentences carry an
attribution ("..., Lavrov told reporters."), a number or a duration ("for 90 minutes", "more than 250,000
people"), a quotation, or a capitalised two-word name; 4 % are wire copy shared by several outlets, so the
answerer's corroboration search finds real near-duplicates. Articles have 50 sentences in paragraphs of 1-3,
exact character offsets into `Article.text`, one of ~300 outlets, a date in September 2015 or 2016 and the
config event it falls in. Everything is seeded: each benchmark process regenerates the same corpus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

from bench.corpus import VOCAB_SIZE, ZIPF_OFFSET, ZIPF_S, vocabulary
from bot.config import Config
from bot.models import Article, Sentence

__all__ = ["OUTLETS", "generate_articles", "generate_questions"]

SENTENCES_PER_ARTICLE = 50
CHUNK = 50_000
FUNCTION_WORDS = (
    "the the the the of of of and and to to in in a a on for that with at by from as is was has have had "
    "will would be been its their his who which this after before over about an it not but they he said"
).split()
DOMAIN_WORDS = (
    "meeting talks sanctions summit leaders officials ceasefire agreement conflict cooperation relations "
    "crisis president minister government forces military troops airstrikes strikes transition war "
    "rebels refugees coalition diplomats sidelines counterpart bilateral tensions security council "
    "resolution negotiations ties peace fighting terrorism terrorist militants opposition regime "
    "economy oil gas trade deal annexation ukraine crimea election hacking cyber nuclear missile "
    "luncheon dinner handshake speech assembly delegation spokesman kremlin white house hangzhou "
    "china europe moscow washington brussels damascus aleppo homs tyrant strategy partner"
).split()
PEOPLE = (
    "Putin",
    "Obama",
    "Lavrov",
    "Kerry",
    "Assad",
    "Vladimir Putin",
    "Barack Obama",
    "the Russian president",
    "the US president",
    "Mr Putin",
    "Mr Obama",
    "Sergei Lavrov",
    "John Kerry",
    "Dmitry Peskov",
    "Ban Ki-moon",
    "Xi Jinping",
    "a US official",
    "a senior Russian diplomat",
)
PEOPLE_WEIGHTS = (25, 20, 8, 6, 6, 5, 4, 5, 4, 3, 3, 2, 2, 2, 1, 1, 2, 1)
ENTITIES = (
    "Syria",
    "Russia",
    "the United States",
    "the US",
    "Ukraine",
    "Islamic State",
    "ISIS",
    "Daesh",
    "the UN",
    "the United Nations",
    "G20",
    "New York",
    "Moscow",
    "Washington",
    "Europe",
    "NATO",
    "the General Assembly",
    "Iran",
    "Turkey",
    "Iraq",
)
ENTITY_WEIGHTS = (20, 18, 8, 6, 6, 5, 5, 3, 6, 3, 5, 4, 4, 4, 3, 2, 3, 2, 2, 2)
SPEECH = ("said", "told reporters", "said on Monday", "told journalists", "added", "warned", "stressed")
WIRES = ("AFP", "Reuters", "AP")
_REAL_OUTLETS = (
    "RT",
    "Sputnik",
    "Ahram Online",
    "Islam Times",
    "WT24",
    "Sky News",
    "AFP",
    "Reuters",
    "BBC News",
    "Al Jazeera",
    "TASS",
    "Interfax",
    "CNN",
    "The Guardian",
    "The Moscow Times",
)
_PLACES = (
    "Boston",
    "Denver",
    "Toronto",
    "Sydney",
    "Dublin",
    "Cape Town",
    "Lagos",
    "Delhi",
    "Manila",
    "Karachi",
    "Dubai",
    "Cairo",
    "Beirut",
    "Tbilisi",
    "Riga",
    "Warsaw",
    "Prague",
    "Vienna",
    "Geneva",
    "Oslo",
    "Helsinki",
    "Glasgow",
    "Leeds",
    "Chicago",
    "Seattle",
    "Phoenix",
    "Miami",
    "Atlanta",
    "Houston",
    "Dallas",
)
_MASTHEADS = (
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
    "Observer",
    "Chronicle",
    "Journal",
    "Star",
    "Courier",
)
OUTLETS: tuple[str, ...] = _REAL_OUTLETS + tuple(f"{p} {m}" for p in _PLACES for m in _MASTHEADS)[:285]
_SLOT_SHARES = (0.40, 0.12, 0.03, 0.45)  # function word, domain word, entity, Zipf filler
_EVENT_DAYS = {"unga-2015": (dt.date(2015, 9, 20), 11), "g20-2016": (dt.date(2016, 9, 1), 25)}


def _zipf_cdf(n: int, s: float = ZIPF_S, offset: float = ZIPF_OFFSET) -> npt.NDArray[np.float64]:
    p = 1.0 / (np.arange(n) + offset) ** s
    return np.cumsum(p / p.sum())


def _weighted(rng: np.random.Generator, items: Sequence[str], weights: Sequence[float], n: int) -> list[str]:
    p = np.asarray(weights, dtype=float)
    return np.asarray(items, dtype=object)[rng.choice(len(items), size=n, p=p / p.sum())].tolist()


class _Words:
    """The word pools as numpy object arrays, drawn from a slot at a time."""

    def __init__(self) -> None:
        self.filler = vocabulary()
        self.filler_cdf = _zipf_cdf(VOCAB_SIZE)
        self.function = np.asarray(FUNCTION_WORDS, dtype=object)
        self.domain = np.asarray(DOMAIN_WORDS, dtype=object)
        self.domain_cdf = _zipf_cdf(len(DOMAIN_WORDS), 1.0, 3.0)
        weights = np.asarray(ENTITY_WEIGHTS, dtype=float)
        self.entities = np.asarray(ENTITIES, dtype=object)
        self.entity_cdf = np.cumsum(weights / weights.sum())

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.object_]:
        kind = np.searchsorted(np.cumsum(_SLOT_SHARES), rng.random(n), side="right").clip(0, 3)
        out = self.filler[np.searchsorted(self.filler_cdf, rng.random(n)).clip(0, VOCAB_SIZE - 1)]
        u = rng.random(n)
        out[kind == 0] = self.function[(u[kind == 0] * len(self.function)).astype(np.int64)]
        pick = kind == 1
        out[pick] = self.domain[np.searchsorted(self.domain_cdf, u[pick]).clip(0, len(self.domain) - 1)]
        pick = kind == 2
        out[pick] = self.entities[np.searchsorted(self.entity_cdf, u[pick]).clip(0, len(self.entities) - 1)]
        return out


def _sentences(rng: np.random.Generator, words: _Words, n: int) -> list[str]:
    """`n` news-like sentences; the numpy draws are made for the whole batch, the joins in one loop."""
    lengths = rng.integers(10, 35, size=n)
    ends = np.cumsum(lengths)
    drawn = words.draw(rng, int(ends[-1])).tolist()
    extra = rng.random((n, 4))  # attribution, number, quotation, capitalised name
    people = _weighted(rng, PEOPLE, PEOPLE_WEIGHTS, n)
    speech = np.asarray(SPEECH, dtype=object)[rng.integers(len(SPEECH), size=n)].tolist()
    numbers = rng.integers(2, 400, size=n).tolist()
    names = words.filler[rng.integers(200, 20_000, size=(n, 2))].tolist()
    out = []
    for i in range(n):
        body = drawn[ends[i] - lengths[i] : ends[i]]
        a, b, c, d = extra[i]
        if b < 0.04:
            body.append(f"for {numbers[i]} minutes")
        elif b < 0.08:
            body.append(f"more than {numbers[i] * 1000:,} people")
        elif b < 0.10:
            body.insert(2, f"in {2000 + numbers[i] % 17}")
        if d < 0.03:
            body.insert(len(body) // 2, f"{names[i][0].capitalize()} {names[i][1].capitalize()}")
        text = " ".join(body)
        if c < 0.08:
            out.append(f'"{text[:1].upper()}{text[1:]}," {people[i]} {speech[i]}.')
        elif a < 0.30:
            out.append(f"{text[:1].upper()}{text[1:]}, {people[i]} {speech[i]}.")
        else:
            out.append(f"{text[:1].upper()}{text[1:]}.")
    return out


def _article(i: int, texts: list[str], rng_row: npt.NDArray[np.float64], event: str) -> Article:
    """One article over its sentence texts: paragraphs of 1-3 sentences, offsets into the joined text."""
    sentences = []
    parts: list[str] = []
    offset = 0
    paragraph = 0
    j = 0
    while j < len(texts):
        size = 1 + int(rng_row[j] * 3)
        if parts:
            parts.append("\n\n")
            offset += 2
        for k, text in enumerate(texts[j : j + size]):
            if k:
                parts.append(" ")
                offset += 1
            role = "caption" if rng_row[j + k] > 0.98 else "subheading" if rng_row[j + k] > 0.97 else "body"
            sentences.append(Sentence(text, paragraph, role, 2 * paragraph + 3, offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
        paragraph += 1
        j += size
    start, days = _EVENT_DAYS[event]
    date = start + dt.timedelta(days=int(rng_row[-1] * days))
    outlet = OUTLETS[(i * 7919) % len(OUTLETS)]
    return Article(
        id=f"syn{i:06d}",
        outlet=outlet,
        date=date.isoformat(),
        title=texts[0][:80],
        wire=WIRES[i % 3] if i % 5 == 0 else None,
        event=event,
        url=f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}",
        byline=None,
        dateline=None,
        text="".join(parts),
        sentences=tuple(sentences),
        dropped=(),
    )


def iter_articles(n_sentences: int, config: Config, seed: int = 0) -> Iterator[Article]:
    """Articles of 50 sentences until `n_sentences` (rounded up to whole articles) have been made."""
    rng = np.random.default_rng(seed)
    words = _Words()
    events = [e.id for e in config.events if e.id in _EVENT_DAYS] or list(_EVENT_DAYS)
    wire = _sentences(rng, words, 5_000)  # wire copy, carried by several outlets
    n_articles = -(-n_sentences // SENTENCES_PER_ARTICLE)
    per_chunk = CHUNK // SENTENCES_PER_ARTICLE
    for first in range(0, n_articles, per_chunk):
        count = min(per_chunk, n_articles - first)
        texts = _sentences(rng, words, count * SENTENCES_PER_ARTICLE)
        copied = np.flatnonzero(rng.random(len(texts)) < 0.04)
        for pos, w in zip(copied.tolist(), rng.integers(len(wire), size=len(copied)).tolist(), strict=True):
            texts[pos] = wire[w]
        rows = rng.random((count, SENTENCES_PER_ARTICLE + 1))
        for a in range(count):
            i = first + a
            span = texts[a * SENTENCES_PER_ARTICLE : (a + 1) * SENTENCES_PER_ARTICLE]
            yield _article(i, span, rows[a], events[i % len(events)])


def generate_articles(n_sentences: int, config: Config, seed: int = 0) -> tuple[Article, ...]:
    """The whole synthetic corpus, sorted by id as CorpusStore.load_articles gives it."""
    return tuple(iter_articles(n_sentences, config, seed))


_TOPICS = (
    "sanctions",
    "the ceasefire",
    "Syria",
    "Ukraine",
    "air strikes",
    "ground troops",
    "the economy",
    "trust",
    "cooperation",
    "the political transition",
    "Assad's future",
    "terrorism",
    "oil prices",
    "the refugees",
    "the coalition",
    "cyber attacks",
    "Crimea",
    "the luncheon",
    "the handshake",
)
_TEMPLATES = (
    "What did {person} say about {topic}?",
    "How long did the Putin-Obama meeting last?",
    "How many {filler} did {person} mention?",
    "Who said that {topic} was {filler}?",
    "Did {person} discuss {filler} and {topic}?",
    "What did {outlet} report about {topic}?",
    "According to {outlet}, what did {person} say about {filler}?",
    "What did Lavrov say at the G20 about {topic}?",
    "Why did {person} criticise {filler} {filler2}?",
    "When will {person} meet {person2} to discuss {topic}?",
    "What did Angela Merkel say about {topic}?",
    "Where did {person} and {person2} discuss {filler}?",
)


def generate_questions(n: int, seed: int = 1) -> list[str]:
    """Questions mixing the summit's common words, mid-frequency and rare filler words, outlet and event
    scopes, and names the corpus never mentions."""
    rng = np.random.default_rng(seed)
    filler = vocabulary()
    persons = ("Putin", "Obama", "Lavrov", "Kerry", "Assad", "the Russian president")
    out = []
    for i in range(n):
        template = _TEMPLATES[i % len(_TEMPLATES)]
        rare = rng.random() < 0.5
        low, high = (2_000, VOCAB_SIZE) if rare else (0, 2_000)
        out.append(
            template.format(
                person=persons[int(rng.integers(len(persons)))],
                person2=persons[int(rng.integers(len(persons)))],
                topic=_TOPICS[int(rng.integers(len(_TOPICS)))],
                outlet=OUTLETS[int(rng.integers(len(OUTLETS)))],
                filler=filler[int(rng.integers(low, high))],
                filler2=filler[int(rng.integers(0, VOCAB_SIZE))],
            )
        )
    return out
