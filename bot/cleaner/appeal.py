"""A paper's reader-funding appeal printed in the story's column (issue 9, round 64).

An appeal box opens and closes with a line addressing the reader's money ("Your support helps us to
tell the story" ... "Your support makes all the difference."); the paragraphs between speak for the
paper in the first person plural ("we need reporters on the ground", "our reporting"). Each such
paragraph is the appeal, not the story, when both ends of the box are appeal lines and few paragraphs
sit between them. Lone appeal lines: "Support our journalism", "Make a contribution",
"Independent journalism needs you", "Local journalism is essential.", "Give directly to PAPER's ... series,
which helps to offset the costs of reporter positions", a paragraph closed by "We rely on your support ...".
"""

from __future__ import annotations

import itertools
import re

from bot.cleaner.page import Page

__all__ = ["APPEAL_PATTERNS", "mark_appeal_boxes"]

_I = re.IGNORECASE

APPEAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "donate",
        re.compile(
            r"^your (?:support|donations?|contributions?|gifts?) (?:helps?|allows?|makes?|enables?|keeps?|"
            r"means?|lets?|funds?|powers?)\b.{0,160}$",
            _I,
        ),
    ),
    (
        "donate",
        re.compile(r"^(?:please )?(?:support|fund) (?:our|independent|quality) journalism\W{0,3}$", _I),
    ),
    (
        "donate",
        re.compile(
            r"^(?:make|give) a (?:one-off |one-time |monthly |small )?(?:contribution|donation)\W{0,3}$", _I
        ),
    ),
    ("donate", re.compile(r"^(?:independent|quality|free) journalism needs you\W{0,3}$", _I)),
    # a subscription box's pitch: "In a time of ..., quality journalism is more crucial than ever."
    (
        "donate",
        re.compile(
            r"^.{0,80}\b(?:quality|independent|local|good) journalism is (?:more |now |ever )?"
            r"(?:crucial|important|essential|vital|needed)\b.{0,20}$",
            _I,
        ),
    ),
    # "Local journalism is essential." over "Give directly to PAPER's ... reporter positions ..."
    (
        "donate",
        re.compile(
            r"^(?:local|independent|quality|public|community) journalism (?:is|matters)\b.{0,30}$", _I
        ),
    ),
    # a paragraph about the paper closed by its plea: "... for over 30 years. We rely on your support to
    # keep reporting independently." (no quotation mark: a story quoting a charity's plea keeps it)
    (
        "donate",
        re.compile(
            r"^[^\"“”]{0,300}(?:^|[.!?]\s+)(?:we|our (?:\w+ )?(?:team|newsroom|journalists|work)) "
            r"(?:rely|relies|depend|depends|count|counts) (?:entirely |only )?on "
            r"(?:your|our readers'?|readers'?) (?:support|donations|contributions|generosity)\b"
            r"[^\"“”]{0,100}$",
            _I,
        ),
    ),
    (
        "donate",
        re.compile(
            r"^(?:give|donate|contribute) directly to\b.{0,300}"
            r"\b(?:journalism|newsroom|reporters?|reporting)\b.{0,200}$",
            _I,
        ),
    ),
)

# the paper speaking for itself; "us" in lower case only ("US" is a country)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")


def mark_appeal_boxes(page: Page) -> None:
    """Drop the first-person paragraphs between two appeal lines close together."""
    ends = [i for i in range(len(page.lines)) if page.reason(i) == "donate"]
    for start, stop in itertools.pairwise(ends):
        between = [i for i in range(start + 1, stop) if not page.lines[i].blank]
        if len(between) > page.settings.appeal_max_paragraphs:
            continue
        if all(page.open(i) and _FIRST_PLURAL.search(page.lines[i].text) for i in between):
            for i in between:
                page.set(i, "drop", "donate")
