"""More kinds of page chrome told from a line alone: page furniture around the article's text.

Like `patterns.CHROME_PATTERNS` (which appends this table), each pattern describes a kind of widget
printed by many sites: a search engine's cache banner, tag and category lines, comment-section
furniture, author cards, e-mail newsletter furniture, photographers' credits, messenger-channel
promotions, "about us" boilerplate and donation appeals. None is the wording of one page.
"""

from __future__ import annotations

import re

__all__ = ["FURNITURE_END_REASONS", "FURNITURE_PATTERNS", "SIGN_OFF"]

_I = re.IGNORECASE

# An agency's sign-off on its own line after the story: "-- BERNAMA", "— AFP", "--Reuters", or after equals
# signs, its name of a word or three ("==Agency News": no list's bullet is an equals sign)
SIGN_OFF = re.compile(
    r"^(?:(?:-{1,2}|[—–])\s*[A-Z][\w.&]{1,20}(?:\s*[/,]\s*[A-Za-z][\w.&]{1,20}){0,2}"
    r"|={1,2}\s*[A-Z][\w.&'’-]{1,20}(?: [A-Z][\w.&'’-]{1,20}){0,2})$"
)
FURNITURE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # A search engine's cache copy announces itself above the page it copied.
    ("cache-banner", re.compile(r"^this is [\w' ]{1,30}\bcache of\b.{0,300}$", _I)),
    ("cache-banner", re.compile(r"^the current page could have changed\b.{0,80}$", _I)),
    ("cache-banner", re.compile(r"^(?:full|text-only|cached|snapshot) version$|^view (?:page )?source$", _I)),
    ("cache-banner", re.compile(r"^tip:.{0,40}\bfind your search term\b.{0,120}$", _I)),
    # Tag and category lines: "Read more about: a, b", "Categories: Politics.", "Tags: x, y".
    (
        "tags",
        re.compile(
            r"^(?:read more about|more about|categories|category|tags?|topics|filed under)\s*:.{0,200}$", _I
        ),
    ),
    # a tag list's bare heading, its tags one a line under it: "Tags", "Filed under"
    ("tags", re.compile(r"^(?:tags|tagged(?: with)?|keywords|filed under)$", _I)),
    # Comment-section furniture.
    ("comment-prompt", re.compile(r"^(?:top|latest|newest|oldest|all|readers?'?) comments$", _I)),
    # a comment section's count in brackets and its moderation notice: "Comments (12)", "Comments are
    # moderated and will appear after review."
    ("comment-prompt", re.compile(r"^(?:reader )?comments?\s*\(\d+\)$", _I)),
    (
        "comment-prompt",
        re.compile(r"^(?:all )?comments? (?:are|will be|is) (?:pre-?)?moderated\b.{0,300}$", _I),
    ),
    ("comment-prompt", re.compile(r"^.{0,30}\bcomment(?:ing)? (?:rules|policy|guidelines)$", _I)),
    (
        "comment-prompt",
        re.compile(
            r"^comment(?:ing|s)? (?:for|on) this (?:story|article|post) "
            r"(?:is|are|has been) (?:now )?closed\.?$",
            _I,
        ),
    ),
    ("comment-prompt", re.compile(r"^full (?:article|story)\s+\d+\s+comments?$", _I)),
    # a blog comment's heading: "NAME said..." (a line "He said:" opens a quotation, not a comment)
    ("comment-prompt", re.compile(r"^[\w.'’ -]{1,40} (?:said|says|wrote)\s*(?:\.\.\.|…)$", _I)),
    ("comment-prompt", re.compile(r"\bbecome a fan and comment\b.{0,80}$", _I)),
    # An author card after the article: "Written by NAME", "1.2K Followers".
    ("author-card", re.compile(r"^[Ww]ritten by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")),
    ("counter", re.compile(r"^[\d,.]+\s*[kmb]?\s+(?:followers|following|subscribers|members|claps)$", _I)),
    # Wire and agency footers: how to reach the reporters and editors.
    ("credits", re.compile(r"^to contact the (?:reporters?|editors?|authors?|writers?)\b.{0,80}$", _I)),
    # a translator's credit: "English version by Jane Doe.", "Translated from Spanish by Jane Doe"
    (
        "credits",
        re.compile(
            r"^(?:[A-Z][a-z]+ (?:version|translation)|[Tt]ranslated(?: from [A-Z][a-z]+)?|[Tt]ranslation)"
            r" by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\.?$"
        ),
    ),
    # E-mail newsletter furniture.
    ("subscribe", re.compile(r"\bforwarded to you\b.{0,80}\b(?:sign up|subscribe)\b.{0,40}$", _I)),
    (
        "subscribe",
        re.compile(r"^you(?: are|'re)? receiv(?:ing|ed) this (?:e-?mail|newsletter|message)\b.{0,200}$", _I),
    ),
    (
        "subscribe",
        re.compile(r"^good (?:morning|afternoon|evening)\b.{0,30}\bwhat you need to know\b.{0,80}$", _I),
    ),
    ("subscribe", re.compile(r"^(?:today'?s )?weather\s*:.{0,80}$", _I)),
    # Photographers' credits: "Photographer: NAME/OUTLET", "AGENCY PHOTO / POOL / NAME".
    ("photo-credit", re.compile(r"^photographer\s*:\s*\S+(?:\s+\S+){0,5}$", _I)),
    (
        "photo-credit",
        re.compile(r"^[A-Z]{2,} (?:PHOTO|Photo)(?:\s*/\s*[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}){1,3}$"),
    ),
    # A messenger channel's promotion of its app.
    ("app-promo", re.compile(r"^if you have [\w ]{1,20}, you can (?:view|join|open|read)\b.{0,120}$", _I)),
    # a site's app banner over the page: "Install the new version of NAME application", "Get our app"
    (
        "app-promo",
        re.compile(
            r"^(?:install|download|get|try)\b(?: (?:the|our|a))?(?: (?:new|latest|free|official))*"
            r"(?: version of)?(?: (?:the|our))?(?: [\w.&'’-]+){0,4} (?:app|apps|application)\W*$",
            _I,
        ),
    ),
    # "About us" boilerplate and donation appeals at a page's foot.
    (
        "about-us",
        re.compile(
            r"^this is an? (?:article|story|item|document|record) from .{2,60}?,? "
            r"an? (?:service|product|database) of\b",
            _I,
        ),
    ),
    (
        "about-us",
        re.compile(
            r"^[A-Z][\w.&'’-]*(?: [\w.&'’-]+){0,4} is (?:an?|the) (?:[\w-]+ ){0,3}(?:news agency|"
            r"news organi[sz]ation|news (?:web)?site|newspaper|media (?:company|group|outlet)|broadcaster)"
            r"(?: \w+){0,3} (?:based|headquartered|with (?:its )?headquarters) in\b[^.]{0,80}\.?$"
        ),
    ),
    ("donate", re.compile(r"(?:^|[.!]\s+)support [A-Z][\w' ]{1,40}!$|^(?:donate|contribute)$", _I)),
    # An affiliate-link disclosure: "If you buy something through one of the links on our site, we may earn
    # a commission."
    (
        "disclosure",
        re.compile(
            r"^if you (?:purchase|buy|click|sign up|register)\b.{0,120}\blinks?\b.{0,80}"
            r"\b(?:compensation|commission|a fee|money)\b.{0,80}$",
            _I,
        ),
    ),
    # A link to the rest of a story from a digest ("Read the full story", or over a broadcaster's transcript
    # "The full story..."), and a paywall's counter or offer.
    (
        "read-more",
        re.compile(
            r"^(?:(?:read|see|view) )?(?:the )?(?:full|whole|complete) (?:story|article|report)\W{0,3}$", _I
        ),
    ),
    ("read-more", re.compile(r"^(?:learn|find out|discover|see|read) more\W{0,3}$", _I)),
    # a repost's link to the rest on the original site: "Click here to continue reading…", "Continue
    # reading the full story here", "Tap here to read the rest of the article →"
    (
        "read-more",
        re.compile(
            r"^(?:(?:click|tap) here to (?:continue reading|read)(?=\W*$| the)"
            r"|continue reading(?= the)|read(?= the))"
            r"(?: the(?: full| rest of the| whole)? (?:story|article|post|report))?(?: here)?"
            r"\s*(?:\.{3}|…|→|>>|»)?$",
            _I,
        ),
    ),
    ("subscribe", re.compile(r"^you have read \d+ of \d+ free (?:articles|stories)\b.{0,120}$", _I)),
    ("subscribe", re.compile(r"\bcontact us for subscription\b.{0,40}$", _I)),
    # A loading placeholder where a player or an ad should be (not a "like" widget: the text goes on).
    ("loading", re.compile(r"^loading\s*(?:\.\.\.|…)$", _I)),
    # A picture's unfilled alternative text where the image should be: "Image placeholder title"
    (
        "loading",
        re.compile(r"^(?:image|photo|picture|video) placeholder(?: (?:title|text|caption|image))?$", _I),
    ),
    # ... or the site's notice that the picture is gone ("Image no longer available."; other languages'
    # words are config data, `cleaner.chrome_words`, read as "Image unavailable")
    (
        "loading",
        re.compile(
            r"^(?:this )?(?:image|photo|picture)(?: is)?"
            r" (?:unavailable|(?:no longer|not|currently not|temporarily not) available)\s*[.!]?$",
            _I,
        ),
    ),
    # A message archive's navigation (mailing lists, forums): "Previous message: ...", "Messages sorted
    # by: [ date ] [ thread ]", "More information about the NAME mailing list".
    (
        "archive-nav",
        re.compile(
            r"^(?:previous|prev|next)\s+(?:message|post|topic|thread|article|story)\s*(?:\(.{0,30}\))?:", _I
        ),
    ),
    ("archive-nav", re.compile(r"^(?:messages?|posts?) sorted by\b.{0,80}$", _I)),
    ("archive-nav", re.compile(r"^(?:more information about )?(?:the )?\S+(?: \S+){0,3} mailing list$", _I)),
    # A forwarded message's divider: what is above it is the forwarder's own note.
    (
        "forward-divider",
        re.compile(r"^-{2,}\s*(?:forwarded|original) message\s*-{2,}$|^begin forwarded message:?$", _I),
    ),
    # An appeal for readers' tips or claims to check: "Got a tip? Send it to us."
    (
        "tip-prompt",
        re.compile(
            r"^(?:seen|got|have|know of|spotted) (?:a|an|any)\b[^?]{0,60}\?\s*"
            r"(?:send|submit|e-?mail|tell|share|contact|let us)\b.{0,60}$",
            _I,
        ),
    ),
    # A transcript's label and its disclaimer; a public broadcaster's underwriting and membership appeal.
    # A pointer to another part of the site: "Visit NAME for Journalists for releases, photos and feeds."
    (
        "promo",
        re.compile(
            r"^(?:visit|go to|head to) (?:our |the )?[A-Z][^.]{0,60}? for (?:more|releases|photos|videos|"
            r"the latest|updates|news|live)\b[^.]{0,80}\.?$",
            _I,
        ),
    ),
    # A section's tagline: "Get the latest news from around the world, live coverage and analysis."
    (
        "promo",
        re.compile(
            r"^(?:get|read|find|follow|discover|stay (?:up to date|informed) with) (?:all )?the latest "
            r"(?:news|stories|updates|headlines|coverage)\b[^.!?]{0,150}[.!]?$",
            _I,
        ),
    ),
    # A radio or TV segment's page: the label alone over its guests' names ("Guest", "Hosts") and its
    # air-date stamp ("This segment aired on DATE."), the page's furniture, not the story's sentences.
    ("credits", re.compile(r"^(?:featured )?(?:guests?|hosts?|panelists?)$", _I)),  # "Guests:" heads a list
    (
        "page-clock",
        re.compile(
            r"^this (?:segment|episode|interview|program|programme|show|report) (?:first )?"
            r"(?:aired|was (?:aired|broadcast))(?: on)? [\w ,.]{4,40}$",
            _I,
        ),
    ),
    # A broadcast transcript's production cue on its own line: "(BEGIN VIDEO CLIP)", "(COMMERCIAL BREAK)".
    (
        "production-cue",
        re.compile(r"^\((?-i:[A-Z]+(?: [A-Z]+)+|CROSSTALK|LAUGHTER|APPLAUSE|INAUDIBLE|MUSIC|BREAK)\)$"),
    ),
    (
        "media-player",
        re.compile(r"^(?:(?:show|read|view|hide|see) )?(?:the )?(?:full )?transcript\s*:?$", _I),
    ),
    (
        "transcript-note",
        re.compile(
            r"^(?:notice:\s*)?(?:this |the )?transcripts? (?:was|is|are|has been|have been|may)\b.{0,200}$",
            _I,
        ),
    ),
    ("donate", re.compile(r"^support for [^.]{1,60} (?:comes|is provided) (?:from|by)\b.{0,160}$", _I)),
    (
        "donate",
        re.compile(r"^(?:become a (?:member|supporter|sustainer)|donate|give) (?:today|now)\W{0,3}$", _I),
    ),
    # A newsletter's pitch and its fine print: "Stay on top of the news with our daily newsletter.",
    # "Get our editor's daily email summary ...", "Unsubscribe at any time."
    (
        "subscribe",
        re.compile(r"^[^.!?]{0,60}\b(?:our|your)\b[^.!?]{0,40}\bnewsletters?\b[^.!?]{0,40}[.!]?$", _I),
    ),
    (
        "subscribe",
        re.compile(
            r"^get (?:our|the)\b.{0,60}\b(?:e-?mail|newsletter|summary|briefing|digest)\b.{0,60}$", _I
        ),
    ),
    ("subscribe", re.compile(r"^unsubscribe (?:at any time|anytime)\b.{0,60}$", _I)),
    # A publisher's appeal to its readers below the story: "A Message from NAME:", "Dear readers,".
    ("appeal", re.compile(r"^(?:an? )?(?:message|note|letter) from (?:the )?[A-Z][\w .'’&-]{1,40}:?$", _I)),
    ("appeal", re.compile(r"^dear (?:readers?|subscribers?|listeners?|viewers?|friends?)\s*[,!:]?$", _I)),
    # A wiki's tagline under its page title: "From NAME, the free encyclopedia".
    (
        "site-banner",
        re.compile(r"^from [\w .'’-]{2,40}, the free (?:encyclopedia|dictionary|library)\.?$", _I),
    ),
    # A government site's banner: "An official website of the United States government".
    ("site-banner", re.compile(r"^an official (?:website|site|web site) of (?:the )?.{2,60}$", _I)),
    # A reader-funding appeal (above or below a story): "We need your help now", "Support from readers
    # like you keeps NAME open.", "... please contribute what you can ..."; a line addressing the reader
    # that asks for money for the site's own work.
    ("donate", re.compile(r"^we (?:\w+ )?need your (?:help|support)\b[^.]{0,40}[.!]?$", _I)),
    ("donate", re.compile(r"^.{0,40}\b(?:readers|people|members|listeners|viewers) like you\b.{0,120}$", _I)),
    (
        "donate",
        # (?<![\s\S]) is the start of the line written so that the prefilter tests the rare nouns first
        re.compile(
            r"(?<![\s\S])(?=.{0,400}$)(?=.*\byou(?:r|'ve|'re| are| have)?\b)"
            r"(?=.*\b(?:support|contribut|donat|fund|give what)\w*)"
            r".*\b(?:our (?:\w+ )?(?:journalism|reporting|mission|newsroom)|advertising revenue)\b",
            _I,
        ),
    ),
    ("credits", SIGN_OFF),
    # A picture desk's slug with the photographer's name printed twice: "SLUG WORDS MX-2 Jane Roe Jane Roe".
    (
        "photo-credit",
        re.compile(r"^(?:[A-Z0-9][A-Z0-9-]*\s+){2,12}(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\s+(?P=who)$"),
    ),
    # A republished story's credit line: "This post appeared first on NAME", "First published in NAME."
    (
        "credits",
        re.compile(
            r"^(?:this (?:post|story|article) )?(?:appeared first|(?:was )?first (?:published|appeared)|"
            r"(?:was )?originally (?:published|appeared))\s+(?:on|in|by|at)\s+[^.]{1,60}\.?$",
            _I,
        ),
    ),
    # A site header's social and search prompts: "Connect with us", "Hi, what are you looking for?"
    ("navigation", re.compile(r"^(?:connect|stay connected|get in touch|keep in touch) with us\W{0,3}$", _I)),
    ("navigation", re.compile(r"^(?:(?:hi|hey|hello),?\s+)?what are you (?:looking|searching) for\?$", _I)),
    ("navigation", re.compile(r"^(?:type|enter) (?:your )?(?:search|keywords?|query)\b.{0,40}$", _I)),
    # a search box's empty result: "No matches. Check your spelling and try again, or ..."
    (
        "navigation",
        re.compile(
            r"^no (?:matches|results)(?: found)?\.?\s*(?:check|try|please)\b.{0,120}\bsearch\b.{0,60}$", _I
        ),
    ),
    # a compiler's credit: "The Daily Post with inputs from Agencies"
    ("credits", re.compile(r"^(?:[A-Z][\w.&'’-]*\s){1,5}with inputs? from (?:[A-Z]\w*|agencies)\b.{0,40}$")),
    # A pointer to an embedded player or post: "Watch the arrival below.", "Listen to the interview here:"
    (
        "media-player",
        re.compile(r"^(?:watch|listen to|see|view)\b[^.!?]{0,80}\b(?:below|above|here)\s*[.:]?$", _I),
    ),
    # A photograph's credit on its own line: "Photograph: Jane Roe/Agency"
    ("photo-credit", re.compile(r"^photographs?\s*:\s*\S+(?:\s+\S+){0,5}$", re.I)),
    # An empty sidebar's placeholder: "No Widgets found in the Sidebar"
    ("widget", re.compile(r"^no widgets? (?:found|added|to display)\b.{0,40}$", re.I)),
    # A content system's shortcode left in the text, at most an id glued to it: "88213[/relatedposts]"
    ("widget", re.compile(r"^[\w-]{0,20}\[/?[a-z][\w-]{1,30}(?:\s[^\]]{0,60})?\][\w-]{0,20}$")),
    # App-store badges' words on one line, a close button's word after them: "Google Play App Store Close"
    (
        "app-badges",
        re.compile(r"^(?=.*\bgoogle play\b)(?=.*\bapp\s?store\b)(?:\S+\s*){2,10}$", _I),
    ),
    # Live-blog furniture: "Key events", an empty "Updated at" stamp whose time the scraper lost.
    ("live-blog", re.compile(r"^(?:key (?:events|moments|points)|show key events only|pinned post)$", _I)),
    ("live-blog", re.compile(r"^(?:updated|posted|published)(?: at| on)?\s*:?$", _I)),
    # Text-size buttons ("A A", "A+ A-") printed above an article.
    ("text-size", re.compile(r"^(?:A[+-]?\s*){2,3}$")),
)

# Kinds after which, following the article's prose, nothing of the article remains. ("About us" is
# not one: a body may say what an agency is; the pattern wants the whole line to be that boilerplate.)
FURNITURE_END_REASONS = frozenset({"tags", "author-card", "appeal"})
