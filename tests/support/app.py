"""Building the app for a test: fixed clock, UTC, a fast reconnect, config kept in tmp."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from archit_tui.config import Settings
from archit_tui.gateway.client import GatewayClient, ReconnectPolicy
from archit_tui.gateway.standin.settings import StandInSettings, SteppingClock
from archit_tui.protocol.secret import Secret
from archit_tui.ui.app import ArchitApp
from archit_tui.ui.factory import make_app

from .standin import FIXED_START_MS, TEST_TOKEN

FIXED_NOW = FIXED_START_MS / 1000 + 3_600
"""The app's clock in tests: an hour after the stand-in's clock starts."""


def app_settings(url: str | None = None, **overrides: Any) -> Settings:
    """Settings for an app against ``url`` (demo when None), times in UTC."""
    settings = Settings(
        gateway_url=url,
        token=Secret(TEST_TOKEN) if url else None,
        token_file=None,
        guild_id=None,
        config_path=Path("/nonexistent/archit-tui/config.toml"),
        config_exists=False,
        demo=url is None,
        time_format="utc",
    )
    return replace(settings, **overrides)


def demo_standin(**overrides: Any) -> StandInSettings:
    """The demo's stand-in made repeatable: seeded, quiet, a fixed clock, some history."""
    base = StandInSettings(
        token=Secret(""), port=0, seed=7, rate=0, backlog=40, clock=SteppingClock(FIXED_START_MS)
    )
    return replace(base, **overrides)


def build_app(
    url: str | None = None,
    *,
    standin: StandInSettings | None = None,
    tz: Any = timezone.utc,
    clock: Callable[[], float] = lambda: FIXED_NOW,
    **settings: Any,
) -> ArchitApp:
    """The app as the command line builds it, with a test clock and quick reconnects.

    ``clock`` is the app's and its client's (a scene may move it on: a gap needs a length).
    """
    client = GatewayClient(
        request_timeout=5,
        connect_timeout=5,
        reconnect=ReconnectPolicy(first_delay=0.05, max_delay=0.2),
        clock=clock,
    )
    return make_app(
        app_settings(url, **settings),
        client=client,
        demo_standin=standin or demo_standin(),
        clock=clock,
        tz=tz,
    )


async def until(
    pilot: Pilot, condition: Callable[[], bool], timeout: float = 10, what: str = ""
) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await pilot.pause(0.02)
    await pilot.pause()


def screen_text(app: ArchitApp) -> str:
    """Everything on the screen as plain text, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001
