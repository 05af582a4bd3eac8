"""The chat's two small dialogs: pick a reaction, and choose the commands the bot may run."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from archit_tui.gateway.standin.mockbot import ALL_COMMANDS, COMMAND_HELP
from archit_tui.protocol.chat import Reaction
from archit_tui.protocol.emoji import (
    COMMON_REACTIONS,
    NotAReaction,
    emoji_key,
    shortcode_of,
    typed_reaction,
)
from archit_tui.protocol.text import one_line

from ..frames import PromptFrames

EMOJI_LIMIT = 64
"""Characters of a reaction shown in the list (a custom emoji ``<:name:id>`` fits)."""


class EmojiPicker(PromptFrames, ModalScreen[str | None]):
    """Choose a reaction: the message's own first (choosing yours removes it), then common ones,
    or type one emoji, a known ``:shortcode:`` or a custom emoji ``<:name:id>``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, message_id: int, reactions: list[Reaction]) -> None:
        super().__init__()
        self.message_id = message_id
        self.choices: list[str] = []
        """The emoji offered, in the order shown."""
        self._options: list[Option] = []
        seen: set[str] = set()
        for chip in reactions:
            label = "yours: choose it to remove it" if chip.mine else "add yours"
            self._offer(chip.emoji, f"×{chip.count} · {label}", seen)
        for emoji in COMMON_REACTIONS:
            self._offer(emoji, f":{shortcode_of(emoji) or ''}:", seen)

    def _offer(self, emoji: str, note: str, seen: set[str]) -> None:
        key = emoji_key(emoji)
        if key in seen:
            return
        seen.add(key)
        prompt = Text(one_line(emoji, EMOJI_LIMIT))
        prompt.append(f"  {note}", style="dim")
        self.choices.append(emoji)
        self._options.append(Option(prompt))

    def compose(self) -> ComposeResult:
        with Vertical(id="emoji-picker"):
            yield Label(f"React to message #{self.message_id}", id="emoji-picker-title")
            yield OptionList(*self._options, id="emoji-options")
            yield Input(placeholder="or type an emoji or :shortcode:, then Enter", id="emoji-input")
            yield Label(
                "↑↓ choose · Enter react · Tab type one · Esc cancel", id="emoji-picker-hint"
            )

    @on(OptionList.OptionSelected, "#emoji-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index])

    @on(Input.Submitted, "#emoji-input")
    def _typed(self, event: Input.Submitted) -> None:
        try:
            emoji = typed_reaction(event.value)
        except NotAReaction as refused:
            self.query_one("#emoji-picker-hint", Label).update(Text(str(refused)))
            return
        self.dismiss(emoji)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommandsPicker(PromptFrames, ModalScreen[tuple[str, ...] | None]):
    """Choose the mock bot's commands that the chat allows; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, allowed: tuple[str, ...] | None) -> None:
        super().__init__()
        extra = tuple(name for name in allowed or () if name not in ALL_COMMANDS)
        self.commands: tuple[str, ...] = (*ALL_COMMANDS, *extra)
        """Every command offered: the mock bot's, then any others the settings named."""
        self.allowed = allowed

    def compose(self) -> ComposeResult:
        selections = [
            Selection(self._prompt(name), name, self.allowed is None or name in self.allowed)
            for name in self.commands
        ]
        with Vertical(id="commands-picker"):
            yield Label("Commands the mock bot may run", id="commands-picker-title")
            yield SelectionList[str](*selections, id="commands-list")
            with Horizontal(id="commands-buttons"):
                yield Button("Apply", variant="primary", id="commands-apply")
                yield Button("Cancel", id="commands-cancel")
            yield Label("Space toggles · Tab to Apply · Esc cancels", id="commands-picker-hint")

    @staticmethod
    def _prompt(name: str) -> Text:
        prompt = Text(f"!{one_line(name, 40)}")
        help_entry = COMMAND_HELP.get(name)
        if help_entry is not None:
            prompt.append(f"  {help_entry.summary}", style="dim")
        return prompt

    @on(Button.Pressed, "#commands-apply")
    def _apply(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        self.dismiss(tuple(name for name in self.commands if name in chosen))

    @on(Button.Pressed, "#commands-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
