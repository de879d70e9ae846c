"""The English words the sentence model's vocabulary knows whole: a dictionary that needs no other data."""

from __future__ import annotations

import logging
import threading

from bot.errors import ConfigError
from bot.semantic.encoder import model_dir

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
                lines = (model_dir() / "vocab.txt").read_text(encoding="utf-8").split("\n")
            except (ConfigError, OSError) as exc:
                log.warning("no dictionary for typo folding: %s", exc)
                lines = []
            _DICTIONARY.append(frozenset(w for w in lines if w.isalpha() and w.isascii()))
        return _DICTIONARY[0]
