"""Keeping the name book filled: the whole guild on spectate, then ids seen in new rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from archit_tui.gateway.errors import GatewayNotConnected, GatewayRequestError, GatewayTimeout
from archit_tui.gateway.state import Phase
from archit_tui.protocol.actions import action_type
from archit_tui.protocol.models import LogPoolEvent
from archit_tui.protocol.names import LookupKind, NameBook

from .connection import Connection

_POOLS: tuple[LookupKind, ...] = ("member", "channel", "role", "customEmoji")
_ASKED_PER_REQUEST = 100


class NamesFetcher:
    """Asks the gateway's pools for the names the rows show."""

    def __init__(self, connection: Connection, names: NameBook, learnt: Callable[[], None]) -> None:
        self.connection = connection
        self.names = names
        self.learnt = learnt
        self.guild_id: int | None = None
        self.complete = False
        """True once every pool of the spectated guild has arrived."""

    def reset(self) -> None:
        """Another guild: forget its names (the guild list stays)."""
        guilds = dict(self.names.guilds)
        self.names.clear()
        self.names.guilds.update(guilds)
        self.guild_id = None
        self.complete = False

    async def fetch_all(self, guild_id: int) -> None:
        """Every member, channel, role and custom emoji of ``guild_id``."""
        self.guild_id = guild_id
        try:
            for kind in _POOLS:
                result = await self.connection.client.request_all(kind, guild_id)
                if self.guild_id != guild_id:
                    return
                self.names.learn(result.entities)
                self.learnt()
        finally:
            if self.guild_id == guild_id:
                self.complete = True  # from here on, ids still unknown are asked one by one

    def note(self, rows: Sequence[LogPoolEvent]) -> None:
        """Remember the ids these rows show, to ask for the names not known yet."""
        want = self.names.want
        for row in rows:
            action = row.action
            if action.agent_id:
                want("member", action.agent_id)
            if action.subject_id and action_type(action.action_number).subject == "member":
                want("member", action.subject_id)
            if action.channel_id:
                want("channel", action.channel_id)

    async def ask_for_wanted(self) -> None:
        """Ask the pools about ids seen in rows whose names are not known yet."""
        guild_id = self.guild_id
        if not self.complete or self.connection.client.state.phase is not Phase.SPECTATING:
            return  # the whole pools are on their way: no need to ask for single ids
        assert guild_id is not None
        for kind in ("member", "channel"):
            ids = self.names.take_wanted(kind, _ASKED_PER_REQUEST)
            if not ids:
                continue
            try:
                result = await self.connection.client.request_pool(kind, guild_id, ids)
            except (GatewayNotConnected, GatewayTimeout, GatewayRequestError):
                self.names.give_back(kind, ids)  # asked again on a later tick
                return
            if self.guild_id == guild_id:
                self.names.learn(result.entities)
                self.names.learn_missing(kind, result.nonexistent)
                self.learnt()
