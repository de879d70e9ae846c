"""Page chrome that can be told from a line alone, as a table of (reason, pattern) (chrome known by a
line's whole shape is read in `chromeshapes`).

Each pattern describes a kind of widget that news sites and blog platforms print around an article
(counters, comment forms, share bars, copyright footers), not a string of one page. Lines are matched
after edge whitespace is stripped; matching ignores case unless a pattern says otherwise.
"""

from __future__ import annotations

import re

from bot.cleaner.appeal import APPEAL_PATTERNS
from bot.cleaner.archivechrome import ARCHIVE_PATTERNS
from bot.cleaner.chromeshapes import (
    is_citation,
    is_glued_labels,
    is_headline_list,
    is_icon_sprite,
    is_menu,
    is_share_bar,
    is_toolbar,
)
from bot.cleaner.creditlabels import as_english_source, is_labelled_photo_credit
from bot.cleaner.envelope import ENVELOPE_PATTERNS
from bot.cleaner.furniture import FURNITURE_END_REASONS, FURNITURE_PATTERNS
from bot.cleaner.guestlist import PROGRAMME_PATTERNS
from bot.cleaner.licence import LICENCE_PATTERNS
from bot.cleaner.notices import NOTICE_PATTERNS
from bot.cleaner.pagecontrols import PAGE_KINDS
from bot.cleaner.postchrome import POST_CHROME_PATTERNS
from bot.cleaner.prefilter import FirstMatch
from bot.cleaner.readerchrome import READER_CHROME_END_REASONS, READER_CHROME_PATTERNS
from bot.cleaner.recordrows import RECORD_PATTERNS
from bot.cleaner.sitenotes import SITE_NOTE_PATTERNS
from bot.cleaner.stationchrome import STATION_PATTERNS
from bot.cleaner.subtitlecues import CUE_PATTERNS
from bot.cleaner.tablerows import TABLE_ROW_PATTERNS
from bot.cleaner.teaserleadins import LEAD_IN_PATTERNS, LIKE_THESE
from bot.cleaner.videonotes import VIDEO_NOTE_PATTERNS
from bot.cleaner.widgets import WIDGET_END_REASONS, WIDGET_PATTERNS
from bot.config import CleanerConfig

__all__ = [
    "AUTHOR_BIO",
    "CHROME_PATTERNS",
    "END_REASONS",
    "READ_ALSO",
    "RELATED_HEADER",
    "TEASER_MARKERS",
    "chrome_reason",
]

_I = re.IGNORECASE
# "Source: Reuters", "/ Source: AFP", "(Source: NAME)"; a label of another language reads as it (creditlabels)
_SOURCE_CREDIT = re.compile(r"^(?:/\s*|[\[(])?sources?\s*:\s*.{1,100}$", _I)

_OWN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Counters: a bare number, "Views: 1254", "12 comments", "3 min read".
    ("counter", re.compile(r"^[\d,.]+$")),
    ("counter", re.compile(r"^(?:views?|reads?|hits|comments?|shares?|likes?)\s*:?\s*[\d,.]+k?$", _I)),
    ("counter", re.compile(r"^[\d,.]+k?\s+(?:views?|reads?|comments?|shares?|likes?)$", _I)),
    ("counter", re.compile(r"^\d+\s*min(?:ute)?s?\.?\s+read$", _I)),
    ("counter", re.compile(r"^[\d,.]+k?\s+(?:posts?|replies|messages|topics|reactions)\b.{0,40}$", _I)),
    ("counter", re.compile(r"^.{0,30}\bpage \d+ of \d+$", _I)),
    # Live-blog entry stamps: "18:05 (IST)", "9.41am BST".
    (
        "timestamp",
        re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,5}\)?)?$", _I),
    ),
    # Site-header clocks: "Last Update 15:0", "Updated 10 minutes ago".
    ("page-clock", re.compile(r"^last\s+update[ds]?\b.{0,30}$", _I)),
    ("page-clock", re.compile(r"^updated?\s+\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago$", _I)),
    (
        "page-clock",
        # "14h35": a clock as French and others print it
        re.compile(r"^updated?\s+(?:at\s+)?\d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,5}$", _I),
    ),
    # Placeholders of embedded posts: "Twitter post placeholder: view on Twitter".
    (
        "embed",
        re.compile(r"^.{0,60}\bview (?:this post )?on (?:twitter|x|facebook|instagram|youtube|tiktok)$", _I),
    ),
    # An embedded post as a scraper saves it: "text pic.twitter.com/x — Name (@handle) July 7, 2017".
    (
        "embed",
        re.compile(r"\bpic\.twitter\.com/\S+|[—–-]+\s?[^—–]{1,60}\(@\w{1,30}\)\s*\w+\.? \d{1,2}, \d{4}$", _I),
    ),
    # Comment prompts and forms of blog platforms and news sites.
    ("comment-prompt", re.compile(r"^(?:\d+\s+)?comments?\s*:?$", _I)),
    ("comment-prompt", re.compile(r"^no comments?\s*(?:yet)?\s*[:.]?$", _I)),
    (
        "comment-prompt",
        re.compile(
            r"^(?:what do you think\?\s*)?(?:post|add|write|leave|submit)\s+(?:a\s+|your\s+)?(?:\w+\s+)?"
            r"(?:comment|reply)\b",
            _I,
        ),
    ),
    ("comment-prompt", re.compile(r"^leave a reply\b", _I)),
    ("comment-prompt", re.compile(r"^comment on this (?:story|article|post|report)\W{0,3}$", _I)),
    ("comment-prompt", re.compile(r"^cancel reply$", _I)),
    ("comment-prompt", re.compile(r"^your email address will not be published\b", _I)),
    ("comment-prompt", re.compile(r"^required fields are marked\b", _I)),
    ("comment-prompt", re.compile(r"^(?:name|email|e-mail|website|comment)\s*\*?$", _I)),
    ("comment-prompt", re.compile(r"^save my name, email\b", _I)),
    ("comment-prompt", re.compile(r"^notify me of (?:follow-up comments|new posts)\b", _I)),
    ("comment-prompt", re.compile(r"^(?:be the first to comment|comments are closed)\b", _I)),
    ("comment-prompt", re.compile(r"^%d bloggers like this", _I)),
    # Share bars and "like" widgets.
    ("share", re.compile(r"^share\s+(?:this|on|via)\b.{0,60}$", _I)),
    ("share", re.compile(r"^(?:share|tweet|print|email|e-mail)\s*:?$", _I)),
    ("like-widget", re.compile(r"^like this\s*:?$", _I)),
    ("like-widget", re.compile(r"^like\s+loading\s*(?:\.\.\.|…)$", _I)),
    # A post's star-rating widget: "Rate this post", "Click on a star to rate it!".
    (
        "rating-widget",
        re.compile(r"^(?:rate this (?:post|article|story|page)|click (?:on )?a star to rate it)\W*$", _I),
    ),
    # A feed's footer under a copied post: "The post TITLE appeared first on SITE."
    ("feed-footer", re.compile(r"^the post .{5,300} appeared first on .{2,80}$", _I)),
    # A print edition's jump line: "Continued on Page 9", "Cont'd from A1".
    (
        "jump-line",
        re.compile(r"^(?:continued|cont'?d?\.?) (?:on|from) (?:page|p\.?)\s*[A-Z]?\d{1,3}\b.{0,20}$", _I),
    ),
    ("disclaimer", re.compile(r"^disclaimer\s*:.{0,800}$", _I)),
    # a blog's reference under a lone "See" (the citation itself is read in `chromeshapes`)
    ("citation", re.compile(r"^see\s*:?$", _I)),
    ("short-link", re.compile(r"^(?:short\s*(?:link|url)|permalink)\s*:?\s*(?:https?://\S+)?$", _I)),
    # Credit lines: "Source: Reuters", "/ Source: AFP", "(Web editor: NAME)", "[Editor: NAME]".
    ("source-credit", _SOURCE_CREDIT),
    ("credits", re.compile(r"^[\[(]?(?:web\s+)?editors?\s*:\s*[^.]{1,60}[\])]?$", _I)),
    # a site editor's note on the post itself: "SITE Editor: I will be updating this story tomorrow.",
    # "Editor's note: This article was corrected ..." (context about the events is the story's)
    (
        "editor-note",
        re.compile(
            r"^(?:(?-i:[A-Z][\w.&-]{1,20}) )?editor(?:'s|s'|’s)?(?: note| comment| update)?\s*:\s*.{0,60}"
            r"\b(?:this|the) (?:story|post|article|report|page|piece|entry)\b.{0,200}$",
            _I,
        ),
    ),
    # Copyright footers carry a year or "All rights reserved"; a bare "© NAME" is a photo credit.
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d{2}\b.{0,300}$", _I)),
    ("copyright", re.compile(r"^.{0,120}\ball rights reserved\b.{0,200}$", _I)),
    ("copyright", re.compile(r"^.{0,80}(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}\b.{0,120}$", _I)),
    ("photo-credit", re.compile(r"^(?:©|\(c\))\s*\S+(?:\s+\S+){0,3}$", _I)),
    (
        "photo-credit",
        # in brackets too: "(Image credit: Jane Doe/Getty Images)"
        re.compile(
            r"^(?:\((?=[^()]*\)$))?(?:photo|image|picture|credit)s?\s*(?:credit)?\s*[:/]\s*\S+(?:\s+\S+){0,5}$",
            _I,
        ),
    ),
    # Navigation: breadcrumbs, menus and skip links.
    ("breadcrumb", re.compile(r"^home\s*(?:[|›»>/•]|&gt;).{0,300}$", _I)),
    ("navigation", re.compile(r"^(?:skip to (?:main )?content|menu|search|subscribe|sign in|log in)$", _I)),
    (
        "navigation",
        re.compile(r"^(?:\d{1,2}\.\s+)?(?:skip|jump) to (?:the )?(?:\w+ ){0,3}\w+\.?$", _I),
    ),  # "3. Skip to more DW sites"
    (
        "navigation",
        re.compile(r"^search (?:this|the) (?:topic|site|forum|blog|website)\s*(?:…|\.\.\.)?$", _I),
    ),
    ("navigation", re.compile(r"^(?:accessibility links|breaking news|skip to (?:navigation|search))$", _I)),
    (
        "credits",
        re.compile(
            r"^(?:based on|compiled from|with) (?:\w+ )?(?:reporting|reports) (?:by|from)\b.{0,160}$", _I
        ),
    ),
    ("navigation", re.compile(r"^(?:feedback|send us your feedback|contact us)\b.{0,60}$", _I)),
    ("navigation", re.compile(r"^(?:post (?:a )?reply|reply with quote|back to top|top|next|previous)$", _I)),
    ("story-id", re.compile(r"^(?:story|article|news|post)\s*(?:code|id|no\.?|number)\s*:\s*\d+$", _I)),
    # A broadcaster's credit of the guest or reporter a segment's post was written from: "NAME joined us
    # from PLACE", "NETWORK's NAME spoke with the show" (names only before the verb: no story's sentence)
    (
        "credits",
        re.compile(
            r"^(?:[A-Z][\w.'’-]*\s+){1,5}(?:joined|spoke with|talked with)\s+"
            r"(?:us|the (?:show|program|programme))\b.{0,80}$"
        ),
    ),
    # A link to a story of another medium mid-article, "Graphics: Title": its label, then a title (no
    # sentence's full stop)
    (
        "related-teaser",
        re.compile(r"^(?:graphics?|interactive|infographic|podcast)\s*:\s*[^.!?]{3,120}$", _I),
    ),
    # Wire-service footers: reporting credits and market-data disclaimers.
    ("credits", re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.{0,200}$", _I)),
    # the agencies a report drew on, in a closing sentence: "Some information for this report came from
    # AGENCY and AGENCY."
    (
        "credits",
        re.compile(
            r"^(?:some |much of the )?(?:information|material) (?:for|in) this (?:report|story|article)"
            r" (?:came|comes|was provided|is) (?:from|by)\b.{2,80}$",
            _I,
        ),
    ),
    ("disclaimer", re.compile(r"^all quotes delayed\b.{0,300}$", _I)),
    ("disclaimer", re.compile(r"^(?:our standards|the trust principles)\b.{0,80}$", _I)),
    (
        "disclaimer",
        re.compile(r"\bmay not be (?:re)?published, broadcast, rewritten,? or redistributed\b", _I),
    ),
    # Browser, cookie, JavaScript and ad-blocker notices.
    ("browser-notice", re.compile(r"^(?:please\s+)?(?:enable|turn on|activate)\s+javascript\b", _I)),
    ("browser-notice", re.compile(r"\bjavascript (?:is )?(?:disabled|required|not enabled|must be)", _I)),
    ("browser-notice", re.compile(r"\byour (?:web )?browser (?:does not|doesn't|is not|is out|version)", _I)),
    (
        "browser-notice",
        re.compile(r"\b(?:upgrade|update) (?:to a (?:modern|newer) browser|your browser)", _I),
    ),
    # "IE 11 is not supported. For an optimal experience visit our site on another browser."
    (
        "browser-notice",
        re.compile(
            r"^(?:(?:internet explorer|IE)\s*\d*|this browser|your browser)\b.{0,30}\b(?:is )?not supported\b"
            r"|\b(?:visit|view|use) (?:our|this) (?:web)?site (?:on|in|with|using) (?:another|a different|"
            r"a (?:more )?modern|a newer|a supported) browser\b",
            _I,
        ),
    ),
    ("browser-notice", re.compile(r"\b(?:we|this (?:web)?site) uses? cookies\b", _I)),
    # a page's offline or loading notice: "Can't connect right now! retry"
    ("browser-notice", re.compile(r"^(?:can'?t|cannot|could not|unable to) connect\b.{0,40}$", _I)),
    ("browser-notice", re.compile(r"^(?:accept|allow|reject|manage)(?: all)? cookies\b", _I)),
    ("browser-notice", re.compile(r"\bad ?block(?:er)?\b.{0,60}(?:detected|disable|turn off|whitelist)", _I)),
    # a site's push-notification prompt: "Stay up to date with notifications from NAME", "Notifications
    # can be managed in browser preferences.", "Allow notifications"
    (
        "browser-notice",
        re.compile(r"^(?:stay up to date|keep up|get (?:the )?latest\b.{0,20}) with notifications\b", _I),
    ),
    ("browser-notice", re.compile(r"^notifications can be (?:managed|turned off|changed)\b.{0,60}$", _I)),
    (
        "browser-notice",
        re.compile(r"^(?:allow|enable|turn on|block) (?:push |browser )?notifications\W*$", _I),
    ),
    # Subscription, newsletter and sign-up blocks.
    ("subscribe", re.compile(r"^(?:subscribe|sign up|signup|register|log in|sign in)\b.{0,150}$", _I)),
    (
        "subscribe",
        re.compile(r"^(?:get|receive)\b.{0,80}\b(?:newsletter|inbox|e-?mail alerts?)\b.{0,60}$", _I),
    ),
    ("subscribe", re.compile(r"\b(?:delivered|straight|directly) (?:to|into) your inbox\b", _I)),
    # a subscription's price per period: "Get home delivery of PAPER for as little as $1 a week."
    (
        "subscribe",
        re.compile(
            r"^(?:get|subscribe|try|start|enjoy|read|access|join|sign up)\b.{0,80}"
            r"\b(?:as little as|only|just) [$£€]\s?\d[\d.,]* (?:a|per|/) ?"
            r"(?:week|month|day|year)\b.{0,40}$",
            _I,
        ),
    ),
    ("subscribe", re.compile(r"^(?:enter your e-?mail|your e-?mail address)\b", _I)),
    (
        "subscribe",
        re.compile(r"\bby (?:signing up|subscribing|registering)\b.{0,120}\b(?:agree|privacy)", _I),
    ),
    ("subscribe", re.compile(r"^thanks? (?:you )?for (?:signing up|subscribing|registering)\b", _I)),
    ("subscribe", re.compile(r"^(?:already a (?:subscriber|member)|subscribers? only)\b", _I)),
    ("subscribe", re.compile(r"^by subscribing,? you (?:can |will )?help\b.{0,80}$", _I)),
    (
        "subscribe",
        re.compile(r"^(?:[^.:]{0,50}:\s*)?join (?:our|us)\b[^.]{0,80}\.?$", _I),
    ),  # "X LIVE: Join our events"
    ("subscribe", re.compile(r"^[\w' ]{0,40}\bnewsletters?\b[\w' ]{0,40}:?$", _I)),
    # Author bios and contact lines (after the body; see layout).
    ("author-bio", re.compile(r"^about the author\b.{0,80}$", _I)),
    (
        "author-bio",
        re.compile(r"^(?:follow|contact|e-?mail) (?:him|her|them|the author|the writer)\b.{0,100}$", _I),
    ),
    # Media players: control labels, video.js dialog strings, timecodes, "WATCH:" labels.
    (
        "media-player",
        re.compile(
            r"^(?:play(?: now)?|pause|mute|unmute|full ?screen|replay|now playing|up next|"
            r"watch(?: now| video| live)?|play video|video|listen(?: now)?|loaded|captions?|subtitles|"
            r"chapters|descriptions|duration|current time|remaining time|playback rate|quality|embed|"
            r"skip ad|close|live|audio)\b[\s:\d%./-]*$",
            _I,
        ),
    ),
    ("media-player", re.compile(r"^-?\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$")),
    # a playlist item's duration and source: "02:12 - Source: CNN"
    ("media-player", re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—|]\s*source\s*:.{1,40}$", _I)),
    ("media-player", re.compile(r"^(?:video|watch|listen|audio)\s*[:|]\s*.{0,140}$", _I)),
    # a player's call to open it, no sentence: "Expand this story & watch video, tap here"
    (
        "media-player",
        re.compile(r"^[^.!?]{0,80}\b(?:watch|play|video|listen)\b[^.!?]{0,60}\b(?:tap|click)\s+here\W*$", _I),
    ),
    # an audio clip's download row naming its file formats: "Download: Ogg MP3", "| MP3 download"
    (
        "media-player",
        re.compile(
            r"^download\s*:?\s*(?:ogg|mp3|m4a|aac|wav|flac|opus)(?:\s*[,|/]?\s*(?:ogg|mp3|m4a|aac|wav|flac|opus))*$"
            r"|^[|•·]?\s*(?:ogg|mp3|m4a|aac|wav|flac|opus|audio|podcast) download$",
            _I,
        ),
    ),
    (
        "media-player",
        re.compile(
            r"\b(?:this is a modal window|(?:beginning|end) of dialog window|media could not be loaded|"
            r"no compatible source was found|captions settings|close modal dialog|opens? (?:captions )?"
            r"settings dialog|video player is loading)\b",
            _I,
        ),
    ),
    (
        "media-player",
        re.compile(r"^(?:text|background|window|caption area) (?:colou?r|opacity)\b.{0,80}$", _I),
    ),
    ("media-player", re.compile(r"^(?:font (?:size|family)|text edge style|reset|done)\b.{0,60}$", _I)),
    ("media-player", re.compile(r"^(?:start|end) of [\w ]{0,30}player\b.{0,160}$", _I)),
    ("media-player", re.compile(r"\bby use of this code snippet\b", _I)),
    # Photo galleries: "Open this photo in gallery:", "1 of 11", "Slideshow (5 Images)".
    (
        "gallery",
        re.compile(
            r"^(?:open|view|see|expand) (?:this )?(?:photo|image|picture)s?(?: in (?:a )?gallery)?\s*:?$", _I
        ),
    ),
    ("gallery", re.compile(r"^(?:photo |image |slide )?\d{1,3} (?:of|/) \d{1,3}$", _I)),
    ("gallery", re.compile(r"^(?:slideshow|gallery|photos?)\s*\(\d+(?: images| photos)?\)$", _I)),
    # a gallery's or a player's countdown after an ad, its number filled in by a script (or lost): "The
    # gallery will resume in 5 seconds", "The slideshow will resume inseconds"
    (
        "gallery",
        re.compile(
            r"^(?:the )?(?:gallery|slideshow|slide show|video|next video)"
            r" will (?:resume|begin|start|continue|play) in\s*\d*\s*(?:seconds?|secs?)\W*$",
            _I,
        ),
    ),
    # Advertisements and the marks around them.
    (
        "advertisement",
        re.compile(
            r"^(?:advertisements?|advertising|sponsored(?: content| links?)?|ads?|promoted(?: content)?|"
            r"paid (?:content|post)|"
            r"(?:story|article) continues(?: below| after)?(?: (?:the )?(?:advertisement|advert|ad))?|"
            r"continue reading"
            r"(?: below| the main story)?|scroll to continue(?: with content)?|skip advert(?:isement)?|"
            r"report this ad)"
            r"\s*[:.]?$",
            _I,
        ),
    ),
    # Separators, contributor notes, and the labels some sites print before a caption.
    ("separator", re.compile(r"^[_\-=*~•·#]{3,}$")),
    # a picture's place as a text copy prints it: "[Image: file-name.jpg]"
    ("image-label", re.compile(r"^\[(?:image|photo|picture|img)\s*:[^\]]{0,200}\]$", _I)),
    ("separator", re.compile(r"^[^\w]{1,3}$")),  # a stray mark left by an embed or a widget: ".", "|"
    # an archive's age notice above an old story: "This story is over 5 years old.", perhaps after the
    # stamp's labels whose dates are gone ("Published Last updated This article is more than 2 years old.")
    (
        "notice",
        re.compile(
            r"^(?:(?:first |last )?(?:published|updated)\s*:?\s+)*"
            r"this (?:story|article|post|page|content) is (?:over|more than) \w+ years? old\W?$",
            _I,
        ),
    ),
    # a picture's control to open it larger: "Click to enlarge", "Tap to expand image"
    (
        "image-label",
        re.compile(
            r"^(?:click|tap)(?: here)? to (?:enlarge|expand|zoom)(?: (?:the )?(?:image|photo|picture))?\W?$",
            _I,
        ),
    ),
    (
        "credits",
        re.compile(r"^.{0,80}\bcontributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\b.{0,40}$", _I),
    ),
    ("caption-label", re.compile(r"^(?:image|media|video|photo) caption\s*[,:]?$", _I)),
    # Bare links and image files; markup and script text that escaped a scraper.
    ("url", re.compile(r"^(?:https?://|www\.)\S+$", _I)),
    ("url", re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}/\S*$", _I)),  # "site.org/article/slug", no scheme
    ("url", re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?$", _I)),
    ("markup", re.compile(r"</?(?:div|span|p|script|style|iframe|img|a|br|meta|link|noscript)\b[^<>]*>", _I)),
    ("markup", re.compile(r"^(?:function\s*\(|var\s+\w+\s*=|window\.|document\.|@media\b|\{|\})")),
    # Social follow lines and link copy buttons.
    ("share", re.compile(r"^(?:follow|like|join) (?:us|our [\w ]{1,20}) on\b.{0,80}$", _I)),
    ("share", re.compile(r"^(?:click to (?:share|email|print)|copy link|link copied)\b.{0,60}$", _I)),
    ("share", re.compile(r"^(?:share|email|print)(?: this)? (?:article|story|page)\s*:?$", _I)),
    ("share", re.compile(r"^(?:like|liked|enjoy|enjoyed|love) this (?:story|article|post)\?.{0,60}$", _I)),
    # Photo credits printed on their own line: "Getty Images", "REUTERS/Jane Doe", "Image copyright X".
    ("photo-credit", re.compile(r"^(?:[\w.]+\s+){0,2}(?:images|photos?|pictures)$", _I)),
    # "Image copyright X", "Photo courtesy of X", "Image credit AP" (no colon)
    ("photo-credit", re.compile(r"^(?:image|photo) (?:copyright|source|courtesy|by|credits?)\b.{0,60}$", _I)),
    # a picture taken off a screen names its source: "Screen shot of AGENCY video via OUTLET", "Screengrab: X"
    (
        "photo-credit",
        re.compile(r"^(?:screen\s?(?:shot|grab|capture)|frame\s?grab)s?\b(?:\W*\w[\w'.-]*){0,8}\W*$", _I),
    ),
    # a photographer and an agency either way round ("Jane Doe/AFP", "REUTERS/Jane Doe"); a one-word
    # place before the slash is a dateline ("Moscow / AFP"), not a credit
    (
        "photo-credit",
        re.compile(
            r"^[A-Z][\w.'-]+ [A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?"
            r"(?:\s*/\s*[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}){1,3}$"
        ),
    ),
    (
        "photo-credit",
        re.compile(r"^[A-Z]{2,}(?: Photo)?\s*/\s*[A-Z][\w.'-]+ [A-Z][\w.'-]+(?:\s*/\s*\S+){0,3}$"),
    ),
    # two photos' credits on one line: "AGENCY Photo/Jane Doe; AGENCY Photo/Tom Poe"
    (
        "photo-credit",
        re.compile(r"^(?:[A-Z]{2,}(?: Photo)?\s*/\s*[A-Z][\w.'-]+ [A-Z][\w.'-]+\s*(?:[;,]\s*|$)){2,4}$"),
    ),
)
CHROME_PATTERNS = (
    *_OWN_PATTERNS,
    *RECORD_PATTERNS,
    *PROGRAMME_PATTERNS,
    *FURNITURE_PATTERNS,
    *WIDGET_PATTERNS,
    *ENVELOPE_PATTERNS,
    *NOTICE_PATTERNS,
    *SITE_NOTE_PATTERNS,
    *TABLE_ROW_PATTERNS,
    *PAGE_KINDS,
    *READER_CHROME_PATTERNS,
    *LICENCE_PATTERNS,
    *POST_CHROME_PATTERNS,
    *CUE_PATTERNS,
    *VIDEO_NOTE_PATTERNS,
    *LEAD_IN_PATTERNS,
    *APPEAL_PATTERNS,
    *ARCHIVE_PATTERNS,
    *STATION_PATTERNS,
)

# After a line of one of these kinds, following the article's prose, nothing of the article remains.
END_REASONS = (
    frozenset(
        {
            "comment-prompt",
            "share",
            "like-widget",
            "short-link",
            "credits",
            "disclaimer",
            "source-credit",
            "copyright",
        }
    )
    | FURNITURE_END_REASONS
    | READER_CHROME_END_REASONS
    | WIDGET_END_REASONS
)

# A closing paragraph about the writer: "NAME is a correspondent for ...", "NAME covers ... for ...",
# "NAME writes about ... His column is distributed by ...", "NAME has worked as a senior writer at SITE
# since 2014." (a career's verb needs the job's name: "has worked for weeks" is the story's).
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:"
    r"(?:is|was|has been|covers|reports|writes)\b.{0,200}\b"
    r"(?:correspondent|reporter|editor|journalist|writer|columnist|column (?:is|appears)|contributor|"
    r"producer|bureau chief|author|fellow at|for (?:the )?[A-Z][\w]+|(?:distributed|syndicated) by)"
    r"|(?:has worked|worked|joined (?:the )?[A-Z][\w.'’ -]{1,40}) as an? (?:[\w-]+ ){0,3}"
    r"(?:correspondent|reporter|editor|journalist|writer|columnist|contributor|producer)\b)",
)

# A line that announces a block of links to other stories.
RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:coverage|stories|articles|posts|news|content|topics|links|commentary|commentaries|"
    r"analysis|publications|research))?|"
    r"read\s+(?:more|also|next)|see\s+also|also\s+(?:read|see|check)|check\s+(?:also|out\s+also)|"
    r"more\s+on\s+this(?:\s+story)?|similar\s+(?:stories|articles|posts|news)|"
    r"recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|watched)|"
    r"most recent(?: headlines| stories| news| posts| articles)?|"
    r"stories (?:this|that) (?:photo|image|picture|video) appears? in|"
    r"trending(?: now| stories| news)?|top (?:stories|news|headlines)|"
    r"latest(?: news| stories| headlines| videos)?|"
    r"more (?:[\w'’-]+ )?(?:stories|news|headlines|videos|articles|posts)|more from [\w .'-]{1,40}|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|editor'?s'? picks?|in other news|"
    r"(?:from )?around the web|what to read next|more in [\w .'-]{1,30}|popular(?: now)?|must read|"
    r"don'?t miss|watch next|further reading|more like this|in case you missed it|more coverage|"
    r"recent (?:posts|articles|stories|news)|more|"
    # "Before you go, we thought you'd like these..."
    rf"(?:before you go,?\s*)?{LIKE_THESE})"
    r"\s*:?$",
    _I,
)
# "Read also" in the languages of the coverage: a label over a link to another story, never a paragraph's
# first words ("ЧИТАЙТЕ ТАКЖЕ: Title", "Lesen Sie auch: Title")
READ_ALSO = (
    r"read more|read also|also read|see also|see more|читайте также|читайте еще|читайте тоже|смотрите также"
    r"|lesen sie auch|lire aussi|à lire aussi|lee también|lea también|leia também|leggi anche"
)
# Words that mark a link to another story ("(VIDEO)", "READ MORE: ...").
TEASER_MARKERS = re.compile(
    r"\((?:video|photos?|infographic|gallery|live)\)"
    rf"|^(?:{READ_ALSO}|read|see|watch|more|related|graphics?|interactive|"
    r"infographic|(?:photo )?gallery|slideshow)"
    r"(?:\s+(?:on|at|from)\s+[^:]{1,40})?\s*:"  # "Read more on SITE: Title"
    r"|^(?-i:RELATED|Related)\s+(?=(?-i:[A-Z\"'‘“]))",
    _I,
)

_FIRST_CHROME = FirstMatch(CHROME_PATTERNS)  # the first of CHROME_PATTERNS to match, in their order


def chrome_reason(text: str, settings: CleanerConfig) -> str | None:
    """The kind of chrome a stripped line is by its own shape, or None when it may be article text."""
    if not text:
        return "blank"
    if is_icon_sprite(text, settings):
        return "icon-sprite"
    if is_share_bar(text, settings):
        return "share"
    if is_toolbar(text, settings):
        return "toolbar"
    reason = _FIRST_CHROME(text)
    if reason is not None:
        return reason
    if is_labelled_photo_credit(text, settings.photo_credit_labels):
        return "photo-credit"
    english = as_english_source(text, settings.source_labels)  # "Источник: NAME" is "Source: NAME"
    if english != text and _SOURCE_CREDIT.match(english):
        return "source-credit"
    if is_menu(text, settings):
        return "navigation"
    if is_headline_list(text, settings):
        return "related-teaser"
    if is_glued_labels(text, settings):
        return "glued-labels"
    if is_citation(text):
        return "citation"
    return None
