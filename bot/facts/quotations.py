"""One attribution engine: an article's quotations with speaker and kind, and who speaks in each sentence.

Reading order carries the speaker in focus: the speaker of the nearest preceding speech clause or quotation
(a sentence that merely names someone does not change it). "He said" and bare roles resolve to it, not to
the nearest name. A paragraph ending "X said:" or "X continued:" introduces a block quotation: the
following paragraph, without marks, is X's words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.config import FactsConfig
from bot.facts.attribution import Cue, Window, find_cue, resolve, sentence_subject, speech_clauses
from bot.facts.kind import classify
from bot.facts.lexicon import UNKNOWN, SpeakerLexicon
from bot.facts.marks import QuoteSpan, find_spans
from bot.facts.model import QuoteFact
from bot.models import PARAGRAPH_SEPARATOR, Article, Sentence

__all__ = ["ArticleSpeech", "article_speech"]

_DESCRIBED_NAME = re.compile(r"(?:an?|one) ")  # how a described source's name starts ("a US official")
_INSTITUTION_NAME = re.compile(r"the [A-Z]")  # an institution named in full ("the Russian Foreign Ministry")
_NON_SPACE = re.compile(r"\S")  # what masking blanks out: every character but white space (str.isspace)
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than the space


class _Paragraph(NamedTuple):
    offset: int  # where it starts in Article.text
    text: str
    masked: str  # the text with every quotation's words blanked out
    spans: list[QuoteSpan]  # its quotations


@dataclass(slots=True)
class _Found:
    span: QuoteSpan
    para: _Paragraph
    sentence: int  # index of the sentence that holds the quotation's start
    parent: int | None  # index of the enclosing quotation
    block: _Paragraph | None = None  # for a block quotation: the paragraph that introduces it
    cue_speaker: str | None = None
    named: bool = False  # the cue names the speaker (not a pronoun, a role or the focus)
    speaker: str = UNKNOWN
    evidence: str = ""

    @property
    def start(self) -> int:
        return self.para.offset + self.span.start

    @property
    def end(self) -> int:
        return self.para.offset + self.span.end


@dataclass(frozen=True, slots=True)
class ArticleSpeech:
    """An article's quotations (with the sentence each starts in) and each sentence's speakers."""

    quotes: tuple[tuple[int, QuoteFact], ...]
    speakers: tuple[tuple[str, ...], ...]
    evidence: tuple[str | None, ...]
    carried: tuple[bool, ...]  # the speaker comes from earlier sentences (he said, a bare quotation)


@dataclass(slots=True)
class _State:
    focus: str | None = None
    speakers: list[tuple[str, ...]] = field(default_factory=list)
    evidence: list[str | None] = field(default_factory=list)
    carried: list[bool] = field(default_factory=list)
    described: list[str] = field(default_factory=list)  # sources described so far ("a US official")


def article_speech(article: Article, lexicon: SpeakerLexicon, config: FactsConfig) -> ArticleSpeech:
    """The quotations of one article, attributed and classified, and who speaks in each sentence."""
    if not article.sentences:
        return ArticleSpeech((), (), (), ())
    found = _find(article, lexicon, config)
    state = _attribute(article, found, lexicon)
    quotes = []
    for item in found:
        para = item.para
        if item.block is not None:
            kind = "block"
        else:
            lead_from = found[item.parent].span.start if item.parent is not None else 0
            lead = para.text[lead_from : max(item.span.start - 1, lead_from)]
            kind = classify(
                lead, _words(item), min_words=config.min_full_words, min_bare_words=config.min_bare_full_words
            )
        parent = -1 if item.parent is None else item.parent
        quotes.append(
            (item.sentence, QuoteFact(item.start, item.end, kind, item.speaker, item.evidence, parent))
        )
    return ArticleSpeech(tuple(quotes), tuple(state.speakers), tuple(state.evidence), tuple(state.carried))


def _words(item: _Found) -> str:
    return item.para.text[item.span.start : item.span.end]


def _paragraphs(text: str, short_inner: int) -> list[_Paragraph]:
    out = []
    offset = 0
    for chunk in text.split(PARAGRAPH_SEPARATOR):
        spans = find_spans(chunk, short_inner=short_inner)
        out.append(_Paragraph(offset, chunk, _mask(chunk, spans), spans))
        offset += len(chunk) + len(PARAGRAPH_SEPARATOR)
    return out


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    return _blanked(text, [(span.start, span.end) for span in spans]) if spans else text


def _find(article: Article, lexicon: SpeakerLexicon, config: FactsConfig) -> list[_Found]:
    starts = [s.start for s in article.sentences]
    found: list[_Found] = []
    intro: _Paragraph | None = None  # the paragraph introducing a block quotation, while it runs
    run = 0
    for para in _paragraphs(article.text, config.short_inner_words):
        spans = para.spans
        first = len(found)
        if not spans and intro is not None and run < config.block_paragraphs and _plain(para, lexicon):
            sentence = max(bisect.bisect_right(starts, para.offset) - 1, 0)
            block = QuoteSpan(0, len(para.text.rstrip()), "", True, 0)
            found.append(_Found(block, para, sentence, None, block=intro))
            run += 1
            continue
        intro, run = (para, 0) if _introduces(para, spans, lexicon) else (None, 0)
        for span in spans:
            sentence = max(bisect.bisect_right(starts, para.offset + span.start) - 1, 0)
            parent = next(
                (
                    first + n
                    for n in range(len(found) - first - 1, -1, -1)
                    if found[first + n].span.start <= span.start
                    and span.end <= found[first + n].span.end
                    and found[first + n].span.depth < span.depth
                ),
                None,
            )
            found.append(_Found(span, para, sentence, parent))
    return found


def _introduces(para: _Paragraph, spans: list[QuoteSpan], lexicon: SpeakerLexicon) -> bool:
    """A paragraph that ends "X said:" with nothing quoted after its colon."""
    text = para.masked.rstrip()
    if not text.endswith(":") or any(s.end >= len(text) - 1 for s in spans):
        return False
    tail = text[max(text.rfind(". "), 0) :]
    return bool(speech_clauses(tail, lexicon))


def _plain(para: _Paragraph, lexicon: SpeakerLexicon) -> bool:
    """A paragraph that could be a block quotation: words, no marks, no speech clause of its own."""
    return any(c.isalpha() for c in para.text) and not speech_clauses(para.text, lexicon)


def _window(article: Article, item: _Found, lexicon: SpeakerLexicon) -> Window:
    """The sentences from the quotation's start to its closing mark, in paragraph coordinates."""
    para = item.para
    first = article.sentences[item.sentence]
    starts = [s.start for s in article.sentences]
    last_index = max(bisect.bisect_right(starts, item.end) - 1, item.sentence)
    last = article.sentences[last_index]
    lo = max(first.start - para.offset, 0)
    hi = min(max(last.end - para.offset, item.span.end + 1), len(para.text))
    return Window(para.masked, tuple(lexicon.mentions(para.masked)), lo, hi, lexicon.max_gap_words)


def _cue(article: Article, item: _Found, lexicon: SpeakerLexicon) -> Cue | None:
    if item.block is not None:  # the introducing paragraph's "X said:"
        intro = item.block
        mentions = tuple(lexicon.mentions(intro.masked))
        window = Window(intro.masked, mentions, 0, len(intro.masked), lexicon.max_gap_words)
        return find_cue(window, len(intro.masked.rstrip()), len(intro.masked))
    return find_cue(_window(article, item, lexicon), item.span.start - 1, _tail(item))


def _attribute(article: Article, found: list[_Found], lexicon: SpeakerLexicon) -> _State:
    """Speakers in reading order, carrying the speaker in focus from sentence to sentence."""
    state = _State()
    by_sentence: dict[int, list[_Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence, []).append(item)
    top = [(item.start, item.end, item) for item in found if item.parent is None]
    bounds = [(item.start, item.end) for item in found]  # each sentence tests them all: computed once
    quoted = _touched(article.sentences, bounds)  # the sentences a quotation may overlap (the rest: none)
    for index, sentence in enumerate(article.sentences):
        items = by_sentence.get(index)  # most sentences: no quotation starts in them
        spoken, evidence = _quoted(article, items, lexicon, state) if items else ([], None)
        masked = _masked_sentence(bounds, sentence) if index in quoted else sentence.text
        carried = True
        if not spoken and top:
            at = sentence.start
            within = next((i for lo, hi, i in top if lo < at < hi and i.speaker != UNKNOWN), None)
            if within is not None:
                spoken, evidence = [within.speaker], f"inside a quotation ({within.evidence})"
        if not spoken:
            spoken, evidence, carried = _clauses(masked, lexicon, state)
        state.speakers.append(tuple(spoken))
        state.evidence.append(evidence)
        state.carried.append(carried)
        people = [n for n in spoken if not n.startswith("the ")]  # "he" is no ministry, no "the official"
        state.focus = people[-1] if people else sentence_subject(lexicon, masked, state.focus)
        if spoken:
            state.described.extend(
                n for n in spoken if _DESCRIBED_NAME.match(n) or _INSTITUTION_NAME.match(n)
            )
    _heading_speakers(article, found, lexicon)
    _carry_back(found)
    _agree_with_quotes(state, by_sentence)
    return state


def _quoted(
    article: Article, items: list[_Found], lexicon: SpeakerLexicon, state: _State
) -> tuple[list[str], str | None]:
    """Attribute the quotations that start in a sentence; their speakers and the first one's evidence."""
    spoken: list[str] = []
    evidence: str | None = None
    for item in items:
        if item.parent is not None:
            continue
        cue = _cue(article, item, lexicon)
        item.cue_speaker = resolve(cue.mention, state.focus, state.described) if cue else None
        item.named = cue is not None and cue.mention.kind not in ("pronoun", "role")
        item.speaker = item.cue_speaker or state.focus or UNKNOWN
        item.evidence = _evidence(item, cue)
        if item.speaker != UNKNOWN and item.speaker not in spoken:
            spoken.append(item.speaker)
            evidence = evidence or f"quotation ({item.evidence})"
    return spoken, evidence


def _clauses(masked: str, lexicon: SpeakerLexicon, state: _State) -> tuple[list[str], str | None, bool]:
    """The speakers of a sentence's speech clauses, the first clause's words, and whether every speaker
    comes from before ('he said')."""
    spoken: list[str] = []
    evidence: str | None = None
    carried = True
    for mention, words in speech_clauses(masked, lexicon):
        name = resolve(mention, state.focus, state.described)
        if name != UNKNOWN and name not in spoken:
            spoken.append(name)
            by_name = mention.kind not in ("pronoun", "role")
            carried = carried and not by_name
            evidence = evidence or (f"'{words}'" if by_name else f"'{words}': the speaker before")
    return spoken, evidence, carried


def _agree_with_quotes(state: _State, by_sentence: dict[int, list[_Found]]) -> None:
    """A sentence holding quotations speaks with their final speakers (one answer for /ask and /quote)."""
    for index, items in by_sentence.items():
        names = tuple(dict.fromkeys(i.speaker for i in items if i.parent is None and i.speaker != UNKNOWN))
        if names:
            first = next(i for i in items if i.parent is None and i.speaker != UNKNOWN)
            state.speakers[index] = names
            state.evidence[index] = f"quotation ({first.evidence})"
            state.carried[index] = not any(i.named for i in items if i.parent is None)


def _evidence(item: _Found, cue: Cue | None) -> str:
    if cue is None:
        return "the speaker before" if item.speaker != UNKNOWN else "no cue"
    source = item.block if item.block is not None else item.para
    words = " ".join(source.masked[cue.mention.start : cue.mention.end].split())
    return f"block after '{words}'" if item.block is not None else f"cue '{words}'"


def _masked_sentence(bounds: list[tuple[int, int]], sentence: Sentence) -> str:
    """A sentence with every quotation's words blanked out (names inside quotes are not speakers);
    `bounds` are the quotations' [start, end) in the article."""
    first, last = sentence.start, sentence.end
    spans = [(lo, hi) for a, b in bounds if (lo := max(a, first)) < (hi := min(b, last))]
    if not spans:  # most sentences: no quotation in them
        return sentence.text
    return _blanked(sentence.text, [(lo - first, hi - first) for lo, hi in spans])


def _blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with every character but white space in each [lo, hi) of `spans` made a space."""
    for lo, hi in spans:
        words = text[lo:hi]  # most quotations hold no white space but spaces: all of it becomes spaces
        blank = " " * len(words) if _OTHER_SPACE.search(words) is None else _NON_SPACE.sub(" ", words)
        text = text[:lo] + blank + text[hi:]
    return text


def _touched(sentences: Sequence[Sentence], bounds: list[tuple[int, int]]) -> set[int] | range:
    """The indices of the sentences that may overlap one of `bounds` (every one that does, perhaps more):
    those that start before a bound's end and end after its start."""
    if not bounds:
        return set()
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    if any(a > b for a, b in itertools.pairwise(ends)):
        return range(len(sentences))  # ends out of order: every sentence is tested
    touched: set[int] = set()
    for a, b in bounds:
        touched.update(range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)))
    return touched


def _heading_speakers(article: Article, found: list[_Found], lexicon: SpeakerLexicon) -> None:
    """A cue-less quotation in a subheading belongs to the section it heads: its first sentence's subject."""
    for item in found:
        if item.parent is not None or item.cue_speaker is not None:
            continue
        if article.sentences[item.sentence].role != "subheading":
            continue
        following = article.sentences[item.sentence + 1 : item.sentence + 4]
        subject = next((s for f in following if (s := sentence_subject(lexicon, f.text, None))), None)
        if subject is not None:
            item.cue_speaker = item.speaker = subject
            item.evidence = "the section it heads"


def _tail(item: _Found) -> int:
    return item.span.end + 1 if item.span.closed else item.span.end


def _carry_back(found: list[_Found]) -> None:
    """A quotation left open at its paragraph's end takes the speaker the next paragraph's quotation names."""
    top = [item for item in found if item.parent is None]
    for item, following in itertools.pairwise(top):
        if item.span.closed or item.cue_speaker is not None:
            continue
        next_para = following.para.offset > item.para.offset
        if (
            next_para
            and following.cue_speaker
            and not following.para.text[: following.span.start - 1].strip()
        ):
            item.speaker = following.cue_speaker
            item.evidence = "the next paragraph's cue"
    for item in found:
        if item.parent is not None:
            item.speaker = found[item.parent].speaker
            item.evidence = "inside another quotation"
