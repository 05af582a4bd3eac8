"""Repeatable scenes of the moderator's toolkit: saved filters and watch rules, go to time,
exports, marks, the F1 keys, a connection gap and the rate sparklines.

As in `scenes`, nothing depends on the wall clock or on timing. Toasts whose text would depend
on how the stream happened to be split into batches are cleared before the picture.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot

from archit_tui.config.model import SavedFilter
from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.gateway.standin.settings import SteppingClock
from archit_tui.gateway.state import Phase
from archit_tui.protocol.actions import CONNECTION_GAP
from archit_tui.ui.app import ArchitApp
from archit_tui.ui.screens.prompt import PromptScreen

from .app import FIXED_NOW, build_app, demo_standin
from .scene_steps import BACKLOG, DEMO_GUILD, Scene, demo, still, streaming, wait_until
from .standin import FIXED_START_MS

SAVED = (
    SavedFilter("moderation", "type:kick,ban,message_delete", alert=True),
    SavedFilter("chat", "type:message,reaction", enabled=True),
    SavedFilter("no bots", "-agent:bot"),
)
"""A watch rule, a filter on from the start, and one the scene turns on in the panel."""

WATCH_RULES = (
    SavedFilter("moderation", "type:kick,ban,message_delete", alert=True),
    SavedFilter("integrations", "type:integration,webhook", alert=True),
)
"""The backlog holds a few moderation actions and no integration; the third new one is one."""

EXPORT_PATH = Path("/tmp/archit-tui-scenes/pixel-plaza.csv")
"""Where the export scenes write: a path that reads the same on every machine (the app's own
default holds the date and the user's data folder). The file is removed once written."""


def _app(pilot: Pilot) -> ArchitApp:
    return pilot.app  # type: ignore[return-value]


async def _quiet(pilot: Pilot) -> None:
    """The stream held, every filter counted, and no toast left from the backlog's batches."""
    await streaming(pilot)
    app = _app(pilot)
    await wait_until(pilot, lambda: not app.main._filtering)  # noqa: SLF001
    app.clear_notifications()


# Saved filters and watch rules -----------------------------------------------------------------


async def _saved_filters(pilot: Pilot) -> None:
    await _quiet(pilot)
    app = _app(pilot)
    await pilot.press("F")
    await wait_until(pilot, lambda: bool(app.screen.query("#saved-filters-list")))
    await pilot.press("down", "down", "space")  # "no bots" on, beside "chat"
    main = app.main
    await wait_until(pilot, lambda: len(main.enabled_filters) == 2 and not main._filtering)  # noqa: SLF001
    await wait_until(pilot, lambda: "2 saved filters on" in main.filter_bar.count_text)


async def _watch_alert(pilot: Pilot) -> None:
    """Three new actions arrive; the third is an integration, which a watch rule toasts."""
    await _quiet(pilot)
    app = _app(pilot)
    before = app.main.status.alerts
    network, standin = app.connection.network, app.connection.standin
    assert network is not None and standin is not None
    await network.call(standin.send_burst(DEMO_GUILD.id, 3))
    await streaming(pilot, BACKLOG + 3)
    await wait_until(pilot, lambda: app.main.status.alerts == before + 1)
    await wait_until(pilot, lambda: len(app._notifications) == 1)  # noqa: SLF001


# Go to time, export ----------------------------------------------------------------------------


async def _prompt(pilot: Pilot, key: str) -> PromptScreen:
    await pilot.press(key)
    app = _app(pilot)
    await wait_until(pilot, lambda: isinstance(app.screen, PromptScreen))
    screen: PromptScreen = app.screen  # type: ignore[assignment]
    await wait_until(pilot, lambda: bool(screen.query("#prompt-input")))
    return screen


async def _go_to_time(pilot: Pilot) -> None:
    await streaming(pilot)
    await _prompt(pilot, "at")
    await pilot.press(*"11:59:30")
    still(pilot)


async def _export_prompt(pilot: Pilot) -> None:
    await streaming(pilot)
    screen = await _prompt(pilot, "e")
    screen.query_one("#prompt-input").value = ""  # type: ignore[attr-defined]
    await pilot.press(*str(EXPORT_PATH))
    still(pilot)


async def _exported(pilot: Pilot) -> None:
    await _export_prompt(pilot)
    app = _app(pilot)
    await pilot.press("enter")
    await wait_until(
        pilot,
        lambda: any("rows written" in n.message for n in app._notifications),  # noqa: SLF001
    )
    await wait_until(pilot, lambda: not app.main.status.task)
    EXPORT_PATH.unlink()
    EXPORT_PATH.parent.rmdir()


# Marks, keys -----------------------------------------------------------------------------------


async def _marks(pilot: Pilot) -> None:
    await streaming(pilot)
    await pilot.press("up", "up", "m", "up", "up", "up", "m", "up", "up", "m")
    app = _app(pilot)
    await wait_until(pilot, lambda: app.main.status.marked == 3)


async def _only_marked(pilot: Pilot) -> None:
    await _marks(pilot)
    await pilot.press("M")
    app = _app(pilot)
    await wait_until(pilot, lambda: len(app.main.table.view) == 3)


async def _keys(pilot: Pilot) -> None:
    await streaming(pilot)
    await pilot.press("f1")
    app = _app(pilot)
    await wait_until(pilot, lambda: bool(app.screen.query("HelpPanel")))


# Connection gap --------------------------------------------------------------------------------


class MovableClock:
    """The app's clock in the gap scene: fixed, until the scene moves it on."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


GAP_SECONDS = 6


def _gap_app() -> ArchitApp:
    return build_app(
        standin=demo_standin(backlog=BACKLOG),
        guild_id=DEMO_GUILD.id,
        clock=MovableClock(FIXED_NOW),
    )


async def _gap(pilot: Pilot) -> None:
    """The stand-in stops, the clock moves on six seconds, and the same stand-in comes back.

    The gap's ends are the clock's readings when the loss and the return were reported: the
    clock moves only after the app has seen the loss, and before the stand-in listens again.
    """
    await streaming(pilot)
    app = _app(pilot)
    connection = app.connection
    network, first = connection.network, connection.standin
    assert network is not None and first is not None
    port = int(first.url.rsplit(":", 1)[1])
    await network.call(first.stop())
    await wait_until(pilot, lambda: app.main.status.state.phase is Phase.RECONNECTING)
    app.clock.now += GAP_SECONDS  # type: ignore[attr-defined]
    # The same seed and a fresh clock: the same backlog, which the app holds once.
    again = StandInGateway(replace(first.settings, port=port, clock=SteppingClock(FIXED_START_MS)))
    await network.call(again.start())
    connection.standin = again  # stopped with the app
    await wait_until(pilot, lambda: app.main.status.state.phase is Phase.SPECTATING)
    await wait_until(pilot, lambda: app.store.duplicates == BACKLOG)
    await streaming(pilot, BACKLOG + 1)
    assert list(app.store.numbers).count(CONNECTION_GAP.number) == 1


# Sparklines ------------------------------------------------------------------------------------

SPARK_BURST = 80
SPARK_STEP_MS = 250
"""The burst's actions are this far apart: a guild heating up after a quiet spell."""


def _sparkline_app() -> ArchitApp:
    # The history (an action every 1.5 s) ends where the burst starts; the burst's last
    # action is at the app's now, so that the newest bucket is not empty.
    history_end = int(FIXED_NOW * 1000) - SPARK_BURST * SPARK_STEP_MS
    clock = SteppingClock(history_end - SPARK_STEP_MS, SPARK_STEP_MS)
    return build_app(standin=demo_standin(backlog=2 * BACKLOG, clock=clock), guild_id=DEMO_GUILD.id)


async def _sparklines(pilot: Pilot) -> None:
    await streaming(pilot, 2 * BACKLOG)
    app = _app(pilot)
    network, standin = app.connection.network, app.connection.standin
    assert network is not None and standin is not None
    await network.call(standin.send_burst(DEMO_GUILD.id, SPARK_BURST))
    await streaming(pilot, 2 * BACKLOG + SPARK_BURST)
    status, history = app.main.status, app.main._history  # noqa: SLF001
    await wait_until(pilot, lambda: status.sparklines == history.lines(app.now_ms()))


TOOLKIT_SCENES: tuple[Scene, ...] = (
    Scene(
        "saved-filters",
        "Saved filters (F): a watch rule (⚑) with its alert count, two filters on; "
        "the status bar counts the alerts.",
        demo(filters=SAVED),
        (120, 32),
        _saved_filters,
    ),
    Scene(
        "watch-alert",
        "A watch rule's toast for a new integration; the status bar counts every alert.",
        demo(filters=WATCH_RULES),
        (120, 32),
        _watch_alert,
    ),
    Scene(
        "go-to-time",
        "Go to time (@): a time typed, the forms it takes listed under it.",
        demo(),
        (120, 32),
        _go_to_time,
    ),
    Scene(
        "export",
        "Export (e): the rows shown, to the file named (its extension picks the format).",
        demo(),
        (120, 32),
        _export_prompt,
    ),
    Scene(
        "exported",
        "The export done: the toast names the file and the rows written.",
        demo(),
        (120, 32),
        _exported,
    ),
    Scene(
        "marks",
        "Three rows marked (m): ◆ beside them, counted in the status bar.",
        demo(),
        (120, 32),
        _marks,
    ),
    Scene(
        "only-marked",
        "Only the marked rows (M), and the toast that says M shows the others again.",
        demo(),
        (120, 32),
        _only_marked,
    ),
    Scene(
        "keys",
        "F1: the keys of the focused pane (the table) beside it.",
        demo(),
        (120, 32),
        _keys,
    ),
    Scene(
        "gap",
        "A connection gap: the stand-in went away for 6 s; the app reconnected and marked the "
        "gap with a CONNECTION_GAP row, the backlog sent again held once.",
        _gap_app,
        (120, 32),
        _gap,
    ),
    Scene(
        "sparklines",
        "Rate sparklines in the status bar of a wide terminal: chat heating up after a quiet "
        "spell, members and moderation now and then.",
        _sparkline_app,
        (200, 40),
        _sparklines,
    ),
)
