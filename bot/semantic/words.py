"""The English words the sentence model's vocabulary knows whole: a dictionary that needs no other data."""

from __future__ import annotations

import logging
import threading

from bot.errors import ConfigError
from bot.semantic.encoder import model_dir
from bot.semantic.wordpiece import piece_ids

__all__ = ["is_dictionary_word"]

log = logging.getLogger(__name__)
_PIECES: list[dict[str, int]] = []
_LOCK = threading.Lock()


def is_dictionary_word(word: str) -> bool:
    """Whether the model's vocabulary spells `word` as one piece and it is all (ASCII) letters: a word
    spelt so is a real English word, never a typo ("ruler", "willing"); never, when the model is not
    installed. The encoder's own table of pieces (`piece_ids`) is read, not a set of its own."""
    return word.isalpha() and word.isascii() and word in _pieces()


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
