"""The project's exceptions: each one's message is shown to the user as it is."""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "CorpusError",
    "IngestError",
    "InputError",
    "NeedsWriter",
    "SummitbotError",
]


class SummitbotError(Exception):
    """Base class: an expected failure whose message is fit to show a user."""

    exit_code = 1


class ConfigError(SummitbotError):
    """config.yaml is missing, unreadable or has a bad key (the message names the file, line and key)."""

    exit_code = 2


class CorpusError(SummitbotError):
    """A corpus file is missing or broken (the message names the file and, where it can, the line)."""


class NeedsWriter(CorpusError):
    """A load-only read found a saved store that would have to be (re)built: the caller loads it again
    under the writer lock (bot/service.py), so a user never sees this one."""


class IngestError(SummitbotError):
    """An article cannot be added to the corpus; the corpus is left as it was."""


class InputError(SummitbotError):
    """A user's input (a question, a topic, an option) cannot be used."""
