"""The composer: a text area where Enter sends, with input history and ``!command`` completion.

A `TextArea` rather than an `Input`: an `Input` keeps only the first line of a paste, and a
chat message may be many lines (a code block, a list of poll options).
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import TextArea

HISTORY_LIMIT = 200
"""Sent messages the history keeps."""

NEWLINE_KEYS = frozenset({"ctrl+j", "alt+enter", "shift+enter"})
"""Keys that insert a line break (Enter sends)."""

PLACEHOLDER = "Message the mock bot · Enter sends · Ctrl+J new line · ↑↓ history"


class Composer(TextArea):
    """Where the user writes a message to the mock bot."""

    # Enter and the new-line keys are caught in `_on_key` (TextArea would insert a newline
    # first); they are listed here too so that the footer and the help can show them.
    BINDINGS = [
        Binding("enter", "submit", "Send", show=False),
        Binding("ctrl+j,alt+enter", "newline", "New line"),
        Binding("up", "cursor_up", "Older sent message (from the first line)", show=False),
        Binding("down", "cursor_down", "Newer sent message (from the last line)", show=False),
        Binding("tab", "accept_suggestion", "Complete a !command (→ too), or go up", show=False),
    ]

    class Submitted(Message):
        """The user pressed Enter on a message that is not blank."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, soft_wrap=True, placeholder=PLACEHOLDER)
        self.commands: tuple[str, ...] = ()
        """Command names (without ``!``) that completion offers, in order of preference."""
        self.sent_history: list[str] = []
        """Messages sent, oldest first (`history` is the undo history of TextArea)."""
        self._recalled: int | None = None
        """Index in `history` of the message shown, None while writing a new one."""
        self._draft = ""

    # Keys ---------------------------------------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        # Runs before TextArea's own handler (which would insert a newline for Enter).
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.submit()
        elif event.key in NEWLINE_KEYS:
            event.stop()
            event.prevent_default()
            self.action_newline()

    def action_submit(self) -> None:
        """Send what is written."""
        self.submit()

    def action_newline(self) -> None:
        """Break the line (Enter sends)."""
        self.replace("\n", *self.selection, maintain_selection_offset=False)

    def submit(self) -> None:
        """Send what is written, unless it is blank; the composer empties."""
        text = self.text.strip()
        if not text:
            return
        if not self.sent_history or self.sent_history[-1] != text:
            self.sent_history.append(text)
            del self.sent_history[:-HISTORY_LIMIT]
        self._recalled = None
        self._draft = ""
        self.load_text("")
        self.post_message(self.Submitted(text))

    def action_accept_suggestion(self) -> None:
        """Tab: take the completion offered, else go to the transcript (just above)."""
        if not self.suggestion:
            self.screen.focus_previous()
            return
        self.insert(self.suggestion)

    # History ------------------------------------------------------------------------------------

    def action_cursor_up(self, select: bool = False) -> None:
        if select or self.cursor_location[0] > 0 or not self.sent_history or self._recalled == 0:
            super().action_cursor_up(select)
            return
        if self._recalled is None:
            self._draft = self.text
            self._recalled = len(self.sent_history) - 1
        else:
            self._recalled -= 1
        self._show(self.sent_history[self._recalled])

    def action_cursor_down(self, select: bool = False) -> None:
        last_row = self.document.line_count - 1
        if select or self.cursor_location[0] < last_row or self._recalled is None:
            super().action_cursor_down(select)
            return
        if self._recalled < len(self.sent_history) - 1:
            self._recalled += 1
            self._show(self.sent_history[self._recalled])
        else:
            self._recalled = None
            self._show(self._draft)

    def _show(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    # Completion ---------------------------------------------------------------------------------

    def update_suggestion(self) -> None:
        """Offer the rest of a ``!command`` name while its first word is being typed."""
        self.suggestion = complete_command(self.text, self.commands)


def complete_command(text: str, commands: tuple[str, ...]) -> str:
    """What completes ``text`` (``!po``) into an allowed command (``ll``); "" when nothing."""
    if not text.startswith("!") or any(char.isspace() for char in text):
        return ""
    typed = text[1:].lower()
    for name in commands:
        if name.startswith(typed) and name != typed:
            return name[len(typed) :]
    return ""
