"""The stand-in gateway: a real Socket.IO server speaking the Archit.us protocol (PROTOCOL.md).

It simulates busy guilds, serves their entity pools, streams their log actions to spectators
and plays the mock bot. Run it with ``archit-tui gateway``, or embed it (the app's demo mode and
the tests do) with `StandInGateway.start` / `StandInGateway.stop` on the running loop. With
``settings.chaos`` it misbehaves on purpose (`chaos_stream`).

An incoming event larger than `PAYLOAD_LIMIT` is answered with an ``error`` (code 413) instead
of being handled (`payload_limit`); the real gateway drops the connection silently there.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import socketio
from aiohttp import web

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import MalformedEvent
from archit_tui.protocol.requests import (
    parse_elevation_request,
    parse_mock_user_event,
    parse_pool_request,
    parse_spectate,
)

from .background import keep_background_tasks
from .chaos import ChaosTally
from .chaos_stream import ChaosStream
from .guilds import SimGuild, build_guilds
from .mockbot import MockBot
from .payload_limit import ENGINEIO_HARD_CAP, int_field, oversized, read_whole_bodies
from .pool_lookup import look_up
from .replay import ReplayTraffic
from .settings import StandInSettings
from .streams import is_pool_action, new_stream
from .traffic_pacer import GuildTraffic

log = logging.getLogger(__name__)

POOL_REPLY_CHUNK = 100
"""Entities per ``pool_response``; longer answers arrive in several replies."""

SHUTDOWN_GRACE_SECONDS = 1.0
"""How long `StandInGateway.stop` lets clients finish closing before it cuts them off."""

MOCK_AUTHOR = "you"
"""The name the mock bot calls the person chatting with it."""

Handler = Callable[..., Awaitable[None]]


@dataclass
class _Session:
    elevated: bool = False
    guild_id: int | None = None
    non_pool: bool = False


class StandInGateway:
    """A stand-in for the Archit.us gateway, on aiohttp."""

    def __init__(self, settings: StandInSettings) -> None:
        self.settings = settings
        self.guilds: dict[int, SimGuild] = {
            guild.id: guild for guild in build_guilds(settings.seed, settings.guild_count)
        }
        self.sio = socketio.AsyncServer(
            async_mode="aiohttp",
            cors_allowed_origins="*",
            logger=False,
            engineio_logger=False,
            max_http_buffer_size=ENGINEIO_HARD_CAP,
        )
        read_whole_bodies(self.sio.eio)
        self._background = keep_background_tasks(self.sio.eio)
        self.app = web.Application()
        self.sio.attach(self.app)
        self._sessions: dict[str, _Session] = {}
        self._traffic: dict[int, GuildTraffic | ReplayTraffic] = {}
        self._bots: dict[int, MockBot] = {}
        self._runner: web.AppRunner | None = None
        self._url: str | None = None
        self.elevations = 0
        """Successful elevations so far (tests count re-elevations with it)."""
        self.chaos: ChaosStream | None = None
        """The faulty live stream, in chaos mode."""
        if settings.chaos is not None:
            self.chaos = ChaosStream(
                settings.chaos,
                self.sio,
                spectators=self.spectators,
                is_connected=self._sessions.__contains__,
                deliver=self._deliver,
            )
        self._register_handlers()

    @property
    def chaos_tally(self) -> ChaosTally | None:
        """What chaos mode did so far (None when it is off)."""
        return None if self.chaos is None else self.chaos.tally

    # Life cycle -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://host:port`` once started."""
        if self._url is None:
            raise RuntimeError("the stand-in gateway is not started")
        return self._url

    async def start(self) -> str:
        """Listen on the configured address; return the URL to connect to."""
        runner = web.AppRunner(
            self.app, handle_signals=False, access_log=None, shutdown_timeout=SHUTDOWN_GRACE_SECONDS
        )
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port, reuse_address=True)
        await site.start()
        self._runner = runner
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self._url = f"http://{self.settings.host}:{port}"
        return self._url

    async def stop(self) -> None:
        """Stop traffic, drop every connection and stop listening (again: nothing to do)."""
        if self._runner is None:
            return
        streams, self._traffic = self._traffic, {}
        for traffic in streams.values():
            await traffic.stop()
        if self.chaos is not None:
            await self.chaos.close()
        for sid in list(self._sessions):
            await self.sio.disconnect(sid)
        await self.sio.shutdown()
        runner, self._runner = self._runner, None
        if runner is not None:
            await _let_connections_close(runner, SHUTDOWN_GRACE_SECONDS)
            await runner.cleanup()
        for task in list(self._background):  # Engine.IO's pings sleep on after their socket
            task.cancel()

    # Handlers ---------------------------------------------------------------------------------

    def _register_handlers(self) -> None:
        self.sio.on("connect", self._on_connect)
        self.sio.on("disconnect", self._on_disconnect)
        events: dict[str, Handler] = {
            "request_elevation": self._on_request_elevation,
            "spectate": self._on_spectate,
            "pool_request": self._on_pool_request,
            "pool_all_request": self._on_pool_all_request,
            "mock_user_event": self._on_mock_user_event,
        }
        for event, handler in events.items():
            self.sio.on(event, self._within_limit(event, handler))
        self.sio.on("*", self._on_unknown_event)

    def _within_limit(self, event: str, handler: Handler) -> Handler:
        """``handler``, unless the event's payload is over `PAYLOAD_LIMIT`: then a 413 error."""

        async def checked(sid: str, *args: JSON) -> None:
            if not await self._refused_as_too_big(sid, event, args):
                await handler(sid, *args)

        return checked

    async def _refused_as_too_big(self, sid: str, event: str, args: tuple[JSON, ...]) -> bool:
        """Answer an event over `PAYLOAD_LIMIT` with a 413 error; True if it was one."""
        too_big = oversized(event, args)
        if too_big is None:
            return False
        await self._error(sid, event, 413, too_big.human, too_big.request_id, too_big.message_id)
        return True

    async def _on_connect(self, sid: str, environ: dict[str, Any], auth: JSON = None) -> None:
        self._sessions[sid] = _Session()

    async def _on_disconnect(self, sid: str, reason: object = None) -> None:
        session = self._sessions.pop(sid, None)
        if session is not None and session.guild_id is not None:
            await self._stop_traffic_if_unwatched(session.guild_id)

    async def _on_request_elevation(self, sid: str, payload: JSON = None) -> None:
        request = parse_elevation_request(payload)
        granted = not isinstance(request, MalformedEvent) and hmac.compare_digest(
            request.token.encode(), self.settings.token.reveal().encode()
        )
        session = self._sessions.setdefault(sid, _Session())
        if granted:
            session.elevated = True
            self.elevations += 1
            await self.sio.enter_room(sid, f"{sid}_auth")
            reply: dict[str, JSON] = {"success": True, "room": f"{sid}_auth"}
        else:
            reply = {"success": False, "room": None}
        await self._reply(sid, "request_elevation_return", reply)

    async def _on_spectate(self, sid: str, payload: JSON = None) -> None:
        if not await self._require_elevation(sid, "spectate"):
            return
        request = parse_spectate(payload)
        if isinstance(request, MalformedEvent):
            await self._reply_malformed(sid, request)
            return
        if request.guild_id not in self.guilds and self.settings.replay is None:
            await self._error(sid, "spectate", 404, f"no guild with id {request.guild_id}")
            return
        session = self._sessions[sid]
        previous = session.guild_id
        session.guild_id, session.non_pool = request.guild_id, request.non_pool
        if previous is not None and previous != request.guild_id:
            await self._stop_traffic_if_unwatched(previous)
        traffic = self._traffic_for(request.guild_id)
        for action in list(traffic.history):
            await self._send_action(sid, session, request.guild_id, action)
        traffic.start()

    async def _on_pool_request(self, sid: str, payload: JSON = None) -> None:
        await self._answer_pool(sid, "pool_request", payload, all_of_kind=False)

    async def _on_pool_all_request(self, sid: str, payload: JSON = None) -> None:
        await self._answer_pool(sid, "pool_all_request", payload, all_of_kind=True)

    async def _on_mock_user_event(self, sid: str, payload: JSON = None) -> None:
        event = parse_mock_user_event(payload)
        if isinstance(event, MalformedEvent):
            await self._reply_malformed(sid, event)
            return
        if event.content is not None and len(event.content) > self.settings.max_content:
            await self._error(
                sid,
                "mock_user_event",
                413,
                f"the message is {len(event.content)} characters long; the limit is "
                f"{self.settings.max_content}",
                context_id=event.message_id,
            )
            return
        bot = self._bots.get(event.guild_id)
        if bot is None:
            members = [m.display_name for m in next(iter(self.guilds.values())).members]
            rng = random.Random(f"{self.settings.seed}:{event.guild_id}")
            bot = self._bots[event.guild_id] = MockBot(event.guild_id, members, rng)
        for reply in bot.handle(event, author_name=MOCK_AUTHOR):
            await self._reply(sid, "mock_bot_event", reply)

    async def _on_unknown_event(self, event: str, sid: str, *args: JSON) -> None:
        if not await self._refused_as_too_big(sid, event, args):
            await self._error(sid, event, 400, f"{event!r} is not an event this gateway knows")

    # Pools ------------------------------------------------------------------------------------

    async def _answer_pool(self, sid: str, event: str, payload: JSON, all_of_kind: bool) -> None:
        if not await self._require_elevation(sid, event, payload):
            return
        request = parse_pool_request(payload, all_of_kind=all_of_kind)
        if isinstance(request, MalformedEvent):
            await self._reply_malformed(sid, request)
            return
        found, missing = look_up(self.guilds, request)
        if found is None:
            await self._error(
                sid, event, 404, f"no guild with id {request.guild_id}", request.request_id
            )
            return
        chunks = [found[i : i + POOL_REPLY_CHUNK] for i in range(0, len(found), POOL_REPLY_CHUNK)]
        chunks = chunks or [[]]
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            await self._reply(
                sid,
                "pool_response",
                {
                    "_id": request.request_id,
                    "finished": last,
                    "nonexistant": [str(i) for i in missing] if last else [],
                    "data": chunk,
                },
            )

    # Traffic ----------------------------------------------------------------------------------

    def _traffic_for(self, guild_id: int) -> GuildTraffic | ReplayTraffic:
        traffic = self._traffic.get(guild_id)
        if traffic is not None:
            return traffic

        async def send(action: dict[str, JSON]) -> None:
            await self.broadcast(guild_id, action)

        traffic = new_stream(self.settings, guild_id, self.guilds, send)
        self._traffic[guild_id] = traffic
        return traffic

    async def _stop_traffic_if_unwatched(self, guild_id: int) -> None:
        if any(s.guild_id == guild_id for s in self._sessions.values()):
            return
        traffic = self._traffic.pop(guild_id, None)
        if traffic is not None:
            await traffic.stop()
        if self.chaos is not None:
            self.chaos.forget(guild_id)

    async def broadcast(self, guild_id: int, action: dict[str, JSON]) -> None:
        """Send one log action of ``guild_id`` to each of its spectators that wants it."""
        if self.chaos is not None:
            await self.chaos.broadcast(guild_id, action)
            return
        for sid in self.spectators(guild_id):
            await self._deliver(sid, guild_id, action)

    def spectators(self, guild_id: int) -> list[str]:
        """The sockets spectating ``guild_id`` now, in the order they connected."""
        return [sid for sid, session in self._sessions.items() if session.guild_id == guild_id]

    async def _deliver(self, sid: str, guild_id: int, action: dict[str, JSON]) -> bool:
        """Send one live action to ``sid`` if it still spectates ``guild_id`` and wants it."""
        session = self._sessions.get(sid)
        if session is None or session.guild_id != guild_id:
            return False
        return await self._send_action(sid, session, guild_id, action)

    async def send_burst(self, guild_id: int, count: int) -> None:
        """Send ``count`` new actions of ``guild_id`` at once (tests and benchmarks)."""
        traffic = self._traffic_for(guild_id)
        if isinstance(traffic, GuildTraffic):
            await traffic.emit(count)

    async def _send_action(
        self, sid: str, session: _Session, guild_id: int, action: dict[str, JSON]
    ) -> bool:
        if not session.non_pool and not is_pool_action(action):
            return False
        await self.sio.emit(
            "log_pool", {"guild_id": str(guild_id), "log_action": action}, to=f"{sid}_auth"
        )
        return True

    # Errors -----------------------------------------------------------------------------------

    async def _require_elevation(self, sid: str, event: str, payload: JSON = None) -> bool:
        session = self._sessions.get(sid)
        if session is not None and session.elevated:
            return True
        needs = f"{event} needs elevation: send request_elevation with a valid token first"
        await self._error(sid, event, 401, needs, int_field(payload, "_id"))
        return False

    async def _reply_malformed(self, sid: str, malformed: MalformedEvent) -> None:
        why = f"{malformed.event} was not understood: {malformed.reason}"
        await self._error(sid, malformed.event, 400, why, int_field(malformed.raw, "_id"))

    async def _error(
        self,
        sid: str,
        event: str,
        code: int,
        human: str,
        request_id: int | None = None,
        context_id: int | None = None,
    ) -> None:
        payload: dict[str, JSON] = {
            "message": f"{event}: {human}",
            "human": human,
            "details": None,
            "context": [event] if context_id is None else [event, context_id],
            "code": code,
        }
        if request_id is not None:
            payload["_id"] = request_id
        await self._reply(sid, "error", payload)

    async def _reply(self, sid: str, event: str, payload: JSON) -> None:
        """Answer ``sid`` (in chaos mode, now and then a moment late)."""
        if self.chaos is not None:
            await self.chaos.delay_reply()
        await self.sio.emit(event, payload, to=sid)


async def _let_connections_close(runner: web.AppRunner, grace: float) -> None:
    """Wait (at most ``grace`` seconds) for clients to close their side after a disconnect."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    while runner.server is not None and runner.server.connections and loop.time() < deadline:
        await asyncio.sleep(0.01)
