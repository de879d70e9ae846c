"""Every quotation in the cleaned corpus, with its speaker, its kind and its offsets in the article text."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from bot.config import Config
from bot.models import PARAGRAPH_SEPARATOR, Article, Sentence
from bot.quotes.attribute import Window, find_cue, resolve, sentence_subject
from bot.quotes.kind import classify
from bot.quotes.marks import QuoteSpan, find_spans
from bot.quotes.speakers import UNKNOWN, SpeakerLexicon
from bot.results import Quotation

__all__ = ["article_quotes", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class _Paragraph:
    offset: int  # where it starts in Article.text
    text: str
    masked: str  # the text with every quotation's words blanked out


@dataclass(slots=True)
class _Found:
    span: QuoteSpan
    para: _Paragraph
    sentence: int  # index of the sentence that holds the quotation's start
    parent: int | None  # index of the enclosing quotation
    cue_speaker: str | None = None
    focus: str | None = None
    speaker: str = UNKNOWN

    @property
    def start(self) -> int:
        return self.para.offset + self.span.start

    @property
    def end(self) -> int:
        return self.para.offset + self.span.end


def extract_quotes(articles: Iterable[Article], config: Config) -> list[Quotation]:
    """Every quotation of every article, in corpus order (nested quotations after their parent)."""
    lexicon = SpeakerLexicon(config.entities)
    return [q for article in articles for q in article_quotes(article, lexicon)]


def article_quotes(article: Article, lexicon: SpeakerLexicon) -> list[Quotation]:
    """The quotations of one article, attributed and classified."""
    if not article.sentences:
        return []
    found = _find(article)
    _attribute(article, found, lexicon)
    quotes = []
    for item in found:
        para = item.para
        lead_from = found[item.parent].span.start if item.parent is not None else 0
        kind = classify(para.text[lead_from : max(item.span.start - 1, lead_from)], _words(item))
        quotes.append(
            Quotation(
                text=_words(item),
                speaker=item.speaker,
                kind=kind,
                doc=article.id,
                outlet=article.outlet,
                date=article.date,
                event=article.event,
                sentence=article.sentences[item.sentence].text,
                start=item.start,
                end=item.end,
            )
        )
    return quotes


def _words(item: _Found) -> str:
    return item.para.text[item.span.start : item.span.end]


def _paragraphs(text: str) -> list[_Paragraph]:
    out = []
    offset = 0
    for chunk in text.split(PARAGRAPH_SEPARATOR):
        spans = find_spans(chunk)
        out.append(_Paragraph(offset, chunk, _mask(chunk, spans)))
        offset += len(chunk) + len(PARAGRAPH_SEPARATOR)
    return out


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def _find(article: Article) -> list[_Found]:
    starts = [s.start for s in article.sentences]
    found: list[_Found] = []
    for para in _paragraphs(article.text):
        first = len(found)
        for span in find_spans(para.text):
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


def _window(article: Article, item: _Found, lexicon: SpeakerLexicon) -> Window:
    """The sentences from the quotation's start to its closing mark, in paragraph coordinates."""
    para = item.para
    first: Sentence = article.sentences[item.sentence]
    starts = [s.start for s in article.sentences]
    last_index = max(bisect.bisect_right(starts, item.end) - 1, item.sentence)
    last = article.sentences[last_index]
    lo = max(first.start - para.offset, 0)
    hi = min(max(last.end - para.offset, item.span.end + 1), len(para.text))
    return Window(para.masked, tuple(lexicon.mentions(para.masked)), lo, hi)


def _attribute(article: Article, found: list[_Found], lexicon: SpeakerLexicon) -> None:
    """Speakers in reading order, carrying the person in focus from sentence to sentence."""
    focus: str | None = None
    by_sentence: dict[int, list[_Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence, []).append(item)
    paragraphs = {id(item.para): item.para for item in found}
    for index, sentence in enumerate(article.sentences):
        spoken: str | None = None
        for item in by_sentence.get(index, []):
            if item.parent is not None:
                item.speaker = found[item.parent].speaker
                continue
            cue = find_cue(_window(article, item, lexicon), item.span.start - 1, _tail(item))
            item.cue_speaker = resolve(cue.mention, focus) if cue else None
            item.focus = focus
            item.speaker = item.cue_speaker or focus or UNKNOWN
            if item.speaker != UNKNOWN:
                spoken = item.speaker
        if spoken is not None:
            focus = spoken
        else:
            para = _holding(paragraphs.values(), sentence)
            focus = sentence_subject(lexicon, para, focus) if para else focus
    _heading_speakers(article, found, lexicon)
    _carry_back(found)


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


def _tail(item: _Found) -> int:
    return item.span.end + 1 if item.span.closed else item.span.end


def _holding(paragraphs: Iterable[_Paragraph], sentence: Sentence) -> str | None:
    """The masked text of a sentence when its paragraph holds quotations; otherwise its own text."""
    for para in paragraphs:
        if para.offset <= sentence.start and sentence.end <= para.offset + len(para.text):
            return para.masked[sentence.start - para.offset : sentence.end - para.offset]
    return sentence.text


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
    for item in found:
        if item.parent is not None:
            item.speaker = found[item.parent].speaker
