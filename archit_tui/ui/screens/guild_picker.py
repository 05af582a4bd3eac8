"""Pick the guild to spectate, from the guilds the token may watch; type to narrow the list."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from archit_tui.protocol.models import Guild
from archit_tui.protocol.text import one_line

from ..frames import PromptFrames


def guild_prompt(guild: Guild, current: bool) -> Text:
    """One guild as a line of the list: its name (literally), member count and id."""
    prompt = Text("● " if current else "  ")
    prompt.append(one_line(guild.name, 80))
    if guild.member_count is not None:
        prompt.append(f"  {guild.member_count:,} members", style="dim")
    prompt.append(f"  {guild.id}", style="dim")
    return prompt


class GuildPicker(PromptFrames, ModalScreen[int | None]):
    """A list of guilds; typing narrows it, Enter spectates, Escape keeps the current one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, guilds: list[Guild], current: int | None) -> None:
        super().__init__()
        self.guilds = guilds
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="guild-picker"):
            yield Label("Spectate which guild?", id="guild-picker-title")
            yield Input(placeholder="type to narrow: name or id", compact=True, id="guild-search")
            yield OptionList(id="guild-list")
            yield Label(
                "↑↓ choose · Enter spectate · Esc cancel (● is the current guild)",
                id="guild-picker-hint",
            )

    def on_mount(self) -> None:
        # Focused by hand: Textual skips auto-focus on a screen shown while the app is blurred
        # (a browser tab under `archit-tui serve` starts so), and Enter would do nothing.
        self.query_one("#guild-search", Input).focus()
        self._show("")
        ids = [guild.id for guild in self.guilds]
        if self.current in ids:
            self.query_one(OptionList).highlighted = ids.index(self.current)

    def _show(self, needle: str) -> None:
        needle = needle.strip().lower()
        guild_list = self.query_one(OptionList)
        guild_list.clear_options()
        guild_list.add_options(
            Option(guild_prompt(guild, guild.id == self.current), id=str(guild.id))
            for guild in self.guilds
            if needle in guild.name.lower() or needle in str(guild.id)
        )
        if guild_list.option_count:
            guild_list.highlighted = 0

    @on(Input.Changed, "#guild-search")
    def _narrow(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#guild-search")
    def _choose_highlighted(self) -> None:
        guild_list = self.query_one(OptionList)
        if guild_list.highlighted is not None:
            option = guild_list.get_option_at_index(guild_list.highlighted)
            assert option.id is not None
            self.dismiss(int(option.id))

    def action_move(self, step: int) -> None:
        guild_list = self.query_one(OptionList)
        if guild_list.option_count:
            current = guild_list.highlighted or 0
            guild_list.highlighted = max(0, min(current + step, guild_list.option_count - 1))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
