"""Odd but valid log actions: payloads a client must show as they are, without tripping.

Each sample changes some fields of a real log action and keeps it valid, so it parses to a
`LogPoolEvent` (never a `MalformedEvent`). Chaos mode sends them in turn. They test what a
terminal app finds hard: markup and escape sequences that must stay literal text, invisible
and right-to-left characters, very long text, numbers too large or not whole where they are
rarely so.
"""

from __future__ import annotations

from dataclasses import dataclass

from archit_tui.protocol.json_values import JSON

MEGABYTE = 1 << 20

_SENTENCE = "All work and no play makes Jack a dull boy. "


def _megabyte_of_text() -> str:
    """About a megabyte of words, with a line break now and then."""
    line = _SENTENCE * 40 + "\n"
    return (line * (MEGABYTE // len(line) + 1))[:MEGABYTE]


def _nested(depth: int) -> JSON:
    value: JSON = {"id": str(2**64 + depth)}
    for level in range(depth):
        value = {"level": level, "inner": value}
    return value


@dataclass(frozen=True, slots=True)
class OddSample:
    """Fields to replace in a log action, and what is odd about the result."""

    changes: dict[str, JSON]
    what: str


ODD_SAMPLES: tuple[OddSample, ...] = (
    OddSample(
        {"content": "[bold red]x[/] [@click=app.quit]quit[/] [link=x]l[/link] [/]"}, "markup"
    ),
    OddSample(
        {"content": "\x1b[31mred\x1b[0m \x1b[2J\x1b[Hcleared \x1b]0;title\x07 \x1b[5mblink"},
        "ANSI escape sequences",
    ),
    OddSample(
        {"content": "nul\x00 bell\x07 bs\x08 cr\r tab\t vt\x0b ff\x0c del\x7f csi\x9b end"},
        "control characters",
    ),
    OddSample(
        {"content": "zero\u200bwidth\u200c\u200djoiners\ufeff and\u2060a word joiner"},
        "zero-width characters",
    ),
    OddSample(
        {"content": "\u202eright-to-left override\u202c, \u2067isolate\u2069, עברית, العربية"},
        "right-to-left text",
    ),
    OddSample(
        {"content": "family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 coder 🧑🏽‍💻 eye 👁️‍🗨️ un 🇺🇳 keycap 1️⃣"},
        "emoji ZWJ sequences",
    ),
    OddSample({"content": _megabyte_of_text()}, "a megabyte of content"),
    OddSample(
        {
            "content": "<@99999999999999999999> <#1> <@&18446744073709551615> <:x:0> <a:y:-1>",
            "old_data": {
                "before": {"id": 2**70, "roles": [str(2**80), 2**65]},
                "after": {"id": str(2**64), "nested": [[[2**100]]]},
            },
        },
        "ids beyond 2^64 in nested fields and mentions",
    ),
    OddSample({"action_number": 99999}, "unknown action number"),
    OddSample(
        {
            "old_data": {
                "before": {"position": 2.0, "color": 1.671168e7, "permissions": 8.5},
                "after": {"position": 3.5, "member_count": 1e21, "max_age": -0.0},
            }
        },
        "floats where integers belong in data",
    ),
    OddSample({"old_data": _nested(64)}, "data nested 64 levels deep"),
    OddSample({"content": "", "reason": " \n\t "}, "empty content, blank reason"),
)
"""Each, applied to a valid log action with `odd_action`, gives a valid log action."""


def odd_action(action: dict[str, JSON], occurrence: int) -> dict[str, JSON]:
    """``action`` with the changes of sample number ``occurrence`` (taken in turn)."""
    sample = ODD_SAMPLES[occurrence % len(ODD_SAMPLES)]
    return {**action, **sample.changes}
