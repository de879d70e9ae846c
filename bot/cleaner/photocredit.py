"""A photo credit as evidence of the publisher: only where a site credits its own pictures.

A credit naming an outlet the table knows ("© SPUTNIK") above or under the story tells the site that
published it, when nothing stronger does. The same credit between the story's paragraphs credits the
picture printed there: a site that runs another's copy and pictures ("© DR" inside a translated
agency story) is not named by it, and the outlet is sought further (the URL's domain). Nor is a site
named by an agency's credit anywhere ("PHOTO: Reuters" over a portal's story): agencies sell pictures
to every client, and an agency's own site is known by its domain before any credit is read.
"""

from __future__ import annotations

from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.wire import outlet_credit

__all__ = ["credit_outside_story"]


def credit_outside_story(page: PageLines) -> Found | None:
    """The known outlet a photo credit names, unless the credit sits between the story's paragraphs."""
    found = outlet_credit(page)
    body = page.of_kind("body")
    if found is not None and page.table.is_agency(found.value):
        return None  # "PHOTO: Reuters" credits an agency's picture (the agency's own site is known by domain)
    if found is None or not body:
        return found
    credits = [line.number for line in page.dropped_as("photo-credit") if line.text == found.evidence]
    return None if credits and body[0].number < credits[0] < body[-1].number else found
