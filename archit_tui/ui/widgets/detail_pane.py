"""The detail pane: every field of the selected action, names resolved, and its raw payload."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import tzinfo

from rich.console import Group
from rich.highlighter import JSONHighlighter
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from archit_tui.protocol.cells import channel_cell, full_time, member_cell, subject_cell
from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.mentions import replace_mentions
from archit_tui.protocol.models import LogAction
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.summary import summarize
from archit_tui.protocol.text import multi_line, one_line, reveal_invisibles

_JSON_COLOURS = JSONHighlighter()

RAW_LIMIT = 200_000
"""Characters of raw JSON shown; the copy key copies all of it."""


def pretty_json(raw: JSON) -> str:
    """``raw`` as indented JSON, with invisible characters written as escapes."""
    return reveal_invisibles(json.dumps(raw, indent=2, ensure_ascii=False))


class DetailPane(VerticalScroll):
    """Details of one log action."""

    DEFAULT_CSS = """
    DetailPane > Static { width: 1fr; }
    """

    def __init__(
        self, names: NameBook, now_ms: Callable[[], int], tz: tzinfo, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.names = names
        self.now_ms = now_ms
        self.tz = tz
        self.border_title = "Detail"

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Select a row to see its details."), id="detail-body")

    def show(self, action: LogAction | None, raw: JSON = None) -> None:
        """Show ``action`` (None: nothing selected)."""
        body = self.query_one("#detail-body", Static)
        if action is None:
            body.update(Text("Select a row to see its details."))
            return
        body.update(Group(self._fields(action), Text(""), self._raw(raw)))

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
