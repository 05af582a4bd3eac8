"""Key bindings the user chose: a preset (``key_preset``) and changes by action name (``keys``).

Every rebindable binding has an id, its action's name (``next_moderation``, ``toggle_mark``,
``switch_guild``...); Textual's keymap moves it to other keys. ``F1`` shows the keys in force
beside the focused pane, and ``?`` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding

VIM_PRESET: dict[str, str] = {
    "first": "home,g",
    "follow": "end,G",
    "page_down": "pagedown,ctrl+f,ctrl+d",
    "page_up": "pageup,ctrl+b,ctrl+u",
    "switch_guild": "ctrl+g",
    "focus_filter": "slash",
    "next_moderation": "n",
    "previous_moderation": "N",
}
"""vim's habits: ``g``/``G`` for the ends, ``Ctrl+F``/``Ctrl+B`` for pages, ``/`` to filter
(``j``/``k``/``h``/``l`` move in every preset); the guild switch moves to ``Ctrl+G``."""

PRESETS: dict[str, dict[str, str]] = {"default": {}, "vim": VIM_PRESET}


def binding_ids(binding_lists: Iterable[Iterable[Binding]]) -> set[str]:
    """The ids that can be rebound, from the classes' ``BINDINGS``."""
    return {
        binding.id
        for bindings in binding_lists
        for binding in bindings
        if isinstance(binding, Binding) and binding.id
    }


def keymap(
    preset: str, changes: Iterable[tuple[str, str]], known: set[str]
) -> tuple[dict[str, str], list[str]]:
    """The keymap to install, and a warning for each change naming no action."""
    chosen = dict(PRESETS.get(preset, {}))
    warnings = []
    for name, keys in changes:
        if name in known:
            chosen[name] = keys
        else:
            warnings.append(
                f"The config's keys table names {name!r}, which is no action; "
                f"the actions are: {', '.join(sorted(known))}"
            )
    return chosen, warnings
