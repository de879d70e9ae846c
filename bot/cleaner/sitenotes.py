"""More kinds of page chrome told from a line alone (appended to `patterns.CHROME_PATTERNS`): an ad
slot's label, a photographer's credit in brackets, a newsletter's labelled pitch, a correction notice
and an image's file name left where its picture was.

- "Ad Feedback", "AdChoices": the label of an ad slot between paragraphs;
- "(Jane Doe / AGENCY/Getty Images)": a photo's credit on its own line, in brackets; "JANE DOE via
  Agency Images": a photographer's credit through a picture agency;
- "<strong>A caption.</strong>": a line left in its raw inline markup, a copy of text the page prints
  plain (a caption or a pull quote printed twice);
- "NEWSLETTER: Get the day's top headlines ... >>": a newsletter's pitch under its label;
- "In some copies of ... and in an earlier online version, an article ... misstated ...": a correction
  notice, the paper's note about an earlier edition, no sentence of the story;
- "This is an archived article and the information in the article may be outdated...", "You are
  reading an article from the archives. ...": an archive's notice over an old story;
- "Please, Log in or Register to view URLs content!": a forum's placeholder for a link a guest may not
  see (one a link, in a reposted story's lists and between its paragraphs);
- "#WATCH | TEXT": a social post's text under its hashtag label, saved with the embedded post;
- "The views expressed in this commentary are the author's own ...": a publisher's disclaimer under a
  signed piece (it ends the piece);
- "You are receiving this because you signed up for NAME at SITE.": a newsletter's footer;
- "Download as PDF", "Cite this commentary", "Roe, J. (2016) Title. Series.": a publication's tools and
  its suggested citation; "Receive our commentaries by e-mail.": its newsletter's pitch;
- "Posted Updated": the labels of a publication stamp whose dates the scraper lost;
- "This story has changed 3 times ...", "... and won't be checked again for changes.": a change tracker's
  notice over the versions of another site's story it shows;
- "summit_photo_large": an image's file name (lower case, words joined by underscores, no space).
"""

from __future__ import annotations

import re

__all__ = ["SITE_NOTE_PATTERNS"]

_I = re.IGNORECASE

SITE_NOTE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", re.compile(r"^ad\s?(?:feedback|choices)$", _I)),
    (
        "photo-credit",
        re.compile(r"^\((?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+\s*/\s*[A-Z][^()]{1,60}\)$"),
    ),
    (
        "photo-credit",
        re.compile(r"^(?:[A-Z][\w.'’-]+ ){1,4}via (?:[A-Z][\w.&'’-]* ){0,2}(?:Images|Photos?|Pictures)$"),
    ),
    ("raw-markup", re.compile(r"^<(strong|b|em|i)>[^<>]{1,400}</\1>$", _I)),
    ("subscribe", re.compile(r"^newsletters?\s*:\s*\S.{0,120}$", _I)),
    (
        "notice",
        re.compile(
            r"^.{0,80}\b(?:in (?:some|earlier) (?:copies|editions)|(?:in )?an? (?:earlier|previous)"
            r"(?: online)? version)\b.{0,120}\b(?:this|an?|the) (?:article|story|report|caption|headline)\b"
            r".{0,240}\b(?:misstated|misidentified|misspelled|incorrectly|"
            r"erroneously)\b.{0,300}$",
            _I,
        ),
    ),
    ("notice", re.compile(r"^this is an archived (?:article|story|page|post|report)\b.{0,300}$", _I)),
    (
        "notice",
        re.compile(r"^this (?:article|story|page|post|report) (?:is|was|has been) archived\b.{0,300}$", _I),
    ),
    (
        "notice",
        re.compile(
            r"^you(?:'re|’re| are) (?:reading|viewing) an? (?:article|story|page|post) from (?:the|our) "
            r"archives?\b.{0,300}$",
            _I,
        ),
    ),
    (
        "notice",
        re.compile(
            r"^(?:please,?\s+)?(?:log ?in|sign ?in) (?:or|and|/) (?:register|sign ?up) to (?:view|see) "
            r"(?:the )?(?:urls?|links?|images?|content|this)\b.{0,40}$",
            _I,
        ),
    ),
    ("embed", re.compile(r"^#[A-Za-z]\w{1,30}\s*[|:]\s.{0,400}$")),
    ("date-line", re.compile(r"^(?:(?:posted|published|updated|modified)\s*:?\s*){1,3}$", _I)),
    (
        "disclaimer",
        re.compile(
            r"^(?:the )?(?:views|opinions)(?: and opinions)? expressed\b.{0,80}"
            r"\b(?:authors?|writers?)(?:['’]s?)?\b.{0,300}$",
            _I,
        ),
    ),
    (
        "subscribe",
        re.compile(
            r"^you(?:'re|’re| are) receiving this (?:e-?mail|message|newsletter|because)\b.{0,200}$", _I
        ),
    ),
    # a publication's tools and the citation it suggests: "Download as PDF", "Cite this commentary",
    # "Roe, J. (2016) Title. Series." (a reference line, no sentence of the piece)
    ("page-tools", re.compile(r"^(?:download (?:as |the )?pdf|cite this(?: \w+)?)$", _I)),
    ("citation", re.compile(r"^[A-Z][\w'’-]+, (?:[A-Z]\.\s?){1,3}\((?:19|20)\d{2}\)\s.{5,250}$")),
    (
        "subscribe",
        re.compile(r"^(?:receive|get) (?:our|the) .{3,60}? (?:by|via) e-?mail\.?$", _I),
    ),
    (
        "notice",
        re.compile(
            r"^(?:this|the) (?:article|story|page|report)\b.{0,200}\b(?:has changed \d+ times?|"
            r"has not changed|(?:won't|will not|is no longer|isn't) (?:be )?checked)\b.{0,300}$",
            _I,
        ),
    ),
    ("file-name", re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:_[a-z0-9]+)+$")),
)
