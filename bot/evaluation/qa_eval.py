"""Question-answering evaluation against a gold file in the format of shared/eval/qa_dev.yaml.

Each follow-up is asked as a user would: in one conversation, right after the question it follows (and
that one's own earlier questions, oldest first); every other question in a fresh one. A predicted answer
matches a gold sentence when it comes from the same article and one text contains the other once
whitespace, quote marks and case are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.conversation import Conversation
from bot.errors import InputError
from bot.results import Answer, AskResult
from bot.text import match_key, read_text

__all__ = [
    "GoldQuestion",
    "QAReport",
    "earlier_turns",
    "evaluate_qa",
    "format_report",
    "hit_matches",
    "load_answers",
    "load_gold",
    "matches",
    "score",
]

MAX_GOLD_BYTES = 10_000_000
# part of the scoring rule, not a setting of the bot: an answer inside a gold sentence counts only when it
# is at least this long (a fragment such as "the talks" is no answer); config must not move the yardstick
_MIN_PART_CHARS = 25

Ask = Callable[[str, Conversation], AskResult]


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    category: str
    gold: tuple[tuple[str, str], ...]  # (article id, sentence text)
    follows: str | None = None


@dataclass
class QAReport:
    """The figures `summitbot eval` prints."""

    total: int = 0
    answerable: int = 0
    correct_at_1: int = 0
    correct_at_3: int = 0
    unanswerable: int = 0
    declined_unanswerable: int = 0
    wrongly_declined: int = 0
    by_category: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)

    def merge(self, other: QAReport) -> None:
        """Add another report's counts to this one (several gold files, or folds, as one)."""
        for name in ("total", "answerable", "correct_at_1", "correct_at_3", "unanswerable"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.declined_unanswerable += other.declined_unanswerable
        self.wrongly_declined += other.wrongly_declined
        for name, counts in other.by_category.items():
            mine = self.by_category.setdefault(name, dict.fromkeys(counts, 0))
            for key, value in counts.items():
                mine[key] = mine.get(key, 0) + value
        self.failures.extend(other.failures)

    def figures(self) -> dict[str, Any]:
        return {
            "questions": self.total,
            "accuracy_at_1": _ratio(self.correct_at_1, self.answerable),
            "recall_at_3": _ratio(self.correct_at_3, self.answerable),
            "unanswerable_declined": f"{self.declined_unanswerable}/{self.unanswerable}",
            "answerable_declined": f"{self.wrongly_declined}/{self.answerable}",
            "by_category": {
                name: {
                    "questions": c["n"],
                    "correct_at_1": c["at1"],
                    "correct_at_3": c["at3"],
                    "declined": c["declined"],
                }
                for name, c in sorted(self.by_category.items())
            },
        }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def _read_yaml(path: Path, what: str) -> Any:
    try:
        return yaml.safe_load(read_text(path, MAX_GOLD_BYTES))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise InputError(f"{path}: cannot read the {what} ({reason})") from None


def _gold_sentences(items: Any) -> tuple[tuple[str, str], ...]:
    return tuple(
        (Path(str(g["file"])).stem, str(g["text"]))
        for g in items or []
        if isinstance(g, Mapping) and "file" in g and "text" in g
    )


def load_gold(path: Path, answers: Sequence[Path] = ()) -> list[GoldQuestion]:
    """Read a gold file; errors name the file and the question. `answers` are files of answer sentences
    that added pages give to this file's questions (see `load_answers`), joined to their gold."""
    data = _read_yaml(path, "gold file")
    if not isinstance(data, Mapping) or not isinstance(data.get("questions"), list):
        raise InputError(f"{path}: expected a mapping with a 'questions' list")
    added: dict[str, tuple[tuple[str, str], ...]] = {}
    for extra in answers:
        for qid, sentences in load_answers(extra).get(path.name, {}).items():
            added[qid] = added.get(qid, ()) + sentences
    out = []
    for i, item in enumerate(data["questions"]):
        if not isinstance(item, Mapping) or "question" not in item:
            raise InputError(f"{path}: questions[{i}] needs 'id' and 'question'")
        qid = str(item.get("id", i))
        out.append(
            GoldQuestion(
                id=qid,
                question=str(item["question"]),
                category=str(item.get("category", "all")),
                gold=_gold_sentences(item.get("gold")) + added.get(qid, ()),
                follows=item.get("follows"),
            )
        )
    return out


def load_answers(path: Path) -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """A file of answers that pages added to the corpus give: `answers: {gold file name: {question id:
    [{file, text}, ...]}}`. A question with none in its gold file (a trap) becomes answerable with them."""
    data = _read_yaml(path, "answers file")
    sets = data.get("answers") if isinstance(data, Mapping) else None
    if not isinstance(sets, Mapping) or not all(isinstance(v, Mapping) for v in sets.values()):
        raise InputError(f"{path}: expected 'answers: {{gold file: {{question id: [file, text]}}}}'")
    return {
        str(name): {str(qid): _gold_sentences(items) for qid, items in questions.items()}
        for name, questions in sets.items()
    }


def matches(answer: Answer, gold: Sequence[tuple[str, str]]) -> bool:
    """True when the answer is one of the gold sentences (or holds one, or is part of one)."""
    return hit_matches(answer.doc, answer.text, gold)


def hit_matches(doc: str, sentence: str, gold: Sequence[tuple[str, str]]) -> bool:
    """True when a sentence of article `doc` is a gold sentence (or holds one, or is part of one)."""
    key = match_key(sentence)
    for gold_doc, text in gold:
        gold_key = match_key(text)
        if gold_doc == doc and (gold_key in key or (len(key) >= _MIN_PART_CHARS and key in gold_key)):
            return True
    return False


def evaluate_qa(questions: Sequence[GoldQuestion], ask: Ask) -> QAReport:
    """Ask every gold question (follow-ups after the question they follow) and score the answers."""
    by_id = {q.id: q for q in questions}
    report = QAReport()
    for q in questions:
        conversation = Conversation()
        for earlier in earlier_turns(q, by_id):
            _safe_ask(ask, earlier.question, conversation)
        result = _safe_ask(ask, q.question, conversation)
        score(report, q, result)
    return report


def earlier_turns(q: GoldQuestion, by_id: Mapping[str, GoldQuestion]) -> list[GoldQuestion]:
    """The questions a follow-up continues, oldest first: the one it follows, and that one's own."""
    turns: list[GoldQuestion] = []
    seen = {q.id}
    while q.follows and q.follows in by_id and q.follows not in seen:
        q = by_id[q.follows]
        seen.add(q.id)
        turns.append(q)
    return turns[::-1]


def _safe_ask(ask: Ask, text: str, conversation: Conversation) -> AskResult | None:
    try:
        return ask(text, conversation)
    except InputError:
        return None


def score(report: QAReport, q: GoldQuestion, result: AskResult | None) -> None:
    """Count one question's result (None: refused as bad input, which counts as declined)."""
    report.total += 1
    cat = report.by_category.setdefault(q.category, {"n": 0, "at1": 0, "at3": 0, "declined": 0})
    cat["n"] += 1
    declined = result is None or result.declined
    cat["declined"] += int(declined)
    answers = () if result is None else result.answers
    if not q.gold:
        report.unanswerable += 1
        report.declined_unanswerable += int(declined)
        if not declined:
            report.failures.append({"id": q.id, "question": q.question, "got": answers[0].text})
        return
    report.answerable += 1
    report.wrongly_declined += int(declined)
    at1 = bool(answers) and matches(answers[0], q.gold)
    at3 = any(matches(a, q.gold) for a in answers[:3])
    report.correct_at_1 += int(at1)
    report.correct_at_3 += int(at3)
    cat["at1"] += int(at1)
    cat["at3"] += int(at3)
    if not at1:
        got = answers[0].text if answers else "(declined)"
        report.failures.append({"id": q.id, "question": q.question, "got": got, "at3": at3})


def format_report(report: QAReport, *, categories: bool = True) -> str:
    """The readable table (with the per-category table unless `categories` is False)."""
    f = report.figures()
    lines = [
        f"questions:               {f['questions']}",
        f"accuracy@1:              {f['accuracy_at_1']:.3f}",
        f"recall@3:                {f['recall_at_3']:.3f}",
        f"unanswerable declined:   {f['unanswerable_declined']}",
        f"answerable declined:     {f['answerable_declined']}",
    ]
    if not categories:
        return "\n".join(lines)
    lines += ["", f"{'category':28} {'n':>3} {'@1':>4} {'@3':>4} {'declined':>9}"]
    for name, c in f["by_category"].items():
        lines.append(
            f"{name:28} {c['questions']:>3} {c['correct_at_1']:>4} {c['correct_at_3']:>4} {c['declined']:>9}"
        )
    return "\n".join(lines)
