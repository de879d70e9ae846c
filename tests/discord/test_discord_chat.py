"""Mentions and DMs: replies reference the message, never ping, and follow-ups carry the topic over."""

from __future__ import annotations

from fake_discord import BOT_ID, CHANNEL_ID, DM_CHANNEL_ID, USER_ID, FakeDiscord, Recorded

from bot.conversation import Conversation
from bot.discord.client import SummitBot
from bot.discord.render import ask_embed

MENTION = f"<@{BOT_ID}>"


def reply_to(message_id: int, channel_id: int = CHANNEL_ID):
    def matches(r: Recorded) -> bool:
        return (
            r.method == "POST"
            and r.path == f"/channels/{channel_id}/messages"
            and str((r.body.get("message_reference") or {}).get("message_id")) == str(message_id)
        )

    return matches


async def test_a_mention_gets_a_reply_to_that_message_without_pings(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    message_id = await fake.say(f"{MENTION} Where did Putin and Obama meet in September 2015?")
    (reply,) = await fake.wait_for(reply_to(message_id))
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}  # no pings at all
    embed = reply.body["embeds"][0]
    best = bot.service.ask("Where did Putin and Obama meet in September 2015?").answers[0]
    assert " ".join(best.text[:40].split()) in " ".join(
        embed["description"].split()
    )  # odd spaces shown plain
    assert "<@" not in embed["title"]  # the mention was stripped from the question


async def test_a_direct_message_is_answered(bot: SummitBot, fake: FakeDiscord) -> None:
    message_id = await fake.say(
        "Who hosted the luncheon that Putin and Obama attended at the UN?", mention_bot=False, dm=True
    )
    (reply,) = await fake.wait_for(reply_to(message_id, DM_CHANNEL_ID))
    assert reply.body["allowed_mentions"] == {"parse": [], "replied_user": False}  # no pings at all
    assert reply.body["embeds"][0]["description"]


async def test_everyone_pings_and_unaddressed_messages_are_ignored(bot: SummitBot, fake: FakeDiscord) -> None:
    ignored = [
        await fake.say("@everyone how long did the meeting last?", mention_bot=False, everyone=True),
        await fake.say("just chatting about the summit", mention_bot=False),
    ]
    answered = await fake.say(f"{MENTION} How long did the Putin-Obama meeting at the UN last?")
    await fake.wait_for(reply_to(answered))  # events are handled in order: the ones before are done
    posted = [r for r in fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert len(posted) == 1
    assert all(not reply_to(m)(posted[0]) for m in ignored)


async def test_a_follow_up_in_the_channel_continues_the_conversation(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    first = await fake.say(f"{MENTION} How long did the Putin-Obama meeting at the UN last?")
    await fake.wait_for(reply_to(first))
    second = await fake.say(f"{MENTION} And why did it last only that long?")
    (reply,) = await fake.wait_for(reply_to(second))
    description = reply.body["embeds"][0]["description"]
    assert "tight schedules" in description  # the reason only follows from the earlier question


async def test_a_follow_up_continues_only_its_own_askers_conversation(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    question, follow_up = "What did Obama say about Assad?", "and Putin?"
    talk = Conversation()
    bot.service.ask(question, conversation=talk)
    carried = ask_embed(bot.service.ask(follow_up, conversation=talk), bot.event_names()).to_dict()
    alone = ask_embed(bot.service.ask(follow_up), bot.event_names()).to_dict()
    assert carried["description"] != alone["description"]  # its answer depends on the question before
    first = await fake.say(f"{MENTION} {question}")
    await fake.wait_for(reply_to(first))
    others = await fake.say(f"{MENTION} {follow_up}", user_id=USER_ID + 1)  # another user, same channel
    (reply,) = await fake.wait_for(reply_to(others))
    assert reply.body["embeds"][0]["description"] == alone["description"]
    own = await fake.say(f"{MENTION} {follow_up}")
    (reply,) = await fake.wait_for(reply_to(own))
    assert reply.body["embeds"][0]["description"] == carried["description"]


async def test_a_too_long_mention_is_told_the_limit(bot: SummitBot, fake: FakeDiscord) -> None:
    message_id = await fake.say(f"{MENTION} " + "w" * 1999 + "?")
    (reply,) = await fake.wait_for(reply_to(message_id))
    assert "2,000 characters" in reply.body["content"]
