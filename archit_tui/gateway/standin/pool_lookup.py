"""Answering pool requests from the simulated guilds."""

from __future__ import annotations

from collections.abc import Mapping

from archit_tui.protocol.json_values import JSON
from archit_tui.protocol.requests import PoolRequest

from .entities import SimGuild


def look_up(
    guilds: Mapping[int, SimGuild], request: PoolRequest
) -> tuple[list[dict[str, JSON]] | None, list[int]]:
    """Entities answering ``request`` (None for an unknown guild) and the unknown ids."""
    if request.kind == "guild":
        everything = [guild.summary() for guild in guilds.values()]
        if request.ids is None:
            return everything, []
        known = {int(item["id"]): item for item in everything}
        return [known[i] for i in request.ids if i in known], [
            i for i in request.ids if i not in known
        ]
    guild = guilds.get(request.guild_id) if request.guild_id is not None else None
    if guild is None:
        return None, []
    if request.ids is None:
        return guild.pool(request.kind), []
    found, missing = [], []
    for entity_id in request.ids:
        entity = guild.entity(request.kind, entity_id)
        if entity is None:
            missing.append(entity_id)
        else:
            found.append(entity)
    return found, missing
