"""The status bar: connection state in words, live rate, rows held and shown, problems."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from archit_tui.gateway.state import ConnectionState, Phase

_PHASE_STYLES = {
    Phase.SPECTATING: "status-bar--good",
    Phase.ELEVATED: "status-bar--good",
    Phase.CONNECTED: "status-bar--busy",
    Phase.CONNECTING: "status-bar--busy",
    Phase.RECONNECTING: "status-bar--bad",
    Phase.DISCONNECTED: "status-bar--bad",
    Phase.REPLAY: "status-bar--busy",
}

_SPARK_STYLES = {
    "chat": "status-bar--busy",
    "members": "status-bar--good",
    "mod": "status-bar--bad",
}
SPARKLINES_FROM_WIDTH = 110
"""Narrower status bars leave the sparklines out (the state and counts matter more)."""


class StatusBar(Widget):
    """One line that always says where the connection stands and what the table holds."""

    DEFAULT_CSS = """
    StatusBar { height: 1; }
    """
    COMPONENT_CLASSES = {
        "status-bar--good",
        "status-bar--busy",
        "status-bar--bad",
        "status-bar--badge",
        "status-bar--warning",
        "status-bar--dim",
    }

    state: reactive[ConnectionState] = reactive(ConnectionState(Phase.DISCONNECTED))
    """The gateway connection."""
    guild_name: reactive[str | None] = reactive(None)
    """The name of the spectated guild (remote text, shown literally)."""
    rate: reactive[float] = reactive(0.0)
    """Log actions received per second, over the last few seconds."""
    held: reactive[int] = reactive(0)
    shown: reactive[int] = reactive(0)
    max_actions: reactive[int] = reactive(0)
    dropped: reactive[int] = reactive(0)
    """Oldest rows dropped to stay within ``max_actions``."""
    malformed: reactive[int] = reactive(0)
    """Events received that could not be understood, or held fields that could not be used."""
    unseen: reactive[int | None] = reactive(None)
    """Rows that arrived while following is paused; None while following."""
    demo: reactive[bool] = reactive(False)
    task: reactive[str] = reactive("")
    """Work under way, e.g. ``exporting 40%``."""
    sparklines: reactive[dict[str, str]] = reactive(dict, always_update=True)
    """The action rate over the last minutes by group (`protocol.rate_history`)."""
    alerts: reactive[int] = reactive(0)
    """New actions that watch rules matched."""
    marked: reactive[int] = reactive(0)
    """Rows marked with ``m``."""

    def _sparklines(self, style) -> Text:  # noqa: ANN001 - the component style getter
        text = Text()
        for group, line in self.sparklines.items():
            if text:
                text.append(" ")
            text.append(f"{group} ", style=style("status-bar--dim"))
            text.append(line, style=style(_SPARK_STYLES.get(group, "status-bar--dim")))
        return text

    def render(self) -> Text:
        style = self.get_component_rich_style
        parts: list[Text] = []
        if self.demo:
            parts.append(Text(" DEMO ", style=style("status-bar--badge")))
        phase_style = style(_PHASE_STYLES[self.state.phase])
        parts.append(Text("● " + self.state.describe(self.guild_name), style=phase_style))
        parts.append(Text(f"{self.rate:,.1f}/s"))
        parts.append(Text(f"{self.shown:,}/{self.held:,} rows"))
        if self.dropped:
            parts.append(
                Text(
                    f"{self.dropped:,} oldest dropped (max_actions {self.max_actions:,})",
                    style=style("status-bar--dim"),
                )
            )
        if self.malformed:
            parts.append(
                Text(f"⚠ {self.malformed:,} malformed", style=style("status-bar--warning"))
            )
        if self.alerts:
            parts.append(Text(f"⚑ {self.alerts:,} alerts", style=style("status-bar--warning")))
        if self.task:
            parts.append(Text(self.task, style=style("status-bar--busy")))
        if self.marked:
            parts.append(Text(f"◆ {self.marked:,} marked", style=style("status-bar--busy")))
        if self.unseen is not None:
            parts.append(
                Text(f"⏸ paused: {self.unseen:,} new (End)", style=style("status-bar--busy"))
            )
        if self.sparklines and self.size.width >= SPARKLINES_FROM_WIDTH:
            parts.append(self._sparklines(style))  # last: the first to go when space is short
        line = Text(" ", no_wrap=True, overflow="ellipsis")
        line.append(Text(" │ ").join(parts))
        return line
