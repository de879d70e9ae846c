"""Chrome kinds round twelve's probes met that no other pattern list names (issue 9).

- a comment section's prompts: "Comment Below", "Tell us what you think. Leave a comment.", "Join the
  conversation!", "Please enter your comment!",
  "Please enter your name here", a moderation notice ("We have no tolerance for comments containing..."),
  a policy saying readers' comments may be printed again elsewhere;
- a teaser under a label glued to it: "Trending: TITLE", "Most read: TITLE", "Don't miss: TITLE";
- a feed reader's notice on a copied entry ("This entry passed through the Full-Text RSS service - if this
  is your content...");
- an image search's alt text left as a line ("Image result for TITLE"), a masthead or logo image's alt text
  ("NAME masthead", "NAME logo");
- a template's unfilled placeholder ("{{item.group_date}}").
"""

from __future__ import annotations

import re

__all__ = ["READER_CHROME_END_REASONS", "READER_CHROME_PATTERNS", "without_image_word"]

_I = re.IGNORECASE

READER_CHROME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment-prompt", re.compile(r"^comments?\s+below\s*[:!.]?$", _I)),
    ("comment-prompt", re.compile(r"^join the (?:conversation|discussion|debate)\s*[:!.]?$", _I)),
    ("comment-prompt", re.compile(r"^please enter your (?:comment|name|e-?mail)(?: here)?\s*[!.]?$", _I)),
    ("comment-prompt", re.compile(r"^we have no tolerance for comments\b.{0,400}$", _I)),
    # a comment section's policy: "Some of the comments may be reprinted elsewhere ..."
    (
        "comment-prompt",
        re.compile(r"^.{0,300}\bcomments (?:may|might|will) be (?:reprinted|republished)\b.{0,800}$", _I),
    ),
    (
        "comment-prompt",
        re.compile(
            r"^please (?:follow|read|respect) our comment(?:ing)? (?:guidelines|rules|policy)\.?$", _I
        ),
    ),
    # a prompt after a short question or plea: "Tell us what you think. Leave a respectful comment."
    (
        "comment-prompt",
        re.compile(
            r"^.{0,40}[.?!]\s+(?:leave|post|add|write) (?:a|your) (?:\w+ )?(?:comment|reply)[.!]?$", _I
        ),
    ),
    (
        "related-teaser",
        re.compile(
            r"^(?:trending(?: now)?|most (?:read|popular|viewed)|popular now|don'?t miss|must read|"
            r"editor'?s picks?|recommended)\s*:\s*\S.{0,200}$",
            _I,
        ),
    ),
    ("feed-notice", re.compile(r"^this (?:entry|post|item|article) passed through\b.{0,300}$", _I)),
    ("feed-notice", re.compile(r"\bif this is your content and you'?re reading it on someone else", _I)),
    ("image-alt", re.compile(r"^image result for\s.{1,300}$", _I)),
    ("image-alt", re.compile(r"^[\w.&' -]{2,60}\s(?:masthead|logo)$", _I)),
    ("template", re.compile(r"^\{\{[\w.\s|]{1,60}\}\}$")),
)

# After a comment section's prompt or a feed reader's notice nothing of the article follows.
READER_CHROME_END_REASONS = frozenset({"feed-notice"})


_IMAGE_WORD = re.compile(r"\s+(?:masthead|logo)$", _I)


def without_image_word(name: str) -> str:
    """A site's name as its masthead or logo image's alt text prints it, the image's word left off:
    "Daily Journal masthead" is "Daily Journal"."""
    return _IMAGE_WORD.sub("", name)
