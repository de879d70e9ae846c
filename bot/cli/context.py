"""What every command handler gets: the settings and, built on first use, the core service."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Config, load_config
from bot.frozen import dataclass

if TYPE_CHECKING:
    from bot.service import CoverageService

__all__ = ["Context", "one_blas_thread", "print_json"]

_BLAS_THREADS = "OPENBLAS_NUM_THREADS"  # numpy's wheels carry OpenBLAS


@dataclass
class Context:
    """Lazily loads config.yaml (with the --corpus override) and the service."""

    config_path: str | None = None
    corpus: str | None = None
    _config: Config | None = field(default=None, repr=False)
    _service: CoverageService | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            config = load_config(self.config_path)
            if self.corpus:
                config = config.with_corpus(Path(self.corpus).resolve())
            self._config = config
        return self._config

    @property
    def service(self) -> CoverageService:
        if self._service is None:
            from bot.service import CoverageService

            self._service = CoverageService(self.config)
        return self._service


def print_json(data: Any) -> None:
    """One JSON document on stdout, UTF-8, keys in their natural order."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def one_blas_thread() -> None:
    """Before numpy loads, for a command that answers questions one at a time: a single BLAS thread.
    An answer's matrix products are small (the encoder already runs each under threadpoolctl's limit of
    one thread), so OpenBLAS's thread pool only cost its start: about 25 ms of CPU, more on a busy
    machine, of every `summitbot ask`. A value the user set is kept; once numpy is loaded it is too late
    to matter, so nothing is changed."""
    if "numpy" not in sys.modules:
        os.environ.setdefault(_BLAS_THREADS, "1")
