"""The stand-in's simulated guilds: deterministic, realistic, and in PROTOCOL.md's pool shape."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import pytest

from archit_tui.gateway.standin.guilds import POOL_KINDS, SimGuild, build_guilds
from archit_tui.protocol.models import MalformedEvent
from archit_tui.protocol.parse import parse_entity
from archit_tui.protocol.snowflake import snowflake_to_datetime, snowflake_to_unix_ms

SEED = 20240601
WIRE_KEYS = {
    "member": {"id", "name", "nick", "avatar", "discriminator", "roles", "color", "joined_at"},
    "user": {"id", "username", "avatar", "discriminator"},
    "channel": {"id", "name"},
    "role": {"id", "name", "color", "position", "hoist", "managed", "mentionable"},
    "customEmoji": {"id", "name", "url"},
    "guild": {"id", "name", "icon", "member_count"},
}
HEX_COLOR = re.compile(r"#[0-9a-f]{6}")


@pytest.fixture(scope="module")
def guilds() -> tuple[SimGuild, ...]:
    return build_guilds(SEED)


def all_ids(guild: SimGuild) -> list[int]:
    return [
        guild.id,
        *(m.id for m in guild.members),
        *(r.id for r in guild.roles if r.id != guild.id),
        *(c.id for c in guild.channels),
        *(e.id for e in guild.emoji),
    ]


def test_the_same_seed_makes_the_same_guilds(guilds: tuple[SimGuild, ...]) -> None:
    again = build_guilds(SEED)
    assert again == guilds
    for first, second in zip(guilds, again, strict=True):
        for kind in POOL_KINDS:
            assert first.pool(kind) == second.pool(kind)


def test_another_seed_makes_other_guilds(guilds: tuple[SimGuild, ...]) -> None:
    other = build_guilds(SEED + 1)
    assert [g.id for g in other] != [g.id for g in guilds]


def test_a_guild_does_not_depend_on_how_many_are_built(guilds: tuple[SimGuild, ...]) -> None:
    assert build_guilds(SEED, 1)[0] == guilds[0]
    more = build_guilds(SEED, 8)
    assert more[:3] == guilds
    assert len({g.name for g in more}) == 8
    assert len({g.id for g in more}) == 8


def test_count_must_be_positive() -> None:
    with pytest.raises(ValueError):
        build_guilds(SEED, 0)


def test_three_flavours_of_guild(guilds: tuple[SimGuild, ...]) -> None:
    big, dev, friends = guilds
    assert len(big.humans) == 400
    assert len(dev.humans) == 120
    assert len(friends.humans) == 25
    assert len({g.name for g in guilds}) == 3
    assert len(big.channels) > len(friends.channels)


def test_ids_are_realistic_snowflakes(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        assert guild.id >= 10_000_000
        assert 2016 <= snowflake_to_datetime(guild.id).year <= 2024
        ids = all_ids(guild)
        assert len(ids) == len(set(ids)), "ids repeat within a guild"
        for entity_id in ids:
            assert 17 <= len(str(entity_id)) <= 19
            assert 2015 <= snowflake_to_datetime(entity_id).year <= 2024


def test_the_same_person_has_the_same_id_everywhere(guilds: tuple[SimGuild, ...]) -> None:
    by_name: dict[str, set[int]] = {}
    for guild in guilds:
        for member in guild.members:
            by_name.setdefault(member.name, set()).add(member.id)
    assert all(len(ids) == 1 for ids in by_name.values())
    architus = {m.id for g in guilds for m in g.members if m.name == "architus"}
    assert len(architus) == 1


@pytest.mark.parametrize("kind", POOL_KINDS)
def test_every_pool_entity_parses_in_wire_shape(guilds: tuple[SimGuild, ...], kind: str) -> None:
    for guild in guilds:
        pool = guild.pool(kind)
        assert pool
        for entity in pool:
            assert set(entity) == WIRE_KEYS[kind]
            assert isinstance(entity["id"], str) and entity["id"].isdigit()
            parsed = parse_entity(kind, entity)  # type: ignore[arg-type]
            assert not isinstance(parsed, MalformedEvent), parsed
            assert parsed.id == int(entity["id"])
            if kind == "member":
                assert all(isinstance(role, str) and role.isdigit() for role in entity["roles"])


def test_user_pool_mirrors_members(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        members = {m["id"]: m for m in guild.pool("member")}
        for user in guild.pool("user"):
            member = members[user["id"]]
            assert user["username"] == member["name"]
            assert user["discriminator"] == member["discriminator"]
            assert user["avatar"] == member["avatar"]


def test_entity_looks_up_by_id(guilds: tuple[SimGuild, ...]) -> None:
    guild = guilds[1]
    for kind in POOL_KINDS:
        for entity in guild.pool(kind)[:5]:
            assert guild.entity(kind, int(entity["id"])) == entity
        assert guild.entity(kind, 1234) is None
    assert guild.entity("guild", guild.id) == guild.summary()
    assert guild.entity("member", guilds[0].id) is None
    with pytest.raises(ValueError):
        guild.pool("webhook")


def test_pools_are_fresh_copies(guilds: tuple[SimGuild, ...]) -> None:
    guild = guilds[2]
    first = guild.pool("member")
    first[0]["name"] = "changed"
    first[0]["roles"].append("1")
    assert guild.pool("member")[0]["name"] != "changed"
    assert "1" not in guild.pool("member")[0]["roles"]


def test_summary_is_the_guild_entity(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        summary = guild.summary()
        assert summary == {
            "id": str(guild.id),
            "name": guild.name,
            "icon": guild.icon,
            "member_count": len(guild.members),
        }
    assert guilds[0].icon is not None and guilds[2].icon is None


def test_names_a_ui_must_survive(guilds: tuple[SimGuild, ...]) -> None:
    big_names = {m.name for m in guilds[0].members}
    assert {"[bold]admin[/bold]", "[@click=app.quit]pwn"} <= big_names
    text = "".join(big_names)
    for script in ("CJK", "CYRILLIC", "ARABIC", "HEBREW", "HANGUL", "DEVANAGARI"):
        assert any(script in unicodedata.name(ch, "") for ch in text), script
    assert "\u200d" in text
    assert any(unicodedata.category(ch) == "So" for ch in text), "no emoji in names"
    for guild in guilds:
        names = [m.name for m in guild.members] + [m.nick or "" for m in guild.members]
        assert any(name.startswith("[") for name in names), guild.name
        assert any(unicodedata.bidirectional(ch) in ("R", "AL") for n in names for ch in n)
        for name in names:
            assert not any(unicodedata.category(ch) == "Cc" for ch in name)


def test_bots_include_architus_in_every_guild(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        bots = guild.bots
        assert "architus" in {b.name for b in bots}
        assert all(b.bot and b.nick is None for b in bots)
        managed = {r.name for r in guild.roles if r.managed}
        assert {b.name for b in bots} <= managed


def test_roles_are_coloured_and_ordered(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        everyone = guild.roles[-1]
        assert (everyone.id, everyone.name, everyone.position) == (guild.id, "@everyone", 0)
        positions = [r.position for r in guild.roles]
        assert positions == sorted(positions, reverse=True)
        assert len(set(positions)) == len(positions)
        assert all(HEX_COLOR.fullmatch(r.color) for r in guild.roles)
        assert len({r.color for r in guild.roles}) > 3
        role_ids = {r.id for r in guild.roles}
        colors = {r.id: r.color for r in guild.roles}
        for member in guild.members:
            assert set(member.roles) <= role_ids and guild.id not in member.roles
            assert member.color in {colors[r] for r in member.roles} | {"#000000"}


def test_moderators_and_admins(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        admins, moderators = guild.admins, guild.moderators
        assert guild.owner_id in {m.id for m in admins}
        assert set(admins) <= set(moderators)
        assert len(moderators) >= 2
        assert not any(m.bot for m in moderators)


def test_channels_and_emoji(guilds: tuple[SimGuild, ...]) -> None:
    for guild in guilds:
        text = {c.name for c in guild.text_channels}
        assert {"general", "announcements", "off-topic"} <= text
        assert guild.voice_channels
        for emoji in guild.emoji:
            assert emoji.url == f"https://cdn.discordapp.com/emojis/{emoji.id}.png"
            assert re.fullmatch(r"\w+", emoji.name)


def test_people_join_after_the_guild_and_their_account_exist(
    guilds: tuple[SimGuild, ...],
) -> None:
    for guild in guilds:
        founded = snowflake_to_unix_ms(guild.id)
        for member in guild.members:
            joined = datetime.fromisoformat(member.joined_at)
            joined_ms = int(joined.timestamp() * 1000)
            assert joined.utcoffset() is not None
            assert joined_ms >= founded
            assert joined_ms >= snowflake_to_unix_ms(member.id)
            assert joined.year <= 2024
        owner = next(m for m in guild.members if m.id == guild.owner_id)
        assert owner is guild.members[0]
