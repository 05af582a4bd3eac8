"""Repeatable scenes of the app, for the snapshot tests and `scripts/screenshots.py`.

Each scene is an app (demo mode with a seeded, fixed-clock stand-in, or a gateway that cannot
be reached), a terminal size, and what to do before the picture is taken. Nothing in a scene
depends on the wall clock or on timing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from archit_tui.protocol.secret import Secret
from archit_tui.ui.app import ArchitApp
from archit_tui.ui.chat.pickers import EmojiPicker
from archit_tui.ui.screens.guild_picker import GuildPicker
from archit_tui.ui.screens.problem import ProblemScreen

from .app import build_app, demo_standin
from .scene_steps import Scene, wait_until
from .scene_steps import demo as _demo
from .scene_steps import still as _still
from .scene_steps import streaming as _streaming
from .toolkit_scenes import TOOLKIT_SCENES


def _typing(query: str, then: str = "") -> Callable[[Pilot], Awaitable[None]]:
    """Type ``query`` and wait for it to apply; then replace it by ``then`` at once, if given."""

    async def before(pilot: Pilot) -> None:
        await _streaming(pilot)
        await pilot.press("slash", *query)
        app: ArchitApp = pilot.app  # type: ignore[assignment]
        bar = app.main.filter_bar
        await wait_until(pilot, lambda: bar.applied is not None and bar.applied.source == query)
        await wait_until(pilot, lambda: not app.main._filtering)  # noqa: SLF001
        if then:
            bar.set_query_text(then)
            await wait_until(pilot, lambda: bar.error is not None)
        _still(pilot)

    return before


async def _detail(pilot: Pilot) -> None:
    await _streaming(pilot)
    await pilot.press("up", "up", "up", "right", "right")


async def _picker(pilot: Pilot) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, GuildPicker))


async def _problem(pilot: Pilot) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ProblemScreen))


async def _chat(pilot: Pilot) -> None:
    """A poll answered, voted on by reaction and edited; a markup-like message; a help reply."""
    await _streaming(pilot)
    app: ArchitApp = pilot.app  # type: ignore[assignment]
    pane = app.main.chat.pane
    await pilot.press("t")
    for text in ('!poll "Lunch?" pizza, sushi', "[bold]not bold[/] and **bold**"):
        await pilot.press(*text, "enter")
    await wait_until(pilot, lambda: pane.transcript.view(1) is not None)
    await wait_until(pilot, lambda: pane.transcript.view(2) is not None)
    pane.transcript.focus()
    pane.transcript.selected = 1
    await pilot.press("r")
    await wait_until(pilot, lambda: isinstance(app.screen, EmojiPicker))
    app.screen.query_one("#emoji-options").highlighted = app.screen.choices.index("2️⃣")  # type: ignore[attr-defined]
    await pilot.press("enter")
    await wait_until(pilot, lambda: "sushi (1)" in str(pane.transcript.view(1).content))
    _still(pilot)


async def _inspector(pilot: Pilot) -> None:
    await _chat(pilot)
    await pilot.press("f2")
    app: ArchitApp = pilot.app  # type: ignore[assignment]
    records = app.main.chat.inspector.query_one("#inspector-records")
    await wait_until(pilot, lambda: "mock_bot_event" in str(records.render()))
    _still(pilot)


async def _help(pilot: Pilot) -> None:
    await _streaming(pilot)
    await pilot.press("question_mark")


def _refused() -> ArchitApp:
    app = build_app(standin=demo_standin())
    app.connection.token = Secret("a-token-the-gateway-does-not-know")
    return app


SCENES: tuple[Scene, ...] = (
    Scene(
        "streaming", "The demo guild's log actions streaming in.", _demo(), (120, 32), _streaming
    ),
    Scene(
        "filtered",
        "A filter applied: messages and reactions not by bots, with the match count.",
        _demo(),
        (120, 32),
        _typing("type:message,reaction -bot"),
    ),
    Scene(
        "invalid-filter",
        "An invalid filter: the bad part underlined, the last valid filter still applied.",
        _demo(),
        (120, 32),
        _typing("type:message", then="type:message after:yesterdayish"),
    ),
    Scene(
        "detail",
        "The detail pane beside the table on a wide terminal.",
        _demo(),
        (200, 50),
        _detail,
    ),
    Scene(
        "picker",
        "The guild picker after elevation.",
        lambda: build_app(standin=demo_standin()),
        (100, 26),
        _picker,
    ),
    Scene(
        "refused",
        "Elevation refused: the reason and the way forward.",
        _refused,
        (100, 26),
        _problem,
    ),
    Scene(
        "unreachable",
        "The gateway cannot be reached: why, and Retry or Quit.",
        lambda: build_app("http://127.0.0.1:9"),
        (100, 26),
        _problem,
    ),
    Scene(
        "small",
        "The same stream at 80x24: fewer columns, no detail pane.",
        _demo(),
        (80, 24),
        _streaming,
    ),
    Scene("help", "Help: the keys and the filter language.", _demo(), (100, 40), _help),
    Scene(
        "chat",
        "The mock chat beside the log: a poll voted on and edited, markup-like text literal.",
        _demo(),
        (150, 36),
        _chat,
    ),
    Scene(
        "inspector",
        "The raw events under the chat: sent and received, as JSON, the token hidden.",
        _demo(),
        (150, 40),
        _inspector,
    ),
) + TOOLKIT_SCENES
"""Every scene: the main screens first, then the moderator's toolkit (`toolkit_scenes`)."""
