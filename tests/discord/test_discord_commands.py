"""Slash commands end to end: the real bot, discord.py's real HTTP and gateway code, a fake Discord."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import StartBot, with_discord
from fake_discord import APP_ID, FakeDiscord

from bot.config import Config
from bot.discord.client import APOLOGY, SummitBot
from bot.discord.render import LIMITS
from bot.models import Article, Sentence
from bot.service import CoverageService

EPHEMERAL = 64
QUESTION = "How long did the Putin-Obama meeting at the UN last?"


def embed_text(embed: dict) -> str:
    parts = [embed.get("title", ""), embed.get("description", ""), embed.get("footer", {}).get("text", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def assert_within_limits(embed: dict) -> None:
    assert len(embed.get("title", "")) <= LIMITS.TITLE
    assert len(embed.get("description", "")) <= LIMITS.DESCRIPTION
    assert len(embed.get("fields", [])) <= LIMITS.FIELDS
    for field in embed.get("fields", []):
        assert len(field["name"]) <= LIMITS.FIELD_NAME and len(field["value"]) <= LIMITS.FIELD_VALUE
    assert len(embed_text(embed)) <= LIMITS.TOTAL + 100  # the join adds separators


def buttons(body: dict) -> dict[str, str]:
    """label -> custom_id of the buttons in a message body."""
    return {c["label"]: c["custom_id"] for row in body.get("components", []) for c in row["components"]}


async def test_ask_quotes_and_cites_the_best_answer(bot: SummitBot, fake: FakeDiscord) -> None:
    _, token = await fake.command("ask", question=QUESTION)
    body = await fake.response(token)
    (callback,) = fake.callbacks(token)
    assert callback.body["type"] == 5  # deferred first: the answer can take its time
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    assert_within_limits(embed)
    best = bot.service.ask(QUESTION).answers[0]
    text = embed_text(embed)
    assert (best.outlet or "unknown outlet") in text
    assert (best.date or "undated") in text
    assert (best.title or "untitled")[:40] in text
    assert " ".join(best.text[:40].split()) in " ".join(
        embed["description"].split()
    )  # odd spaces shown plain
    assert "Other answers" in buttons(body)


async def test_other_answers_button_shows_the_alternatives_privately(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    _, token = await fake.command("ask", question=QUESTION)
    (sent,) = await fake.wait_for(lambda r: r.path == f"/webhooks/{APP_ID}/{token}" and r.method == "POST")
    _, click = await fake.click(sent.reply, buttons(sent.body)["Other answers"])
    reply = await fake.response(click)
    assert reply["flags"] & EPHEMERAL
    assert reply["allowed_mentions"] == {"parse": []}
    alternatives = bot.service.ask(QUESTION).answers[1:]
    text = embed_text(reply["embeds"][0])
    assert all(a.text[:30] in text and (a.outlet or "") in text for a in alternatives)


async def test_quote_autocomplete_offers_matching_speakers(bot: SummitBot, fake: FakeDiscord) -> None:
    _, token = await fake.autocomplete("quote", "speaker", "Pu")
    (callback,) = await fake.wait_for(
        lambda r: r.path.startswith("/interactions/") and f"/{token}/" in r.path
    )
    assert callback.body["type"] == 8
    choices = callback.body["data"]["choices"]
    assert 0 < len(choices) <= 25
    assert all(any(w.lower().startswith("pu") for w in c["name"].split()) for c in choices)
    assert "Vladimir Putin" in [c["value"] for c in choices]


async def test_quote_lists_quotations_with_outlet_and_date(bot: SummitBot, fake: FakeDiscord) -> None:
    _, token = await fake.command("quote", speaker="Vladimir Putin")
    body = await fake.response(token)
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    assert_within_limits(embed)
    quotes = bot.service.quote(speaker="Vladimir Putin").quotes
    first = quotes[0]
    assert (first.outlet or "unknown outlet") in embed["fields"][0]["name"]
    assert (first.date or "undated") in embed["fields"][0]["name"]
    if len(quotes) > 5:  # paged: Next shows the second page in place
        (sent,) = await fake.wait_for(
            lambda r: r.path == f"/webhooks/{APP_ID}/{token}" and r.method == "POST"
        )
        assert set(buttons(body)) == {"Previous", "Next"}
        _, click = await fake.click(sent.reply, buttons(body)["Next"])
        (update,) = await fake.wait_for(
            lambda r: r.path.startswith("/interactions/") and f"/{click}/" in r.path
        )
        assert update.body["type"] == 7
        assert "Page 2" in update.body["data"]["embeds"][0]["footer"]["text"]


async def test_compare_has_a_field_per_outlet(bot: SummitBot, fake: FakeDiscord) -> None:
    topic = "the length of the meeting"
    _, token = await fake.command("compare", topic=topic)
    body = await fake.response(token)
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    assert_within_limits(embed)
    result = bot.service.compare(topic)
    names = [f["name"] for f in embed["fields"]]
    for cover in result.outlets:
        assert any(cover.outlet in n and (cover.date or "undated") in n for n in names)
    if result.not_covered:
        assert "Not covered by" in names


async def test_sources_and_help_are_private(bot: SummitBot, fake: FakeDiscord) -> None:
    _, sources = await fake.command("sources")
    body = await fake.response(sources)
    assert body["flags"] & EPHEMERAL and body["allowed_mentions"] == {"parse": []}
    text = embed_text(body["embeds"][0])
    assert all(a.id in text for a in bot.service.sources())
    _, help_token = await fake.command("help")
    body = await fake.response(help_token)
    assert body["flags"] & EPHEMERAL
    assert "/ask" in embed_text(body["embeds"][0])


async def test_a_too_long_question_gets_a_clear_private_message(bot: SummitBot, fake: FakeDiscord) -> None:
    _, token = await fake.command("ask", question="w" * 1999 + "?")
    body = await fake.response(token)
    assert body["flags"] & EPHEMERAL
    assert "2,000 characters" in body["content"] and "500" in body["content"]


async def test_markdown_and_mentions_in_the_corpus_are_escaped(
    start_bot: StartBot, fake: FakeDiscord, config: Config, tmp_path: Path
) -> None:
    lines = [
        "Putin told @everyone that the **bold** talks with Obama lasted ninety minutes.",
        "The weather in New York was mild that week.",
        "Delegates queued for coffee in the lobby.",
        "A motorcade blocked First Avenue for an hour.",
        "Reporters waited outside the hall until late.",
    ]
    sentences, start = [], 0
    for number, line in enumerate(lines):
        sentences.append(
            Sentence(
                text=line, paragraph=number, role="body", line=number + 1, start=start, end=start + len(line)
            )
        )
        start += len(line) + 2
    article = Article(
        id="tiny",
        outlet="Test Wire",
        date="2015-09-29",
        title="A _tiny_ article",
        wire=None,
        event="unga-2015",
        url=None,
        byline=None,
        dateline=None,
        text="\n\n".join(lines),
        sentences=tuple(sentences),
        dropped=(),
    )
    config = config.with_corpus(tmp_path)
    await start_bot(config, CoverageService(config, articles=(article,)))
    _, token = await fake.command("ask", question="What did Putin tell everyone about the bold talks?")
    body = await fake.response(token)
    assert body["allowed_mentions"] == {"parse": []}
    embed = body["embeds"][0]
    text = embed_text(embed)
    assert "\\*\\*bold\\*\\*" in embed["description"]
    assert "@everyone" not in text and "@\u200beveryone" in text
    assert "\\_tiny\\_" in text


async def test_a_second_call_within_the_cooldown_is_refused(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    await start_bot(with_discord(config, cooldown_rate=1, cooldown_seconds=60), real_service)
    _, first = await fake.command("ask", question=QUESTION)
    await fake.response(first)
    _, second = await fake.command("ask", question=QUESTION)
    body = await fake.response(second)
    assert body["flags"] & EPHEMERAL
    assert "try again in" in body["content"] and " s" in body["content"]


async def test_a_failing_command_apologises_and_logs_the_traceback(
    bot: SummitBot, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the index caught fire")

    monkeypatch.setattr(bot.service, "ask", broken)
    with caplog.at_level(logging.ERROR, logger="bot.discord"):
        _, token = await fake.command("ask", question=QUESTION)
        (sent,) = await fake.wait_for(
            lambda r: r.path.startswith(f"/webhooks/{APP_ID}/{token}") and r.method == "POST"
        )
    assert sent.body["content"] == APOLOGY
    assert sent.body["flags"] & EPHEMERAL
    assert "the index caught fire" not in sent.body["content"]
    failures = [r for r in caplog.records if r.exc_info and "caught fire" in str(r.exc_info[1])]
    assert failures, "the traceback was not logged"
    # the public "thinking…" placeholder is removed so that the apology stays private
    assert any(r.method == "DELETE" and r.path.endswith(f"{token}/messages/@original") for r in fake.requests)


async def test_a_compare_of_sixty_long_named_outlets_is_paged_within_limits(
    bot: SummitBot, fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_discord_render import _long_compare

    monkeypatch.setattr(bot.service, "compare", lambda topic: _long_compare(60))
    _, token = await fake.command("compare", topic="the meeting")
    body = await fake.response(token)
    assert body["allowed_mentions"] == {"parse": []}
    assert 1 <= len(body["embeds"]) <= LIMITS.EMBEDS
    for embed in body["embeds"]:
        assert_within_limits(embed)
        assert len(embed["fields"]) <= LIMITS.FIELDS
    assert set(buttons(body)) == {"Previous", "Next"}
    assert body["embeds"][0]["footer"]["text"].startswith("Page 1 of ")


async def test_zero_width_characters_and_mentions_in_a_question_do_not_change_the_answer(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    plain = bot.service.ask(QUESTION)
    noisy = "<@123456789012345678> **How** long did the Pu\u200btin-Obama meeting at the <#42> UN last?"
    _, token = await fake.command("ask", question=noisy)
    body = await fake.response(token)
    assert not plain.declined
    assert " ".join(plain.answers[0].text[:40].split()) in " ".join(body["embeds"][0]["description"].split())
