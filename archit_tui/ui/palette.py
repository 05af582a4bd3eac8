"""The command palette's commands for the main screen (``Ctrl+P``): every action on a key.

They are made from the bindings of the main screen and of the log table, so a new binding
shows up here by itself: the title is its description (or the words in `WORDS`), the help its
tooltip and the key that does the same. The palette calls the action itself, on the screen or
on the table, as its key would (also while the chat has the focus: choosing a command by name
is no text typed by accident).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING

from textual import actions
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.keys import format_key

from .exporting import SCOPE_WORDS
from .widgets.log_table import LogTable

if TYPE_CHECKING:
    from .screens.main import MainScreen

WORDS: dict[str, tuple[str, str]] = {
    "toggle_chat": ("Mock chat", "Talk to the bot's mock mode"),
    "toggle_inspector": ("Raw events", "The last events sent and received"),
    "saved_filters": ("Saved filters", "Toggle saved filters and watch rules"),
    "go_to_time": ("Go to time", "A time, 10 minutes ago, +1h"),
    "only_marked": ("Only marked rows", "Show only the marked rows, or all again"),
}
"""Binding id -> the palette's title and help, where the footer's word says too little."""

BY_SCOPE = {"export"}
"""Bindings the palette offers otherwise: one export command per scope."""


def main_screen_commands(
    screen: MainScreen, keys_in_force: Mapping[str, str]
) -> Iterator[SystemCommand]:
    """Every action of the main screen and its log table, then the exports and saving a filter."""
    targets: list[tuple[DOMNode, list[Binding]]] = [
        (screen, _bindings(type(screen).BINDINGS)),
        (screen.table, _bindings(LogTable.BINDINGS)),
    ]
    for target, bindings in targets:
        for binding in bindings:
            if binding.id in BY_SCOPE or not binding.description:
                continue
            keys = keys_in_force.get(binding.id or "", binding.key)
            shown = ", ".join(format_key(key) for key in keys.split(","))
            title, help_text = WORDS.get(binding.id or "", (binding.description, binding.tooltip))
            help_text = f"{help_text} (key: {shown})" if help_text else f"Key: {shown}"
            yield SystemCommand(title, help_text, _runner(target, binding.action))
    for scope, words in SCOPE_WORDS.items():
        yield SystemCommand(
            f"Export {words}",
            "To CSV or JSON lines (the file name's extension decides)",
            partial(screen.action_export, scope),
        )
    yield SystemCommand(
        "Save the current filter",
        "Keep the filter bar's query in the config file",
        screen.save_current_filter,
    )


def _bindings(bindings: Iterable[BindingType]) -> list[Binding]:
    return [binding for binding in bindings if isinstance(binding, Binding)]


def _runner(target: DOMNode, action: str) -> Callable[[], object]:
    """Call ``action`` (``next_moderation(1)``) on ``target``."""
    _, name, parameters = actions.parse(action)
    return partial(getattr(target, f"action_{name}"), *parameters)
