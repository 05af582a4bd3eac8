"""The one place that builds the app from settings (the command line and the tests use it)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from archit_tui.config import Settings
from archit_tui.gateway.standin.settings import DEMO_STANDIN, StandInSettings
from archit_tui.protocol.cells import local_zone

from .app import ArchitApp
from .connection import Connection

if TYPE_CHECKING:
    from archit_tui.gateway.client import GatewayClient


def make_app(
    settings: Settings,
    *,
    client: GatewayClient | None = None,
    demo_standin: StandInSettings = DEMO_STANDIN,
    clock: Callable[[], float] = time.time,
    tz: tzinfo | None = None,
    warnings: tuple[str, ...] = (),
    replay: Path | None = None,
) -> ArchitApp:
    """An app for ``settings``: against their gateway, a stand-in in demo mode, or (with
    ``replay``) playing a capture file offline."""
    if settings.demo:
        connection = Connection.demo(demo_standin)
    else:
        connection = Connection(
            url=settings.gateway_url, token=settings.token, token_file=settings.token_file
        )
    connection.capture_path = settings.capture
    if client is not None:
        connection.gateway_client = client
        connection.wire = client.wire
    zone = tz if tz is not None else local_zone()
    return ArchitApp(settings, connection, clock=clock, tz=zone, warnings=warnings, replay=replay)
