"""The index build's stages, each timed alone in one process: `python -m bench.build_stages [--sentences N]`.

On a seeded generated corpus (bench/scale_corpus.py, the shipped config), the CPU time of each stage of
`summitbot index` over every sentence, as µs a sentence: the tokenizer, the sentence terms saved for
answers (and both in the one pass the build makes, also by the Python definitions alone), speaker
attribution, the figures reader, the whole per-article read (all of those plus encoding each sentence's facts and terms, as a forked worker does it),
the per-article read's result through the workers' pipe (multiprocessing pickles it in the worker and
unpickles it in the parent), the same-statement grouping, the token numbers (a worker's numbering of its chunk, and the parent's join
of the chunks), the BM25 build (from token lists, and from the numbers the build's workers send), and
the saved terms computed in a pass of their own.
CPU time (time.process_time) in this process alone: other processes on the machine change it less than
wall time, but it is still noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.scale_corpus import generate_articles
from bot import name_patterns
from bot import tokenizer as tokenizer_code
from bot.config import load_config
from bot.facts.builder import _Reader
from bot.facts.figures import read_figures
from bot.facts.grouping import group_statements
from bot.facts.quotations import article_speech
from bot.forkpool import chunks
from bot.retrieval.bm25 import SparseBM25
from bot.retrieval.token_ids import ChunkIds, TokenIds
from bot.sentence_terms import SentenceTerms
from bot.tokenizer import Tokenizer

__all__ = ["main"]


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def stages(sentences: int, config_path: str) -> list[tuple[str, float]]:
    """(stage, CPU seconds) for a corpus of `sentences` sentences."""
    config = load_config(config_path)
    articles = generate_articles(sentences, config)
    texts = [s.text for a in articles for s in a.sentences]
    tokenizer = Tokenizer(config.entities, config.synonyms)
    reader = _Reader(articles, config, tokenizer, keep_tokens=True)
    rows: list[tuple[str, float]] = []
    took, tokens = _timed(lambda: [tokenizer.tokenize(t) for t in texts])
    rows.append(("tokenizer (`Tokenizer.tokenize`)", took))
    took, _ = _timed(lambda: [tokenizer.names_and_words(t) for t in texts])
    rows.append(("sentence terms (`Tokenizer.names_and_words`)", took))
    took, _ = _timed(lambda: [tokenizer.tokens_and_terms(t) for t in texts])
    rows.append(("both in one pass, as the build does (`Tokenizer.tokens_and_terms`)", took))
    took, _ = _timed(lambda: _uncompiled(lambda: [tokenizer.tokens_and_terms(t) for t in texts]))
    rows.append(
        ("the same by the Python definitions alone (without bot/_wordscan's analysis and names)", took)
    )
    rows.append(("speaker attribution (`article_speech`)", _timed(lambda: _speech(articles, reader))[0]))
    took, _ = _timed(lambda: [read_figures(t, reader.measured) for t in texts])
    rows.append(("figures reader (`read_figures`)", took))
    reader.keep_terms = True  # as a persisted index's build reads them
    took, part = _timed(lambda: reader.read(range(len(articles))))
    rows.append(("per-article read, all of the above and encoding (one worker's job)", took))
    took, sent = _timed(lambda: pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    rows.append(("the per-article read's result pickled for the pipe (in the worker)", took))
    took, part = _timed(lambda: pickle.loads(sent))
    rows.append(("the same unpickled (in the parent, while the workers read)", took))
    took, _ = _timed(lambda: group_statements(part.statements, config.facts))
    rows.append(("same-statement grouping (one process)", took))
    rows.append(("BM25 build from token lists", _timed(lambda: SparseBM25(tokens, config.retrieval))[0]))
    jobs = chunks(len(tokens), config.build.chunk_articles * 50)  # as the workers number them
    took, parts = _timed(lambda: [_chunk_ids(tokens[job.start : job.stop]) for job in jobs])
    rows.append(("a chunk's token numbers, in the workers (`ChunkIds.add`)", took))
    numbered = TokenIds()
    took, _ = _timed(lambda: _joined(numbered, parts))
    rows.append(("the chunks' numbers joined, in the parent (`TokenIds.add`)", took))
    took, _ = _timed(lambda: SparseBM25(numbered, config.retrieval))
    rows.append(("BM25 build from the workers' token numbers (as the build does)", took))
    titles = [a.title for a in articles]
    took, _ = _timed(lambda: SentenceTerms.build(tokenizer, texts, titles))
    rows.append(("saved terms in a pass of their own (before: the build's serial last step)", took))
    return rows


def _uncompiled(fn: Callable[[], Any]) -> Any:
    """`fn()` with the tokenizer's compiled analysis and name matcher turned off (their Python definitions
    serve, as without a compiler)."""
    analyse, names = tokenizer_code._ANALYSE, name_patterns._NAMES
    tokenizer_code._ANALYSE, name_patterns._NAMES = None, None
    try:
        return fn()
    finally:
        tokenizer_code._ANALYSE, name_patterns._NAMES = analyse, names


def _chunk_ids(sentences: Sequence[list[str]]) -> ChunkIds:
    chunk = ChunkIds()
    for tokens in sentences:
        chunk.add(tokens)
    return chunk


def _joined(numbered: TokenIds, parts: Sequence[ChunkIds]) -> None:
    for part in parts:
        numbered.add(part)


def _speech(articles: Sequence[Any], reader: _Reader) -> None:
    for article in articles:
        article_speech(article, reader.lexicon, reader.config.facts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=100_000, help="corpus size (50 a article)")
    parser.add_argument("--config", default="config.yaml", help="settings (default config.yaml)")
    args = parser.parse_args(argv)
    rows = stages(args.sentences, args.config)
    print("| stage | CPU s | µs a sentence |\n|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / args.sentences * 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
