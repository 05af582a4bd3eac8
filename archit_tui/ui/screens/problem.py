"""When the gateway cannot be used: what happened in plain words, and the ways forward."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ..frames import PromptFrames

ProblemChoice = Literal["retry", "quit"]


class ProblemScreen(PromptFrames, ModalScreen[ProblemChoice]):
    """A connection or elevation problem, with Retry and Quit."""

    BINDINGS = [
        Binding("r", "choose('retry')", "Retry"),
        Binding("q", "choose('quit')", "Quit"),
    ]

    def __init__(self, title: str, message: str, hint: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Label(Text(self.title_text), id="problem-title")
            yield Static(Text(self.message), id="problem-message")
            yield Static(Text(self.hint), id="problem-hint")
            with Horizontal(id="problem-buttons"):
                yield Button("Retry (r)", id="retry", variant="primary")
                yield Button("Quit (q)", id="quit", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose("retry" if event.button.id == "retry" else "quit")

    def action_choose(self, choice: ProblemChoice) -> None:
        self.dismiss(choice)
