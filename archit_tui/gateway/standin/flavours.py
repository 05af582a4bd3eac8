"""What each simulated guild is like: size, age, channels, roles and custom emoji.

Pure data; `archit_tui.gateway.standin.guilds` turns a flavour into a `SimGuild`.
"""

from __future__ import annotations

from dataclasses import dataclass

KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_MESSAGES = 1 << 13
MOVE_MEMBERS = 1 << 24
MANAGE_ROLES = 1 << 28
MODERATION = KICK_MEMBERS | BAN_MEMBERS | MANAGE_MESSAGES | MOVE_MEMBERS | MANAGE_ROLES
"""Discord permission bits; a member whose roles grant any of `MODERATION` is a moderator."""
EVERYDAY = 0x0006_4C40
"""View channels, send messages, read history, add reactions and similar (Discord's default)."""


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role of a flavour and how many members hold it."""

    name: str
    color: str
    hoist: bool = False
    mentionable: bool = False
    permissions: int = EVERYDAY
    share: float = 0.0
    """Fraction of the human members holding it; 1 or more means that many members."""
    managed: bool = False


@dataclass(frozen=True, slots=True)
class Flavour:
    """One kind of guild."""

    name: str
    former_names: tuple[str, ...]
    """What the guild was called before (for GUILD_UPDATE)."""
    members: int
    """Human members; the bots come on top."""
    created: tuple[int, int]
    """Years between which the guild was made."""
    has_icon: bool
    text_channels: tuple[str, ...]
    voice_channels: tuple[str, ...]
    roles: tuple[RoleSpec, ...]
    """Highest first, as Discord lists them; the first one is the owner's."""
    emoji: tuple[str, ...]
    bots: tuple[str, ...]
    """Names from `archit_tui.gateway.standin.names.BOTS`."""


_ADMIN = ADMINISTRATOR | MODERATION | EVERYDAY
_MOD = MODERATION | EVERYDAY

FLAVOURS: tuple[Flavour, ...] = (
    Flavour(
        name="Pixel Plaza 🎮",
        former_names=("Pixel Plaza", "pixel plaza [beta]", "The Plaza"),
        members=400,
        created=(2016, 2018),
        has_icon=True,
        text_channels=(
            "rules",
            "announcements",
            "general",
            "off-topic",
            "memes",
            "🎨-art",
            "gaming",
            "music",
            "日本語",
            "русский",
            "bot-commands",
            "suggestions",
            "introductions",
        ),  # fmt: skip
        voice_channels=("General", "Gaming 🎮", "Music 🎵", "AFK"),
        roles=(
            RoleSpec("Admin", "#e74c3c", hoist=True, permissions=_ADMIN, share=2),
            RoleSpec(
                "Moderator", "#3498db", hoist=True, mentionable=True, permissions=_MOD, share=6
            ),
            RoleSpec("Helper", "#1abc9c", hoist=True, mentionable=True, share=10),
            RoleSpec("[b]VIP[/b]", "#f1c40f", hoist=True, share=0.03),
            RoleSpec("Server Booster", "#f47fff", share=0.04, managed=True),
            RoleSpec("Artist", "#e91e63", mentionable=True, share=0.12),
            RoleSpec("Gamer", "#9b59b6", mentionable=True, share=0.35),
            RoleSpec("日本語話者", "#e67e22", share=0.06),
            RoleSpec("Русский", "#11806a", share=0.05),
            RoleSpec("Level 25", "#206694", share=0.08),
            RoleSpec("Level 10", "#71368a", share=0.25),
            RoleSpec("Muted", "#546e7a", permissions=0, share=0.01),
        ),
        emoji=("pepehands", "kekw", "catjam", "blobheart", "pog", "sadge", "plaza", "gg"),
        bots=("architus", "Dyno", "Carl-bot", "Tatsu", "FredBoat♪♪"),
    ),
    Flavour(
        name="Night Owl Devs",
        former_names=("night-owl-devs", "Night Owl Devs 🦉", "nod"),
        members=120,
        created=(2019, 2021),
        has_icon=True,
        text_channels=(
            "announcements",
            "general",
            "off-topic",
            "help",
            "python",
            "rust",
            "frontend",
            "code-review",
            "ci-alerts",
            "bot-spam",
        ),  # fmt: skip
        voice_channels=("Pairing 1", "Pairing 2", "Standup"),
        roles=(
            RoleSpec("Maintainer", "#e91e63", hoist=True, permissions=_ADMIN, share=2),
            RoleSpec(
                "Core Team", "#2ecc71", hoist=True, mentionable=True, permissions=_MOD, share=4
            ),
            RoleSpec("Reviewer", "#1f8b4c", mentionable=True, share=8),
            RoleSpec("Contributor", "#3498db", share=0.3),
            RoleSpec("Python", "#3776ab", mentionable=True, share=0.4),
            RoleSpec("Rust", "#dea584", mentionable=True, share=0.25),
            RoleSpec("TypeScript", "#3178c6", mentionable=True, share=0.3),
            RoleSpec("needs-help", "#000000", mentionable=True, share=0.1),
        ),
        emoji=("ferris", "python", "lgtm", "shipit", "thisisfine", "architus"),
        bots=("architus", "GitHub", "YAGPDB.xyz"),
    ),
    Flavour(
        name="the group chat 🍕",
        former_names=("the group chat", "pizza gang", "we need a name"),
        members=25,
        created=(2021, 2024),
        has_icon=False,
        text_channels=("general", "announcements", "off-topic", "memes", "plans"),
        voice_channels=("hangout", "movie night 🍿"),
        roles=(
            RoleSpec("the council 👑", "#f1c40f", hoist=True, permissions=_ADMIN, share=1),
            RoleSpec("mods (lol)", "#e67e22", hoist=True, permissions=_MOD, share=2),
            RoleSpec("night owls 🦉", "#9b59b6", mentionable=True, share=0.4),
            RoleSpec("movie club", "#e91e63", mentionable=True, share=0.5),
        ),
        emoji=("pizza_time", "bonk", "yeehaw", "crying_cat"),
        bots=("architus", "FredBoat♪♪"),
    ),
    Flavour(
        name="日本語学習サークル 🇯🇵",
        former_names=("Japanese study circle", "日本語サークル"),
        members=60,
        created=(2018, 2022),
        has_icon=True,
        text_channels=("announcements", "general", "質問", "練習", "off-topic"),
        voice_channels=("会話練習", "もくもく会"),
        roles=(
            RoleSpec("先生", "#c0392b", hoist=True, permissions=_ADMIN, share=1),
            RoleSpec("モデレーター", "#2980b9", hoist=True, permissions=_MOD, share=3),
            RoleSpec("N1", "#8e44ad", share=0.1),
            RoleSpec("N3", "#16a085", share=0.3),
            RoleSpec("初心者", "#95a5a6", share=0.4),
        ),
        emoji=("sugoi", "wakaranai", "ganbatte"),
        bots=("architus", "Tatsu"),
    ),
    Flavour(
        name="Клуб шахматистов ♟",
        former_names=("Chess club", "шахматы"),
        members=40,
        created=(2017, 2020),
        has_icon=False,
        text_channels=("general", "announcements", "партии", "задачи"),
        voice_channels=("Блиц", "Анализ"),
        roles=(
            RoleSpec("Гроссмейстер", "#f39c12", hoist=True, permissions=_ADMIN, share=1),
            RoleSpec("Модератор", "#27ae60", hoist=True, permissions=_MOD, share=2),
            RoleSpec("Игрок", "#7f8c8d", share=0.6),
        ),
        emoji=("checkmate", "blunder"),
        bots=("architus",),
    ),
    Flavour(
        name="مجتمع المطورين العرب",
        former_names=("Arab Devs", "مطورين"),
        members=80,
        created=(2019, 2023),
        has_icon=True,
        text_channels=("general", "announcements", "مساعدة", "مشاريع", "off-topic"),
        voice_channels=("عام", "Pair programming"),
        roles=(
            RoleSpec("مدير", "#e74c3c", hoist=True, permissions=_ADMIN, share=1),
            RoleSpec("مشرف", "#3498db", hoist=True, permissions=_MOD, share=3),
            RoleSpec("مطور", "#2ecc71", share=0.5),
        ),
        emoji=("yalla", "mashallah"),
        bots=("architus", "Carl-bot"),
    ),
)
"""The first three are the default set: busy community, mid-size dev server, small friends."""
