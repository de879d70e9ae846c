"""A fake Discord on 127.0.0.1: the REST routes discord.py calls and a gateway websocket, recording all.

The real bot talks to it through discord.py's own HTTP and gateway code once `pointed_at(fake)` has redirected
`discord.http.Route.BASE` and `DiscordWebSocket.DEFAULT_GATEWAY`. Tests push INTERACTION_CREATE and
MESSAGE_CREATE dispatches and wait (on a condition, never a fixed sleep) for the requests the bot makes.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import discord
import orjson
import yarl
from aiohttp import WSMsgType, web

__all__ = ["FakeDiscord", "Recorded", "pointed_at"]

TOKEN = "fake.bot.token"
APP_ID = 900_000_000_000_000_001
BOT_ID = 900_000_000_000_000_002
GUILD_ID = 900_000_000_000_000_003
CHANNEL_ID = 900_000_000_000_000_004
DM_CHANNEL_ID = 900_000_000_000_000_005
USER_ID = 900_000_000_000_000_006
TIMESTAMP = "2016-09-05T12:00:00.000000+00:00"


def _dumps(data: Any) -> str:
    # orjson, as the bot's discord.py uses: the fake's own JSON is harness time on the same cores
    # (bench/discord_burst.py), not work the bot would be spared by the real Discord
    return orjson.dumps(data).decode()


@dataclass
class Recorded:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    status: int = 200
    reply: Any = None  # what the fake answered (for a message: the message object, with its id)
    peer: Any = None  # the bot's end of the connection it came over (host, port)


@dataclass
class _Socket:
    ws: web.WebSocketResponse
    shard: tuple[int, int] | None = None
    sequence: itertools.count = field(default_factory=lambda: itertools.count(1))
    identified: asyncio.Event = field(default_factory=asyncio.Event)


def user_payload(user_id: int = USER_ID, name: str = "reader", bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(user_id),
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
    }


class FakeDiscord:
    """The fake server; `await start()`, then `base_url`/`gateway_url`; `await close()`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.identifies: list[dict[str, Any]] = []
        self.sockets: list[_Socket] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or a guild id -> registered commands
        self._changed = asyncio.Condition()
        self._ids = itertools.count(1_000_000_000_000_000_000)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        for socket in self.sockets:
            await socket.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/"

    def new_id(self) -> int:
        return next(self._ids)

    # -- waiting -----------------------------------------------------------------------------------------

    async def wait_for(
        self, predicate: Callable[[Recorded], bool], count: int = 1, timeout: float = 5.0
    ) -> list[Recorded]:
        """The first `count` recorded requests matching `predicate`, waiting for them to arrive."""

        def matching() -> list[Recorded]:
            return [r for r in self.requests if predicate(r)]

        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(matching()) >= count), timeout)
        return matching()[:count]

    async def _record(self, recorded: Recorded) -> None:
        async with self._changed:
            self.requests.append(recorded)
            self._changed.notify_all()

    async def wait_identified(self, shards: int = 1, timeout: float = 5.0) -> None:
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: sum(s.identified.is_set() for s in self.sockets) >= shards),
                timeout,
            )

    # -- gateway -----------------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        socket = _Socket(ws)
        self.sockets.append(socket)
        await ws.send_json(
            {"op": 10, "d": {"heartbeat_interval": 45_000}, "s": None, "t": None}, dumps=_dumps
        )
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            payload = orjson.loads(msg.data)
            if payload["op"] == 1:
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None}, dumps=_dumps)
            elif payload["op"] == 2:
                await self._identify(socket, payload["d"])
        with contextlib.suppress(ValueError):
            self.sockets.remove(socket)
        return ws

    async def _identify(self, socket: _Socket, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        shard = data.get("shard")
        socket.shard = (shard[0], shard[1]) if shard else None
        ready = {
            "v": 10,
            "user": user_payload(BOT_ID, "summitbot", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "session_id": f"session-{len(self.identifies)}",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        if shard:
            ready["shard"] = shard
        await self._send(socket, "READY", ready)
        if not shard or (GUILD_ID >> 22) % shard[1] == shard[0]:
            await self._send(socket, "GUILD_CREATE", self.guild_payload())
        socket.identified.set()
        async with self._changed:
            self._changed.notify_all()

    async def _send(self, socket: _Socket, event: str, data: dict[str, Any]) -> None:
        await socket.ws.send_json({"op": 0, "t": event, "s": next(socket.sequence), "d": data}, dumps=_dumps)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Push a gateway event to the (first) connected shard."""
        await self._send(self.sockets[0], event, data)

    def guild_payload(self) -> dict[str, Any]:
        return {
            "id": str(GUILD_ID),
            "name": "Summit readers",
            "owner_id": str(USER_ID),
            "unavailable": False,
            "member_count": 2,
            "roles": [
                {"id": str(GUILD_ID), "name": "@everyone", "permissions": "2248473465835073", "position": 0}
            ],
            "channels": [
                {"id": str(CHANNEL_ID), "type": 0, "name": "news", "position": 0, "guild_id": str(GUILD_ID)}
            ],
            "members": [],
            "threads": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "voice_states": [],
            "presences": [],
            "premium_tier": 0,
            "joined_at": TIMESTAMP,
            "large": False,
        }

    # -- pushing interactions and messages ---------------------------------------------------------------

    async def interact(
        self,
        kind: int,
        data: dict[str, Any],
        *,
        user_id: int = USER_ID,
        dm: bool = False,
        message: dict[str, Any] | None = None,
    ) -> tuple[int, str]:
        """Dispatch an INTERACTION_CREATE; returns its id and token."""
        interaction_id = self.new_id()
        token = f"itoken-{interaction_id}"
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(APP_ID),
            "type": kind,
            "data": data,
            "token": token,
            "version": 1,
            "app_permissions": "2248473465835073",
            "locale": "en-US",
            "attachment_size_limit": 10_485_760,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
        }
        if dm:
            payload["channel_id"] = str(DM_CHANNEL_ID)
            payload["channel"] = {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [user_payload(user_id)]}
            payload["user"] = user_payload(user_id)
            payload["context"] = 1
        else:
            payload["guild_id"] = str(GUILD_ID)
            payload["guild_locale"] = "en-US"
            payload["channel_id"] = str(CHANNEL_ID)
            payload["channel"] = {"id": str(CHANNEL_ID), "type": 0, "guild_id": str(GUILD_ID), "name": "news"}
            payload["member"] = {
                "user": user_payload(user_id),
                "roles": [],
                "joined_at": TIMESTAMP,
                "deaf": False,
                "mute": False,
                "flags": 0,
                "permissions": "2248473465835073",
            }
            payload["context"] = 0
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return interaction_id, token

    async def command(
        self, name: str, user_id: int = USER_ID, dm: bool = False, **options: Any
    ) -> tuple[int, str]:
        """A slash command invocation (interaction type 2) with string options."""
        data = {
            "id": str(self.command_id(name)),
            "name": name,
            "type": 1,
            "options": [{"name": k, "type": 3, "value": v} for k, v in options.items() if v is not None],
        }
        return await self.interact(2, data, user_id=user_id, dm=dm)

    async def autocomplete(self, name: str, option: str, typed: str, **others: str) -> tuple[int, str]:
        options = [{"name": k, "type": 3, "value": v} for k, v in others.items()]
        options.append({"name": option, "type": 3, "value": typed, "focused": True})
        data = {"id": str(self.command_id(name)), "name": name, "type": 1, "options": options}
        return await self.interact(4, data)

    async def click(self, message: dict[str, Any], custom_id: str, user_id: int = USER_ID) -> tuple[int, str]:
        """Press a button (interaction type 3) on a message the bot sent."""
        return await self.interact(
            3, {"custom_id": custom_id, "component_type": 2}, user_id=user_id, message=message
        )

    async def say(
        self,
        content: str,
        *,
        mention_bot: bool = True,
        dm: bool = False,
        everyone: bool = False,
        user_id: int = USER_ID,
    ) -> int:
        """A user's message (MESSAGE_CREATE) in the guild channel or in a DM; returns its id."""
        message_id = self.new_id()
        data: dict[str, Any] = {
            "id": str(message_id),
            "channel_id": str(DM_CHANNEL_ID if dm else CHANNEL_ID),
            "author": user_payload(user_id),
            "content": content,
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": everyone,
            "mentions": [user_payload(BOT_ID, "summitbot", bot=True)] if mention_bot else [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if not dm:
            data["guild_id"] = str(GUILD_ID)
            data["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False, "mute": False, "flags": 0}
        await self.dispatch("MESSAGE_CREATE", data)
        return message_id

    def command_id(self, name: str) -> int:
        for registered in self.commands.get("global", []):
            if registered["name"] == name:
                return int(registered["id"])
        return 1

    # -- REST --------------------------------------------------------------------------------------------

    def message_payload(
        self, channel_id: int, body: dict[str, Any] | None, message_id: int | None = None
    ) -> dict[str, Any]:
        body = body or {}
        return {
            "id": str(message_id or self.new_id()),
            "channel_id": str(channel_id),
            "author": user_payload(BOT_ID, "summitbot", bot=True),
            "content": body.get("content") or "",
            "timestamp": TIMESTAMP,
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": body.get("flags") or 0,
            "application_id": str(APP_ID),
            "webhook_id": str(APP_ID),
        }

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            body = orjson.loads(raw) if raw and request.content_type == "application/json" else raw.decode()
        if request.headers.get("Authorization") != f"Bot {TOKEN}" and not path.startswith(
            ("/webhooks", "/interactions")
        ):
            await self._record(Recorded(request.method, path, dict(request.query), body, 401))
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        status, reply = self._route(request.method, path, body)
        peer = request.transport.get_extra_info("peername") if request.transport is not None else None
        await self._record(Recorded(request.method, path, dict(request.query), body, status, reply, peer))
        if reply is None:
            return web.Response(status=status)
        return _json(reply, status)

    def _route(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if path in ("/gateway", "/gateway/bot"):
            limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
            return 200, {"url": self.gateway_url, "shards": 1, "session_start_limit": limit}
        if path == "/users/@me":
            return 200, user_payload(BOT_ID, "summitbot", bot=True)
        if path in ("/oauth2/applications/@me", "/applications/@me"):
            return 200, {
                "id": str(APP_ID),
                "name": "summitbot",
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": user_payload(USER_ID, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
            }
        if parts[0] == "applications" and parts[-1] == "commands":
            scope = parts[3] if len(parts) > 4 and parts[2] == "guilds" else "global"
            if method == "PUT":
                self.commands[scope] = [
                    {
                        **c,
                        "id": str(self.new_id()),
                        "application_id": str(APP_ID),
                        "version": "1",
                        "type": c.get("type", 1),
                    }
                    for c in body
                ]
            return 200, self.commands.get(scope, [])
        if parts[0] == "interactions" and parts[-1] == "callback":
            return 200, self._callback(int(parts[1]), body)
        if parts[0] == "webhooks":
            if method == "DELETE":
                return 204, None
            message_id = None if parts[-1] in ("@original", parts[2]) else int(parts[-1])
            return 200, self.message_payload(CHANNEL_ID, body, message_id)
        if parts[0] == "channels" and parts[-1] == "typing":
            return 204, None
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            return 200, self.message_payload(int(parts[1]), body)
        return 404, {"message": "404: Not Found", "code": 0}

    def _callback(self, interaction_id: int, body: dict[str, Any]) -> dict[str, Any]:
        kind = body["type"]
        data = body.get("data") or {}
        message_id = self.new_id()
        reply: dict[str, Any] = {
            "interaction": {
                "id": str(interaction_id),
                "type": 2,
                "response_message_id": str(message_id),
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & 64),
            },
            "resource": {"type": kind},
        }
        if kind in (4, 7):
            reply["resource"]["message"] = self.message_payload(CHANNEL_ID, data, message_id)
        return reply

    # -- reading what the bot sent -----------------------------------------------------------------------

    def callbacks(self, token: str) -> list[Recorded]:
        return [
            r for r in self.requests if r.path.startswith("/interactions/") and r.path.split("/")[3] == token
        ]

    async def response(self, token: str, timeout: float = 5.0) -> dict[str, Any]:
        """The message body the bot answered an interaction with: its callback message or first follow-up."""

        def answered(r: Recorded) -> bool:
            if r.path.startswith("/interactions/") and f"/{token}/" in r.path:
                return r.body["type"] in (4, 7, 8)
            return r.path.startswith(f"/webhooks/{APP_ID}/{token}") and r.method in ("POST", "PATCH")

        (found,) = await self.wait_for(answered, timeout=timeout)
        return found.body["data"] if found.path.startswith("/interactions/") else found.body


def _json(data: Any, status: int) -> web.Response:
    # discord.py parses a body as JSON only when the content type is exactly application/json (no charset)
    return web.Response(body=orjson.dumps(data), status=status, headers={"Content-Type": "application/json"})


@contextlib.contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    """Redirect discord.py's REST base and gateway to the fake, restoring them afterwards."""
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
