"""Every config key, flag and variable that a message or help text names exists.

A message that says "set `guild` in the config file" sends the user to a key that is not
read; this reads every text in the package (docstrings and comments left out) and checks the
names it gives against the real keys, options and variables.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections.abc import Iterator
from pathlib import Path

import archit_tui
from archit_tui.cli import build_parser
from archit_tui.config.keys import KEY_NAMES
from archit_tui.config.load import KNOWN_ENV

PACKAGE = Path(archit_tui.__file__).parent

NOT_KEYS = frozenset({"path", "init", "ps"})
"""Back-quoted words that are commands, not keys: `archit-tui config path`/`init`, `ps`."""

KEY_IN_CONFIG = re.compile(r"`([a-z][a-z_]*)`")
FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
VARIABLE = re.compile(r"\$?\b(ARCHIT_TUI_[A-Z_]+)\b")


def texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every string in the package that is not a docstring."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        standalone = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in standalone:
                    yield f"{path.relative_to(PACKAGE)}:{node.lineno}", node.value


def all_flags(parser: argparse.ArgumentParser) -> set[str]:
    """Every option of the command line, its subcommands' included."""
    flags: set[str] = set()
    for action in parser._actions:
        flags.update(option for option in action.option_strings if option.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                flags |= all_flags(subparser)
    return flags


def test_messages_name_only_real_config_keys() -> None:
    wrong = [
        (where, name)
        for where, text in texts()
        if "config" in text
        for name in KEY_IN_CONFIG.findall(text)
        if name not in KEY_NAMES and name not in NOT_KEYS
    ]
    assert wrong == []


def test_messages_name_only_real_options_and_variables() -> None:
    flags = all_flags(build_parser())
    wrong_flags = [(w, f) for w, text in texts() for f in FLAG.findall(text) if f not in flags]
    known = set(KNOWN_ENV)
    wrong_variables = [
        (w, name) for w, text in texts() for name in VARIABLE.findall(text) if name not in known
    ]
    assert wrong_flags == [] and wrong_variables == []
