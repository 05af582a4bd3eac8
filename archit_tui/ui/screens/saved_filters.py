"""The saved filters, lnav-style: toggle several on and off at once, save the current one."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from archit_tui.config.model import SavedFilter

from ..frames import PromptFrames

HINT = (
    "Space or Enter turns a filter on or off (at once: they add to the filter bar's). "
    "s saves the filter bar's query under a name, in the config file. "
    "⚑ marks watch rules (alert = true). Esc closes."
)


def _label(saved: SavedFilter, alerts: int) -> Text:
    text = Text()
    if saved.alert:
        text.append("⚑ ", style="bold")
    text.append(saved.name, style="bold")
    text.append("  ")
    text.append(saved.query, style="italic")
    if alerts:
        text.append(f"  ({alerts:,} alerts)")
    return text


class SavedFiltersScreen(PromptFrames, ModalScreen[None]):
    """Lists the saved filters with the ones in force ticked; each toggle applies at once."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="close_filters"),
        Binding("s", "save_current", "Save current", id="save_filter"),
    ]

    def __init__(
        self,
        saved: list[SavedFilter],
        enabled: set[str],
        alerts: dict[str, int],
        changed: Callable[[set[str]], None],
        save_current: Callable[[], None],
    ) -> None:
        super().__init__()
        self.saved = saved
        self.enabled = enabled
        self.alerts = alerts
        self.changed = changed
        self.save_current = save_current

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-filters"):
            yield Label("Saved filters", id="saved-filters-title")
            if self.saved:
                yield SelectionList[str](
                    *(
                        Selection(
                            _label(s, self.alerts.get(s.name, 0)), s.name, s.name in self.enabled
                        )
                        for s in self.saved
                    ),
                    id="saved-filters-list",
                )
            else:
                yield Static(
                    "None yet: type a filter in the filter bar, then press s here to save it.",
                    id="saved-filters-empty",
                )
            yield Static(Text(HINT), id="saved-filters-hint")

    def on_key(self, event) -> None:  # noqa: ANN001 - Enter toggles, as Space does
        if event.key == "enter" and self.saved:
            event.stop()
            self.query_one(SelectionList).action_select()

    @on(SelectionList.SelectedChanged)
    def _toggled(self, event: SelectionList.SelectedChanged) -> None:
        self.changed(set(event.selection_list.selected))

    def action_save_current(self) -> None:
        self.dismiss(None)
        self.save_current()
