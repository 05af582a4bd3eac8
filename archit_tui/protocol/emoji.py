"""Emoji in the mock chat: ``:shortcode:`` names, the common reactions, and comparing them.

Discord writes emoji as ``:name:`` shortcodes; the chat shows the common ones as the unicode
characters Discord would show, and keeps any other shortcode as written. The table agrees
with the stand-in mock bot's (a test holds them together).
"""

from __future__ import annotations

import re

from .emoji_chars import is_emoji
from .text import one_line

SHORTCODES: dict[str, str] = {
    "thumbsup": "👍",
    "+1": "👍",
    "thumbsdown": "👎",
    "-1": "👎",
    "wave": "👋",
    "heart": "❤️",
    "fire": "🔥",
    "tada": "🎉",
    "eyes": "👀",
    "smile": "😄",
    "slight_smile": "🙂",
    "grinning": "😀",
    "joy": "😂",
    "laughing": "😆",
    "wink": "😉",
    "sunglasses": "😎",
    "heart_eyes": "😍",
    "thinking": "🤔",
    "cry": "😢",
    "sob": "😭",
    "rage": "😡",
    "skull": "💀",
    "ok_hand": "👌",
    "clap": "👏",
    "pray": "🙏",
    "muscle": "💪",
    "100": "💯",
    "rocket": "🚀",
    "star": "⭐",
    "sparkles": "✨",
    "warning": "⚠️",
    "question": "❓",
    "white_check_mark": "✅",
    "x": "❌",
    "shrug": "🤷",
    "speech_balloon": "💬",
    "one": "1️⃣",
    "two": "2️⃣",
    "three": "3️⃣",
    "four": "4️⃣",
    "five": "5️⃣",
    "six": "6️⃣",
    "seven": "7️⃣",
    "eight": "8️⃣",
    "nine": "9️⃣",
    "keycap_ten": "🔟",
}
"""Shortcode name (without colons) to unicode, for a small common set."""

NUMBER_EMOJI: tuple[str, ...] = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")
"""The poll reactions, one per option, in order."""

YES, NO, MAYBE = "✅", "❌", "🤷"
"""The answers to a scheduled event."""

WHOIS = "💬"
"""Reacting with this to an auto-response reply asks the bot where it came from."""

COMMON_REACTIONS: tuple[str, ...] = (
    "👍",
    "👎",
    "❤️",
    "😂",
    "🎉",
    "👀",
    "🔥",
    *NUMBER_EMOJI,
    YES,
    NO,
    MAYBE,
    WHOIS,
)
"""What the reaction picker offers after a message's own reactions."""

_SHORTCODE = re.compile(r":([A-Za-z0-9_+\-]{1,32}):")
_CUSTOM_EMOJI = re.compile(r"<a?:[A-Za-z0-9_]{2,32}:[0-9]{1,20}>")
"""A guild's own emoji as Discord writes it: ``<:name:id>``, ``<a:name:id>`` when animated."""
_VARIATION_SELECTOR = "\ufe0f"
_NAMES: dict[str, str] = {}
for _name, _emoji in SHORTCODES.items():
    _NAMES.setdefault(_emoji.replace(_VARIATION_SELECTOR, ""), _name)


def emoji_from_shortcode(text: str) -> str:
    """``:wave:`` -> ``👋``; an unknown shortcode, or anything else, is returned unchanged."""
    match = _SHORTCODE.fullmatch(text.strip())
    if match is None:
        return text
    return SHORTCODES.get(match.group(1).lower(), text)


def replace_shortcodes(text: str) -> str:
    """``text`` with every known ``:name:`` written as its emoji; unknown ones stay as written."""
    if ":" not in text:
        return text
    return _SHORTCODE.sub(lambda match: SHORTCODES.get(match.group(1).lower(), match[0]), text)


def emoji_key(text: str) -> str:
    """A form of a reaction for comparing: shortcodes resolved, variation selectors dropped.

    Clients differ on whether they send ``1️⃣`` with or without U+FE0F; both are the same emoji.
    """
    return emoji_from_shortcode(text.strip()).replace(_VARIATION_SELECTOR, "")


def shortcode_of(emoji: str) -> str | None:
    """The shortcode name of a common emoji (``👍`` -> ``thumbsup``), None when unknown."""
    return _NAMES.get(emoji_key(emoji))


_WHAT_WOULD_DO = "Type one emoji (👍 🇫🇷 1️⃣), a :shortcode: or <:name:id>."
"""What a typed reaction may be, in a line that fits the reaction dialog."""


class NotAReaction(ValueError):
    """Typed text that Discord would not take as a reaction; the message says what would do."""


def typed_reaction(text: str) -> str:
    """A reaction as typed, ready to send: one emoji (``👍``, ``🇫🇷``, ``👩🏽‍💻``), a known
    ``:shortcode:`` as its emoji, or a custom emoji ``<:name:id>``.

    Raises `NotAReaction` for anything else (``abc``, ``:notanemoji:``, two emoji), in lines
    short enough for a narrow dialog.
    """
    written = text.strip()
    if is_emoji(written) or _CUSTOM_EMOJI.fullmatch(written):
        return written
    shortcode = _SHORTCODE.fullmatch(written)
    if shortcode is not None and shortcode.group(1).lower() in SHORTCODES:
        return SHORTCODES[shortcode.group(1).lower()]
    if not written:
        raise NotAReaction(_WHAT_WOULD_DO)
    shown = one_line(written, 18)  # 36 columns at most, even in wide characters
    if shortcode is not None:
        raise NotAReaction(
            f"“{shown}” is no shortcode the chat knows.\n"
            "Type the emoji itself, or choose one from the list."
        )
    raise NotAReaction(f"“{shown}” is not one emoji.\n{_WHAT_WOULD_DO}")
