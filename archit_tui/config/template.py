"""The commented config file that ``archit-tui config init`` writes."""

from __future__ import annotations

from .keys import KEYS, Key

_HEADER = """\
# archit-tui configuration (TOML).
#
# Every setting is commented out and shows its default or an example: to set one, delete
# the "# " in front of it. Environment variables beat this file and command-line flags beat
# both. `archit-tui config path` prints where this file is read from.
#
# Keep this file private (chmod 600) if you put the token in it: archit-tui refuses a file
# with a token that other users can read. A separate token file (token_file) is better still.
"""


def _entry(key: Key) -> str:
    overrides = ([f"${key.env}"] if key.env else []) + ([key.flag] if key.flag else [])
    lines = [f"# {key.help}"]
    if overrides:
        lines.append(f"# (overridden by {' and '.join(overrides)})")
    else:
        lines.append("# (only in this file)")
    lines.append(f"# {key.name} = {key.example}")
    return "\n".join(lines)


TEMPLATE: str = _HEADER + "".join(f"\n{_entry(key)}\n" for key in KEYS)
"""The template: every key, commented out, with a one-line explanation each."""
