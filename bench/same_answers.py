"""Dump every answer of the gold question files and the generated questions, to prove a speed-up changed none.

    python -m bench.same_answers --out before.json [--sentences 200000] [--workdir /tmp/sa]
    python -m bench.same_answers --out after.json ... && diff before.json after.json

Seed corpus (config.yaml): every question of the dev, dev2, held-out and reworded gold files, a follow-up
asked after the question it follows in one conversation; with --seed-generated N, also N generated
questions asked in batches as the Discord answer processes ask them. Generated corpus
(bench/scale_corpus.py, its index persisted under --workdir so a second run loads it): the 200 generated
questions. Each reply is written in full (answers in order, their sentences, sources, scores and
probabilities rounded to 6 places, declined, closest, scope, unknown names); a rejected question is
written as its error's message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.ask import load_questions
from bench.paths import SHARED_EVAL
from bench.scale import _config, _index
from bench.scale_corpus import generate_articles, generate_questions
from bot.config import load_config
from bot.conversation import Conversation
from bot.errors import InputError
from bot.results import AskResult
from bot.service import CoverageService

__all__ = ["main"]

ROOT = Path(__file__).resolve().parent.parent
GOLD = (
    SHARED_EVAL / "qa_dev.yaml",
    SHARED_EVAL / "qa_dev2.yaml",
    ROOT / "tests" / "data" / "qa_heldout.yaml",
    ROOT / "tests" / "data" / "qa_reworded.yaml",
)


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def _reply(service: CoverageService, question: str, conversation: Conversation | None) -> Any:
    try:
        result: AskResult = service.ask(question, conversation=conversation)
    except InputError as exc:
        return {"error": str(exc)}
    return _data(result)


def _data(result: AskResult) -> Any:
    data = result.to_dict()
    data["answers"] = [a.to_dict() | {"score": a.score, "probability": a.probability} for a in result.answers]
    data["probability"] = result.probability
    data["resolved_question"] = result.resolved_question
    return _rounded(data)


def seed_replies() -> dict[str, list[Any]]:
    service = CoverageService(load_config(ROOT / "config.yaml"))
    out: dict[str, list[Any]] = {}
    for path in GOLD:
        replies = []
        for question, follows in load_questions(path):
            conversation = None
            if follows is not None:
                conversation = Conversation()
                _reply(service, follows, conversation)
            replies.append([question, _reply(service, question, conversation)])
        out[path.name] = replies
    return out


def seed_generated_replies(count: int) -> list[Any]:
    """Replies to `count` generated questions (bench/scale_corpus.py) over the seed corpus, asked as the
    answer processes ask a burst's (bot/discord/processes.py): `discord.question_batch` at a time, their
    vectors from one forward pass. Most name a word the corpus lacks: the typo folding's work."""
    from bot.discord import processes

    config = load_config(ROOT / "config.yaml")
    processes._service = CoverageService(config)
    questions = list(dict.fromkeys(generate_questions(2 * count)))[:count]
    size, out = config.discord.question_batch, []
    for start in range(0, len(questions), size):
        batch = questions[start : start + size]
        for question, (result, _) in zip(
            batch, processes._ask_batch([(q, None, 3) for q in batch]), strict=True
        ):
            out.append([question, {"error": str(result)} if isinstance(result, Exception) else _data(result)])
    return out


def generated_replies(workdir: Path, sentences: int, queries: int) -> list[Any]:
    config = _config(workdir)
    articles = generate_articles(sentences, config)
    service = CoverageService(config, index=_index(config, articles, sentences))
    return [[q, _reply(service, q, None)] for q in generate_questions(queries)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sentences", type=int, default=200_000, help="0: the seed corpus only")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/summitbot-same-answers"))
    parser.add_argument(
        "--seed-generated", type=int, default=0, help="this many generated questions over the seed corpus too"
    )
    args = parser.parse_args(argv)
    data: dict[str, Any] = {"seed": seed_replies()}
    if args.seed_generated:
        data["seed_generated"] = seed_generated_replies(args.seed_generated)
    if args.sentences:
        args.workdir.mkdir(parents=True, exist_ok=True)
        data["generated"] = generated_replies(args.workdir, args.sentences, args.queries)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
