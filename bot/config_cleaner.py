"""config.yaml's `cleaner:` section: the cleaner's tuning constants and its word lists (read by bot/config.py,
which declares the other sections)."""

from __future__ import annotations

from dataclasses import field

from bot.frozen import frozen_dataclass as dataclass

__all__ = ["CleanerConfig", "PlatformMark"]


@dataclass(frozen=True)
class PlatformMark:
    """A blog or publishing platform known by the chrome it prints (its reposts name an original)."""

    name: str
    patterns: tuple[str, ...] = ()  # any one of these regular expressions matching a line is enough


@dataclass(frozen=True)
class CleanerConfig:
    """The cleaner's tuning constants: the shapes of headlines, captions and chrome."""

    # the longest line that may be a headline, in words
    headline_max_words: int = field(default=40, metadata={"range": (3, 200)})
    # a headline needs this many words (a lone name or a section label is shorter)
    headline_min_words: int = field(default=3, metadata={"range": (1, 20)})
    # days after an event's end that still date coverage of it
    event_slack_days: int = field(default=10, metadata={"range": (0, 365)})
    platforms: tuple[PlatformMark, ...] = ()
    # prose: a paragraph of at least prose_min_words that ends a sentence, with this share of lower-case
    # words; a paragraph of prose_long_words is prose without its full stop at prose_long_lowercase
    prose_min_words: int = field(default=5, metadata={"range": (1, 100)})
    prose_min_lowercase: float = field(default=0.3, metadata={"range": (0.0, 1.0)})
    prose_long_words: int = field(default=35, metadata={"range": (1, 1000)})
    prose_long_lowercase: float = field(default=0.4, metadata={"range": (0.0, 1.0)})
    # a title-cased line: at least this many content words, this share of them capitalised
    title_min_content_words: int = field(default=2, metadata={"range": (1, 20)})
    title_capitalised_share: float = field(default=0.75, metadata={"range": (0.0, 1.0)})
    # bylines, in words: "Author: NAME" / "Posted on DATE by NAME"; "By NAME"; "NAME Desk"; a credit
    # before a date
    credit_byline_max_words: int = field(default=14, metadata={"range": (1, 100)})
    by_byline_max_words: int = field(default=12, metadata={"range": (1, 100)})
    desk_byline_max_words: int = field(default=6, metadata={"range": (1, 100)})
    dated_credit_max_words: int = field(default=5, metadata={"range": (1, 100)})
    # a byline of bare names: each person's name, and the place after "in", in words
    person_name_min_words: int = field(default=2, metadata={"range": (1, 10)})
    person_name_max_words: int = field(default=3, metadata={"range": (1, 10)})
    place_name_max_words: int = field(default=3, metadata={"range": (1, 10)})
    # header lines: a labelled date line ("Published: ..."), a photo's title above its caption, a lone
    # name or section label (never a headline)
    dateline_max_words: int = field(default=25, metadata={"range": (1, 200)})
    photo_title_min_words: int = field(default=2, metadata={"range": (1, 20)})
    photo_title_max_words: int = field(default=6, metadata={"range": (1, 50)})
    label_max_words: int = field(default=4, metadata={"range": (0, 50)})
    # a standfirst under a headline of standfirst_headline_words: this long and this much in lower case
    standfirst_headline_words: int = field(default=6, metadata={"range": (1, 200)})
    standfirst_min_words: int = field(default=12, metadata={"range": (1, 500)})
    standfirst_min_lowercase: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # a line under the headline up to this many times its length is a deck (longer: a kicker above it)
    deck_max_ratio: float = field(default=2.0, metadata={"range": (1.0, 100.0)})
    # a question or exclamation opening the page is its headline up to this many words
    question_headline_max_words: int = field(default=15, metadata={"range": (1, 200)})
    # in the body: a run of this many short lines ending in a title is a teaser block; a short line up
    # to subheading_max_words is a subheading; a repeated line up to pull_quote_max_words a pull quote
    teaser_min_run: int = field(default=2, metadata={"range": (1, 50)})
    subheading_max_words: int = field(default=20, metadata={"range": (1, 200)})
    pull_quote_max_words: int = field(default=40, metadata={"range": (1, 500)})
    # photo captions: a line above a photo credit longer than this (words); weak cues that make one
    caption_above_credit_words: int = field(default=5, metadata={"range": (0, 100)})
    weak_caption_cues: int = field(default=2, metadata={"range": (1, 20)})
    # chrome: an SVG sprite dump (icon names, at most this many characters per "icon"), a share bar,
    # a menu bar (items split by "|" or bullets, each of few words)
    sprite_min_icons: int = field(default=6, metadata={"range": (1, 1000)})
    sprite_max_chars_per_icon: int = field(default=25, metadata={"range": (1, 1000)})
    share_bar_max_words: int = field(default=12, metadata={"range": (1, 100)})
    menu_min_items: int = field(default=3, metadata={"range": (2, 100)})
    menu_item_max_words: int = field(default=4, metadata={"range": (1, 50)})
    # hard-wrapped text: a narrow column's widest line (characters), and the lines and the breaks inside
    # a sentence that show a block of them is wrapped
    column_max_chars: int = field(default=50, metadata={"range": (10, 1000)})
    wrap_min_lines: int = field(default=3, metadata={"range": (2, 100)})
    wrap_min_breaks: int = field(default=2, metadata={"range": (1, 100)})
    # an "updated" stamp is read from a text of at most this many characters
    update_stamp_max_chars: int = field(default=120, metadata={"range": (10, 10_000)})
    # an update stamp's word in other languages ("обновлено", "modifié le"), beside English's own
    update_words: tuple[str, ...] = ()
    # the word for "and" in other languages, joining people's names in a caption ("NAME и NAME")
    and_words: tuple[str, ...] = ()
    # a Russian or Ukrainian noun's case endings after a surname's stem, in Latin letters ("a", "oy")
    case_endings: tuple[str, ...] = ()
    # a photo credit's label in other languages ("Derechos de autor de la imagen NAME")
    photo_credit_labels: tuple[str, ...] = ()
    # a source credit's label in other languages ("來源:NAME"), read as English's "Source: NAME"
    source_labels: tuple[str, ...] = ()
    # a credit's verb put before the source in other languages ("..., передает ТАСС.": English's "reports"
    # is read as such), and a phrase that credits the copy to the source after it ("Con información de
    # NAME", "NAME reports citing AGENCY")
    credit_verbs: tuple[str, ...] = ()
    credit_phrases: tuple[str, ...] = ()
    # a newsroom's name in other languages, in a credit row's brackets: "NAME | PLACE (Newsroom)"
    newsroom_words: tuple[str, ...] = ()
    # an article tool's words in other languages (print, font size and its sizes, correction): a row of
    # them alone is a toolbar
    toolbar_words: tuple[str, ...] = ()
    # the months' names in other languages, one row a month ("septiembre", "сентября"), read in dates as
    # English's own; and furniture words in other languages, each row an English word and its equals
    # ("Comments", "Kommentare", "Comentarios"), read as the English word (bot/cleaner/localwords.py)
    month_names: tuple[tuple[str, ...], ...] = ()
    weekday_names: tuple[tuple[str, ...], ...] = ()  # one row a day, Monday first
    clock_words: tuple[str, ...] = ()  # a clock's word after it ("18:42 Uhr")
    clock_at_words: tuple[str, ...] = ()  # the word for "at" between a date and its clock ("às 10h36")
    chrome_words: tuple[tuple[str, ...], ...] = ()
    # HTML: the first characters of a paragraph that tell it is the extracted text's first one
    lead_match_chars: int = field(default=60, metadata={"range": (1, 10_000)})
    # metadata: the site-name line (among the first site_name_lines, a name of site_name_min_chars..
    # site_name_max_words), a print folio (among the first/last folio_lines, folio_min_parts parts)
    site_name_lines: int = field(default=15, metadata={"range": (1, 1000)})
    site_name_min_chars: int = field(default=4, metadata={"range": (1, 100)})
    site_name_max_words: int = field(default=5, metadata={"range": (1, 50)})
    folio_lines: int = field(default=5, metadata={"range": (1, 1000)})
    folio_min_parts: int = field(default=3, metadata={"range": (2, 20)})
    folio_name_max_words: int = field(default=5, metadata={"range": (1, 50)})
    # the name heading a page (a logo's text), in words; a credit line above the body; agency names
    # this short (AP, AFP) count only in capitals; a wire dateline is sought in the first paragraphs
    heading_name_min_words: int = field(default=2, metadata={"range": (1, 50)})
    heading_name_max_words: int = field(default=5, metadata={"range": (1, 50)})
    header_credit_max_words: int = field(default=5, metadata={"range": (1, 50)})
    agency_acronym_max_chars: int = field(default=4, metadata={"range": (0, 20)})
    dateline_paragraphs: int = field(default=3, metadata={"range": (1, 100)})
    closing_credit_lines: int = field(default=3, metadata={"range": (0, 100)})  # dropped lines after the body
    # hard-wrapped text of a page width (a PDF's text): its widest line (characters), and how full a
    # line of it must be to run on into the next one (share of the widest line)
    page_column_max_chars: int = field(default=100, metadata={"range": (10, 1000)})
    wrap_fill_share: float = field(default=0.7, metadata={"range": (0.0, 1.0)})
    # a letterhead: the sender's name in capitals over a postal address, at most this many words
    letterhead_max_words: int = field(default=15, metadata={"range": (1, 100)})
    # a line of other stories' headlines split by bullets or bars: each item at most this many words
    headline_list_item_max_words: int = field(default=20, metadata={"range": (1, 100)})
    # a page published more than this many days before an event began is not about it (a preview is)
    event_preview_days: int = field(default=60, metadata={"range": (0, 3650)})
    # translation proxies: a page's host "www-site-ru.PROXY" under one of these shows www.site.ru
    proxy_hosts: tuple[str, ...] = ()
    # a date on the page more than this many days after the URL's path date is the page's clock
    url_date_slack_days: int = field(default=7, metadata={"range": (0, 3650)})
    # a URL's date this many days from every event's window, its year printed nowhere on the page, is a
    # reference number's digits, no publication date
    url_date_far_days: int = field(default=1825, metadata={"range": (0, 36500)})
    # blog hosts whose subdomains are separate sites the suffix list does not mark ("NAME.wordpress.com")
    hosted_site_domains: tuple[str, ...] = ()
    # CDN and cloud hosts whose subdomains are machine-made ("NAME.cloudfront.net"): they name no outlet
    machine_host_suffixes: tuple[str, ...] = ()
    # an unknown site's domain read as words ("theborneopost.com" -> "The Borneo Post"): a piece that is
    # no dictionary word is trusted with at least this many letters and this many corpus counts
    domain_word_min_letters: int = field(default=4, metadata={"range": (1, 63)})
    domain_word_min_count: float = field(default=500000.0, metadata={"range": (0.0, 1e12)})
    # an unknown domain's name as an acronym beside common words ("uaposition" -> "UA Position"): its
    # longest acronym; a site's logo line names it when it begins with this many of the domain's letters
    domain_acronym_max_letters: int = field(default=3, metadata={"range": (2, 10)})
    # letters after a domain's words that the web counts this often are an abbreviation a reader knows
    # ("morningnewsusa" is "Morning News USA"), not the segmenter's leftover ("hotsrq", "radionz" on .com)
    domain_abbreviation_min_count: float = field(default=50000000.0, metadata={"range": (0.0, 1e12)})
    logo_domain_letters: int = field(default=3, metadata={"range": (1, 63)})
    # a page with this many live-blog entry stamps ("13:58 SAST") is a live blog: its entries' share
    # lines and posters' bylines do not end the article
    live_blog_min_entries: int = field(default=3, metadata={"range": (2, 1000)})
    # hosts that publish other publishers' articles (a newsstand, an app's article platform): the outlet is
    # the paper or account the page names, the host's domain only the last resort
    publisher_hosts: tuple[str, ...] = ()
    # a long paragraph of this many comma-separated items, opened by running text, is prose (a list of
    # leaders by title and name is mostly capitals)
    name_list_min_items: int = field(default=6, metadata={"range": (2, 1000)})
    # broadcast networks hosting their stations' sites on subdomains ("STATION1180.network.com"): the
    # outlet is the station the subdomain names, not the network
    station_network_domains: tuple[str, ...] = ()
    # a reader-funding appeal box: at most this many first-person paragraphs between two appeal lines
    # ("Your support helps us ..." ... "Your support makes all the difference.") are the appeal
    appeal_max_paragraphs: int = field(default=4, metadata={"range": (1, 50)})
    # a page dated inside exactly one event's window that names this many distinct configured people gets
    # that event (two would tag a state visit inside the window)
    event_people_min: int = field(default=3, metadata={"range": (1, 100)})
    # an undated page naming no year, one of whose paragraphs names this many configured people and a
    # month-and-day inside exactly one event's own days, is that event's coverage (a brief announcing
    # their meeting "on Sept. 28")
    event_day_people_min: int = field(default=2, metadata={"range": (1, 100)})
    # an <article>'s photo captions the HTML extractor left out, this many or more, are a photo story's
    # slides (the story's text): they are put back after the extracted text
    slide_captions_min: int = field(default=3, metadata={"range": (1, 100)})
    # a credited caption whose words are an earlier credited caption's, this many words put in or left
    # out at most, is its second copy (an image's alternative text beside its caption)
    near_copy_max_word_edits: int = field(default=2, metadata={"range": (0, 20)})
    # a bare date line topping the page, this many days or more after the window of the one event the
    # page's words name, is the site's clock (the day the page was read), not the story's date
    top_clock_after_event_days: int = field(default=365, metadata={"range": (1, 36500)})
