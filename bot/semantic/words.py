"""The English words the sentence model's vocabulary knows whole: a dictionary that needs no other data."""

from __future__ import annotations

import logging
import threading

import numpy as np

from bot.config import SemanticConfig
from bot.errors import ConfigError
from bot.semantic.encoder import model_dir
from bot.semantic.vectors import encoder_for
from bot.semantic.wordpiece import piece_ids

__all__ = ["is_dictionary_word", "word_vectors"]

log = logging.getLogger(__name__)
_PIECES: list[dict[str, int]] = []
_LOCK = threading.Lock()


def is_dictionary_word(word: str) -> bool:
    """Whether the model's vocabulary spells `word` as one piece and it is all (ASCII) letters: a word
    spelt so is a real English word, never a typo ("ruler", "willing"); never, when the model is not
    installed. The encoder's own table of pieces (`piece_ids`) is read, not a set of its own."""
    return word.isalpha() and word.isascii() and word in _pieces()


def word_vectors(settings: SemanticConfig) -> tuple[np.ndarray, dict[str, int]] | None:
    """The sentence model's word table (its input embeddings, a row per vocabulary piece) and its pieces'
    ids: words whose rows are near speak of near things ("tehran", "iran"). The process's one encoder is
    read (bot.semantic.vectors); None when the model cannot be loaded."""
    try:
        encoder = encoder_for(settings)
    except (ConfigError, OSError) as exc:
        log.warning("no word vectors: %s", exc)
        return None
    pieces = _pieces()
    return (encoder.words, pieces) if pieces else None


def _pieces() -> dict[str, int]:
    with _LOCK:
        if not _PIECES:
            try:
                found = piece_ids(model_dir() / "vocab.txt")  # the encoder's table
            except (ConfigError, OSError, UnicodeDecodeError) as exc:
                log.warning("no dictionary for typo folding: %s", exc)
                found = {}
            _PIECES.append(found)
        return _PIECES[0]
