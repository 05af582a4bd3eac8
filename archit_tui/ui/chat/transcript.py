"""The transcript: one widget per message, a selection to react to, spoilers to reveal."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from archit_tui.protocol.chat import ChatMessage, ChatState
from archit_tui.protocol.mentions import NameLookup

from .render import PALETTE_NAMES, render_message


class MessageView(Static):
    """One message of the transcript (its text is built by `render_message`)."""

    DEFAULT_CSS = """
    MessageView { width: 1fr; height: auto; }
    """

    def __init__(self, message_id: int, notice: bool) -> None:
        super().__init__(classes="-notice" if notice else None)
        self.message_id = message_id


class Transcript(VerticalScroll, can_focus=True):
    """Messages, oldest first; it follows the newest while scrolled to the bottom."""

    COMPONENT_CLASSES = {f"chat--{name}" for name in PALETTE_NAMES}
    BINDINGS = [
        Binding("up,k", "select(-1)", "Previous", show=False),
        Binding("down,j", "select(1)", "Next", show=False),
        Binding("home", "select_first", "Oldest", show=False),
        Binding("end", "select_last", "Newest", show=False),
        Binding("r", "react", "React"),
        Binding("space", "reveal", "Spoilers"),
    ]

    selected: reactive[int | None] = reactive(None, init=False)
    """The id of the selected message (reactions and spoilers act on it)."""

    class ReactWanted(Message):
        """The user asked to react to message ``message_id``."""

        def __init__(self, message_id: int) -> None:
            super().__init__()
            self.message_id = message_id

    def __init__(
        self, state: ChatState, names: NameLookup, tz: tzinfo | None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.state = state
        self.names = names
        self.tz = tz
        self.revealed: set[int] = set()
        """Messages whose spoilers are shown."""
        self._views: dict[int, MessageView] = {}
        self._palette: dict[str, Style] | None = None

    def on_mount(self) -> None:
        self.anchor()
        self.redraw_all()

    def on_focus(self) -> None:
        if self.selected is None:
            self.action_select_last()

    @on(events.Click)
    def _clicked(self, event: events.Click) -> None:
        if isinstance(event.widget, MessageView) and event.widget.message_id in self._selectable():
            self.selected = event.widget.message_id

    # Drawing ------------------------------------------------------------------------------------

    def palette(self) -> dict[str, Style]:
        """Rich styles of the component classes (cached until the CSS or theme changes)."""
        if self._palette is None:
            self._palette = {
                name: self.get_component_rich_style(f"chat--{name}", partial=True)
                for name in PALETTE_NAMES
            }
        return self._palette

    def notify_style_update(self) -> None:
        # Called for every style change (focus too): redraw only if the colours changed.
        super().notify_style_update()
        if self._palette is not None:
            self.call_later(self._restyle, self._palette)
            self._palette = None

    def _restyle(self, previous: dict[str, Style]) -> None:
        if self.palette() != previous:
            self.redraw(list(self._views))

    def redraw(self, message_ids: Iterable[int]) -> None:
        """Show the messages ``message_ids`` as they stand: mount new ones, update the rest.

        Before the transcript is mounted nothing is drawn; mounting draws every message.
        """
        if not self.is_mounted:
            return
        for message_id in self.state.take_removed():
            view = self._views.pop(message_id, None)
            self.revealed.discard(message_id)
            if view is not None:
                view.remove()
            if self.selected == message_id:
                self.selected = None
        new: list[MessageView] = []
        for message_id in dict.fromkeys(message_ids):
            message = self.state.get(message_id)
            if message is None:
                continue
            view = self._views.get(message_id)
            if view is None:
                view = self._views[message_id] = MessageView(message_id, message.author == "notice")
                new.append(view)
            view.update(self._draw(message))
        if new:
            self.mount_all(new)

    def redraw_all(self, only_mentions: bool = False) -> None:
        """Draw every message again; with ``only_mentions``, those that may mention someone."""
        self.redraw(
            message.id for message in self.state if not only_mentions or "<" in message.content
        )

    def _draw(self, message: ChatMessage) -> Text:
        revealed = message.id in self.revealed
        return render_message(message, self.palette(), self.names, self.tz, revealed)

    def view(self, message_id: int) -> MessageView | None:
        """The widget showing ``message_id``, if shown."""
        return self._views.get(message_id)

    # Selection ----------------------------------------------------------------------------------

    def _selectable(self) -> list[int]:
        return [message.id for message in self.state if message.author != "notice"]

    def watch_selected(self, old: int | None, new: int | None) -> None:
        if old is not None and (view := self._views.get(old)) is not None:
            view.remove_class("-selected")
        if new is not None and (view := self._views.get(new)) is not None:
            view.add_class("-selected")
            self.scroll_to_widget(view, animate=False)

    def action_select(self, step: int) -> None:
        """Select the message ``step`` places after (or before) the selected one."""
        ids = self._selectable()
        if not ids:
            return
        if self.selected not in ids:
            self.selected = ids[-1]
            return
        index = ids.index(self.selected) + step
        self.selected = ids[max(0, min(index, len(ids) - 1))]

    def action_select_first(self) -> None:
        ids = self._selectable()
        if ids:
            self.selected = ids[0]

    def action_select_last(self) -> None:
        ids = self._selectable()
        if ids:
            self.selected = ids[-1]
            self.scroll_end(animate=False)

    def target(self) -> int | None:
        """The message to act on: the selected one, else the newest."""
        ids = self._selectable()
        if self.selected in ids:
            return self.selected
        return ids[-1] if ids else None

    def action_react(self) -> None:
        """React to the selected message (the newest when none is selected)."""
        target = self.target()
        if target is not None:
            self.post_message(self.ReactWanted(target))

    def action_reveal(self) -> None:
        """Show (or hide again) the spoilers of the selected message."""
        target = self.target()
        if target is None:
            return
        self.revealed.symmetric_difference_update({target})
        self.redraw([target])
