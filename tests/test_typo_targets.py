"""Typo folding through the written words indexed once (bot/answering/typo_targets.py) folds every word onto
the very word the search over each one's ~500 stemmed neighbours (`casual._near_searched`) folds it onto, ties
included; the two-edit search over terms bucketed by first letter and length finds what the scan of every
term did."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from bench.ask import load_questions
from bench.scale_corpus import generate_questions
from bot.answering import casual
from bot.answering.casual import _edits
from bot.answering.typo_targets import (
    EXPECTED_TYPOS,
    NearWords,
    TypoTargets,
    WrittenWords,
    one_edit,
    written_prefixes,
)
from bot.search import CorpusIndex
from bot.service import CoverageService

ROOT = Path(__file__).resolve().parents[1]


def _old_two_edits(index: CorpusIndex, word: str) -> str | None:
    """The old path: every term of the stem's first letter measured against it."""
    if len(word) < index.config.followup.typo2_min_length:
        return None
    stems = index.tokenizer.content_words(word)
    if len(stems) != 1:
        return None
    stem = stems[0]
    near = [
        (index.bm25.doc_freq(t), t)
        for t in index.bm25.vocabulary
        if t[:1] == stem[0] and abs(len(t) - len(stem)) <= 2 and _table_distance(stem, t) <= 2
    ]
    for _, term in sorted(near, reverse=True):
        written = casual._written_as(index, term)
        if written is not None and len(written) >= index.config.decision.typo_min_target:
            return written
    return None


def _misspelt(words: list[str], count: int, rng: random.Random) -> list[str]:
    """`count` words one or two random edits from `words`'."""
    out = []
    for _ in range(count):
        word = rng.choice(words)
        for _ in range(rng.choice((1, 1, 2))):
            word = rng.choice(sorted(_edits(word)))
        out.append(word)
    return out


def _question_words(texts: list[str], least: int) -> list[str]:
    found = (w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t))
    return list(dict.fromkeys(w for w in found if len(w) >= least and w.isascii()))


def test_folds_are_the_old_searchs(service: CoverageService, shared_eval: Callable[[str], Path]) -> None:
    index = service.index
    least = index.config.decision.typo_min_length
    gold = [shared_eval("qa_dev.yaml"), shared_eval("qa_dev2.yaml")]
    gold += [ROOT / "tests" / "data" / "qa_heldout.yaml", ROOT / "tests" / "data" / "qa_reworded.yaml"]
    asked = [
        q for path in gold for question, follows in load_questions(path) for q in (question, follows or "")
    ]
    gold_words = _question_words(asked, least)
    corpus_words = _question_words(list(index.articles.sentence_texts()), least)
    rng = random.Random(17)
    words = gold_words + _question_words(generate_questions(400), least)
    words += _misspelt(gold_words + corpus_words, 3000, rng)
    words = [w for w in dict.fromkeys(words) if len(w) >= least]
    targets = TypoTargets(index)
    indexed = [casual._near_indexed(index, targets, w) for w in words]
    assert indexed == [casual._near_searched(index, w) for w in words]
    assert [casual._two_edits(index, w) for w in words] == [_old_two_edits(index, w) for w in words]
    assert len(words) > 3000
    assert sum(f is not None for f in indexed) > 300  # the comparison covers many real folds
    # the whole fold, whichever way the index takes
    assert [casual._nearest(index, w) for w in words[:200]] == [
        casual._near_searched(index, w) or _old_two_edits(index, w) for w in words[:200]
    ]


def test_one_edit_is_membership_of_the_edits() -> None:
    rng = random.Random(3)
    for _ in range(300):
        word = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 7)))
        edits = _edits(word)
        others = {"".join(rng.choice("abcde") for _ in range(rng.randint(0, 8))) for _ in range(40)}
        for other in others | set(rng.sample(sorted(edits), 10)) | {word}:
            assert one_edit(word, other) == (other in edits), (word, other)


def test_near_words_are_those_one_edit_away() -> None:
    words = ["meeting", "meetings", "meting", "emeting", "greeting", "meat", "met"]
    near = NearWords(words)
    assert sorted(near.one_edit_from("meeting")) == ["emeting", "meetings", "meting"]
    assert sorted(near.one_edit_from("metting")) == ["meeting", "meting"]
    assert sorted(near.one_edit_from("meetign")) == ["meeting"]
    assert near.one_edit_from("zzz") == []


def test_written_prefixes_are_what_a_case_blind_word_start_matches() -> None:
    texts = ["The Summit's talks, in Hangzhou.", "G20 x\u212aelvin naïve"]
    found = written_prefixes(texts, 4)
    assert {"summ", "summit", "talks", "hangzhou", "xkel", "xkelvin"} <= found
    assert not {"ummit", "the", "naïve", "naiv", "summits", "angzhou"} & found
    # each is matched by the pattern casual._written uses; a word's inner part is not
    for word in found:
        assert any(re.search(rf"\b{word}", t, re.IGNORECASE) for t in texts), word
    assert not re.search(r"\bummit", texts[0], re.IGNORECASE)


def test_written_words_are_indexed_once_searches_would_have_paid(service: CoverageService) -> None:
    index = service.index
    written = WrittenWords()
    made = [written.when_worth(index) for _ in range(len(index))]
    assert made[0] is None  # the first search goes without them (the seed corpus: 116 sentences)
    assert made[-1] is not None
    assert all(t is made[-1] for t in made[made.index(made[-1]) :])  # made once, then kept


def _table_distance(a: str, b: str) -> int:
    """The edit distance by the whole table, cell by cell."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def test_the_bit_vector_distance_is_the_tables() -> None:
    rng = random.Random(5)
    pairs = [("", ""), ("", "abc"), ("abc", ""), ("kitten", "sitting"), ("flaw", "lawn")]
    for _ in range(5000):
        a = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 12)))
        b = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 12)))
        pairs.append((a, b))
    for a, b in pairs:
        assert casual._distance(a, b) == _table_distance(a, b), (a, b)
        assert casual._within(a, b, 2) == (_table_distance(a, b) <= 2), (a, b)
    assert casual._distance("kitten", "sitting") == 3


def test_written_words_made_ahead_are_kept(service: CoverageService) -> None:
    index = service.index
    written = WrittenWords()
    made = written.when_worth(index, len(index))  # as many searches as sentences: worth it long since
    assert made is not None
    assert written.when_worth(index) is made  # made once, then kept
    assert WrittenWords().when_worth(index, EXPECTED_TYPOS) is not None  # the seed corpus: made at start
    assert WrittenWords().when_worth(_Sized(index, EXPECTED_TYPOS * 1_000), EXPECTED_TYPOS) is None
    service.prepare()  # a long-running answerer's start-up makes the seed index's own
    assert casual._TARGETS.of(index).when_worth(index, 0) is not None


class _Sized:
    """An index that says it holds `size` sentences (whether the written words pay is read off its size)."""

    def __init__(self, index: CorpusIndex, size: int) -> None:
        self.index, self.size = index, size

    def __len__(self) -> int:
        return self.size


def test_every_character_a_letter_matches_case_blind_is_a_word_character() -> None:
    """So a written neighbour's match starts where a word does (the prefixes gathered are all there are)."""
    every = "".join(chr(i) for i in range(0x30000) if not 0xD800 <= i <= 0xDFFF)
    matched = re.findall("[a-z]", every, re.IGNORECASE)
    assert all(re.fullmatch(r"\w", char) for char in matched)
    assert {c for c in matched if not c.isascii()} == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert written_prefixes(["\u017ftate \u0130nn"], 3) == {"sta", "stat", "state", "inn"}
