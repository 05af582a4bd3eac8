"""The keymap from a preset and the config's changes: key names checked, clashes refused."""

import pytest

from archit_tui.config.template import TEMPLATE
from archit_tui.ui.app import ArchitApp
from archit_tui.ui.keys import PRESETS, RESERVED, class_bindings, key_name, keymap
from archit_tui.ui.screens.main import MainScreen
from archit_tui.ui.widgets.log_table import LogTable

BINDINGS = class_bindings((ArchitApp, MainScreen, LogTable))


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("n", "n"),
        ("N", "N"),
        ("?", "question_mark"),
        ("/", "slash"),
        ("question_mark", "question_mark"),
        ("Ctrl+N", "ctrl+n"),
        ("shift+ctrl+up", "ctrl+shift+up"),
        ("ctrl+/", "ctrl+slash"),
        ("F5", "f5"),
        ("PageUp", "pageup"),
        ("space", "space"),
        ("£", "pound_sign"),
        ("pound_sign", "pound_sign"),
        ("notakey!!", None),
        ("", None),
        ("ctrl+", None),
        ("ctrl+ctrl+n", None),
        ("cmd+n", None),
        ("hyphen_minus", None),  # Textual says "minus": a binding to this would never fire
        ("f99", None),
    ],
)
def test_key_names_are_textuals(written: str, name: str | None) -> None:
    assert key_name(written) == name


@pytest.mark.parametrize("preset", PRESETS)
def test_the_presets_give_no_key_two_actions(preset: str) -> None:
    chosen, warnings = keymap(preset, (), BINDINGS)
    assert warnings == []
    holders: dict[str, set[str]] = {}
    for binding in BINDINGS:
        if binding.id:
            for key in chosen.get(binding.id, binding.key).split(","):
                holders.setdefault(key, set()).add(binding.id)
    assert {key: ids for key, ids in holders.items() if len(ids) > 1} == {}


def test_two_actions_may_swap_keys() -> None:
    chosen, warnings = keymap("default", (("sort", "d"), ("toggle_detail", "s")), BINDINGS)
    assert (chosen, warnings) == ({"sort": "d", "toggle_detail": "s"}, [])


def test_a_refused_change_frees_no_key_and_the_later_change_loses() -> None:
    changes = (("toggle_mark", "x"), ("copy_raw", "x,y"), ("sort", "c"))
    chosen, warnings = keymap("default", changes, BINDINGS)
    assert chosen == {"toggle_mark": "x"}  # copy_raw keeps c, so sort may not have it
    assert len(warnings) == 2
    assert "gives copy_raw 'x', which toggle_mark has; copy_raw keeps c." in warnings[0]
    assert "gives sort 'c', which copy_raw has; sort keeps s." in warnings[1]


def test_the_keys_for_help_filter_and_quit_stay_with_their_actions() -> None:
    changes = (("help", "f10"), ("quit", "ctrl+c"), ("switch_guild", "ctrl+p"), ("sort", "tab"))
    chosen, warnings = keymap("vim", changes, BINDINGS)
    assert chosen["help"] == "f10,question_mark"
    assert "quit" not in chosen and "sort" not in chosen
    assert chosen["switch_guild"] == "ctrl+g"  # the preset's
    assert ["always quits" in warnings[0], "command palette" in warnings[1]] == [True, True]
    assert "'tab', which already does 'Focus Next'" in warnings[2]
    assert set(RESERVED) <= {binding.key for binding in BINDINGS} | {"ctrl+p"}


def test_the_template_sends_to_the_help_that_names_the_actions() -> None:
    assert "Rebind by action name (? shows each one beside its keys)" in TEMPLATE
