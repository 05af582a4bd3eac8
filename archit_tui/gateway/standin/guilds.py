"""The stand-in gateway's simulated guilds: members, roles, channels and custom emoji.

`build_guilds` makes the same guilds for the same seed. Ids are realistic 17-19 digit snowflakes
made from creation dates between 2015 and 2024; the same person (and every bot) has the same user
id in each guild they belong to, as on Discord.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from archit_tui.protocol.snowflake import snowflake_from_unix_ms

from .entities import NO_COLOR, POOL_KINDS, SimChannel, SimEmoji, SimGuild, SimMember, SimRole
from .flavours import EVERYDAY, FLAVOURS, MODERATION, Flavour, RoleSpec
from .names import AWKWARD_USERNAMES, BOTS, avatar_hash, discriminator, nickname, ordinary_username

__all__ = [
    "NO_COLOR",
    "POOL_KINDS",
    "SimChannel",
    "SimEmoji",
    "SimGuild",
    "SimMember",
    "SimRole",
    "build_guilds",
]


def _unix_ms(year: int, month: int = 1, day: int = 1) -> int:
    return int(datetime(year, month, day, tzinfo=timezone.utc).timestamp()) * 1000


_DISCORD_LAUNCH_MS = _unix_ms(2015, 5, 13)
_LAST_ACCOUNT_MS = _unix_ms(2024, 6, 1)
_END_MS = _unix_ms(2025, 1, 1)
"""Nothing in the simulated guilds is newer than this."""
_PEOPLE = 640
"""Ordinary people to draw members from; guilds overlap, as real ones do."""


@dataclass(frozen=True, slots=True)
class _Person:
    id: int
    name: str
    discriminator: str
    avatar: str | None
    created_ms: int
    bot: bool


class _Snowflakes:
    """Makes unique snowflakes for given creation times."""

    def __init__(self) -> None:
        self.used: set[int] = set()

    def make(self, rng: random.Random, unix_ms: int) -> int:
        while True:
            snowflake = snowflake_from_unix_ms(unix_ms, rng.getrandbits(22))
            if snowflake not in self.used:
                self.used.add(snowflake)
                return snowflake


def build_guilds(seed: int, count: int = 3) -> tuple[SimGuild, ...]:
    """``count`` simulated guilds, the same for the same ``seed``.

    The first three are a busy community (~400 members), a dev server (~120) and a small friends
    server (~25); more cycle through further flavours. Guild ``i`` does not depend on ``count``.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    snowflakes = _Snowflakes()
    rng = random.Random(f"archit-tui/people/{seed}")
    bots = {name: _person(rng, snowflakes, name, _iso_day_ms(day), True) for name, day in BOTS}
    awkward = [_person(rng, snowflakes, name, None, False) for name in AWKWARD_USERNAMES]
    taken = set(AWKWARD_USERNAMES)
    ordinary: list[_Person] = []
    while len(ordinary) < _PEOPLE:
        name = ordinary_username(rng)
        if name not in taken:
            taken.add(name)
            ordinary.append(_person(rng, snowflakes, name, None, False))
    guilds = []
    for index in range(count):
        flavour = FLAVOURS[index % len(FLAVOURS)]
        cycle = index // len(FLAVOURS)
        name = flavour.name if cycle == 0 else f"{flavour.name} ({cycle + 1})"
        guild_rng = random.Random(f"archit-tui/guild/{seed}/{index}")
        people = _choose_people(guild_rng, flavour, index, awkward, ordinary)
        guild_bots = [bots[bot] for bot in flavour.bots]
        guilds.append(_build_guild(guild_rng, snowflakes, flavour, name, people, guild_bots))
    return tuple(guilds)


def _iso_day_ms(day: str) -> int:
    year, month, date = (int(part) for part in day.split("-"))
    return _unix_ms(year, month, date)


def _person(
    rng: random.Random, snowflakes: _Snowflakes, name: str, created: int | None, bot: bool
) -> _Person:
    created_ms = (
        created if created is not None else rng.randrange(_DISCORD_LAUNCH_MS, _LAST_ACCOUNT_MS)
    )
    return _Person(
        id=snowflakes.make(rng, created_ms),
        name=name,
        discriminator=discriminator(rng, bot),
        avatar=avatar_hash(rng),
        created_ms=created_ms,
        bot=bot,
    )


def _choose_people(
    rng: random.Random,
    flavour: Flavour,
    index: int,
    awkward: list[_Person],
    ordinary: list[_Person],
) -> list[_Person]:
    """The humans of a guild: ordinary people plus some (or, in the first guild, all) awkward."""
    if index == 0:
        strange = list(awkward)
    else:
        # Every guild gets a markup look-alike and a right-to-left name, whatever its size.
        must = [awkward[index % 2], awkward[8 + index % 4]]
        rest = [p for p in awkward if p not in must]
        strange = must + rng.sample(rest, min(len(rest), max(2, flavour.members // 10)))
    return strange + rng.sample(ordinary, flavour.members - len(strange))


def _build_guild(
    rng: random.Random,
    snowflakes: _Snowflakes,
    flavour: Flavour,
    name: str,
    people: list[_Person],
    bots: list[_Person],
) -> SimGuild:
    first, last = flavour.created
    created = rng.randrange(_unix_ms(first), _unix_ms(last, 12, 1))
    guild_id = snowflakes.make(rng, created)

    def later(start: int) -> int:
        return snowflakes.make(rng, rng.randrange(start, _END_MS))

    roles = _build_roles(flavour, guild_id, bots, lambda: later(created))
    founders = [p for p in people if p.created_ms < created]
    owner = rng.choice(founders) if founders else min(people, key=lambda p: p.created_ms)
    holders = _assign_roles(rng, flavour, roles, owner, people)
    members = []
    for person in [*people, *bots]:
        joined = created + 1_000 if person is owner else _join_time(rng, person, created)
        role_ids = holders.get(person.id, [])
        if person.bot:
            role_ids = [r.id for r in roles if r.managed and r.name == person.name]
        nick = nickname(rng, person.name) if not person.bot and rng.random() < 0.3 else None
        members.append(
            SimMember(
                id=person.id,
                name=person.name,
                nick=nick,
                discriminator=person.discriminator,
                roles=tuple(role_ids),
                color=_member_color(roles, role_ids),
                joined_at=_iso(joined),
                bot=person.bot,
                avatar=person.avatar,
            )
        )
    members.sort(key=lambda m: m.joined_at)
    channels = [SimChannel(later(created), c) for c in flavour.text_channels]
    channels += [SimChannel(later(created), c, voice=True) for c in flavour.voice_channels]
    emoji = []
    for emoji_name in flavour.emoji:
        emoji_id = later(created)
        url = f"https://cdn.discordapp.com/emojis/{emoji_id}.png"
        emoji.append(SimEmoji(emoji_id, emoji_name, url))
    return SimGuild(
        id=guild_id,
        name=name,
        icon=f"{rng.getrandbits(128):032x}" if flavour.has_icon else None,
        members=tuple(members),
        roles=tuple(roles),
        channels=tuple(channels),
        emoji=tuple(emoji),
        owner_id=owner.id,
        former_names=flavour.former_names,
    )


def _build_roles(
    flavour: Flavour, guild_id: int, bots: list[_Person], make_id: Callable[[], int]
) -> list[SimRole]:
    """Roles highest first: the top flavour role, the bots' managed roles, the rest, @everyone."""
    bot_roles = [
        RoleSpec(
            bot.name,
            "#43b581" if bot.name == "architus" else NO_COLOR,
            permissions=MODERATION | EVERYDAY,
            managed=True,
        )
        for bot in bots
    ]
    specs = [flavour.roles[0], *bot_roles, *flavour.roles[1:]]
    roles = [
        SimRole(
            id=make_id(),
            name=spec.name,
            color=spec.color,
            position=len(specs) - rank,
            hoist=spec.hoist,
            managed=spec.managed,
            mentionable=spec.mentionable,
            permissions=spec.permissions,
        )
        for rank, spec in enumerate(specs)
    ]
    roles.append(SimRole(guild_id, "@everyone", NO_COLOR, 0, False, False, False, EVERYDAY))
    return roles


def _assign_roles(
    rng: random.Random,
    flavour: Flavour,
    roles: list[SimRole],
    owner: _Person,
    people: list[_Person],
) -> dict[int, list[int]]:
    """Member id -> role ids (highest first). The owner holds the top role."""
    spec_names = {spec.name for spec in flavour.roles}
    by_name = {r.name: r for r in roles if r.name in spec_names}
    others = [p for p in people if p is not owner]
    holders: dict[int, list[int]] = {}
    for index, spec in enumerate(flavour.roles):
        wanted = int(spec.share) if spec.share >= 1 else round(spec.share * len(people))
        chosen = rng.sample(others, min(len(others), max(0, wanted - (index == 0))))
        if index == 0:
            chosen.insert(0, owner)
        for person in chosen:
            holders.setdefault(person.id, []).append(by_name[spec.name].id)
    return holders


def _join_time(rng: random.Random, person: _Person, guild_created: int) -> int:
    return rng.randrange(max(person.created_ms, guild_created) + 60_000, _END_MS)


def _member_color(roles: list[SimRole], role_ids: list[int]) -> str:
    held = set(role_ids)
    for role in roles:  # highest first
        if role.id in held and role.color != NO_COLOR:
            return role.color
    return NO_COLOR


def _iso(unix_ms: int) -> str:
    seconds, millis = divmod(unix_ms, 1000)
    moment = datetime.fromtimestamp(seconds, tz=timezone.utc).replace(microsecond=millis * 1000)
    return moment.isoformat(timespec="microseconds")
