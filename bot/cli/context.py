"""What every command handler gets: the settings and, built on first use, the core service."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Config, load_config

if TYPE_CHECKING:
    from bot.service import CoverageService

__all__ = ["Context", "print_json"]


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
