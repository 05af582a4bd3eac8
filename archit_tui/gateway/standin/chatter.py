"""Fills the corpus templates with one guild's real mentions, ahead of time.

Traffic generation picks from the lists made here, so no text is built per action.
"""

from __future__ import annotations

import random
import re

from .corpus import (
    BOT_LINES,
    CHAT,
    CODE,
    LONG_PARAGRAPHS,
    MARKDOWN,
    MARKUP_LOOKALIKES,
    UNICODE_EMOJI,
    WORLD,
)
from .entities import SimGuild

MAX_MESSAGE = 2000
"""Discord's limit, counted as JavaScript does (UTF-16 code units)."""

_TOKEN = re.compile(r"\{(user|role|channel|emoji|name|uni|n)\}")

_KINDS: tuple[tuple[tuple[str, ...], float], ...] = (
    (CHAT, 0.50),
    (MARKDOWN, 0.14),
    (WORLD, 0.14),
    (MARKUP_LOOKALIKES, 0.08),
    (CODE, 0.04),
)
"""Share of each template family; the rest are chat lines with emoji tacked on, or long."""
_LONG_SHARE = 0.02


def utf16_len(text: str) -> int:
    """Length as Discord (JavaScript) counts it: astral characters count twice."""
    return len(text.encode("utf-16-le")) // 2


class Chatter:
    """Message texts for one guild, with ``<@id>``-style mentions of its real entities."""

    def __init__(self, rng: random.Random, guild: SimGuild) -> None:
        self.rng = rng
        self.users = [f"<@{m.id}>" for m in guild.members]
        self.names = [m.nick or m.name for m in guild.members]
        self.roles = [f"<@&{r.id}>" for r in guild.roles if r.id != guild.id]
        self.channels = [f"<#{c.id}>" for c in guild.text_channels] or ["#general"]
        self.emoji = [f"<:{e.name}:{e.id}>" for e in guild.emoji] or list(UNICODE_EMOJI)

    def fill(self, template: str) -> str:
        """``template`` with each placeholder replaced by a random real entity of the guild."""
        return _TOKEN.sub(self._replacement, template)

    def _replacement(self, match: re.Match[str]) -> str:
        rng = self.rng
        token = match.group(1)
        if token == "user":
            return rng.choice(self.users)
        if token == "role":
            return rng.choice(self.roles) if self.roles else "@everyone"
        if token == "channel":
            return rng.choice(self.channels)
        if token == "emoji":
            return rng.choice(self.emoji)
        if token == "name":
            return rng.choice(self.names)
        if token == "uni":
            return rng.choice(UNICODE_EMOJI)
        return str(rng.randrange(2, 100))

    def message_texts(self, count: int) -> list[str]:
        """``count`` member messages in a realistic mix; two are exactly 2000 characters long."""
        rng = self.rng
        texts = []
        for _ in range(count):
            roll = rng.random()
            if roll < _LONG_SHARE:
                texts.append(self.long_message(rng.randrange(1000, MAX_MESSAGE)))
                continue
            roll = (roll - _LONG_SHARE) / (1 - _LONG_SHARE)
            for family, share in _KINDS:
                if roll < share:
                    texts.append(self.fill(rng.choice(family)))
                    break
                roll -= share
            else:
                line = self.fill(rng.choice(CHAT))
                texts.append(f"{line} {rng.choice(UNICODE_EMOJI)}{rng.choice(self.emoji)}")
        if count >= 64:
            for slot in rng.sample(range(count), 2):
                texts[slot] = self.long_message(MAX_MESSAGE, exact=True)
        return texts

    def bot_texts(self, count: int) -> list[str]:
        """``count`` messages as bots write them (level-ups, welcomes, polls...)."""
        return [self.fill(self.rng.choice(BOT_LINES)) for _ in range(count)]

    def long_message(self, target: int, exact: bool = False) -> str:
        """Paragraphs joined to about ``target`` characters; ``exact`` makes it exactly that."""
        rng = self.rng
        # Exact lengths use only BMP text, so characters and UTF-16 units agree.
        pool = [p for p in LONG_PARAGRAPHS if not exact or all(ord(ch) < 0x10000 for ch in p)]
        parts: list[str] = []
        size = 0
        while size < target:
            part = self.fill(rng.choice(pool))
            parts.append(part)
            size += len(part) + 2
        text = "\n\n".join(parts)[:target]
        while utf16_len(text) > target:
            text = text[:-1]
        if not exact:
            return text.rstrip()
        if text[-1].isspace():
            text = text[:-1] + "."
        return text + "." * (target - utf16_len(text))
