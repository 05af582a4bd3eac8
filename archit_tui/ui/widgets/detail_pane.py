"""The detail pane: every field of the selected action, names resolved, and its raw payload."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import tzinfo

from rich.console import Group, RenderableType
from rich.highlighter import JSONHighlighter
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from archit_tui.protocol.cells import channel_cell, full_time, member_cell, subject_cell
from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.mentions import replace_mentions
from archit_tui.protocol.models import LogAction
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.summary import summarize
from archit_tui.protocol.text import multi_line, one_line, reveal_invisibles

_JSON_COLOURS = JSONHighlighter()

NOTHING_SELECTED = "Select a row to see its details."

RAW_LIMIT = 200_000
"""Characters of raw JSON shown; the copy key copies all of it."""


def pretty_json(raw: JSON) -> str:
    """``raw`` as indented JSON, with invisible characters written as escapes."""
    return reveal_invisibles(json.dumps(raw, indent=2, ensure_ascii=False))


class DetailPane(ScrollView):
    """Details of one log action.

    Its text is drawn into lines once per row shown (and again on a resize), and the pane
    scrolls over them: showing another row never changes the screen's layout. (A `Static` of
    automatic height made every row shown a re-layout of the whole screen, and drew the text
    twice: a frame of several milliseconds, a few times a second while following a stream.)
    """

    def __init__(
        self, names: NameBook, now_ms: Callable[[], int], tz: tzinfo, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.names = names
        self.now_ms = now_ms
        self.tz = tz
        self.border_title = "Detail"
        self._content: RenderableType = Text(NOTHING_SELECTED)
        self.action: LogAction | None = None
        """The action shown."""
        self._lines: list[Strip] = []

    def show(self, action: LogAction | None, raw: JSON = None) -> None:
        """Show ``action`` (None: nothing selected)."""
        self.action = action
        if action is None:
            self._content = Text(NOTHING_SELECTED)
        else:
            self._content = Group(self._fields(action), Text(""), self._raw(raw))
        self.scroll_to(y=0, animate=False)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or not self.is_attached:
            return
        console = self.app.console
        lines = console.render_lines(self._content, console.options.update_width(width))
        self._lines = [Strip(line, width) for line in lines]
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(self.scrollable_content_region.width, base)
        return self._lines[index].apply_style(base)

    def _fields(self, action: LogAction) -> Text:
        names = self.names
        rows: list[tuple[str, str]] = [
            ("Summary", summarize(action, names)),
            ("Type", f"{action.type.name} ({action.action_number}, {action.type.category.value})"),
            ("Time", full_time(action.timestamp_ms, self.now_ms(), self.tz)),
            ("Id", str(action.id)),
        ]
        if action.agent_id is not None:
            rows.append(("Agent", f"{member_cell(action.agent_id, names)} ({action.agent_id})"))
        if action.subject_id is not None:
            subject = subject_cell(action, names) or action.type.subject
            rows.append(("Subject", f"{subject} ({action.subject_id})"))
        if action.channel_id is not None:
            rows.append(
                ("Channel", f"{channel_cell(action.channel_id, names)} ({action.channel_id})")
            )
        if action.reason:
            rows.append(("Reason", one_line(action.reason, 2_000)))
        rows.append(("Reversible", "yes" if action.reversible else "no"))
        text = Text()
        for label, value in rows:
            text.append(f"{label:<11}", style="bold")
            text.append(value + "\n")
        for label, value in self._texts(action):
            text.append(f"{label}\n", style="bold")
            text.append(value + "\n")
        for problem in action.problems:
            text.append("⚠ ", style="bold")
            text.append(f"ignored: {problem}\n")
        return text

    def _texts(self, action: LogAction) -> list[tuple[str, str]]:
        """Multi-line texts: the content, and before / after of an edit."""
        texts = []
        data = action.old_data if isinstance(action.old_data, dict) else {}
        before, after = data.get("before"), data.get("after")
        for label, side in (("Before", before), ("After", after)):
            if isinstance(side, dict) and isinstance(side.get("content"), str):
                texts.append((label, self._readable(side["content"])))
        if action.content:
            texts.append(("Content", self._readable(action.content)))
        return texts

    def _readable(self, text: str) -> str:
        return reveal_invisibles(multi_line(replace_mentions(text[:RAW_LIMIT], self.names)))

    def _raw(self, raw: JSON) -> Group:
        pretty = pretty_json(raw)
        title = Text("Raw payload (c copies it)", style="bold")
        if len(pretty) > RAW_LIMIT:
            return Group(title, Text(pretty[:RAW_LIMIT] + "\n… (cut here; the copy has it all)"))
        return Group(title, _JSON_COLOURS(Text(pretty)))
