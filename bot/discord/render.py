"""Result objects -> Discord embeds and message text, always within Discord's size limits.

Pure functions: no network, no interaction. All corpus text goes through `safe()` (markdown and mentions
escaped; the bot also sends with mentions turned off). A quote too long for its slot is cut with an ellipsis
and a note, never rejected by Discord.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import discord

from bot.models import Article
from bot.results import Answer, AskResult, CompareResult, OutletCoverage, Quotation, QuoteResult

__all__ = [
    "COLOUR",
    "ELLIPSIS",
    "LIMITS",
    "SHORTENED_NOTE",
    "alternatives_embed",
    "ask_embed",
    "citation",
    "clip",
    "compare_pages",
    "help_embed",
    "paginate",
    "quote_block",
    "quote_pages",
    "safe",
    "source_pages",
]


class LIMITS:
    """Discord's documented limits, in characters (or fields)."""

    MESSAGE = 2000
    TITLE = 256
    DESCRIPTION = 4096
    FIELD_NAME = 256
    FIELD_VALUE = 1024
    FIELDS = 25
    FOOTER = 2048
    TOTAL = 6000
    EMBEDS = 10  # per message


COLOUR = discord.Colour.blurple()
ELLIPSIS = "…"
SHORTENED_NOTE = "(quote shortened; see the source)"
QUOTES_PER_PAGE = 5
SOURCES_PER_PAGE = 15


# `<#id>` channels, `</name:id>` commands, `<:name:id>` emoji, `<t:...>` timestamps, `<@...>` users and roles
_ANGLE_MARKUP = re.compile(r"<(?=[#@/:]|a:|t:)")
# Where `safe` can change a text at all: a character that discord.py's markdown escape (with links left
# alone), its mention escape or _ANGLE_MARKUP acts on, or a "-" that is a line's first non-space (its
# list marker `^\s*-`, which matches where this does; this one never rescans blank lines). A text without
# any is returned as it is (most corpus sentences): one search instead of three substitutions (tested
# against them on random and corpus texts).
_MAY_ESCAPE = re.compile(r"[_\\~|*`\[>#@<]|^[^\S\n]*-", re.MULTILINE)


def safe(text: str) -> str:
    """Corpus or user text made inert: markdown, @everyone/@here and every kind of <...> mention escaped."""
    if _MAY_ESCAPE.search(text) is None:
        return text
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return _ANGLE_MARKUP.sub("<\u200b", text)


def clip(text: str, limit: int) -> str:
    """`text` (already safe) cut to at most `limit` characters, ending with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - len(ELLIPSIS), 0)]
    space = cut.rfind(" ")
    if space >= len(cut) - 40 and space > 0:  # end on a word when one ends nearby
        cut = cut[:space]
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:  # never leave a lone escape backslash that would swallow the ellipsis
        cut = cut[:-1]
    return cut.rstrip() + ELLIPSIS


def quote_block(text: str, limit: int) -> str:
    """A verbatim quotation as a block quote within `limit`; when cut, it ends with an ellipsis and a note."""
    body = " ".join(text.split())
    whole = f"> {safe(body)}"
    if len(whole) <= limit:
        return whole
    note = f"\n*{SHORTENED_NOTE}*"
    return clip(whole, limit - len(note)) + note


def citation(
    outlet: str | None, date: str | None, title: str | None, wire: str | None = None, limit: int = 1024
) -> str:
    """ "— Outlet (wire), date · *Headline*": who published the sentence, when, under which headline."""
    name = safe(outlet or "unknown outlet")
    if wire and wire != outlet:
        name += f" ({safe(wire)})"
    headline = safe(title) if title else "untitled"
    return clip(f"— **{name}**, {date or 'undated'} · *{headline}*", limit)


def _event(event: str | None, events: Mapping[str, str] | None) -> str:
    if not event:
        return "no event"
    return (events or {}).get(event, event)


def ask_embed(result: AskResult, events: Mapping[str, str] | None = None) -> discord.Embed:
    """The best answer (quoted, cited) or a polite decline with what the coverage does cover."""
    embed = discord.Embed(title=clip(safe(result.question), LIMITS.TITLE), colour=COLOUR)
    if result.declined or not result.answers:
        text = "I couldn't find an answer to that in the coverage I have."
        if result.closest:
            text += f"\nThe closest the coverage comes:\n{quote_block(result.closest, 3000)}"
        embed.description = text
        embed.colour = discord.Colour.light_grey()
        return _finish(embed)
    best = result.answers[0]
    cited = citation(best.outlet, best.date, best.title, best.wire)
    embed.description = quote_block(best.text, LIMITS.DESCRIPTION - len(cited) - 2) + "\n" + cited
    embed.add_field(name="Outlet", value=_outlet_name(best), inline=True)
    embed.add_field(name="Date", value=best.date or "undated", inline=True)
    embed.add_field(name="Event", value=safe(_event(best.event, events)), inline=True)
    embed.add_field(
        name="Headline", value=clip(safe(best.title or "untitled"), LIMITS.FIELD_VALUE), inline=False
    )
    if best.also_reported_by:
        also = ", ".join(safe(o) for o in best.also_reported_by)
        embed.add_field(name="Also reported by", value=clip(also, LIMITS.FIELD_VALUE), inline=False)
    if best.disagreements:
        differ = "\n".join(f"**{safe(w.outlet)}**\n{quote_block(w.text, 300)}" for w in best.disagreements)
        embed.add_field(
            name="Other outlets report a different figure", value=_fit_value(differ), inline=False
        )
    notes = []
    if best.role != "body":
        notes.append(f"from a {best.role}")
    if result.resolved_question and result.resolved_question != result.question:
        notes.append(f"read as: {result.resolved_question}")
    if result.scope:
        notes.append(f"limited to {result.scope}")
    if len(result.answers) > 1:
        notes.append(f"{len(result.answers) - 1} other answer(s): press “Other answers”")
    if notes:
        embed.set_footer(text=clip(" · ".join(notes), LIMITS.FOOTER))
    return _finish(embed)


def alternatives_embed(result: AskResult) -> discord.Embed:
    """The answers after the best one, each quoted and cited."""
    embed = discord.Embed(title=clip(f"Other answers: {safe(result.question)}", LIMITS.TITLE), colour=COLOUR)
    others = result.answers[1:]
    if not others:
        embed.description = "There are no other answers."
    for number, answer in enumerate(others[: LIMITS.FIELDS], start=2):
        embed.add_field(name=f"{number}. {_outlet_name(answer)}", value=_cited_value(answer), inline=False)
    return _finish(embed)


def quote_pages(result: QuoteResult) -> list[discord.Embed]:
    """Quotations, a few per page, each with its speaker, outlet and date."""
    who = result.speaker or "anyone"
    title = f"Quotes by {who}" + (f" on {result.topic}" if result.topic else "")
    if not result.quotes:
        embed = discord.Embed(title=clip(safe(title), LIMITS.TITLE), colour=discord.Colour.light_grey())
        embed.description = "I found no quotations like that in the coverage."
        return [embed]
    pages = []
    chunks = [result.quotes[i : i + QUOTES_PER_PAGE] for i in range(0, len(result.quotes), QUOTES_PER_PAGE)]
    for number, chunk in enumerate(chunks, start=1):
        embed = discord.Embed(title=clip(safe(title), LIMITS.TITLE), colour=COLOUR)
        for quote in chunk:
            embed.add_field(name=_quote_name(quote), value=_quote_value(quote), inline=False)
        embed.set_footer(text=f"Page {number} of {len(chunks)} · {len(result.quotes)} quotations")
        pages.append(_finish(embed))
    return pages


def compare_pages(result: CompareResult, events: Mapping[str, str] | None = None) -> list[discord.Embed]:
    """One field per outlet (its event and date), the outlets that did not cover it, and disagreements;
    as many pages as the outlets need, each within Discord's limits."""
    title = clip(f"How the outlets covered: {safe(result.topic)}", LIMITS.TITLE)
    fields = [_coverage_field(cover, events) for cover in result.outlets]
    if result.not_covered:
        value = ", ".join(safe(o) for o in result.not_covered)
        fields.append(("Not covered by", clip(value, LIMITS.FIELD_VALUE)))
    if result.disagreements:
        parts = []
        for item in result.disagreements:
            claims = "\n".join(f"• **{safe(c.outlet)}**: {clip(safe(c.text), 300)}" for c in item.claims)
            parts.append(f"__{clip(safe(item.about), 200)}__\n{claims}")
        fields.append(("Where they disagree", _fit_value("\n".join(parts))))
    description = None if result.outlets else "No outlet in the coverage writes about that."
    return paginate(title, fields, description=description)


def _coverage_field(cover: OutletCoverage, events: Mapping[str, str] | None) -> tuple[str, str]:
    name = f"{cover.outlet} — {_event(cover.event, events)}, {cover.date or 'undated'}"
    lines = [quote_block(s.text, 400) + (" *(also elsewhere)*" if s.shared else "") for s in cover.sentences]
    if cover.title:
        lines.append(f"*{safe(cover.title)}*")
    return clip(safe(name), LIMITS.FIELD_NAME), _fit_value("\n".join(lines) or "—")


# room kept on every page for the "Page N of M" footer
_FOOTER_ROOM = 40


def paginate(
    title: str,
    fields: Sequence[tuple[str, str]],
    *,
    description: str | None = None,
    per_page: int = LIMITS.FIELDS,
) -> list[discord.Embed]:
    """Fields (name, value; each already within its own limit) packed into as few embeds as fit.

    Every page holds at most `per_page` (≤ 25) fields and stays under the 6,000-character total with room
    for its footer; the description goes on the first page. More than one page gets "Page N of M" footers.
    """
    budget = LIMITS.TOTAL - _FOOTER_ROOM - len(title)
    pages: list[list[tuple[str, str]]] = [[]]
    used = len(description or "")
    for name, value in fields:
        size = len(name) + len(value)
        if pages[-1] and (len(pages[-1]) >= min(per_page, LIMITS.FIELDS) or used + size > budget):
            pages.append([])
            used = 0
        pages[-1].append((name, value))
        used += size
    embeds = []
    for number, chunk in enumerate(pages, start=1):
        embed = discord.Embed(title=title, colour=COLOUR)
        if number == 1 and description:
            embed.description = description
        for name, value in chunk:
            embed.add_field(name=name, value=value, inline=False)
        if len(pages) > 1:
            embed.set_footer(text=f"Page {number} of {len(pages)}")
        embeds.append(_finish(embed))
    return embeds


def source_pages(articles: Sequence[Article]) -> list[discord.Embed]:
    """Every article in the corpus: outlet, date, headline and id, a page at a time."""
    if not articles:
        return [discord.Embed(title="Sources", description="The corpus is empty.", colour=COLOUR)]
    chunks = [articles[i : i + SOURCES_PER_PAGE] for i in range(0, len(articles), SOURCES_PER_PAGE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        lines = [
            clip(
                f"• **{safe(a.outlet or 'unknown outlet')}**, {a.date or 'undated'}: "
                f"*{safe(a.title or 'untitled')}* (`{a.id}`)",
                LIMITS.DESCRIPTION // SOURCES_PER_PAGE,
            )
            for a in chunk
        ]
        embed = discord.Embed(title=f"Sources ({len(articles)} articles)", description="\n".join(lines))
        embed.colour = COLOUR
        embed.set_footer(text=f"Page {number} of {len(chunks)}")
        pages.append(_finish(embed))
    return pages


def help_embed(max_question_length: int, events: Sequence[str] = ()) -> discord.Embed:
    """What the bot does and how to ask it, with examples; `events` are the configured meetings' names."""
    embed = discord.Embed(title="Summit coverage bot", colour=COLOUR)
    covered = f" ({'; '.join(events)})" if events else ""
    embed.description = (
        f"I answer questions about the press coverage of summit meetings{covered}, quoting the articles "
        "word for word and citing outlet, date and headline. If the coverage doesn't say, I tell you so."
    )
    embed.add_field(
        name="/ask",
        value="`/ask question: How long did the meeting last?`\n"
        f"Questions up to {max_question_length} characters. “Other answers” shows the runners-up.",
        inline=False,
    )
    embed.add_field(name="/quote", value="`/quote speaker: <a name> topic: <a subject>`", inline=False)
    embed.add_field(name="/compare", value="`/compare topic: the length of the meeting`", inline=False)
    embed.add_field(name="/sources", value="Every article I quote from.", inline=False)
    embed.add_field(
        name="Chat",
        value="Mention me with a question, or DM me. Follow-ups work: "
        "“How long did the meeting at the UN last?” then “And why?”",
        inline=False,
    )
    return embed


def _outlet_name(answer: Answer) -> str:
    name = safe(answer.outlet or "unknown outlet")
    if answer.wire and answer.wire != answer.outlet:
        name += f" ({safe(answer.wire)})"
    return clip(name, LIMITS.FIELD_NAME - 8)


def _cited_value(answer: Answer) -> str:
    cited = citation(answer.outlet, answer.date, answer.title, answer.wire, limit=300)
    return quote_block(answer.text, LIMITS.FIELD_VALUE - len(cited) - 1) + "\n" + cited


def _quote_name(quote: Quotation) -> str:
    return clip(safe(f"{quote.speaker} — {quote.outlet or 'unknown outlet'}, {quote.date or 'undated'}"), 256)


def _quote_value(quote: Quotation) -> str:
    """The quotation, the outlets that printed these very words, and each other outlet's own wording."""
    extra = ""
    same = [o for o in quote.same_wording_outlets() if o != quote.outlet]
    if same:
        extra += "\n" + clip("also in " + ", ".join(safe(o) for o in same), 200)
    for wordings in quote.other_wordings():
        names = ", ".join(safe(o) for o in dict.fromkeys(w.outlet for w in wordings))
        extra += "\n" + clip(f"in other words ({names}): “{safe(wordings[0].text.strip())}”", 300)
    extra = clip(extra, LIMITS.FIELD_VALUE // 2)
    return quote_block(f"“{quote.text}”", LIMITS.FIELD_VALUE - len(extra)) + extra


def _fit_value(value: str) -> str:
    """A field value built of several quotes, cut to the field limit with the shortened-quote note."""
    if len(value) <= LIMITS.FIELD_VALUE:
        return value
    note = f"\n*{SHORTENED_NOTE}*"
    return clip(value, LIMITS.FIELD_VALUE - len(note)) + note


def _finish(embed: discord.Embed) -> discord.Embed:
    """Shrink the longest field values until the whole embed is within the 6,000-character total."""
    if len(embed) <= LIMITS.TOTAL:  # most are: the embed's length is counted once
        return embed
    while len(embed) > LIMITS.TOTAL and embed.fields:
        index, field = max(enumerate(embed.fields), key=lambda pair: len(pair[1].value or ""))
        value = field.value or ""
        target = max(len(value) - (len(embed) - LIMITS.TOTAL), 40)
        if target >= len(value):
            break
        embed.set_field_at(index, name=field.name or "", value=clip(value, target), inline=bool(field.inline))
    if len(embed) > LIMITS.TOTAL and embed.description:
        embed.description = clip(embed.description, len(embed.description) - (len(embed) - LIMITS.TOTAL))
    return embed
