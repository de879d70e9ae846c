"""The index build on both cores (bot/forkpool.py): the same facts and BM25 arrays as in one process."""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import random
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bench.scale_corpus import generate_articles
from bot.collector import YOUNG_THRESHOLD
from bot.config import BuildConfig, Config
from bot.evaluation.corpora import read_pages
from bot.facts import CorpusFacts, attribution, figure_cues, figures, lexicon, quotations, words
from bot.facts.lexicon import SpeakerLexicon
from bot.facts.statements import Measured, Statement
from bot.forkpool import can_fork, chunks, fork_map, frozen_heap
from bot.models import Article
from bot.retrieval.token_ids import TokenIds
from bot.search import CorpusIndex
from bot.sentence_terms import EncodedTerms, SentenceTerms
from bot.service import CoverageService
from bot.similarity import entity_tokens, statement_terms, terms_and_entities, terms_of_tokens
from bot.text import normalize
from bot.tokenizer import Tokenizer, ascii_apart

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def articles(service: CoverageService, config: Config) -> tuple[Article, ...]:
    """The seed corpus and every fixture page: quotations, figures, same statements across outlets."""
    folders = sorted(p for p in PAGES.iterdir() if p.is_dir())
    return (*service.articles, *read_pages(config, folders))


def _with_build(config: Config, workers: int, chunk: int) -> Config:
    return dataclasses.replace(
        config, build=BuildConfig(workers=workers, chunk_articles=chunk, chunk_statements=chunk * 50)
    )


def _pid(_: None, job: int) -> tuple[int, int]:
    return job, os.getpid()


def test_fork_map_keeps_the_order_and_uses_other_processes() -> None:
    assert can_fork()  # the test process has no other thread
    results = list(fork_map(_pid, None, list(range(40)), workers=2))
    assert [job for job, _ in results] == list(range(40))
    assert {pid for _, pid in results} - {os.getpid()}


@pytest.fixture
def thawed() -> Iterator[None]:
    """No object frozen for the test (another test may have frozen the heap, as the bot's process does),
    frozen again after it if it was."""
    was = gc.get_freeze_count()
    gc.unfreeze()
    yield
    if was:
        gc.freeze()


def _collector(_: None, job: int) -> tuple[int, int, int]:
    return os.getpid(), gc.get_threshold()[0], gc.get_freeze_count()


@pytest.mark.usefixtures("thawed")
def test_fork_map_workers_leave_what_they_inherit_to_this_process_collector() -> None:
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    kept = [[n] for n in range(1000)]  # objects alive at the fork: frozen in the workers
    results = list(fork_map(_collector, None, list(range(4)), workers=2))
    assert {pid for pid, _, _ in results} - {os.getpid()}
    assert all(young == YOUNG_THRESHOLD for _, young, _ in results)
    assert all(count >= frozen + len(kept) for _, _, count in results)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)  # this process as it was


@pytest.mark.usefixtures("thawed")
def test_frozen_heap_gives_back_only_what_it_froze() -> None:
    kept = [[n] for n in range(1000)]
    with frozen_heap():
        inside = gc.get_freeze_count()
        assert inside >= len(kept)
        more = [[n] for n in range(100)]
        with frozen_heap():  # a block inside one: the outer block's heap stays frozen after it
            assert gc.get_freeze_count() >= inside + len(more)
        assert gc.get_freeze_count() >= inside + len(more)
    assert gc.get_freeze_count() == 0
    gc.freeze()  # frozen by someone else before the block: left so
    try:
        before = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() >= before > 0
    finally:
        gc.unfreeze()


def test_fork_map_stays_in_this_process_while_other_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        results = list(fork_map(_pid, None, list(range(5)), workers=2))
    finally:
        stop.set()
        thread.join()
    assert results == [(job, os.getpid()) for job in range(5)]


def test_chunks_cover_every_item_once() -> None:
    assert chunks(7, 3) == [range(0, 3), range(3, 6), range(6, 7)]
    assert chunks(0, 3) == []


def test_facts_built_on_two_cores_equal_those_of_one(articles: tuple[Article, ...], config: Config) -> None:
    assert can_fork()  # else both builds would run in this process
    tokenizer = Tokenizer(config.entities, config.synonyms)
    one = CorpusFacts.build(articles, _with_build(config, 1, 1000), tokenizer).arrays()
    two = CorpusFacts.build(articles, _with_build(config, 2, 3), tokenizer).arrays()
    assert one.keys() == two.keys()
    for name in one:
        assert np.array_equal(one[name], two[name]), name
    assert len(one["quoted"]) > 10 and len(one["disagree_at"]) > 0  # the comparison covers real facts
    assert len(set(one["group"].tolist())) < len(one["group"])  # and same-statement groups


def test_bm25_built_on_two_cores_equals_that_of_one(articles: tuple[Article, ...], config: Config) -> None:
    assert can_fork()
    semantic = dataclasses.replace(config.semantic, enabled=False)
    one = CorpusIndex(articles, dataclasses.replace(_with_build(config, 1, 1000), semantic=semantic)).bm25
    two = CorpusIndex(articles, dataclasses.replace(_with_build(config, 2, 3), semantic=semantic)).bm25
    assert one.terms == two.terms and len(one.terms) > 1000
    for name in ("term_ptr", "doc_ids", "weights", "idfs"):
        assert np.array_equal(getattr(one, name), getattr(two, name)), name


def test_the_facts_read_terms_and_names_from_the_bm25_tokens(
    articles: tuple[Article, ...], config: Config
) -> None:
    """The build tokenises each sentence once: its statement terms and entity tokens are read from its
    BM25 tokens, which must therefore be its content words, then synonym and entity tokens (prefixed)."""
    tokenizer = Tokenizer(config.entities, config.synonyms)
    texts = [s.text for a in articles for s in a.sentences]
    assert len(texts) > 500
    named = 0
    for text in texts:
        tokens = tokenizer.tokenize(text)
        assert terms_of_tokens(tokens) == statement_terms(tokenizer, text), text
        assert entity_tokens(tokens) == tokenizer.entities(text), text
        named += bool(entity_tokens(tokens))
        # the build's one look at the prefixed tokens: the same set, iterated in the same order
        terms, entities = terms_and_entities(tokens)
        assert list(terms) == list(terms_of_tokens(tokens)) and list(entities) == entity_tokens(tokens), text
    assert named > 100  # names are covered


# Shortcuts the build takes (bot/facts/figures.py's cues, one pass for tokens and saved terms) must give
# what the plain path gives: texts that test their edges, beside every sentence of the corpus.
EDGES = (
    "The Marches ended on Mayor Street; they met in May 2015 and March.",
    "It lasted 5 hours2 and a day, then a half hour, a quarter of a million people, ninety-five minutes.",
    "Talks went on for twenty-five minutes; $2.5bn, 40 per cent, 12% and €3m (£2m) were at stake.",
    "A two-year gap, a day earlier, last week, next few days, tomorrow, tonight and soon after.",
    "The US-backed rebels met U.S. officials; the U.N. and Daesh, in Kyiv — ‘said’ “Putin”.",
    "Ｔｗｅｎｔｙ ｍｉｎｕｔｅｓ in ｆｕｌｌ-width, ninety Minutes, Ninety MINUTES,",
    "an HOUR, a \u212aelvin-day, ٣ hours, 3 ｄａｙｓ.",
    "Café talks lasted ninety minutes on Monday, the ministry said.",
    "Talks LASTED for about 2 hours, MORE THAN 90 minutes, Up To 3 days; their first meeting IN two years.",
    "They met For 95 minutes, at leaſt 5 hours, in the paſt 2 years, 19 days to 20 July 1999, 5 Per Cent.",
    "It ran\tfor\x1c4 hours; under\u00a05 days, over \n 7 weeks, in excess of\t 8 years; 45percent",
    # where the quantities' and dates' scans may start (figure_cues): "a" unit before the first digit,
    # a date's words before it, up to two words before a date's word, a month inside a longer word
    "A day and an hour before 5 people met, a talk 3 times; an Hour then 4 decades",
    "They spoke for a week then met 5 times, the next few days, this morning and 12 Septembers",
    "In the past several weeks 2 aides came; Last Week, tonight, 2015, 3 May; an ex-Monday 7 Marching",
    "It lasted as the talks went on for\n\t x-y a b 45 minutes; they met for the first time in 2 years",
    "Talks are set for the coming several weeks",
    "Hours after the talks, days later, years ago; they met for an hour before lunch, 2 days after it",
    "",
)


@pytest.fixture(scope="module")
def texts(articles: tuple[Article, ...], config: Config) -> list[str]:
    found = [s.text for a in articles for s in a.sentences] + [a.title or "" for a in articles]
    generated = [s.text for a in generate_articles(1500, config, seed=7) for s in a.sentences]
    names = [
        f"Then {alias}{end} spoke; {alias.upper()} said it."
        for e in config.entities
        for alias in (e.name, *e.aliases)
        for end in ("", "’s", "-led")
    ]
    verbs = [
        f"Novak {verb.replace('[sz]', z).replace(chr(92) + 's+', ' ')}: “it”, she {verb[:3]}"
        for verb in lexicon._SPEECH_WORDS.split("|")
        for z in "sz"
    ]
    return [*found, *generated, *EDGES, *names, *verbs]


class _EveryPattern:
    """figure_cues.FigureCues that lets every pattern run (the plain path)."""

    def __init__(self, folded: str) -> None:
        self.digit = self.money = True

    def quantity(self) -> bool:
        return True

    def percent(self) -> bool:
        return True

    def date(self) -> bool:
        return True

    def nothing(self) -> bool:
        return False

    def quantity_from(self) -> int:
        return 0

    def date_from(self) -> int:
        return 0

    def may_hold(self, keys: frozenset[str]) -> bool:
        return True


def test_the_figures_cues_change_no_figure(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    quick = [figures.read_figures(text) for text in texts]
    monkeypatch.setattr(figures, "FigureCues", _EveryPattern)
    monkeypatch.setattr(figures, "may_end", lambda *_, **__: True)  # every text's end is searched
    monkeypatch.setattr(figures, "tail_from", lambda *_: 0)  # and searched from its start
    plain = [figures.read_figures(text) for text in texts]
    assert quick == plain
    assert sum(map(len, plain)) > 300  # figures of every kind are compared
    assert {f.dimension for found in plain for f in found} == set(figures.DIMENSIONS)
    assert {f.bound for found in plain for f in found} == {"", "min", "max"}  # the end-anchored tests too
    assert {figures.INTERVAL, "meet", ""} <= {f.measures for found in plain for f in found}
    assert min(figures._FOLD) > 127  # an ASCII text is its own folded form (read_figures skips folding it)


def test_tokens_and_terms_in_one_pass_equal_the_two_calls(texts: list[str], config: Config) -> None:
    tokenizer = Tokenizer(config.entities, config.synonyms)
    for text in texts:
        assert tokenizer.tokens_and_terms(text) == (tokenizer.tokenize(text), tokenizer.names_and_words(text))


def test_names_found_on_lowered_ascii_text_equal_the_case_insensitive_scan(
    texts: list[str], config: Config
) -> None:
    tokenizer = Tokenizer(config.entities, config.synonyms)
    assert any(p.lowered is not None for p in tokenizer._aliases)
    plain = Tokenizer(config.entities, config.synonyms)
    plain._aliases = tuple(dataclasses.replace(p, lowered=None) for p in plain._aliases)
    cased = [variant for text in texts for variant in (text, text.upper(), text.swapcase(), text.title())]
    found = 0
    for text in (normalize(t) for t in cased):
        spans = tokenizer.entity_spans(text)
        assert spans == plain.entity_spans(text), text
        found += len(spans)
    assert found > 1000
    # a name with a character that matches ASCII text in some case keeps the case-insensitive scan
    assert ascii_apart(["François Hollande"]) and not ascii_apart(["\u212aelvin", "Jo\u017fe"][:1])
    assert not ascii_apart(["Jo\u017fe"]) and not ascii_apart(["\u0130stanbul"])


def test_the_index_build_with_its_shortcuts_equals_the_plain_path(
    articles: tuple[Article, ...], config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every facts array and every saved term, built on two cores as the index build does, against one
    process with every figures pattern run and the terms computed apart (`SentenceTerms.build`)."""
    tokenizer = Tokenizer(config.entities, config.synonyms)
    tokens = TokenIds()
    encoded = EncodedTerms()
    quick = CorpusFacts.build(articles, _with_build(config, 2, 3), tokenizer, tokens, encoded).arrays()
    monkeypatch.setattr(figures, "FigureCues", _EveryPattern)
    monkeypatch.setattr(figures, "may_end", lambda *_, **__: True)
    monkeypatch.setattr(figures, "tail_from", lambda *_: 0)  # and searched from its start
    _without_word_tests(monkeypatch)
    plain = CorpusFacts.build(articles, _with_build(config, 1, 1000), tokenizer).arrays()
    assert quick.keys() == plain.keys()
    for name in plain:
        assert np.array_equal(quick[name], plain[name]), name
    sentences = [s.text for a in articles for s in a.sentences]
    assert tokens.lists() == [tokenizer.tokenize(text) for text in sentences]
    saved, reference = encoded.terms(), SentenceTerms.build(tokenizer, sentences, [a.title for a in articles])
    for name in ("text", "ptr", "title", "title_ptr"):
        assert np.array_equal(saved.arrays[name], reference.arrays[name]), name
    assert len(saved) == len(sentences) and saved.articles() == len(articles)


def _every_word(_: str) -> frozenset[str]:
    """lexicon.letter_runs that reports every noun the mention patterns need: every pattern runs."""
    return lexicon._SOURCE_WORDS | lexicon._ROLE_WORDS | lexicon._INSTITUTION_WORDS


def _without_word_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern of the speakers' search runs, on every text, whatever words it holds (the plain path):
    no text is plain (bot/facts/words.py), so no name, pronoun or speech verb scan is skipped and the
    people's names take the case-insensitive pass; the nouns' test finds every noun."""
    monkeypatch.setattr(lexicon, "plain_runs", lambda _: None)
    monkeypatch.setattr(lexicon, "_aliases", None)  # the people's alternations, not bot/facts/_aliases.c
    monkeypatch.setattr(attribution, "plain_runs", lambda _: None)
    monkeypatch.setattr(lexicon, "letter_runs", _every_word)
    monkeypatch.setattr(lexicon, "_NAME_HINT", _ANYWHERE)  # every text's names are scanned for
    monkeypatch.setattr(attribution, "_JOINED_HINT", _ANYWHERE)  # and every sentence split
    monkeypatch.setattr(attribution, "may_end", lambda *_, **__: True)  # and every end-anchored search run
    attribution._verbs.cache_clear()  # texts remembered by the quick path


_ANYWHERE = re.compile("")  # a hint that every text holds


def test_the_mentions_shortcuts_change_no_mention(
    texts: list[str], config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lower-cased matching of the people's names, the word tests that skip scans and the per-text cache
    against the plain case-insensitive pass with every pattern run."""
    quick = SpeakerLexicon(config.entities)
    assert quick._folded_lower is not None  # a name written with a cedilla keeps the lower-cased pass
    assert quick._folded_keys and quick._exact_keys  # the names' scans are skipped where they cannot match
    texts = [variant for text in texts for variant in (text, text.upper(), text.swapcase())]
    found = [quick.mentions(text) for text in texts] + [quick.mentions(text) for text in texts]
    verbs = [attribution._verbs(text) for text in texts]
    plain = SpeakerLexicon(config.entities)
    _without_word_tests(monkeypatch)
    assert found == [plain.mentions(text) for text in texts] * 2
    assert [[m.span() for m in v] for v in verbs] == [
        [m.span() for m in attribution._verbs(t)] for t in texts
    ]
    assert sum(map(len, verbs)) > 300  # speech verbs are compared
    kinds = {m.kind for mentions in found for m in mentions}
    assert kinds == {"person", "pronoun", "role", "described", "definite", "organisation", "name"}


def test_statements_from_separate_workers_share_their_words_once_received() -> None:
    def sent(words: list[str], event: str | None) -> Statement:  # fresh strings, as another process's
        built = Statement.of("doc-" + "1", "".join(["Out", "let"]), event, frozenset(words), ())
        return pickle.loads(pickle.dumps(built))

    a = sent(["".join(["tal", "k"]), "minut"], "".join(["ev", "ent"]))
    b = sent(["".join(["ta", "lk"]), "x"], None)
    assert a == Statement("doc-1", "Outlet", "event", a.terms, (), ())
    assert b.event is None and sorted(b.terms) == ["talk", "x"]
    talk_a = next(w for w in a.terms if w == "talk")
    talk_b = next(w for w in b.terms if w == "talk")
    assert talk_a is talk_b and a.outlet is b.outlet and a.doc is b.doc
    measured = (Measured("duration:meet", 90.0, ""),)
    c = pickle.loads(pickle.dumps(Statement.of("d", "o", None, frozenset({"y"}), measured)))
    assert c.figures == measured and c.known == measured


def test_the_speech_verbs_shared_starts_match_as_the_plain_alternation(texts: list[str]) -> None:
    plain = re.compile(rf"\b(?:{lexicon._SPEECH_WORDS})\b")
    variants = [v for text in texts for v in (text, text.upper(), text.lower(), text.replace(" ", "\n  "))]
    found = [[m.span() for m in lexicon.SPEECH_VERB.finditer(text)] for text in variants]
    assert found == [[m.span() for m in plain.finditer(text)] for text in variants]
    assert len({text[a:b] for text, spans in zip(variants, found, strict=True) for a, b in spans}) >= len(
        lexicon._SPEECH_SPELT
    )


def test_the_word_tests_change_nothing_on_random_texts(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names, verbs and pronouns run together with what borders a word (no space, an underscore, a digit,
    an apostrophe, a non-ASCII letter, one that folds into ASCII), in every case."""
    rng = random.Random(5)
    names = [a for e in config.entities for a in (e.name, *e.aliases)]
    pieces = [*names, "said", "pointed out", "emphasized", "he", "She", "a senior official", "the ministry"]
    pieces += [
        "Anna Novak",
        "Mr",
        "’s",
        "'s",
        "-",
        "_",
        "é",
        "ſ",
        "\u212a",
        "İ",
        "5",
        "“",
        "—",
        ".",
        "\u00a0",
    ]
    joins = [" ", "", "  ", "\n", "-", "_", "’", "é", "5"]
    texts = []
    for _ in range(5000):
        text = "".join(rng.choice(pieces) + rng.choice(joins) for _ in range(rng.randint(1, 8)))
        texts.append(rng.choice([text, text.upper(), text.lower(), text.swapcase()]))
    quick = SpeakerLexicon(config.entities)
    found = [quick.mentions(text) for text in texts]
    verbs = [[m.span() for m in attribution._verbs(text)] for text in texts]
    plain = SpeakerLexicon(config.entities)
    _without_word_tests(monkeypatch)
    assert found == [plain.mentions(text) for text in texts]
    assert verbs == [[m.span() for m in attribution._verbs(text)] for text in texts]
    assert sum(map(bool, found)) > 1000 and sum(map(bool, verbs)) > 100


def _random_texts(seed: int, count: int) -> list[str]:
    """Letters, digits and marks of every kind run together: ASCII, the uncased marks, letters with case
    outside ASCII and those that fold into ASCII when lower-cased (the Kelvin sign, the dotted capital I)."""
    rng = random.Random(seed)
    alphabet = "aZ9 ,.-_'’‘“”–—…«»\u00a0éÉßſ\u212aİ€$٣\U0001f600\n"
    words = ["said", "Novak", "KELVIN", "x" * 300, "X" * 257 + "é"]
    pick = lambda: rng.choice(alphabet) if rng.random() < 0.7 else rng.choice(words)  # noqa: E731
    return ["".join(pick() for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.skipif(not words.HAVE_KERNEL, reason="bot/facts/_runs.c is not built")
def test_the_compiled_letter_runs_equal_the_python_reference(texts: list[str]) -> None:
    """bot/facts/_runs.c against bot/facts/words.py's regex path: the seeds, every fixture, generated and
    random text (non-ASCII included), in every case; all the runs, and the runs looked for."""
    from bot.facts import _runs  # type: ignore[attr-defined,unused-ignore]

    cased = [v for text in texts for v in (text, text.upper(), text.swapcase())] + _random_texts(3, 5000)
    looked_for = words.looked_for()
    assert {"said", "he", "minister", "putin", "monday", "minutes"} <= looked_for  # every test's words
    plain = 0
    try:
        _runs.set_vocabulary(None)
        every = [_runs.plain_runs(text) for text in cased]
    finally:
        _runs.set_vocabulary(sorted(looked_for))
    for text, runs in zip(cased, every, strict=True):
        reference = words.python_plain_runs(text)
        assert runs == reference, text
        kept = _runs.plain_runs(text)
        assert kept == (None if reference is None else reference & looked_for), text
        assert _runs.has_digit(text) == words.python_has_digit(text), text
        plain += runs is not None
    assert 0 < plain < len(cased) and any(words.python_has_digit(t) for t in cased)
    words.plain_runs.cache_clear()
    words.letter_runs.cache_clear()
    for text in cased:
        assert words.letter_runs(text) & looked_for == words.python_letter_runs(text) & looked_for


def _alias_texts(config: Config, seed: int, count: int) -> list[str]:
    """The people's aliases run together with what borders a word or breaks it (marks, white space of
    every kind, apostrophes, dashes, digits, letters outside ASCII), in every case."""
    rng = random.Random(seed)
    names = [a for e in config.entities for a in (e.name, *e.aliases)]
    joins = [
        " ",
        "",
        "\t",
        "\n",
        "\x1c",
        "\u00a0",
        "  ",
        "-",
        "_",
        "’",
        "'",
        "’s",
        "'s ",
        "’ ",
        "é",
        "5",
        "—",
        "“",
    ]
    texts = []
    for _ in range(count):
        text = "".join(rng.choice(names) + rng.choice(joins) for _ in range(rng.randint(1, 6)))
        text = text.replace(" ", rng.choice([" ", "  ", "\u00a0", "\n"]))
        texts.append(rng.choice([text, text.upper(), text.lower(), text.swapcase()]))
    return texts


@pytest.mark.skipif(lexicon._aliases is None, reason="bot/facts/_aliases.c is not built")
def test_the_compiled_alias_scan_equals_the_alternations(texts: list[str], config: Config) -> None:
    """bot/facts/_aliases.c against the people's alternations it stands for (on the text, or lower-cased):
    the same spans, canonical names and possessives on the seeds, every fixture, generated and random text
    (non-ASCII included), in every case; None exactly for the texts that are not plain."""
    quick = SpeakerLexicon(config.entities)
    assert quick._exact_table is not None and quick._folded_table is not None
    assert quick._exact is not None and quick._folded_lower is not None
    cased = [v for text in texts for v in (text, text.upper(), text.swapcase())]
    cased += _random_texts(4, 3000) + _alias_texts(config, 6, 5000)
    scans = [(quick._exact, quick._exact_table, False), (quick._folded_lower, quick._folded_table, True)]
    found = 0
    for text in cased:
        for pattern, table, lower in scans:
            spans = lexicon._aliases.spans(text, table[0], lower)
            if words.python_plain_runs(text) is None:
                assert spans is None, text
                continue
            reference = [
                quick._person(text, *m.span()) for m in pattern.finditer(text.lower() if lower else text)
            ]
            assert quick._people(text, pattern, table, lower=lower) == reference, text
            found += len(reference)
    assert found > 5000


def test_the_hints_skip_only_texts_their_patterns_cannot_match(texts: list[str]) -> None:
    """A text without the names' or the joined sentences' hint has no match of the pattern it guards."""
    cased = [v for text in texts for v in (text, text.upper(), text.title())] + _random_texts(4, 5000)
    hinted = 0
    for text in cased:
        if lexicon._NAME.search(text) is not None:
            assert lexicon._NAME_HINT.search(text) is not None, text
            hinted += 1
        if len(attribution._JOINED_SENTENCES.split(text)) > 1:
            assert attribution._JOINED_HINT.search(text) is not None, text
    assert hinted > 100


def test_may_end_skips_only_texts_an_end_anchored_pattern_cannot_match() -> None:
    """Each end-anchored pattern searched only where `may_end` says it may match: on random tails of its
    words, other words and white space of every kind, in every case, it never matches where `may_end`
    says it cannot."""
    guarded = [
        (figures._AT_LEAST(), figures._AT_LEAST_ENDS, True),
        (figures._AT_MOST(), figures._AT_MOST_ENDS, True),
        (figures._SINCE(), figures._SINCE_ENDS, True),
        (figures._LASTED(), figures._LASTED_ENDS, True),
        (attribution._INFINITIVE, ("to",), True),
        (attribution._PREPOSITION_BEFORE, attribution._PREPOSITIONS, False),
    ]
    vocabulary = sorted(
        {w for _, words, _ in guarded for w in words} | {"more", "up", "a", "in", "went", "x"}
    )
    vocabulary += ["talks", "leaſt", "Tö", "more than", "at least", "the last", "first", "é"]
    spaces = [" ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2003", "", "-", ","]
    rng = random.Random(9)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(vocabulary) + rng.choice(spaces) for _ in range(rng.randint(1, 6)))
        text = rng.choice([text, text.upper(), text.title(), text.swapcase()])
        for pattern, ends, spaced in guarded:
            if pattern.search(text):
                matched += 1
                assert words.may_end(text, ends, spaced=spaced), (pattern.pattern, text)
    assert matched > 3000  # every pattern matches often


def _blank_reference(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for lo, hi in spans:
        for i in range(lo, hi):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def test_quotations_masked_as_character_by_character(articles: tuple[Article, ...], config: Config) -> None:
    """Masking by spans (quotations._blanked) and the sentences a quotation may touch (_touched) against
    a character-by-character blanking of every sentence of the seeds and fixtures."""
    lexicon = SpeakerLexicon(config.entities)
    masked = 0
    for article in articles:
        found = quotations._find(article, lexicon, config.facts)
        bounds = [(item.start, item.end) for item in found]
        touched = quotations._touched(article.sentences, bounds)
        for index, sentence in enumerate(article.sentences):
            spans = [(max(a, sentence.start), min(b, sentence.end)) for a, b in bounds]
            spans = [(lo - sentence.start, hi - sentence.start) for lo, hi in spans if lo < hi]
            expected = _blank_reference(sentence.text, spans)
            assert quotations._masked_sentence(bounds, sentence) == expected
            assert index in touched or expected == sentence.text
            masked += expected != sentence.text
        for para in quotations._paragraphs(article.text, config.facts.short_inner_words):
            spans = [(s.start, s.end) for s in para.spans]
            assert para.masked == _blank_reference(para.text, spans)
    assert masked > 50
    text = "a\u00a0“b\tc\u2003d” e\x1cf"
    assert quotations._blanked(text, [(1, 9), (3, 5)]) == _blank_reference(text, [(1, 9), (3, 5)])


_FIGURE_PIECES = (
    "a an A the for more than up to in last next past few several first this week weeks month year day days"
    " hours minutes decade Monday May March Marching today later earlier ninety twenty-five half quarter"
    " million people talks lasted went on took met meeting of 5 12 90 2015 1999 20 3.5 250,000 $ % per cent"
    " coming following several few days ago after before hours years"
    " , . ; - ’s \n \t \u00a0 Ünïcode"
).split(" ")


def _figure_texts(seed: int, count: int) -> list[str]:
    """Texts of the words the figures' patterns and cues read, run together in every order and spacing."""
    rng = random.Random(seed)
    joins = (" ", " ", " ", "  ", "-", "\n", "")
    return [
        "".join(rng.choice(_FIGURE_PIECES) + rng.choice(joins) for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def test_the_figures_scans_start_where_no_match_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where figure_cues.FigureCues starts the quantities', dates' and "for" tails' scans (and the word
    tests that skip the "since" and "lasted" searches): the same figures as every pattern run from the
    start."""
    texts = [*_figure_texts(11, 4000), "They met in New York for about some 90 minutes, no more than 2 days"]
    measured = {"met": "meet", "talks": "talk"}  # what a "for" tail's words say a length is of
    quick = [figures.read_figures(text, measured) for text in texts]
    starts = [(c.quantity_from(), c.date_from()) for c in map(figure_cues.FigureCues, texts)]
    monkeypatch.setattr(figures, "FigureCues", _EveryPattern)
    monkeypatch.setattr(figures, "may_end", lambda *_, **__: True)
    monkeypatch.setattr(figures, "tail_from", lambda *_: 0)  # and searched from its start
    assert quick == [figures.read_figures(text, measured) for text in texts]
    assert sum(f.measures == "meet" for found in quick for f in found) > 50
    assert sum(map(len, quick)) > 5000
    assert sum(q > 0 for q, _ in starts) > 200 and sum(d > 0 for _, d in starts) > 200  # scans cut short


def _name_texts(seed: int, count: int) -> list[str]:
    """Capitalised words run together with hyphens, digits, underscores, marks and every kind of space."""
    rng = random.Random(seed)
    pieces = (
        "Ab Novak Mc Donald Anna Smith-Jones Al-Assad O-Ne Cd-ef Cd-Ef9 B2 Ba_ Zz x ab A - -- _ é ’s ' . , "
        "Said Pointed pointed said out told-x said_ emphasized emphasised"
    ).split(" ")
    joins = ("", " ", " ", "  ", "-", "\n", "\u00a0", "\x1c", "\t", "\u2003")
    return [
        "".join(rng.choice(pieces) + rng.choice(joins) for _ in range(rng.randint(1, 14)))
        for _ in range(count)
    ]


@pytest.mark.skipif(lexicon._aliases is None, reason="bot/facts/_aliases.c is not built")
def test_the_compiled_name_speech_verb_and_pronoun_scans_equal_their_patterns(texts: list[str]) -> None:
    """bot/facts/_aliases.c's `names`, speech verbs and pronouns (edges `\\b`) against `_NAME`, SPEECH_VERB
    and `_PRONOUN`: the same spans on every plain text, None for any other."""
    cases = [v for t in texts for v in (t, t.upper(), t.title())] + _name_texts(5, 20000)
    names = verbs = pronouns = 0
    for text in cases:
        plain = words.python_plain_runs(text) is not None
        found = lexicon._aliases.names(text)
        assert (found is None) == (not plain), text
        verb_spans = [v.span() for v in lexicon.speech_verbs(text, plain)]
        assert verb_spans == [m.span() for m in lexicon.SPEECH_VERB.finditer(text)], text
        pronoun_spans = lexicon._whole_words(text, plain, lexicon._PRONOUN_TABLE, lexicon._PRONOUN)
        assert pronoun_spans == [m.span() for m in lexicon._PRONOUN.finditer(text)], text
        if plain:
            assert found == [m.span() for m in lexicon._NAME.finditer(text)], text
            names += len(found)
        verbs += len(verb_spans)
        pronouns += len(pronoun_spans)
    assert names > 5000 and verbs > 2000 and pronouns > 1000


# The mention patterns as they read with `\b` first (lexicon.py opens them with their first character, then
# a lookbehind that is that `\b`): the same matches and groups.
_WORD_START_FORMS = {
    "_ROLE": rf"\b(?:the|The)\s+(?:{lexicon._phrases(lexicon._ROLE_NOUNS)})\b(?!['’]s)",
    "_DESCRIBED": rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w.’'-]+\s+){{0,3}}?(?:{lexicon._SOURCE_NOUNS})\b(?!s)"
    r"(?!\s+[A-Z][a-z])",
    "_DEFINITE": rf"\b(?:the|The)\s+(?:[\w.’'-]+\s+)?(?P<noun>{lexicon._SOURCE_NOUNS})\b(?!s)",
    "_ORGANISATION": r"\b[Tt]he\s+(?:[A-Z][\w.’'-]*\s+){0,4}(?:"
    + "|".join(f"[{n[0].upper()}{n[0]}]{n[1:]}" for n in lexicon._INSTITUTION_NOUNS)
    + rf"|{lexicon._phrases(lexicon._INSTITUTION_NAMES)})\b(?!['’]s)",
}


def test_the_mention_patterns_opening_with_a_character_equal_their_word_boundary_forms(
    texts: list[str],
) -> None:
    rng = random.Random(3)
    heads = ("the", "The", "THE", "a", "A", "an", "An", "one", "One", "ONE", "xthe", "_a", "-the", "3an", "é")
    nouns = (*lexicon._ROLE_NOUNS, *lexicon._SOURCE_NOUN_WORDS[:12], *lexicon._INSTITUTION_NOUNS, "Kremlin")
    joins = (" ", "  ", "\n", "\u00a0", "", "-", "’s ", "'s ", "s ")
    made = [
        "".join(
            rng.choice((*heads, "US", "Russian", "Foreign", "senior", *nouns)).replace("_", " ")
            + rng.choice(joins)
            for _ in range(rng.randint(2, 10))
        )
        for _ in range(6000)
    ]
    found = 0
    for text in [v for t in texts for v in (t, t.lower(), t.title())] + made:
        for name, form in _WORD_START_FORMS.items():
            quick = [(m.span(), m.groups()) for m in getattr(lexicon, name).finditer(text)]
            assert quick == [(m.span(), m.groups()) for m in re.finditer(form, text)], (name, text)
            found += len(quick)
    assert found > 1000


@pytest.mark.skipif(not words.HAVE_KERNEL, reason="bot/facts/_runs.c is not built")
def test_a_months_name_at_a_words_start_found_in_c_as_by_the_pattern(texts: list[str]) -> None:
    """words.starts_word (bot/facts/_runs.c) against figures' `_MONTH_START`: the same answer on every ASCII
    text, None for any other."""
    rng = random.Random(9)
    pieces = ("May", "Mayor", "March", "5March", "_June", "xJuly", "-July", "JUNE", "june", "Dec", "December")
    made = [
        "".join(rng.choice((*pieces, " ", "é", "a", "9")) for _ in range(rng.randint(0, 8)))
        for _ in range(5000)
    ]
    found = 0
    for text in [*texts, *made]:
        answer = words.starts_word(text, figure_cues.MONTH_CAPITALS)
        if not text.isascii():
            assert answer is None, text
            continue
        assert answer == (figure_cues.MONTH_START().search(text) is not None), text
        found += bool(answer)
    assert found > 1000


def test_the_for_tail_pattern_finds_the_first_match_of_its_plain_form(texts: list[str]) -> None:
    """figures' `_FOR_TAIL` opens with a lookbehind (no [\\w-] before it): the same first match, groups
    included, as the pattern without it, from every start the figures reader searches from."""
    plain = re.compile(r"(?P<lead>(?:[\w-]+\s+){1,4})for\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
    found = 0
    for text in [*texts, *_figure_texts(13, 3000)]:
        for cut in {len(text), text.rfind("for ") + 4, text.lower().rfind("for") + 4}:
            before = text[:cut]
            for start in (0, figures.tail_from(before, figures._FOR_TAIL_WORDS)):
                quick, reference = figures._FOR_TAIL().search(before, start), plain.search(before, start)
                assert (quick and (quick.span(), quick.groups())) == (
                    reference and (reference.span(), reference.groups())
                ), before
                found += quick is not None
    assert found > 1000
