"""An answer's cheaper paths give exactly what their plain forms give: the typo folder's candidate words
stemmed in one call (`Tokenizer.words_terms`) and searched most used first, on the real corpus."""

from __future__ import annotations

from bot.answering.casual import _edits, _most_used, _written
from bot.search import CorpusIndex
from bot.service import CoverageService
from bot.tokenizer import Tokenizer

# misspelt words of the questions people type, and words the corpus never uses
TYPOS = ("sanctons", "presidnet", "meetign", "coalitoin", "agreemnt", "zakoba", "handshak", "ceasfire")


def test_words_terms_are_each_words_content_words(service: CoverageService) -> None:
    tokenizer: Tokenizer = service.index.tokenizer
    words = [e for typo in TYPOS[:3] for e in sorted(_edits(typo))]
    words += ["the", "about", "US", "G-20", "Putin's", "don't", "U.S.", "café", "naïve", "cease-fire"]
    assert tokenizer.words_terms(words) == [tokenizer.content_words(w) for w in words]
    assert tokenizer.words_terms([]) == []


def test_plain_terms_are_each_plain_words_one_term(service: CoverageService) -> None:
    tokenizer: Tokenizer = service.index.tokenizer
    words = sorted(e for typo in TYPOS[:3] for e in _edits(typo) if tokenizer.content_words(e))
    assert tokenizer.plain_terms(words) == [t for w in words for t in tokenizer.content_words(w)]
    assert all(len(tokenizer.content_words(w)) == 1 for w in words)
    # a stopword, a capital, a non-ASCII letter, an empty word, a digit: not one plain term each
    for other in ("about", "The", "café", "", "g20"):
        assert tokenizer.plain_terms(["meeting", other]) is None, other
    assert tokenizer.plain_terms([]) is None


def _plain_most_used(index: CorpusIndex, edits: set[str]) -> str | None:
    """The candidate search as first written: every candidate tokenised alone, the best kept as met."""
    best: tuple[int, str] | None = None
    for candidate in edits:
        if len(candidate) < index.config.decision.typo_min_target:
            continue
        stems = index.tokenizer.content_words(candidate)
        freq = min((index.bm25.doc_freq(s) for s in stems), default=0)
        if freq > 0 and (best is None or (freq, candidate) > best) and _written(index, candidate, stems):
            best = (freq, candidate)
    return best[1] if best else None


def test_the_most_used_candidate_is_the_plain_searchs(service: CoverageService) -> None:
    index = service.index
    found = [_most_used(index, _edits(typo)) for typo in TYPOS]
    assert found == [_plain_most_used(index, _edits(typo)) for typo in TYPOS]
    assert sum(f is not None for f in found) >= len(TYPOS) // 2  # the comparison covers real folds
    # candidates written otherwise (a capitalised typo's) take each one's terms: the same search
    capitalised = [_edits(typo.capitalize()) for typo in TYPOS]
    assert [_most_used(index, e) for e in capitalised] == [_plain_most_used(index, e) for e in capitalised]
