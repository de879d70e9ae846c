"""Where an answer's CPU goes, stage by stage: thread CPU per answer of each coarse step of `service.ask`.

    python -m bench.answer_stages seed            # qa_dev, qa_dev2, qa_reworded in process (warm), 3 passes
    python -m bench.answer_stages batch           # 800 generated questions in batches of 16, as an answer
                                                  # process of the Discord bot asks them (seed corpus)
    python -m bench.answer_stages batch --channel # the same, all in one channel's conversation, as
                                                  # bench.discord_burst asks them
    python -m bench.answer_stages generated --sentences 100000 --workdir DIR   # first-time answers over a
                                                  # generated corpus (bench.scale's; its index kept in DIR)

Each stage is timed by a wrapper around one function (time.thread_time before and after, a few calls an
answer, so the wrappers cost little); nested stages are indented and counted in their parent too. A finer
split (per candidate) is better read from a sampling profiler: the wrappers' own cost would swamp it.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.ask import load_questions
from bench.paths import SHARED_EVAL
from bench.scale_corpus import generate_questions
from bot.config import load_config
from bot.errors import SummitbotError
from bot.service import CoverageService

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
SEED_SETS = (
    SHARED_EVAL / "qa_dev.yaml",
    SHARED_EVAL / "qa_dev2.yaml",
    ROOT / "tests" / "data" / "qa_reworded.yaml",
)
_SPENT: dict[str, float] = defaultdict(float)
_ORDER: list[str] = []  # the stages in the order they were wrapped (parents before their parts)


_BATCH = "an answer process's batch, all"


def _timed(owner: Any, name: str, label: str) -> None:
    """Wrap owner.name so its thread CPU is added to _SPENT[label]."""
    real: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return real(*args, **kwargs)
        finally:
            _SPENT[label] += time.thread_time() - start

    setattr(owner, name, wrapper)
    _ORDER.append(label)


def _instrument() -> None:
    import bot.answering as answering
    import bot.answering.candidates as candidates
    import bot.answering.features as features
    from bot.search import CorpusIndex

    _timed(CoverageService, "ask", "service.ask, all")
    _timed(candidates, "_analyse", "  question analysis (check, casual and typo folding, follow-up)")
    _timed(CorpusIndex, "query_tokens", "  query tokens")
    _timed(CorpusIndex, "search_tokens", "  BM25 candidates")
    _timed(CorpusIndex, "question_vector", "  the question's embedding (alone)")
    _timed(CorpusIndex, "question_vectors", "the batch's embedding (one pass, outside ask)")
    _timed(candidates, "_dense_hits", "  dense nearest sentences")
    _timed(candidates, "previous_hits", "  a follow-up's previous sentences")
    _timed(candidates, "query_concepts", "  the question's concepts")
    _timed(candidates, "unknown_names", "  names the coverage lacks")
    _timed(candidates, "candidate_features", "  candidates' features")
    _timed(features, "_semantic", "    cosines and focus cosines")
    _timed(features, "answerability_rows", "    answerability")
    _timed(features, "question_pairs", "    the question's word pairs")
    _timed(answering, "decide", "  decision (probabilities, ranking, answers)")
    _timed(answering, "remember_answer", "  conversation kept")


def _seed(rounds: int) -> int:
    from bench.ask import _ask_one

    service = CoverageService(load_config(ROOT / "config.yaml"))
    asked = []
    for path in SEED_SETS:
        for question, follows in load_questions(path):
            with contextlib.suppress(SummitbotError):  # refused ones are left out of the timing
                _ask_one(service, question, follows)
                asked.append((question, follows))
    _SPENT.clear()
    for _ in range(rounds):
        for question, follows in asked:
            _ask_one(service, question, follows)
    return rounds * len(asked)


def _batch(count: int, channel: bool) -> int:
    from bot.conversation import Conversation
    from bot.discord import processes

    # with `channel`, every question in one channel's conversation, as bench.discord_burst's all are
    conversation = Conversation() if channel else None
    config = load_config(ROOT / "config.yaml")
    processes._service = CoverageService(config)
    questions = list(dict.fromkeys(generate_questions(4 * count)))
    size = config.discord.question_batch
    processes._ask_batch([(q, conversation, 3) for q in questions[:size]])  # warm-up: loads, caches
    questions = questions[size : size + count]
    _SPENT.clear()
    start = time.thread_time()
    for at in range(0, len(questions), size):
        processes._ask_batch([(q, conversation, 3) for q in questions[at : at + size]])
    _SPENT[_BATCH] = time.thread_time() - start
    return len(questions)


def _generated(sentences: int, workdir: Path) -> int:
    from bench.scale import _config, _index
    from bench.scale_corpus import generate_articles

    config = _config(workdir)
    index = _index(config, tuple(generate_articles(sentences, config)), sentences)
    service = CoverageService(config, index=index)
    questions = generate_questions(200)
    for question in questions[:20]:  # warm-up, as bench.scale's
        with contextlib.suppress(SummitbotError):
            service.ask(question)
    _SPENT.clear()
    cpu = []
    for question in questions:
        start = time.thread_time()
        with contextlib.suppress(SummitbotError):
            service.ask(question)
        cpu.append(time.thread_time() - start)
    print(f"median {1000 * statistics.median(cpu):.2f} ms of CPU an answer")
    return len(questions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.answer_stages", description=__doc__.splitlines()[0]
    )
    parser.add_argument("mode", choices=("seed", "batch", "generated"))
    parser.add_argument("--rounds", type=int, default=3, help="seed: passes over the questions")
    parser.add_argument("--questions", type=int, default=800, help="batch: generated questions")
    parser.add_argument(
        "--channel", action="store_true", help="batch: every question in one channel's conversation"
    )
    parser.add_argument("--sentences", type=int, default=100_000, help="generated: corpus size")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/summitbot-same-answers"))
    args = parser.parse_args(argv)
    _instrument()
    if args.mode == "seed":
        answers = _seed(args.rounds)
    elif args.mode == "batch":
        answers = _batch(args.questions, args.channel)
    else:
        args.workdir.mkdir(parents=True, exist_ok=True)
        answers = _generated(args.sentences, args.workdir)
    print(f"| {args.mode}: {answers} answers | ms of thread CPU an answer |\n|---|---|")
    for label in [_BATCH, *_ORDER]:
        if label in _SPENT:
            depth = len(label) - len(label.lstrip())
            print(f"| {'- ' * (depth // 2)}{label.strip()} | {1000 * _SPENT[label] / answers:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
