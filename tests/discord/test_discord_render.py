"""render.py: every embed within Discord's limits, corpus text escaped, long quotes shortened with a note."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from pathlib import Path

import discord

from bot.discord.cogs.quote import match_speakers
from bot.discord.render import (
    ELLIPSIS,
    LIMITS,
    SHORTENED_NOTE,
    alternatives_embed,
    ask_embed,
    clip,
    compare_pages,
    quote_block,
    quote_pages,
    safe,
)
from bot.results import (
    Answer,
    AskResult,
    Claim,
    CompareResult,
    Disagreement,
    OutletCoverage,
    Quotation,
    QuoteResult,
    ScoredSentence,
    Wording,
)


def answer(text: str, outlet: str = "Sputnik") -> Answer:
    return Answer(
        text=text,
        doc="002",
        outlet=outlet,
        date="2015-09-29",
        title="Putin, Obama meet",
        wire=None,
        event="unga-2015",
        start=0,
        end=len(text),
        score=1.0,
        also_reported_by=("RT", "AFP"),
    )


def within_limits(embed: discord.Embed) -> bool:
    return (
        len(embed) <= LIMITS.TOTAL
        and len(embed.title or "") <= LIMITS.TITLE
        and len(embed.description or "") <= LIMITS.DESCRIPTION
        and len(embed.fields) <= LIMITS.FIELDS
        and all(
            len(f.name or "") <= LIMITS.FIELD_NAME and len(f.value or "") <= LIMITS.FIELD_VALUE
            for f in embed.fields
        )
        and len(embed.footer.text or "") <= LIMITS.FOOTER
    )


def test_a_5000_character_quote_is_shortened_with_an_ellipsis_and_a_note() -> None:
    long = "The leaders talked about Syria and *much* else. " * 105  # over 5,000 characters
    result = AskResult(
        question="What did they talk about?" * 20, declined=False, answers=(answer(long), answer(long, "RT"))
    )
    for embed in (ask_embed(result), alternatives_embed(result)):
        assert within_limits(embed)
        text = (
            embed.description
            if embed.description and SHORTENED_NOTE in embed.description
            else embed.fields[0].value
        )
        assert ELLIPSIS in text and SHORTENED_NOTE in text


def test_citation_and_escaping_in_the_answer() -> None:
    embed = ask_embed(
        AskResult(question="q", declined=False, answers=(answer("**Bold** @everyone <@123456789012345678>"),))
    )
    assert "\\*\\*Bold\\*\\*" in embed.description and "@\u200beveryone" in embed.description
    assert "@\u200b123456789012345678" in embed.description
    values = {f.name: f.value for f in embed.fields}
    assert (
        values["Outlet"] == "Sputnik"
        and values["Date"] == "2015-09-29"
        and values["Headline"] == "Putin, Obama meet"
    )
    assert values["Also reported by"] == "RT, AFP"


def test_a_declined_question_is_a_polite_reply() -> None:
    embed = ask_embed(
        AskResult(
            question="Who won the match?", declined=True, answers=(), closest="The talks lasted an hour."
        )
    )
    assert "couldn't find" in embed.description and "The talks lasted an hour." in embed.description


def test_clip_never_leaves_a_dangling_escape() -> None:
    text = safe("a" * 9 + "*" * 20)
    for limit in range(5, 40):
        cut = clip(text, limit)
        assert len(cut) <= limit
        body = cut.removesuffix(ELLIPSIS)
        assert (len(body) - len(body.rstrip("\\"))) % 2 == 0


def test_quote_block_fits_exactly() -> None:
    assert quote_block("short", 100) == "> short"
    assert len(quote_block("x " * 3000, 1024)) <= 1024


def test_compare_with_many_outlets_stays_within_limits() -> None:
    sentence = ScoredSentence(
        text="They met for ninety minutes. " * 40, start=0, end=10, score=1.0, shared=True
    )
    outlets = tuple(
        OutletCoverage(
            outlet=f"Outlet {n}",
            doc=str(n),
            date="2015-09-29",
            event="unga-2015",
            sentences=(sentence, sentence),
            title="T",
        )
        for n in range(40)
    )
    claims = tuple(Claim(outlet=f"Outlet {n}", text="It lasted an hour. " * 30) for n in range(5))
    result = CompareResult(
        topic="length",
        outlets=outlets,
        not_covered=("RT", "AFP"),
        disagreements=(Disagreement(about="length", claims=claims),),
    )
    pages = compare_pages(result, {"unga-2015": "UN General Assembly"})
    assert all(within_limits(page) for page in pages)
    names = [f.name for page in pages for f in page.fields]
    assert "Outlet 0 — UN General Assembly, 2015-09-29" in names
    assert all(f"Outlet {n} — UN General Assembly, 2015-09-29" in names for n in range(40))
    assert "Not covered by" in names and "Where they disagree" in names


def test_quote_pages() -> None:
    quotes = tuple(
        Quotation(
            text="We agreed " * 200,
            speaker="Vladimir Putin",
            kind="full",
            doc="1",
            outlet="RT",
            date="2015-09-29",
            event="unga-2015",
            sentence="s",
            start=0,
            end=1,
            outlets=(
                Wording("RT", "1", "We agreed " * 200, 0, 2000),
                Wording("Sputnik", "2", "We agreed " * 200, 5, 2005),
                Wording("Islam Times", "3", "We came to an agreement", 9, 32),
            ),
        )
        for _ in range(12)
    )
    pages = quote_pages(QuoteResult(speaker="Vladimir Putin", topic=None, quotes=quotes))
    assert len(pages) == 3 and all(within_limits(p) for p in pages)
    assert pages[0].fields[0].name == "Vladimir Putin — RT, 2015-09-29"
    value = pages[0].fields[0].value or ""
    assert "also in Sputnik" in value  # the same words
    assert "in other words (Islam Times): “We came to an agreement”" in value  # a different wording


def test_speaker_matching_by_prefix_caps_at_25() -> None:
    speakers = ["Vladimir Putin", "Barack Obama", "Sergei Lavrov"] + [f"Person {n}" for n in range(40)]
    assert match_speakers(speakers, "ob") == ["Barack Obama"]
    assert match_speakers(speakers, "Vla") == ["Vladimir Putin"]
    assert len(match_speakers(speakers, "")) == 25


def _long_compare(outlets: int) -> CompareResult:
    sentence = ScoredSentence(
        text="The two presidents met for ninety minutes behind closed doors. " * 12,
        start=0,
        end=10,
        score=1.0,
        shared=True,
    )
    covers = tuple(
        OutletCoverage(
            outlet=f"The Extremely Long-Named International Broadcasting Service Number {n} " + "x" * 150,
            doc=str(n),
            date="2015-09-29",
            event="unga-2015",
            sentences=(sentence, sentence, sentence),
            title="A headline that goes on and on " * 6,
        )
        for n in range(outlets)
    )
    claims = tuple(Claim(outlet=f"Outlet {n}", text="It lasted an hour. " * 30) for n in range(8))
    return CompareResult(
        topic="the length of the meeting " * 20,
        outlets=covers,
        not_covered=tuple(f"Uncovering Outlet {n} " * 5 for n in range(30)),
        disagreements=(Disagreement(about="how long the meeting lasted", claims=claims),),
    )


def test_compare_with_sixty_long_named_outlets_paginates_within_every_limit() -> None:
    result = _long_compare(60)
    pages = compare_pages(result, {"unga-2015": "UN General Assembly"})
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert within_limits(page), (number, len(page))
        assert page.footer.text == f"Page {number} of {len(pages)}"
    shown = [f.name for page in pages for f in page.fields]
    # every outlet is on some page, in order, each once; then who did not cover it and the disagreements
    assert [name.split(" Number ")[1].split(" ")[0] for name in shown[:60]] == [str(n) for n in range(60)]
    assert shown[60:] == ["Not covered by", "Where they disagree"]


def test_channel_role_and_command_mentions_in_corpus_text_are_escaped() -> None:
    raw = "See <#123456789012345678>, ping <@&123456789012345678> and </ask:1234> or @here <t:1:R>"
    text = safe(raw)
    for markup in ("<#1", "<@&", "</ask", "<t:"):
        assert markup not in text
    assert "@here" not in text and "@\u200bhere" in text
    embed = ask_embed(AskResult(question="q", declined=False, answers=(answer(raw),)))
    assert "<#1" not in (embed.description or "") and "<@&" not in (embed.description or "")


def test_the_answer_embed_names_outlets_giving_another_figure() -> None:
    best = dataclasses.replace(
        answer("The meeting lasted approximately one hour."),
        also_reported_by=(),
        disagreements=(Wording("WT24", "004", "Mr Putin called their 90-minute *meeting* frank.", 5, 52),),
    )
    embed = ask_embed(AskResult(question="How long?", declined=False, answers=(best,)))
    field = next(f for f in embed.fields if f.name == "Other outlets report a different figure")
    assert "**WT24**" in (field.value or "") and "90-minute" in (field.value or "")
    assert "\\*meeting\\*" in (field.value or "")  # corpus text is escaped
    assert within_limits(embed)


def _escaped_in_full(text: str) -> str:
    """`safe` without its shortcut: discord.py's two escapes and the angle markup, always run."""
    text = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    return re.sub(r"<(?=[#@/:]|a:|t:)", "<\u200b", text)


def test_safe_returns_what_the_escapes_return_on_random_and_corpus_text() -> None:
    rng = random.Random(18)
    # every character an escape acts on, the ones around them (spaces and other whitespace, line breaks, a
    # URL's), and letters
    alphabet = "_\\~|*`[]()>#@<-!&:/t a1 \n\t\r\x0b\x85\u2028.,h"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(20_000)]
    texts += ["- a list", "a\n  - item", "x -y", "http://a.b/c_d", "<https://a.b/_>", "@everyone", "a - b"]
    clean = Path(__file__).resolve().parents[2] / "corpus" / "clean"
    for path in sorted(clean.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts += [article["title"] or "", *article["text"].split("\n"), article["text"]]
    shortcut = 0
    for text in texts:
        assert safe(text) == _escaped_in_full(text), text
        shortcut += safe(text) is text
    assert 0 < shortcut < len(texts)  # both paths ran
