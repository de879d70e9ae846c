"""A speech's salutation on its own line: "Dear colleagues,", "Ladies and gentlemen,".

A speech printed as a page opens with the speaker addressing the hall, a short line ending in a comma,
right above the first paragraph. It is the speech's first words, not a heading of the page.
"""

from __future__ import annotations

import re

__all__ = ["is_salutation"]

_SALUTATION = re.compile(
    r"^(?:(?:my )?dear|ladies and gentlemen|excellenc(?:y|ies)|distinguished|honou?rable|mr\.? president)"
    r"[\w ,.'’-]{0,80},$",
    re.IGNORECASE,
)


def is_salutation(text: str) -> bool:
    """True for a short address to an audience ending in a comma."""
    return bool(_SALUTATION.match(text.strip()))
