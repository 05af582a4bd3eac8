"""The raw-event inspector: the last events sent and received, as pretty JSON.

It reads the client's `WireLog` on a timer, a few times a second at most and only while it is
on screen, and redraws only when something new was recorded. Log stream events are hidden
unless asked for (they would bury the chat). A malformed event shows why: its reason is found
by identity, as a `MalformedEvent`'s ``raw`` is the very payload the `WireLog` recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo

from rich.highlighter import JSONHighlighter
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from archit_tui.gateway.events import STREAM_EVENTS, WireLog, WireRecord
from archit_tui.protocol.models import MalformedEvent
from archit_tui.protocol.text import one_line

from ..widgets.detail_pane import pretty_json

RECORD_LIMIT = 100
"""Events shown (the newest)."""

PAYLOAD_LIMIT = 20_000
"""Characters of one payload's JSON shown."""

REFRESH_SECONDS = 0.25
"""How often the inspector looks for new events while it is shown."""

_JSON_COLOURS = JSONHighlighter()
_ARROWS = {"out": "→", "in": "←"}


class EventInspector(Widget, can_focus=True):
    """The last events on the wire, newest at the bottom, each with its JSON."""

    DEFAULT_CSS = """
    EventInspector { layout: vertical; width: 1fr; height: 1fr; }
    EventInspector > #inspector-header { height: 1; width: 1fr; }
    EventInspector > #inspector-body { height: 1fr; }
    EventInspector #inspector-records { width: 1fr; }
    """
    COMPONENT_CLASSES = {
        "event-inspector--out",
        "event-inspector--in",
        "event-inspector--meta",
        "event-inspector--malformed",
    }
    BINDINGS = [
        Binding("l", "toggle_stream", "Log events"),
        Binding("up,k", "scroll('up')", "Up", show=False),
        Binding("down,j", "scroll('down')", "Down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("home", "scroll('home')", "Oldest", show=False),
        Binding("end", "scroll('end')", "Newest", show=False),
    ]

    show_stream: reactive[bool] = reactive(False, init=False)
    """Whether log stream events (``log_pool``) are listed too."""

    def __init__(
        self,
        wire: WireLog,
        malformed: Callable[[], Sequence[MalformedEvent]],
        id: str | None = None,
        *,
        limit: int = RECORD_LIMIT,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(id=id)
        self.wire = wire
        self.malformed = malformed
        """The malformed events received (the app's list), to say why an event was refused."""
        self.limit = limit
        self.tz = tz
        self._seen: tuple[int | None, ...] | None = None
        self._counted: tuple[int, int, bool] | None = None
        self._drawn: dict[tuple[int, str | None], Text] = {}
        self._timer: Timer | None = None
        self._colours: dict[str, Style] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="inspector-header")
        body = VerticalScroll(id="inspector-body")
        body.can_focus = False  # one stop for Tab: the inspector, which scrolls it
        with body:
            yield Static(id="inspector-records")

    def on_mount(self) -> None:
        self.query_one("#inspector-body", VerticalScroll).anchor()
        self._timer = self.set_interval(REFRESH_SECONDS, self.refresh_records)
        self.refresh_records()

    def on_show(self) -> None:
        if self._timer is not None:
            self._timer.resume()
        self.refresh_records()

    def on_hide(self) -> None:
        if self._timer is not None:
            self._timer.pause()

    def action_toggle_stream(self) -> None:
        """Show or hide log stream events."""
        self.show_stream = not self.show_stream

    def action_scroll(self, where: str) -> None:
        """Scroll the events: ``up``, ``down``, ``page_up``, ``page_down``, ``home``, ``end``."""
        body = self.query_one("#inspector-body", VerticalScroll)
        moves = {
            "up": body.scroll_up,
            "down": body.scroll_down,
            "page_up": body.scroll_page_up,
            "page_down": body.scroll_page_down,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }
        moves[where](animate=False)

    def watch_show_stream(self) -> None:
        self.refresh_records()

    def notify_style_update(self) -> None:
        # Called for every style change (focus too): redraw only if the colours changed.
        super().notify_style_update()
        self.call_later(self._restyle, self._colours)
        self._colours = None

    def _restyle(self, previous: dict[str, Style] | None) -> None:
        if previous is not None and self._palette() != previous:
            self._drawn.clear()
            self._seen = self._counted = None
            self.refresh_records()

    # Drawing ------------------------------------------------------------------------------------

    def refresh_records(self) -> None:
        """Redraw what changed since the last time (only while the inspector is seen)."""
        if not self.is_mounted or not self.display or not self.is_on_screen:
            return
        wire = self.wire
        malformed = self.malformed()
        counts = (wire.chat_added, wire.stream_added, self.show_stream)
        if counts != self._counted:
            self._counted = counts
            self.query_one("#inspector-header", Static).update(self._header())
        # A malformed event's reason reaches the app's list a frame after its record.
        last_malformed = id(malformed[-1]) if malformed else None
        stream_added = wire.stream_added if self.show_stream else -1
        seen = (wire.chat_added, stream_added, len(malformed), last_malformed)
        if seen == self._seen:
            return
        self._seen = seen
        records = wire.latest(self.limit, self.show_stream)
        reasons = {(event.event, id(event.raw)): event.reason for event in malformed}
        drawn: dict[tuple[int, str | None], Text] = {}
        for record in records:
            reason = None
            if record.direction == "in":
                reason = reasons.get((record.event, id(record.payload)))
            key = (record.seq, reason)
            drawn[key] = self._drawn.get(key) or self._draw(record, reason)
        self._drawn = drawn
        body = Text("").join(drawn.values()) if drawn else Text("Nothing sent or received yet.")
        self.query_one("#inspector-records", Static).update(body)

    def _header(self) -> Text:
        wire = self.wire
        stream = ", ".join(sorted(STREAM_EVENTS))
        text = Text("Raw events", style="bold")
        text.append(f" · {stream} {'shown' if self.show_stream else 'hidden'} (l)")
        text.append(f" · {wire.chat_added:,} chat, {wire.stream_added:,} log stream")
        return text

    def _palette(self) -> dict[str, Style]:
        """Rich styles of the component classes (cached until the CSS or theme changes)."""
        if self._colours is None:
            self._colours = {
                name: self.get_component_rich_style(f"event-inspector--{name}", partial=True)
                for name in ("out", "in", "meta", "malformed")
            }
        return self._colours

    def _style(self, name: str) -> Style:
        return self._palette()[name]

    def _draw(self, record: WireRecord, reason: str | None) -> Text:
        text = Text(end="")
        direction = self._style(record.direction)
        text.append(f"{_ARROWS[record.direction]} ", direction)
        moment = datetime.fromtimestamp(record.at, self.tz).strftime("%H:%M:%S.%f")[:-3]
        text.append(f"{moment} ", self._style("meta"))
        text.append(one_line(record.event, 100), direction + Style(bold=True))
        text.append(f"  #{record.seq}\n", self._style("meta"))
        if reason is not None:
            text.append("⚠ malformed: ", self._style("malformed"))
            text.append(one_line(reason, 500) + "\n", self._style("malformed"))
        pretty = pretty_json(record.payload)
        if len(pretty) > PAYLOAD_LIMIT:
            pretty = (
                pretty[:PAYLOAD_LIMIT] + f"\n… ({len(pretty) - PAYLOAD_LIMIT:,} more characters)"
            )
        text.append_text(_JSON_COLOURS(Text(pretty)))
        text.append("\n")
        return text
