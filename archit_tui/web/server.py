"""The web server: textual-serve's `Server`, made to greet late and to stop promptly."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import textual_serve.server
from aiohttp import web

_PACKAGE = Path(textual_serve.server.__file__).parent
_STOP_WAIT = 10.0
"""Seconds to wait, on stopping, for the tabs' apps to quit."""


class AppServer(textual_serve.server.Server):
    """Runs ``command`` once per browser tab and relays its screen over a websocket.

    Unlike textual-serve's own server it prints ``greeting`` once the port is bound (and no
    banner repeating the command), and on Ctrl+C or SIGTERM it ends every tab's session at
    once, so that each app quits, instead of aiohttp waiting a minute for open websockets.
    """

    def __init__(self, command: str, *, host: str, port: int, url: str, greeting: str) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="archit-tui",
            public_url=url,
            statics_path=_PACKAGE / "static",
            templates_path=_PACKAGE / "templates",
        )
        self.greeting = greeting
        self._sessions: set[asyncio.Task[object]] = set()

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C or SIGTERM; raises `OSError` when the port cannot be bound."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        try:
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                access_log=None,
                print=lambda *_: print(self.greeting, flush=True),
            )
        finally:
            loop.close()

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the greeting waits until the port is bound (see `serve`)."""

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab's session, remembered so that stopping can end it."""
        task = asyncio.current_task()
        if task is None:
            return await super().handle_websocket(request)
        self._sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self._sessions.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """End every session: textual-serve then tells its app to quit and waits for it."""
        sessions = [task for task in self._sessions if task is not asyncio.current_task()]
        for task in sessions:
            task.cancel()
        if sessions:
            await asyncio.wait(sessions, timeout=_STOP_WAIT)
