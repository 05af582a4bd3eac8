"""Key bindings the user chose: a preset (``key_preset``) and changes by action name (``keys``).

Every rebindable binding has an id, its action's name (``next_moderation``, ``toggle_mark``,
``switch_guild``...); Textual's keymap moves it to other keys. ``?`` lists every key in force
with the action name to rebind it by, and ``F1`` shows the keys beside the focused pane.

A change is refused, with a warning in plain words, when it names no action, gives a key name
Textual does not know, takes one of the `RESERVED` keys, or takes a key another action (or
Textual itself) already has on the main screen: the action then keeps the keys it had.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable

from textual._keyboard_protocol import FUNCTIONAL_KEYS
from textual.binding import Binding
from textual.keys import Keys, _character_to_key, format_key, key_to_character

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

RESERVED: dict[str, str] = {
    "slash": "opens the filter",
    "escape": "leaves the filter",
    "question_mark": "opens the help",
    "f1": "shows the keys",
    "ctrl+p": "opens the command palette",
    "ctrl+c": "quits",
}
"""The keys a user needs to get help, filter and quit: no other action may take them, and the
action that has them keeps them even when rebound (``focus_filter = "f"`` means ``f`` and ``/``)."""

PALETTE_KEY = "ctrl+p"
"""Textual's command palette (not a binding of any class)."""

MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
"""In the order Textual names them (``ctrl+shift+up``)."""

NAMED_KEYS: frozenset[str] = frozenset(
    name
    for name in (
        *(key.value.rpartition("+")[2] for key in Keys if key.value[:1].isalpha()),
        *FUNCTIONAL_KEYS.values(),
        *(_character_to_key(character) for character in string.punctuation),
    )
    if len(name) > 1 and name != "ctrl-at"
)
"""Names of keys that are not one letter or digit: ``f5``, ``pageup``, ``question_mark``..."""

KEY_EXAMPLES = '"n", "N", "ctrl+n", "f5", "pageup", "space", "slash" or "?"'


def key_name(text: str) -> str | None:
    """Textual's name for a key as written in the config (``?`` -> ``question_mark``, ``Ctrl+N``
    -> ``ctrl+n``... a letter keeps its case: ``N`` is shift+n), or None if it names no key."""
    if len(text) == 1:
        return _character_to_key(text) if text.isprintable() and not text.isspace() else None
    *words, base = text.split("+")
    modifiers = [word.lower() for word in words]
    if len(set(modifiers)) < len(modifiers) or not set(modifiers) <= set(MODIFIERS):
        return None
    if len(base) == 1:
        if not base.isprintable() or base.isspace():
            return None
        base = _character_to_key(base.lower() if modifiers else base)
    else:
        base = base.lower()
        if base not in NAMED_KEYS and not _names_a_character(base):
            return None
    return "+".join([*sorted(modifiers, key=MODIFIERS.index), base])


def _names_a_character(name: str) -> bool:
    """True for the name Textual gives a character beyond ASCII (``pound_sign``)."""
    character = key_to_character(name)
    return character is not None and _character_to_key(character) == name


def class_bindings(classes: Iterable[type]) -> list[Binding]:
    """Every binding of the classes (an app, a screen, widgets), inherited ones included, as
    Textual merges them: one key a line."""
    return [
        binding
        for cls in classes
        for bindings in cls._merge_bindings().key_to_bindings.values()  # type: ignore[attr-defined]
        for binding in bindings
    ]


def keymap(
    preset: str, changes: Iterable[tuple[str, str]], bindings: Iterable[Binding]
) -> tuple[dict[str, str], list[str]]:
    """The keymap to install, and a warning for each change refused.

    ``bindings`` are all the bindings live together on the main screen, one key each (see
    `class_bindings`): the app's, the screen's and the table's. A key may belong to one action
    only; of two changes wanting a key, the later one is refused.
    """
    defaults: dict[str, list[str]] = {}
    fixed: dict[str, str] = {PALETTE_KEY: "Command palette"}
    for binding in bindings:
        if binding.id:
            defaults.setdefault(binding.id, []).append(binding.key)
        else:
            fixed.setdefault(binding.key, binding.description or binding.action)
    owners = {key: name for name, keys in defaults.items() for key in keys if key in RESERVED}
    start = dict(defaults)
    for name, text in PRESETS.get(preset, {}).items():
        start[name] = _parse(text)[0]
    wanted: dict[str, list[str]] = {}
    warnings: list[str] = []

    def refuse(name: str, why: str) -> None:
        keeps = ", ".join(format_key(key) for key in start[name])
        warnings.append(f"The config's keys table gives {name} {why}; {name} keeps {keeps}.")

    for name, text in changes:
        if name not in defaults:
            warnings.append(
                f"The config's keys table names {name!r}, which is no action; "
                f"the actions are: {', '.join(sorted(defaults))}"
            )
            continue
        keys, bad = _parse(text)
        taken = [key for key in keys if key in RESERVED and owners.get(key) != name]
        if bad:
            refuse(name, f"{bad!r}, which is no key name (keys are like {KEY_EXAMPLES})")
        elif taken:
            refuse(name, f"{format_key(taken[0])!r}, which always {RESERVED[taken[0]]}")
        elif held := [key for key in keys if key in fixed]:
            refuse(name, f"{format_key(held[0])!r}, which already does {fixed[held[0]]!r}")
        else:
            wanted[name] = keys
    _refuse_clashes(start, wanted, refuse)
    chosen = {name: list(start[name]) for name in PRESETS.get(preset, {})}
    chosen.update(wanted)
    for key, owner in owners.items():
        if owner in chosen and key not in chosen[owner]:
            chosen[owner].append(key)
    return {name: ",".join(keys) for name, keys in chosen.items()}, warnings


def _parse(text: str) -> tuple[list[str], str | None]:
    """Textual's names for comma-separated keys (without repeats), and the first that is none."""
    names: list[str] = []
    for part in text.split(","):
        name = key_name(part.strip())
        if name is None:
            return names, part.strip()
        if name not in names:
            names.append(name)
    return names, None


def _refuse_clashes(
    start: dict[str, list[str]],
    wanted: dict[str, list[str]],
    refuse: Callable[[str, str], None],
) -> None:
    """Drop from ``wanted`` the changes that give a key two actions, the later change first,
    until no change shares a key."""
    order = list(wanted)
    while True:
        holders: dict[str, list[str]] = {}
        for name, keys in {**start, **wanted}.items():
            for key in keys:
                holders.setdefault(key, []).append(name)
        clash = next(
            (
                (key, names)
                for key, names in holders.items()
                if len(names) > 1 and any(name in wanted for name in names)
            ),
            None,
        )
        if clash is None:
            return
        key, names = clash
        loser = max((name for name in names if name in wanted), key=order.index)
        other = next(name for name in names if name != loser)
        refuse(loser, f"{format_key(key)!r}, which {other} has")
        del wanted[loser]
