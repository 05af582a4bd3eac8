"""Names for simulated people: ordinary usernames, nicknames, bots, and the awkward ones.

The awkward names are the point: a UI that shows remote text must survive markup look-alikes,
right-to-left scripts, wide CJK characters, zero-width joiners and astral-plane letters.
"""

from __future__ import annotations

import random

AWKWARD_USERNAMES: tuple[str, ...] = (
    "[bold]admin[/bold]",
    "[@click=app.quit]pwn",
    "田中太郎",
    "さくら🌸",
    "小明",
    "김민준",
    "Дмитрий",
    "Алёна_К",
    "محمد",
    "سارة",
    "נועה",
    "יוסי_כהן",
    "अर्जुन",
    "Zoë",
    "José María",
    "Søren",
    "Łukasz",
    "Nguyễn Văn An",
    "Ελένη",
    "👩‍💻 devgirl",
    "🦊",
    "ma\u200drk",
    "Ｆｕｌｌｗｉｄｔｈ",
    "ᴛɪɴʏ ᴄᴀᴘꜱ",
    "𝓯𝓪𝓷𝓬𝔂",
    "q",
    "thisusernameisexactly32charslong",
)
"""Usernames that break naive rendering; the first two look like Textual/Rich markup and
``ma\\u200drk`` hides a zero-width joiner."""

FIRST_NAMES: tuple[str, ...] = (
    "alex", "sam", "jordan", "taylor", "casey", "riley", "morgan", "jamie", "kai", "noah",
    "emma", "liam", "olivia", "mia", "lucas", "ava", "leo", "chloe", "max", "ella", "finn",
    "aria", "theo", "luna", "hugo", "ines", "mateo", "sofia", "yuki", "hana", "ravi", "priya",
    "omar", "leila", "ivan", "olga", "chen", "mei", "kofi", "amara", "lars", "freya",
)  # fmt: skip

WORDS_A: tuple[str, ...] = (
    "shadow", "pixel", "lunar", "cozy", "void", "neon", "frost", "mango", "tofu", "byte",
    "quiet", "cosmic", "salty", "sleepy", "turbo", "crispy", "velvet", "atomic", "mellow",
    "rusty", "lazy", "glitch", "static", "paper", "honey", "midnight", "sunny", "tiny",
)  # fmt: skip

WORDS_B: tuple[str, ...] = (
    "wolf", "fox", "cat", "ninja", "wizard", "panda", "dragon", "otter", "bean", "goose",
    "moth", "raven", "toast", "noodle", "comet", "gremlin", "badger", "lynx", "koi", "yeti",
    "pancake", "cactus", "bard", "knight", "sprout", "pebble", "owl", "crab",
)  # fmt: skip

NICKS: tuple[str, ...] = (
    "🌙 {first}",
    "{First} (she/her)",
    "{First} (he/him)",
    "{First} | away",
    "Captain {Word}",
    "{first}.exe",
    "not {first}",
    "{First} 🎮",
    "ねこ",
    "Дима",
    "المدير",
    "מנהל",
    "[i]{first}[/i]",
    "{First} ✨",
    "sir {word}",
    "{FIRST}",
)
"""Nickname patterns; ``{first}``/``{word}`` are filled from the username's parts."""

BOTS: tuple[tuple[str, str], ...] = (
    ("architus", "2018-05-18"),
    ("Dyno", "2016-09-12"),
    ("Carl-bot", "2017-05-27"),
    ("Tatsu", "2016-06-02"),
    ("YAGPDB.xyz", "2016-10-30"),
    ("GitHub", "2018-11-05"),
    ("FredBoat♪♪", "2016-09-20"),
)
"""Bot accounts and the day each was made; ``architus`` is the bot this project imitates."""


def ordinary_username(rng: random.Random) -> str:
    """One plausible everyday username."""
    first = rng.choice(FIRST_NAMES)
    word_a = rng.choice(WORDS_A)
    word_b = rng.choice(WORDS_B)
    style = rng.randrange(9)
    if style == 0:
        return f"{word_a}{word_b}"
    if style == 1:
        return f"{word_a}_{word_b}"
    if style == 2:
        return f"{word_b}{rng.randrange(1, 1000)}"
    if style == 3:
        return f"xX{word_a.title()}{word_b.title()}Xx"
    if style == 4:
        return f"{first}.{word_b}"
    if style == 5:
        return f"{first}{rng.randrange(1990, 2012)}"
    if style == 6:
        return f"{first.title()}{word_b.title()}"
    if style == 7:
        return f"the{word_a}{word_b}"
    return f"{first}_{word_a}"


def nickname(rng: random.Random, username: str) -> str:
    """A nickname some member might pick, loosely based on ``username``."""
    first = "".join(ch for ch in username.split(".")[0].split("_")[0] if ch.isalpha())[:12]
    first = first or rng.choice(FIRST_NAMES)
    word = rng.choice(WORDS_B)
    pattern = rng.choice(NICKS)
    return pattern.format(
        first=first.lower(),
        First=first.title(),
        FIRST=first.upper(),
        word=word,
        Word=word.title(),
    )


def discriminator(rng: random.Random, bot: bool) -> str:
    """``"0"`` for a migrated (unique) username, else a legacy four-digit tag; bots keep theirs."""
    if not bot and rng.random() < 0.6:
        return "0"
    return f"{rng.randrange(1, 10000):04d}"


def avatar_hash(rng: random.Random) -> str | None:
    """A Discord-style avatar hash (``a_`` for animated), or None for the default avatar."""
    roll = rng.random()
    if roll < 0.15:
        return None
    prefix = "a_" if roll > 0.93 else ""
    return f"{prefix}{rng.getrandbits(128):032x}"
