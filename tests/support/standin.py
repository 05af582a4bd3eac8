"""Running the real stand-in gateway on a loopback port for a test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Any

from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.gateway.standin.settings import StandInSettings, SteppingClock
from archit_tui.protocol.secret import Secret

TEST_TOKEN = "test-token-5f1e9c0a"
"""The token the test stand-in accepts (a throwaway; real tokens never appear in tests)."""

FIXED_START_MS = 1_764_763_200_000
"""2025-12-03T12:00:00Z: the stand-in's clock starts here in tests."""


def standin_settings(**overrides: Any) -> StandInSettings:
    """Quiet, seeded, fixed-clock settings on a free loopback port."""
    base = StandInSettings(
        token=Secret(TEST_TOKEN),
        port=0,
        seed=7,
        rate=0,
        backlog=0,
        clock=SteppingClock(FIXED_START_MS, 1_000),
    )
    return replace(base, **overrides)


@asynccontextmanager
async def running_standin(**overrides: Any) -> AsyncIterator[StandInGateway]:
    """A started stand-in gateway, stopped on exit."""
    gateway = StandInGateway(standin_settings(**overrides))
    await gateway.start()
    try:
        yield gateway
    finally:
        await gateway.stop()
