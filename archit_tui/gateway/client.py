"""The gateway client the app drives: connect, elevate, spectate, pools and mock chat.

Runs on the caller's asyncio loop (Textual's, in the app); no threads. Everything received
reaches the consumer through `GatewayClient.events`, in order, with connection state changes
among them. After an unexpected disconnect the client reconnects by itself with capped,
jittered backoff and restores the session (elevation, then spectate) exactly once per
reconnect, before it reports ``SPECTATING`` again.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp
import socketio

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.models import ElevationResult, EntityKind
from archit_tui.protocol.secret import Secret

from .capture import CaptureWriter
from .errors import GatewayConnectError, GatewayNotConnected, GatewayTimeout
from .events import EventStream, StateChanged, WireLog
from .incoming import IncomingEvents
from .inline import InlineClient
from .limits import PAYLOAD_LIMIT, oversized_error, payload_bytes, token_too_big
from .pools import PoolRequests, PoolResult
from .probe import check_url, diagnose, where
from .state import DISCONNECTED, ConnectionState, Phase
from .wire_json import FastPacket

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReconnectPolicy:
    """Capped exponential backoff with jitter."""

    first_delay: float = 0.5
    max_delay: float = 30.0
    jitter: float = 0.5
    """Each delay is scaled by a random factor in ``[1 - jitter, 1]``."""

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Seconds to wait before reconnection attempt number ``attempt`` (from 1)."""
        base = min(self.max_delay, self.first_delay * 2 ** min(attempt - 1, 30))
        return base * (1 - self.jitter * rng.random())


class GatewayClient(IncomingEvents):
    """One connection to an Archit.us gateway (or the stand-in)."""

    def __init__(
        self,
        *,
        request_timeout: float = 10.0,
        connect_timeout: float = 10.0,
        reconnect: ReconnectPolicy | None = ReconnectPolicy(),
        transports: list[str] | None = None,
        socketio_path: str = "socket.io",
        wire_log_size: int = 500,
        wire: WireLog | None = None,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
        capture: CaptureWriter | None = None,
    ) -> None:
        self.request_timeout = request_timeout
        self.connect_timeout = connect_timeout
        self.reconnect_policy = reconnect
        """None turns automatic reconnection off."""
        self.transports = transports
        self.socketio_path = socketio_path
        self.events = EventStream()
        """Everything received, and every state change, in order."""
        self.wire = wire if wire is not None else WireLog(wire_log_size, clock=clock)
        """The last events sent and received, raw, for an inspector."""
        self.reconnects = 0
        """Completed automatic reconnections (session restored)."""
        self.capture = capture
        """Where every event received and every state change is also written, if anywhere."""
        self._clock = clock
        self._rng = rng or random.Random()
        self._state = DISCONNECTED
        self._url: str | None = None
        self._token: Secret | None = None
        self._spectating: tuple[int, bool] | None = None
        self._socket: socketio.AsyncClient | None = None
        self._http: aiohttp.ClientSession | None = None
        self._closing = False
        self._reconnect_task: asyncio.Task[None] | None = None
        self._elevation: asyncio.Future[ElevationResult] | None = None
        self._pools = PoolRequests(self.events.put)
        self._next_message_id = 0

    def __repr__(self) -> str:
        return f"GatewayClient(url={self._url!r}, state={self._state.phase.value})"

    @property
    def state(self) -> ConnectionState:
        """The connection state now."""
        return self._state

    @property
    def url(self) -> str | None:
        return self._url

    # Connection -------------------------------------------------------------------------------

    async def connect(self, url: str) -> None:
        """Connect to the gateway at ``url``; raise `GatewayConnectError` saying what failed."""
        self._closing = False
        self._set_state(ConnectionState(Phase.CONNECTING))
        try:
            check_url(url)
            self._url = url
            await self._open(url)
        except GatewayConnectError as error:
            self._set_state(ConnectionState(Phase.DISCONNECTED, reason=str(error)))
            raise

    async def _open(self, url: str) -> None:
        if self._http is None or self._http.closed:
            self._http = aiohttp.ClientSession()
        await diagnose(url, self.socketio_path, self._http, self.connect_timeout)
        socket = self._new_socket()
        try:
            await asyncio.wait_for(
                socket.connect(
                    url,
                    transports=self.transports,
                    socketio_path=self.socketio_path,
                    wait_timeout=self.connect_timeout,
                ),
                self.connect_timeout,
            )
        except (TimeoutError, socketio.exceptions.ConnectionError) as error:
            await _quietly_disconnect(socket)
            detail = str(error) or "no answer in time"
            raise GatewayConnectError(f"cannot connect to {where(url)}: {detail}") from None
        self._socket = socket
        self._set_state(ConnectionState(Phase.CONNECTED))

    def _new_socket(self) -> socketio.AsyncClient:
        socket = InlineClient(
            reconnection=False,
            handle_sigint=False,
            http_session=self._http,
            request_timeout=self.connect_timeout,
            serializer=FastPacket,
        )
        payload_handlers: dict[str, Callable[[JSON], None]] = {
            "mock_bot_event": self._on_mock_bot_event,
            "error": self._on_error,
            "pool_response": self._on_pool_response,
            "request_elevation_return": self._on_elevation_return,
            "elevation_return": self._on_deployed_elevation_return,
        }
        for event, handle in payload_handlers.items():
            socket.on(event, self._receiver(event, handle))
        socket.on("log_pool", self._receive_log_pool)
        socket.on("disconnect", lambda reason=None: self._on_disconnect(socket, reason))
        socket.on("*", self._on_unknown_event)
        return socket

    async def close(self) -> None:
        """Disconnect for good: no reconnection, no task or HTTP session left behind."""
        self._closing = True
        task, self._reconnect_task = self._reconnect_task, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        socket, self._socket = self._socket, None
        if socket is not None:
            await _quietly_disconnect(socket)
        self._fail_waiters(GatewayNotConnected("the client was closed"))
        if self._http is not None:
            await self._http.close()
            self._http = None
        if self._state.phase is not Phase.DISCONNECTED or self._state.reason:
            self._set_state(DISCONNECTED)

    # Session ----------------------------------------------------------------------------------

    async def elevate(self, token: str | Secret) -> ElevationResult:
        """Ask for elevation with ``token``; on success it is reused after each reconnect."""
        secret = token if isinstance(token, Secret) else Secret(token)
        result = await self._elevate(secret)
        if result.success:
            self._token = secret
        return result

    async def _elevate(self, token: Secret) -> ElevationResult:
        socket = self._require_socket()
        payload: dict[str, JSON] = {"token": token.reveal()}
        size = payload_bytes(payload)
        if size > PAYLOAD_LIMIT:  # as `_emit` refuses any event; the gateway would drop us
            return self._elevated(ElevationResult(False, reason=token_too_big(size)))
        waiter: asyncio.Future[ElevationResult] = asyncio.get_running_loop().create_future()
        self._elevation = waiter
        self.wire.add("out", "request_elevation", {"token": "<hidden>"})
        await socket.emit("request_elevation", payload)
        try:
            result = await asyncio.wait_for(waiter, self.request_timeout)
        except TimeoutError:
            result = ElevationResult(
                False, reason=f"the gateway did not answer within {self.request_timeout:g} s"
            )
        finally:
            self._elevation = None
        return self._elevated(result)

    def _elevated(self, result: ElevationResult) -> ElevationResult:
        """Set the state an elevation's result leads to, and return the result."""
        if result.success:
            self._set_state(ConnectionState(Phase.ELEVATED))
        else:
            self._set_state(
                ConnectionState(Phase.CONNECTED, reason=f"elevation refused: {result.reason}")
            )
        return result

    async def spectate(self, guild_id: int, non_pool: bool = True) -> None:
        """Watch ``guild_id``'s log actions (every one with ``non_pool``); replaces any earlier."""
        await self._emit("spectate", {"guild_id": str(guild_id), "non_pool": non_pool})
        self._spectating = (guild_id, non_pool)
        self._set_state(ConnectionState(Phase.SPECTATING, guild_id=guild_id))

    async def request_pool(
        self, kind: EntityKind, guild_id: int, ids: list[int] | tuple[int, ...]
    ) -> PoolResult:
        """Look up entities of ``kind`` by id in ``guild_id``."""
        return await self._pool_request(
            "pool_request", kind, {"guildId": str(guild_id), "ids": [str(i) for i in ids]}
        )

    async def request_all(self, kind: EntityKind, guild_id: int | None) -> PoolResult:
        """Every entity of ``kind`` (``guild`` with ``None``: the guilds the token may watch)."""
        guild = None if guild_id is None else str(guild_id)
        return await self._pool_request("pool_all_request", kind, {"guildId": guild})

    async def _pool_request(
        self, event: str, kind: EntityKind, fields: dict[str, JSON]
    ) -> PoolResult:
        request_id, future = self._pools.open(kind)
        try:
            await self._emit(event, {"type": kind, **fields, "_id": request_id})
            return await asyncio.wait_for(future, self.request_timeout)
        except TimeoutError:
            raise GatewayTimeout(
                f"the gateway did not answer the {kind} pool request within "
                f"{self.request_timeout:g} s"
            ) from None
        finally:
            self._pools.forget(request_id)

    # Mock chat --------------------------------------------------------------------------------

    async def send_message(
        self,
        guild_id: int,
        content: str,
        allowed_commands: list[str] | tuple[str, ...] | None = None,
        silent: bool = False,
    ) -> int:
        """Send a chat message to the mock bot; return its new (even) message id."""
        message_id = self._next_message_id
        self._next_message_id += 2
        payload: dict[str, JSON] = {
            "guild_id": guild_id,
            "content": content,
            "message_id": message_id,
        }
        if allowed_commands is not None:
            payload["allowed_commands"] = list(allowed_commands)
        if silent:
            payload["silent"] = True
        await self._emit("mock_user_event", payload)
        return message_id

    async def react(self, guild_id: int, message_id: int, emoji: str) -> None:
        """Add the user's reaction ``emoji`` to message ``message_id`` (the user's or the bot's)."""
        await self._emit(
            "mock_user_event",
            {"guild_id": guild_id, "message_id": message_id, "added_reactions": [emoji]},
        )

    async def unreact(self, guild_id: int, message_id: int, emoji: str) -> None:
        """Remove the user's reaction ``emoji`` from message ``message_id``."""
        await self._emit(
            "mock_user_event",
            {"guild_id": guild_id, "message_id": message_id, "removed_reacions": [emoji]},
        )

    # Plumbing ---------------------------------------------------------------------------------

    def _require_socket(self) -> socketio.AsyncClient:
        socket = self._socket
        if socket is None or not socket.connected:
            raise GatewayNotConnected("not connected to the gateway")
        return socket

    async def _emit(self, event: str, payload: dict[str, JSON]) -> None:
        socket = self._require_socket()
        size = payload_bytes(payload)
        if size > PAYLOAD_LIMIT:  # reported as the gateway would (error 413), and not sent
            self._on_error(oversized_error(event, payload, size))
            return
        self.wire.add("out", event, payload)
        if self.capture is not None:  # never `request_elevation`: it alone holds the token
            self.capture.sent(self._clock(), event, payload)
        await socket.emit(event, payload)

    def _set_state(self, state: ConnectionState) -> None:
        self._state = state
        at = self._clock()
        if self.capture is not None:
            self.capture.state(at, state)
        self.events.put(StateChanged(state, at))

    def _fail_waiters(self, error: BaseException) -> None:
        if self._elevation is not None and not self._elevation.done():
            self._elevation.set_exception(error)
        self._pools.fail_all(error)

    def _on_disconnect(self, socket: socketio.AsyncClient, reason: object) -> None:
        if socket is not self._socket:
            return  # an old socket's late notice
        self._socket = None
        self._fail_waiters(GatewayNotConnected("the connection to the gateway was lost"))
        if self._closing:
            return
        cause = f"connection lost ({reason})" if reason else "connection lost"
        if self.reconnect_policy is None or self._url is None:
            self._set_state(ConnectionState(Phase.DISCONNECTED, reason=cause))
            return
        if self._reconnect_task is None or self._reconnect_task.done():
            self._reconnect_task = asyncio.get_running_loop().create_task(
                self._reconnect(cause), name="archit-tui reconnect"
            )

    async def _reconnect(self, cause: str) -> None:
        """Reconnect until it works (or `close`), then restore elevation and spectate once."""
        assert self.reconnect_policy is not None and self._url is not None
        attempt = 0
        while not self._closing:
            attempt += 1
            delay = self.reconnect_policy.delay(attempt, self._rng)
            self._set_state(
                ConnectionState(
                    Phase.RECONNECTING,
                    attempt=attempt,
                    delay=delay,
                    retry_at=time.monotonic() + delay,
                    reason=cause,
                )
            )
            await asyncio.sleep(delay)
            try:
                await self._open(self._url)
                if await self._restore_session():
                    self.reconnects += 1
                return
            except (GatewayConnectError, GatewayNotConnected, GatewayTimeout) as error:
                cause = str(error)
                socket, self._socket = self._socket, None
                if socket is not None:
                    await _quietly_disconnect(socket)

    async def _restore_session(self) -> bool:
        """Elevate and spectate as before the disconnect; False if elevation is now refused."""
        if self._token is None:
            return True
        result = await self._elevate(self._token)
        if not result.success:
            if self._socket is None:
                raise GatewayNotConnected("the connection to the gateway was lost")
            return False
        if self._spectating is not None:
            guild_id, non_pool = self._spectating
            await self.spectate(guild_id, non_pool)
        return True


async def _quietly_disconnect(socket: socketio.AsyncClient) -> None:
    try:
        await socket.disconnect()
    except Exception:  # noqa: BLE001 - tearing down a dead socket must not mask the real error
        log.debug("ignored an error while closing a socket", exc_info=True)
