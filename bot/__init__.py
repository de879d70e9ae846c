"""summitbot: answers questions about the press coverage of summit meetings, quoting its sources."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
