"""What a `summitbot ask` loads at start (issue 13): only the modules an answer uses, one BLAS thread, one
read of the model's vocabulary. The time itself is measured by bench/ask.py, never here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.semantic import model_dir
from bot.semantic.wordpiece import WordPiece, vocabulary
from bot.semantic.words import dictionary_words

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "How long did the Putin-Obama meeting at the UN last?"
# The build, ingest, YAML and quotation machinery an answer from a saved index never runs.
NOT_ON_THE_ASK_PATH = (
    "yaml",
    "multiprocessing",
    "bot.facts.builder",
    "bot.facts.lexicon",
    "bot.facts.quotations",
    "bot.cleaner",
    "bot.evaluation.qa_eval",
)

_PROBE = """
import contextlib, io, os, sys
from bot.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(["ask", sys.argv[1]])
loaded = [m for m in sys.argv[2:] if m in sys.modules]
print(status, os.environ.get("OPENBLAS_NUM_THREADS"), ",".join(loaded) or "-", bool(out.getvalue().strip()))
"""


def _probe(env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, QUESTION, *NOT_ON_THE_ASK_PATH],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


def test_an_ask_imports_no_build_machinery_and_uses_one_blas_thread() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    _probe(env)  # the first start may write the config cache and the saved index (with YAML and the builder)
    assert _probe(env) == "0 1 - True"


def test_a_blas_thread_count_the_user_set_is_kept() -> None:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    assert _probe(env).split()[1] == "2"


def test_the_encoder_and_the_dictionary_share_one_read_of_the_vocabulary() -> None:
    path = model_dir() / "vocab.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert vocabulary(path) is vocabulary(path)  # read once
    assert list(vocabulary(path)) == (lines[:-1] if lines[-1] == "" else lines)
    assert WordPiece.from_file(path).vocab == {w: i for i, w in enumerate(vocabulary(path))}
    assert dictionary_words() == frozenset(w for w in lines if w.isalpha() and w.isascii())
    assert "ruler" in dictionary_words() and "##s" not in dictionary_words()
