"""The English words the sentence model's vocabulary knows whole: a dictionary that needs no other data."""

from __future__ import annotations

import logging
import threading

from bot.errors import ConfigError
from bot.semantic.encoder import model_dir
from bot.semantic.wordpiece import vocabulary

__all__ = ["dictionary_words"]

log = logging.getLogger(__name__)
_DICTIONARY: list[frozenset[str]] = []
_LOCK = threading.Lock()


def dictionary_words() -> frozenset[str]:
    """The English words the model's vocabulary spells as one piece (lower case, letters only): a word
    spelt so is a real word, never a typo ("ruler", "willing"); empty when the model is not installed."""
    with _LOCK:
        if not _DICTIONARY:
            try:
                lines: tuple[str, ...] = vocabulary(model_dir() / "vocab.txt")  # the encoder's read
            except (ConfigError, OSError, UnicodeDecodeError) as exc:
                log.warning("no dictionary for typo folding: %s", exc)
                lines = ()
            _DICTIONARY.append(frozenset(filter(str.isascii, filter(str.isalpha, lines))))
        return _DICTIONARY[0]
