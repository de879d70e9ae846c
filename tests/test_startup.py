"""What a `summitbot ask` loads at start (issue 13): only the modules an answer uses, one BLAS thread, one
read of the model's vocabulary. The time itself is measured by bench/ask.py, never here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.semantic import dense, model_dir
from bot.semantic.wordpiece import WordPiece, piece_ids, vocabulary
from bot.semantic.words import is_dictionary_word

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "How long did the Putin-Obama meeting at the UN last?"
# The build, ingest, YAML, quotation and writer-lock machinery an answer from a saved index never runs.
NOT_ON_THE_ASK_PATH = (
    "yaml",
    "multiprocessing",
    "bot.facts.builder",
    "bot.facts.lexicon",
    "bot.facts.quotations",
    "bot.cleaner",
    "bot.corpus_ingest",
    "bot.evaluation.qa_eval",
    "filelock",
    "tempfile",
    "threadpoolctl",  # the encoder's BLAS limit, not needed when the CLI fixed the count before numpy
    "hashlib",  # OpenSSL's libcrypto: a start's cache keys are BLAKE2b (bot/digest.py), checksums not read
    "_hashlib",
)

_PROBE = """
import contextlib, io, os, sys, threading
import bot.cli
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = bot.cli.main(["ask", sys.argv[1]])
loaded = [m for m in sys.argv[2:] if m in sys.modules]
quick = bot.cli._FINISHED == [True] and threading.active_count() == 1  # bot.cli.run may skip the teardown
answered = bool(out.getvalue().strip())
from bot.facts import figures  # the figure patterns only a facts build uses: never compiled by an answer
compiled = figures._QUANTITY.cache_info().currsize + figures._DATE.cache_info().currsize
print(status, os.environ.get("OPENBLAS_NUM_THREADS"), ",".join(loaded) or "-", answered, quick, compiled)
"""


def _python(
    *argv: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter in the worktree (so its code, not an installed copy's, is what runs)."""
    command = [sys.executable, *argv]
    return subprocess.run(
        command, check=False, cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=120
    )


def _probe(env: dict[str, str]) -> str:
    done = _python("-c", _PROBE, QUESTION, *NOT_ON_THE_ASK_PATH, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_ask_imports_no_build_machinery_and_uses_one_blas_thread() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    _probe(env)  # the first start may write the config cache and the saved index (with YAML and the builder)
    assert _probe(env) == "0 1 - True True 0"


def test_a_blas_thread_count_the_user_set_is_kept() -> None:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2"}
    assert _probe(env).split()[1] == "2"
    # then the encoder's forward pass limits BLAS to its one thread itself, with threadpoolctl, where it
    # runs BLAS: numpy's attention (SUMMITBOT_HALFGEMM=1 caps the kernel at its AVX2 path, which has none)
    done = _python("-c", _PROBE, QUESTION, "threadpoolctl", env=env | {"SUMMITBOT_HALFGEMM": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[2] == "threadpoolctl"
    # the kernel's one-call pass (bot/semantic/_halfgemm.c `forward`) runs no BLAS: nothing to limit
    done = _python("-c", _PROBE, QUESTION, "threadpoolctl", env=env)
    assert done.returncode == 0, done.stderr
    one_call = dense.LEVEL >= 2 and dense._BUILT_WITH_FORWARD
    assert done.stdout.split()[2] == ("-" if one_call else "threadpoolctl")


def test_the_encoder_and_the_dictionary_share_one_read_of_the_vocabulary() -> None:
    path = model_dir() / "vocab.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert vocabulary(path) is vocabulary(path)  # read once
    assert list(vocabulary(path)) == (lines[:-1] if lines[-1] == "" else lines)
    assert WordPiece.from_file(path).vocab == {w: i for i, w in enumerate(vocabulary(path))}
    assert WordPiece.from_file(path).vocab is piece_ids(path)  # one table of pieces, shared
    words = {w for w in lines if w.isalpha() and w.isascii()}
    assert all(is_dictionary_word(w) for w in words)
    assert not any(is_dictionary_word(w) for w in lines if w not in words)
    assert is_dictionary_word("ruler") and not is_dictionary_word("##s") and not is_dictionary_word("rulerr")


def _bot(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return _python("-m", "bot", *argv, stdin=stdin)


def test_the_process_exit_keeps_the_output_and_the_status(capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m bot` ends an ask without the interpreter's teardown (bot.cli.run): the output is all
    there, flushed, and the status is main's, for an answer, a refusal and a conversation alike."""
    assert main(["ask", "--json", QUESTION]) == 0
    in_process = capsys.readouterr().out
    answered = _bot("ask", "--json", QUESTION)
    assert (answered.returncode, answered.stdout) == (0, in_process)
    assert json.loads(answered.stdout)["answers"]
    refused = _bot("ask", "   ")
    assert refused.returncode == 1 and refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1 and refused.stderr.startswith("summitbot: error: ")
    chat = _bot("chat", "--json", stdin=f"{QUESTION}\nand who said it?\n")
    assert chat.returncode == 0
    assert [json.loads(line)["question"] for line in chat.stdout.splitlines()] == [
        QUESTION,
        "and who said it?",
    ]
