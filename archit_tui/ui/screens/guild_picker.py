"""Pick the guild to spectate, from the guilds the token may watch."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from archit_tui.protocol.models import Guild
from archit_tui.protocol.text import one_line


def guild_prompt(guild: Guild) -> Text:
    """One guild as a line of the list: its name (literally) and member count."""
    prompt = Text(one_line(guild.name, 80))
    if guild.member_count is not None:
        prompt.append(f"  {guild.member_count:,} members", style="dim")
    prompt.append(f"  {guild.id}", style="dim")
    return prompt


class GuildPicker(ModalScreen[int | None]):
    """A list of guilds; Enter spectates the highlighted one, Escape keeps the current one."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, guilds: list[Guild], current: int | None) -> None:
        super().__init__()
        self.guilds = guilds
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="guild-picker"):
            yield Label("Spectate which guild?", id="guild-picker-title")
            options = [Option(guild_prompt(guild), id=str(guild.id)) for guild in self.guilds]
            yield OptionList(*options, id="guild-list")
            yield Label("↑↓ choose · Enter spectate · Esc cancel", id="guild-picker-hint")

    def on_mount(self) -> None:
        guild_list = self.query_one(OptionList)
        ids = [guild.id for guild in self.guilds]
        if self.current in ids:
            guild_list.highlighted = ids.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
