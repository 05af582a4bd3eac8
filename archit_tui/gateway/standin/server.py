"""The stand-in gateway: a real Socket.IO server speaking the Archit.us protocol (PROTOCOL.md).

It simulates busy guilds, serves their entity pools, streams their log actions to spectators
and plays the mock bot. Run it with ``archit-tui gateway``, or embed it (the app's demo mode and
the tests do) with `StandInGateway.start` / `StandInGateway.stop` on the running loop.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import random
from dataclasses import dataclass
from typing import Any

import socketio
from aiohttp import web

from archit_tui.protocol.actions import action_type
from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import MalformedEvent
from archit_tui.protocol.requests import (
    PoolRequest,
    parse_elevation_request,
    parse_mock_user_event,
    parse_pool_request,
    parse_spectate,
)

from .guilds import SimGuild, build_guilds
from .mockbot import MockBot
from .replay import ReplayTraffic
from .settings import StandInSettings
from .traffic import TrafficGenerator
from .traffic_pacer import GuildTraffic, ShiftableClock

log = logging.getLogger(__name__)

POOL_REPLY_CHUNK = 100
"""Entities per ``pool_response``; longer answers arrive in several replies."""

SHUTDOWN_GRACE_SECONDS = 1.0
"""How long `StandInGateway.stop` lets clients finish closing before it cuts them off."""

MOCK_AUTHOR = "you"
"""The name the mock bot calls the person chatting with it."""


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
        )
        self.app = web.Application()
        self.sio.attach(self.app)
        self._sessions: dict[str, _Session] = {}
        self._traffic: dict[int, GuildTraffic | ReplayTraffic] = {}
        self._bots: dict[int, MockBot] = {}
        self._runner: web.AppRunner | None = None
        self._url: str | None = None
        self.elevations = 0
        """Successful elevations so far (tests count re-elevations with it)."""
        self._register_handlers()

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
        for sid in list(self._sessions):
            await self.sio.disconnect(sid)
        await self.sio.shutdown()
        runner, self._runner = self._runner, None
        if runner is not None:
            await _let_connections_close(runner, SHUTDOWN_GRACE_SECONDS)
            await runner.cleanup()

    # Handlers ---------------------------------------------------------------------------------

    def _register_handlers(self) -> None:
        on = self.sio.on
        on("connect", self._on_connect)
        on("disconnect", self._on_disconnect)
        on("request_elevation", self._on_request_elevation)
        on("spectate", self._on_spectate)
        on("pool_request", self._on_pool_request)
        on("pool_all_request", self._on_pool_all_request)
        on("mock_user_event", self._on_mock_user_event)
        on("*", self._on_unknown_event)

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
        await self.sio.emit("request_elevation_return", reply, to=sid)

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
            await self.sio.emit("mock_bot_event", reply, to=sid)

    async def _on_unknown_event(self, event: str, sid: str, *args: JSON) -> None:
        await self._error(sid, event, 400, f"{event!r} is not an event this gateway knows")

    # Pools ------------------------------------------------------------------------------------

    async def _answer_pool(self, sid: str, event: str, payload: JSON, all_of_kind: bool) -> None:
        if not await self._require_elevation(sid, event, payload):
            return
        request = parse_pool_request(payload, all_of_kind=all_of_kind)
        if isinstance(request, MalformedEvent):
            await self._reply_malformed(sid, request)
            return
        found, missing = self._look_up(request)
        if found is None:
            await self._error(
                sid, event, 404, f"no guild with id {request.guild_id}", request.request_id
            )
            return
        chunks = [found[i : i + POOL_REPLY_CHUNK] for i in range(0, len(found), POOL_REPLY_CHUNK)]
        chunks = chunks or [[]]
        for index, chunk in enumerate(chunks):
            last = index == len(chunks) - 1
            await self.sio.emit(
                "pool_response",
                {
                    "_id": request.request_id,
                    "finished": last,
                    "nonexistant": [str(i) for i in missing] if last else [],
                    "data": chunk,
                },
                to=sid,
            )

    def _look_up(self, request: PoolRequest) -> tuple[list[dict[str, JSON]] | None, list[int]]:
        """Entities answering ``request`` (None for an unknown guild) and the unknown ids."""
        if request.kind == "guild":
            everything = [guild.summary() for guild in self.guilds.values()]
            if request.ids is None:
                return everything, []
            known = {int(item["id"]): item for item in everything}
            return [known[i] for i in request.ids if i in known], [
                i for i in request.ids if i not in known
            ]
        guild = self.guilds.get(request.guild_id) if request.guild_id is not None else None
        if guild is None:
            return None, []
        if request.ids is None:
            return guild.pool(request.kind), []
        found, missing = [], []
        for entity_id in request.ids:
            entity = guild.entity(request.kind, entity_id)
            if entity is None:
                missing.append(entity_id)
            else:
                found.append(entity)
        return found, missing

    # Traffic ----------------------------------------------------------------------------------

    def _traffic_for(self, guild_id: int) -> GuildTraffic | ReplayTraffic:
        traffic = self._traffic.get(guild_id)
        if traffic is not None:
            return traffic
        settings = self.settings

        async def send(action: dict[str, JSON]) -> None:
            await self.broadcast(guild_id, action)

        if settings.replay is not None:
            traffic = ReplayTraffic(settings.replay, send, rate=settings.rate)
        else:
            clock = ShiftableClock(settings.clock)
            generator = TrafficGenerator(
                self.guilds[guild_id], seed=settings.seed * 7919 + guild_id % 7919, clock=clock
            )
            traffic = GuildTraffic(
                generator,
                clock,
                send,
                rate=settings.rate,
                burst=settings.burst,
                burst_interval=settings.burst_interval,
                history=settings.backlog,
            )
        self._traffic[guild_id] = traffic
        return traffic

    async def _stop_traffic_if_unwatched(self, guild_id: int) -> None:
        if any(s.guild_id == guild_id for s in self._sessions.values()):
            return
        traffic = self._traffic.pop(guild_id, None)
        if traffic is not None:
            await traffic.stop()

    async def broadcast(self, guild_id: int, action: dict[str, JSON]) -> None:
        """Send one log action of ``guild_id`` to each of its spectators that wants it."""
        for sid, session in list(self._sessions.items()):
            if session.guild_id == guild_id:
                await self._send_action(sid, session, guild_id, action)

    async def send_burst(self, guild_id: int, count: int) -> None:
        """Send ``count`` new actions of ``guild_id`` at once (tests and benchmarks)."""
        traffic = self._traffic_for(guild_id)
        if isinstance(traffic, GuildTraffic):
            await traffic.emit(count)

    async def _send_action(
        self, sid: str, session: _Session, guild_id: int, action: dict[str, JSON]
    ) -> None:
        if not session.non_pool and not _is_pool_action(action):
            return
        await self.sio.emit(
            "log_pool", {"guild_id": str(guild_id), "log_action": action}, to=f"{sid}_auth"
        )

    # Errors -----------------------------------------------------------------------------------

    async def _require_elevation(self, sid: str, event: str, payload: JSON = None) -> bool:
        session = self._sessions.get(sid)
        if session is not None and session.elevated:
            return True
        request_id = payload.get("_id") if isinstance(payload, dict) else None
        await self._error(
            sid,
            event,
            401,
            f"{event} needs elevation: send request_elevation with a valid token first",
            request_id if isinstance(request_id, int) else None,
        )
        return False

    async def _reply_malformed(self, sid: str, malformed: MalformedEvent) -> None:
        raw = malformed.raw
        request_id = raw.get("_id") if isinstance(raw, dict) else None
        await self._error(
            sid,
            malformed.event,
            400,
            f"{malformed.event} was not understood: {malformed.reason}",
            request_id if isinstance(request_id, int) else None,
        )

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
        await self.sio.emit("error", payload, to=sid)


async def _let_connections_close(runner: web.AppRunner, grace: float) -> None:
    """Wait (at most ``grace`` seconds) for clients to close their side after a disconnect."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    while runner.server is not None and runner.server.connections and loop.time() < deadline:
        await asyncio.sleep(0.01)


def _is_pool_action(action: dict[str, JSON]) -> bool:
    number = action.get("action_number")
    return isinstance(number, int) and action_type(number).pool
