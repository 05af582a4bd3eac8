"""The less frequent log actions: moderation, members, channels, roles, invites, webhooks,
custom emoji and integrations. Mixed into `TrafficGenerator`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from .corpus import REASONS
from .traffic_state import Row, TrafficState, pick
from .traffic_tables import INTEGRATIONS, INVITE_MAX_USES, OVERWRITE_BITS, WEBHOOK_NAMES

_RENAMES = (("old-", ""), ("", "-old"), ("", "-2"), ("temp-", ""), ("🔒", ""), ("", "-archive"))
_COLORS = ("#000000", "#1abc9c", "#2ecc71", "#3498db", "#9b59b6", "#e91e63", "#f1c40f", "#e67e22")


class AdminActions(TrafficState):
    """Builders for everything but chat; the state they read is set up by `TrafficGenerator`."""

    def _admin_builders(self) -> dict[int, Callable[[], Row]]:
        """Action number -> builder, for members, channels, roles, invites, webhooks, emoji."""
        builders: dict[int, Callable[[], Row]] = {
            1: self._guild_update,
            21: self._prune,
            24: self._member_update,
            25: self._member_roles,
            28: self._bot_add,
        }
        groups: tuple[tuple[Callable[[int], Row], tuple[int, ...]], ...] = (
            (self._moderate, (20, 22, 23)),
            (self._voice, (26, 27)),
            (self._channel, (10, 11, 12)),
            (self._overwrite, (13, 14, 15)),
            (self._role, (30, 31, 32)),
            (self._invite, (40, 41, 42)),
            (self._webhook, (50, 51, 52)),
            (self._custom_emoji, (60, 61, 62, 3400, 3401, 3402, 3403)),
            (self._integration, (80, 81, 82)),
        )
        for method, numbers in groups:
            for number in numbers:
                builders[number] = partial(method, number)
        return builders

    # Members -----------------------------------------------------------------------------------

    def _moderate(self, number: int) -> Row:
        r = self._random
        reason = pick(r, REASONS) if r() < 0.7 else None
        return (number, pick(r, self._mods), pick(r, self._victims), None, None, reason, None)

    def _prune(self) -> Row:
        r = self._random
        data = {"days": pick(r, (1, 7, 30)), "removed": int(r() * 25)}
        return (21, pick(r, self._admins), None, None, None, None, data)

    def _member_update(self) -> Row:
        r = self._random
        member, nick = pick(r, self._nicks)
        other = pick(r, self._spare_nicks)
        if nick is None:
            before, after = other, None
        else:
            before, after = (None if other == nick or r() < 0.5 else other), nick
        agent = member if r() < 0.7 else pick(r, self._mods)
        data = {"before": {"nick": before}, "after": {"nick": after}}
        return (24, agent, member, None, None, None, data)

    def _member_roles(self) -> Row:
        r = self._random
        member, held, unheld = pick(r, self._role_members)
        added = [pick(r, held)] if held and r() < 0.8 else []
        removed = [pick(r, unheld)] if unheld and (not added or r() < 0.3) else []
        data = {"added": added, "removed": removed}
        return (25, pick(r, self._mods), member, None, None, None, data)

    def _voice(self, number: int) -> Row:
        r = self._random
        channel = pick(r, self._voice_channels)
        return (number, pick(r, self._mods), pick(r, self._talkers), channel, None, None, None)

    def _bot_add(self) -> Row:
        r = self._random
        bot = pick(r, self._bots) if self._bots else self._architus
        return (28, pick(r, self._admins), bot, None, None, None, None)

    def _guild_update(self) -> Row:
        r = self._random
        former = self.guild.former_names or (self.guild.name + " (old)",)
        data = {"before": {"name": pick(r, former)}, "after": {"name": self.guild.name}}
        return (1, pick(r, self._admins), self._guild_id, None, None, None, data)

    # Channels and roles ------------------------------------------------------------------------

    def _channel(self, number: int) -> Row:
        r = self._random
        channel, name = pick(r, self._channels)
        data: dict[str, Any] = {"name": name}
        if number == 11:
            prefix, suffix = pick(r, _RENAMES)
            data["before"] = {"name": f"{prefix}{name}{suffix}"}
            data["after"] = {"name": name}
        return (number, pick(r, self._admins), channel, channel, None, None, data)

    def _overwrite(self, number: int) -> Row:
        r = self._random
        channel, name = pick(r, self._channels)
        data: dict[str, Any] = {"name": name, "target_id": pick(r, self._roles)[0]}
        index = int(r() * len(OVERWRITE_BITS))
        allow, deny = OVERWRITE_BITS[index]
        if number == 14:
            new_allow, new_deny = OVERWRITE_BITS[(index + 1) % len(OVERWRITE_BITS)]
            data["before"] = {"allow": allow, "deny": deny}
            data["after"] = {"allow": new_allow, "deny": new_deny}
        else:
            data["allow"], data["deny"] = allow, deny
        return (number, pick(r, self._mods), channel, channel, None, None, data)

    def _role(self, number: int) -> Row:
        r = self._random
        role, name, color = pick(r, self._roles)
        data: dict[str, Any] = {"name": name, "color": color}
        if number == 31:
            prefix, suffix = pick(r, _RENAMES) if r() < 0.5 else ("", "")
            old_color = pick(r, _COLORS)
            if old_color == color and not (prefix or suffix):  # an update changes something
                old_color = "#95a5a6" if color != "#95a5a6" else "#000000"
            data["before"] = {"name": f"{prefix}{name}{suffix}", "color": old_color}
            data["after"] = {"name": name, "color": color}
        return (number, pick(r, self._admins), role, None, None, None, data)

    # Invites, webhooks, emoji, integrations ------------------------------------------------------

    def _invite(self, number: int) -> Row:
        r = self._random
        agent = pick(r, self._talkers) if number == 40 and r() < 0.6 else pick(r, self._mods)
        data = {"code": pick(r, self._invites), "max_uses": pick(r, INVITE_MAX_USES)}
        return (number, agent, None, pick(r, self._text_channels), None, None, data)

    def _webhook(self, number: int) -> Row:
        r = self._random
        data = {"name": pick(r, WEBHOOK_NAMES)}
        channel = pick(r, self._text_channels)
        return (number, pick(r, self._admins), None, channel, None, None, data)

    def _custom_emoji(self, number: int) -> Row:
        if not self._emoji:
            return self._send()
        r = self._random
        emoji, name = pick(r, self._emoji)
        data: dict[str, Any] = {"name": name}
        channel = None
        if number == 3400:  # a member used an emoji the manager had to load
            agent = pick(r, self._talkers)
            channel = pick(r, self._text_channels)
        elif number > 3400:  # the emoji manager itself (the architus bot) swaps emoji
            agent = self._architus
            if number == 3403:
                data = {"added": name, "removed": pick(r, self._emoji)[1]}
        else:
            agent = pick(r, self._mods)
            if number == 61:
                data["before"] = {"name": f"{name}_old"}
                data["after"] = {"name": name}
        return (number, agent, emoji, channel, None, None, data)

    def _integration(self, number: int) -> Row:
        r = self._random
        name, kind = pick(r, INTEGRATIONS)
        return (
            number,
            pick(r, self._admins),
            None,
            None,
            None,
            None,
            {"name": name, "type": kind},
        )
