"""The pieces every scene is made of: the scene itself, waiting on a condition, the demo app.

A scene waits on conditions (never on time or on `workers.wait_for_complete()` while the stream
runs), and turns the cursor blink off before the picture is taken.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from textual.pilot import Pilot

from archit_tui.gateway.standin.guilds import build_guilds
from archit_tui.ui.app import ArchitApp

from .app import build_app, demo_standin

DEMO_GUILD = build_guilds(7)[0]
"""The busy community of the seeded demo."""

BACKLOG = 60


@dataclass(frozen=True)
class Scene:
    """One picture: the app, its size, and the steps before the shot."""

    name: str
    description: str
    build: Callable[[], ArchitApp]
    size: tuple[int, int]
    before: Callable[[Pilot], Awaitable[None]]


async def wait_until(
    pilot: Pilot,
    condition: Callable[[], bool],
    timeout: float = 20,
    what: Callable[[], str] = lambda: "",
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"scene never got ready: {condition} {what()}")
        await pilot.pause(0.02)


def still(pilot: Pilot) -> None:
    """No blinking cursor in pictures."""
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


async def streaming(pilot: Pilot, rows: int = BACKLOG) -> None:
    """The backlog of ``rows`` held, every name known, the table following the newest row."""
    app: ArchitApp = pilot.app  # type: ignore[assignment]
    await wait_until(pilot, lambda: len(app.store) == rows)
    await wait_until(pilot, lambda: app._names_fetcher.complete)  # noqa: SLF001
    await wait_until(
        pilot,
        lambda: all(app.names.member_name(a) for a in app.store.agents if a),
        what=lambda: str([a for a in app.store.agents if not app.names.member_name(a)]),
    )
    table = app.main.table
    await wait_until(
        pilot,
        lambda: table.following and round(table.scroll_y) >= table.max_scroll_y,
        what=lambda: f"following={table.following} y={table.scroll_y} max={table.max_scroll_y}",
    )
    main = app.main  # the detail of a followed row shows at most once a second: wait for it
    await wait_until(
        pilot,
        lambda: not main.detail_shown or main.detail.action == app.store.action(table.cursor_seq),
        what=lambda: "the detail of the newest row",
    )
    still(pilot)


def demo(backlog: int = BACKLOG, **settings: Any) -> Callable[[], ArchitApp]:
    """The seeded demo, spectating `DEMO_GUILD`, with ``backlog`` rows of history."""
    return lambda: build_app(
        standin=demo_standin(backlog=backlog), guild_id=DEMO_GUILD.id, **settings
    )
