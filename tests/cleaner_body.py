"""Story lines the cleaner's round tests build their small pages from (our own words, no real page's text):
a lede and two more body paragraphs that no chrome or metadata rule reads as anything but body.
"""

from __future__ import annotations

__all__ = ["LEDE", "SECOND", "THIRD"]

LEDE = (
    "The two presidents spoke for almost an hour at the summit on Monday, aides on both sides said after "
    "the talks ended in the evening."
)
SECOND = "Neither leader took questions afterwards, and aides on both sides said the gaps remained wide."
THIRD = "The ministers are to meet again next week in Geneva, officials from both delegations told reporters."
