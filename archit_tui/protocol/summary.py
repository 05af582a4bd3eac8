"""One line a moderator reads for a log action: "alice deleted a message in #general".

Built only from the fields present; missing pieces are left out rather than guessed. Mentions
are written as names where the pools know them. The result is plain text on one line; the UI
decides styling.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .actions import CONNECTION_GAP
from .mentions import NameLookup, replace_mentions
from .models import LogAction
from .text import one_line

SUMMARY_LIMIT = 300
"""Characters of message text kept in a summary; the detail pane shows everything."""

Describe = Callable[["_Parts"], str]


class _Parts:
    """The pieces of one action, resolved to names, that the describers assemble."""

    def __init__(self, action: LogAction, names: NameLookup) -> None:
        self.action = action
        self.names = names
        data = action.old_data
        self.data: Mapping[str, Any] = data if isinstance(data, Mapping) else {}

    @property
    def agent(self) -> str:
        agent_id = self.action.agent_id
        if agent_id is None:
            return "someone"
        return self.names.member_name(agent_id) or str(agent_id)

    @property
    def subject_member(self) -> str:
        subject_id = self.action.subject_id
        if subject_id is None:
            return "someone"
        return self.names.member_name(subject_id) or str(subject_id)

    def member(self, member_id: object) -> str:
        known = _as_int(member_id)
        if known is None:
            return "someone"
        return self.names.member_name(known) or str(known)

    def channel(self, channel_id: int | None = None) -> str:
        channel_id = self.action.channel_id if channel_id is None else channel_id
        if channel_id is None:
            return ""
        return f"#{self.names.channel_name(channel_id) or channel_id}"

    def in_channel(self) -> str:
        channel = self.channel()
        return f" in {channel}" if channel else ""

    def role(self, role_id: object) -> str:
        known = _as_int(role_id)
        if known is None:
            return one_line(str(role_id), 40)
        return f"@{self.names.role_name(known) or known}"

    def text(self, value: object) -> str:
        """Message text on one line, mentions resolved."""
        if not isinstance(value, str):
            return ""
        return one_line(replace_mentions(value[: SUMMARY_LIMIT * 4], self.names), SUMMARY_LIMIT)

    @property
    def content(self) -> str:
        return self.text(self.action.content)

    def field(self, key: str, within: str | None = None) -> Any:
        """``old_data[key]``, or ``old_data[within][key]``; ``None`` when absent."""
        source: Any = self.data
        if within is not None:
            source = self.data.get(within)
            if not isinstance(source, Mapping):
                return None
        return source.get(key)

    def change(self, key: str) -> tuple[str, str] | None:
        """``(before, after)`` of ``old_data.before[key]`` / ``old_data.after[key]``."""
        before, after = self.field(key, "before"), self.field(key, "after")
        if before is None and after is None:
            return None
        return self.text(_plain(before)) or "(none)", self.text(_plain(after)) or "(none)"

    def label(self, key: str = "name") -> str:
        """A name from old_data, or from its ``after`` / ``before``, on one line."""
        for value in (self.field(key), self.field(key, "after"), self.field(key, "before")):
            if value is not None:
                return self.text(_plain(value))
        return ""

    def with_reason(self, sentence: str) -> str:
        reason = self.action.reason
        return f"{sentence}: {self.text(reason)}" if reason else sentence

    def with_content(self, sentence: str) -> str:
        content = self.content
        return f"{sentence}: {content}" if content else sentence


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 20:
        return int(value)
    return None


def _plain(value: object) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _send(p: _Parts) -> str:
    return f"{p.agent}: {p.content}" if p.content else f"{p.agent} sent a message{p.in_channel()}"


def _edit(p: _Parts) -> str:
    change = p.change("content")
    if change is not None:
        return f"{p.agent}: {change[0]} -> {change[1]}"
    return p.with_content(f"{p.agent} edited a message{p.in_channel()}")


def _delete(p: _Parts) -> str:
    author = p.field("author_id")
    whose = ""
    if author is not None and _as_int(author) != p.action.agent_id:
        whose = f" by {p.member(author)}"
    text = p.content or p.text(p.field("content"))
    sentence = f"{p.agent} deleted a message{whose}{p.in_channel()}"
    return f"{sentence}: {text}" if text else sentence


def _bulk_delete(p: _Parts) -> str:
    count = p.field("count")
    many = f"{count} messages" if isinstance(count, int) else "messages"
    return f"{p.agent} deleted {many}{p.in_channel()}"


def _reaction(verb: str) -> Describe:
    def describe(p: _Parts) -> str:
        emoji = p.content or "a reaction"
        return f"{p.agent} {verb} {emoji} on a message{p.in_channel()}"

    return describe


def _pin(verb: str) -> Describe:
    return lambda p: p.with_content(f"{p.agent} {verb} a message{p.in_channel()}")


def _on_member(verb: str) -> Describe:
    return lambda p: p.with_reason(f"{p.agent} {verb} {p.subject_member}")


def _prune(p: _Parts) -> str:
    removed, days = p.field("removed"), p.field("days")
    count = f"{removed} members" if isinstance(removed, int) else "members"
    idle = f" inactive for {days} days" if isinstance(days, int) else ""
    return f"{p.agent} pruned {count}{idle}"


def _member_update(p: _Parts) -> str:
    nick = p.change("nick")
    if nick is not None:
        return f"{p.agent} changed {p.subject_member}'s nickname: {nick[0]} -> {nick[1]}"
    return f"{p.agent} updated {p.subject_member}"


def _role_update(p: _Parts) -> str:
    changes = []
    for key, sign in (("added", "+"), ("removed", "-")):
        roles = p.field(key)
        if isinstance(roles, list):
            changes.extend(f"{sign}{p.role(role)}" for role in roles[:10])
    listed = f": {' '.join(changes)}" if changes else ""
    return f"{p.agent} changed the roles of {p.subject_member}{listed}"


def _voice(verb: str) -> Describe:
    def describe(p: _Parts) -> str:
        where = p.channel()
        return f"{p.agent} {verb} {p.subject_member}" + (f" ({where})" if where else "")

    return describe


def _renamed(thing: str, sigil: str = "") -> Describe:
    """Create / update / delete of a named thing (guild, channel, role, emoji, ...)."""

    def describe(p: _Parts) -> str:
        verb = _crud_verb(p.action.action_number)
        change = p.change("name")
        if verb == "updated" and change is not None and change[0] != change[1]:
            return f"{p.agent} renamed the {thing} {sigil}{change[0]} -> {sigil}{change[1]}"
        name = p.label()
        if not name and thing == "channel":
            name = p.channel().lstrip("#")
        named = f" {sigil}{name}" if name else ""
        return f"{p.agent} {verb} the {thing}{named}"

    return describe


def _overwrite(p: _Parts) -> str:
    verb = _crud_verb(p.action.action_number)
    where = p.channel(p.action.channel_id or p.action.subject_id)
    return f"{p.agent} {verb} a permission overwrite" + (f" in {where}" if where else "")


def _invite(p: _Parts) -> str:
    verb = _crud_verb(p.action.action_number)
    code = p.label("code")
    return f"{p.agent} {verb} the invite{f' {code}' if code else ''}{p.in_channel()}"


def _integration(p: _Parts) -> str:
    verb = (
        _crud_verb(p.action.action_number).replace("created", "added").replace("deleted", "removed")
    )
    name, kind = p.label(), p.label("type")
    return f"{p.agent} {verb} the integration {name or ''}{f' ({kind})' if kind else ''}".rstrip()


def _auto_response(verb: str) -> Describe:
    def describe(p: _Parts) -> str:
        if p.action.action_number == 3202:
            change = p.change("response")
            trigger = p.text(_plain(p.field("trigger", "after") or p.field("trigger", "before")))
            if change is not None:
                return f"{p.agent} edited the auto-response {trigger}: {change[0]} -> {change[1]}"
        trigger, response = p.label("trigger"), p.label("response")
        pair = f" {trigger} -> {response}" if trigger or response else ""
        return f"{p.agent} {verb}{pair}"

    return describe


def _log_revert(verb: str) -> Describe:
    def describe(p: _Parts) -> str:
        target = p.action.subject_id
        return f"{p.agent} {verb}" + (f" action {target}" if target is not None else "")

    return describe


def _emoji_exchange(p: _Parts) -> str:
    added, removed = p.label("added"), p.label("removed")
    if added or removed:
        return f"{p.agent}'s emoji manager swapped :{removed}: for :{added}:"
    return f"{p.agent}'s emoji manager swapped emoji"


def _emoji_manager(verb: str) -> Describe:
    def describe(p: _Parts) -> str:
        name = p.label()
        return f"{p.agent} {verb}" + (f" :{name}:" if name else " an emoji")

    return describe


def _crud_verb(number: int) -> str:
    """Created, updated or deleted: the registry lists each such family in that order."""
    return _CRUD_VERBS.get(number, "changed")


_CRUD_VERBS: dict[int, str] = {1: "updated"}
for _first in (10, 13, 30, 40, 50, 60, 80):
    _CRUD_VERBS.update({_first: "created", _first + 1: "updated", _first + 2: "deleted"})


_DESCRIBERS: dict[int, Describe] = {
    CONNECTION_GAP.number: lambda p: p.action.content or "the connection was lost",
    1: _renamed("guild"),
    10: _renamed("channel", "#"),
    11: _renamed("channel", "#"),
    12: _renamed("channel", "#"),
    13: _overwrite,
    14: _overwrite,
    15: _overwrite,
    20: _on_member("kicked"),
    21: _prune,
    22: _on_member("banned"),
    23: _on_member("unbanned"),
    24: _member_update,
    25: _role_update,
    26: _voice("moved"),
    27: _voice("disconnected"),
    28: lambda p: f"{p.agent} added the bot {p.subject_member}",
    30: _renamed("role", "@"),
    31: _renamed("role", "@"),
    32: _renamed("role", "@"),
    40: _invite,
    41: _invite,
    42: _invite,
    50: _renamed("webhook"),
    51: _renamed("webhook"),
    52: _renamed("webhook"),
    60: _renamed("emoji", ":"),
    61: _renamed("emoji", ":"),
    62: _renamed("emoji", ":"),
    72: _delete,
    73: _bulk_delete,
    74: _pin("pinned"),
    75: _pin("unpinned"),
    80: _integration,
    81: _integration,
    82: _integration,
    3001: _send,
    3002: _edit,
    3003: _delete,
    3100: _reaction("reacted"),
    3101: _reaction("removed"),
    3200: _auto_response("added the auto-response"),
    3201: _auto_response("removed the auto-response"),
    3202: _auto_response("edited the auto-response"),
    3203: _auto_response("triggered"),
    3300: _log_revert("reverted"),
    3301: _log_revert("rolled back to"),
    3400: _emoji_manager("used"),
    3401: _emoji_manager("cached"),
    3402: _emoji_manager("dropped"),
    3403: _emoji_exchange,
}


def _unknown(p: _Parts) -> str:
    target = "" if p.action.subject_id is None else f" to {p.action.subject_id}"
    return p.with_content(f"{p.agent} did {p.action.type.name}{target}")


def summarize(action: LogAction, names: NameLookup) -> str:
    """The one-line summary of ``action``; never raises, whatever ``old_data`` holds."""
    parts = _Parts(action, names)
    describe = _DESCRIBERS.get(action.action_number, _unknown)
    try:
        return describe(parts)
    except Exception:  # noqa: BLE001 - odd old_data must not cost the row its summary
        return _unknown(parts)
