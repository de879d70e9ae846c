"""The corpus's sentence vectors: embedded once at index time, saved as .npy (float16, no pickle), and the
question's vector at ask time. Above `semantic.max_sentences` nothing is embedded and callers go lexical."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bot.config import SemanticConfig
from bot.semantic.encoder import Encoder
from bot.semantic.prepared import FORMAT

__all__ = ["encoder_for", "load_or_embed", "semantic_enabled"]

log = logging.getLogger(__name__)

_ENCODERS: dict[tuple[str, int, bool], Encoder] = {}
_LOCK = threading.Lock()
# Sentences embedded in this process, by settings and text: an index rebuilt in memory over mostly the same
# articles (a grown corpus, an evaluation, the tests) embeds only its new sentences.
_MEMO: dict[tuple[str, int, str], np.ndarray] = {}
_MEMO_LIMIT = 100_000
# Part of the saved vectors' stamp: vectors made by another form of the weights (bot/semantic/prepared.py)
# are embedded again, so a question and the sentences it is compared with come from the same pass.
_WEIGHTS_FORM = f"w{FORMAT}"


def semantic_enabled(settings: SemanticConfig, sentences: int) -> bool:
    """Whether a corpus of this many sentences is embedded (the gate that keeps index builds fast)."""
    return settings.enabled and 0 < sentences <= settings.max_sentences


def encoder_for(settings: SemanticConfig, verified_dir: Path | None = None) -> Encoder:
    """The process's one encoder for these settings; its weights' check is remembered in `verified_dir`
    (an index folder) when given, so a later process with the file unchanged does not hash it again."""
    key = (settings.sha256, settings.max_tokens, settings.int8_questions)
    with _LOCK:
        encoder = _ENCODERS.get(key)
        if encoder is None:
            encoder = Encoder.load(
                settings.sha256, settings.max_tokens, verified_dir=verified_dir, int8=settings.int8_questions
            )
            _ENCODERS[key] = encoder
        return encoder


def load_or_embed(
    path: Path | None, stamp: str, texts: Callable[[], Sequence[str]], settings: SemanticConfig
) -> np.ndarray:
    """The unit vectors of `texts()`, float32 in memory (a float16 product has no BLAS: 6 ms against
    0.1 ms for 2,000 sentences) and float16 on disk: read from `path` when its stamp file matches `stamp`
    (and the weights' form), otherwise embedded and, with a `path`, saved there."""
    stamp = f"{stamp}-{_WEIGHTS_FORM}"
    stamp_path = path.with_suffix(".stamp") if path is not None else None
    if path is not None and stamp_path is not None and _stamped(path, stamp_path, stamp):
        try:
            vectors = np.asarray(np.load(path, allow_pickle=False), dtype=np.float32)
        except (OSError, ValueError) as exc:
            log.warning("%s: unreadable (%s); embedding again", path, exc)
        else:  # the stamp is removed before a file is replaced: still there, the file read was its own
            if _stamped(path, stamp_path, stamp):
                return vectors
    vectors = _embed_new(list(texts()), settings, None if path is None else path.parent)
    if path is not None and stamp_path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.npy")
        np.save(partial, vectors, allow_pickle=False)
        stamp_path.unlink(missing_ok=True)  # no moment shows the new file under the old stamp
        partial.replace(path)
        stamp_path.write_text(stamp, encoding="utf-8")
    return vectors.astype(np.float32)


def _stamped(path: Path, stamp_path: Path, stamp: str) -> bool:
    return path.is_file() and stamp_path.is_file() and stamp_path.read_text(encoding="utf-8") == stamp


def _embed_new(sentences: list[str], settings: SemanticConfig, verified_dir: Path | None) -> np.ndarray:
    """Unit vectors (float16) of `sentences`, embedding only those this process has not seen."""
    keys = [(settings.sha256, settings.max_tokens, text) for text in sentences]
    with _LOCK:
        new = list(dict.fromkeys(k for k in keys if k not in _MEMO))
    started = time.perf_counter()
    encoder = encoder_for(settings, verified_dir)
    embedded = encoder.embed([k[2] for k in new], settings.batch).astype(np.float16)
    log.info("embedded %d sentences in %.1f s", len(new), time.perf_counter() - started)
    with _LOCK:
        if len(_MEMO) + len(new) > _MEMO_LIMIT:
            _MEMO.clear()
        _MEMO.update(zip(new, embedded, strict=True))
        found = {k: _MEMO[k] for k in keys if k in _MEMO}
    fresh = dict(zip(new, embedded, strict=True))
    vectors = np.zeros((len(keys), encoder.dimension), dtype=np.float16)
    for i, key in enumerate(keys):
        vectors[i] = found[key] if key in found else fresh[key]
    return vectors
