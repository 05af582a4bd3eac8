"""Help: the key bindings and the filter language."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from archit_tui.protocol.query import QUERY_HELP

from ..frames import PromptFrames


def bindings_text(title: str, bindings: Iterable[BindingType]) -> Text:
    """A titled list of keys and what they do, with the action name to rebind each by (dim)."""
    text = Text(title + "\n", style="bold")
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = ", ".join(format_key(key.strip()) for key in binding.key.split(","))
        text.append(f"  {keys:<22}", style="bold")
        if binding.id:
            text.append(f"{binding.description:<20}")
            text.append(binding.id + "\n", style="dim")
        else:
            text.append(binding.description + "\n")
    return text


class HelpScreen(PromptFrames, ModalScreen[None]):
    """Keys and the filter language; any of Escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        body = Text(
            "Esc, q or ? closes this help. Rebind a key in the config file by the action name "
            'beside it: keys = { next_moderation = "n,ctrl+n" }.\n\n',
            style="dim",
        )
        for title, bindings in self.sections:
            body.append(bindings_text(title, bindings))
            body.append("\n")
        body.append("The filter language\n", style="bold")
        body.append(QUERY_HELP)
        with VerticalScroll(id="help"):
            yield Static(body)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
