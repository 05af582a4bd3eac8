"""The emoji the mock bot reacts with, and how it compares the ones users react with.

Discord writes emoji as ``:name:`` shortcodes; the bot turns the common ones into the unicode
characters Discord would send, and keeps any other shortcode as written.
"""

from __future__ import annotations

import re

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

NUMBER_EMOJI: tuple[str, ...] = (
    "1️⃣",
    "2️⃣",
    "3️⃣",
    "4️⃣",
    "5️⃣",
    "6️⃣",
    "7️⃣",
    "8️⃣",
    "9️⃣",
    "🔟",
)
"""The poll reactions, one per option, in order."""

YES, NO, MAYBE = "✅", "❌", "🤷"
"""The answers to a scheduled event."""

WHOIS = "💬"
"""Reacting with this to an auto-response reply asks where it came from."""

_SHORTCODE = re.compile(r":([A-Za-z0-9_+\-]+):")
_VARIATION_SELECTOR = "\ufe0f"


def is_shortcode(text: str) -> bool:
    """Whether ``text`` is one ``:name:`` shortcode."""
    return _SHORTCODE.fullmatch(text) is not None


def emoji_from_shortcode(text: str) -> str:
    """``:wave:`` -> ``👋``; an unknown shortcode, or anything else, is returned unchanged."""
    match = _SHORTCODE.fullmatch(text)
    if match is None:
        return text
    return SHORTCODES.get(match.group(1).lower(), text)


def emoji_key(text: str) -> str:
    """A form of a reaction for comparing: shortcodes resolved, variation selectors dropped.

    Clients differ on whether they send ``1️⃣`` with or without U+FE0F; both are the same vote.
    """
    return emoji_from_shortcode(text.strip()).replace(_VARIATION_SELECTOR, "")
