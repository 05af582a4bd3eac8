"""Sort keys for the log table's columns."""

from __future__ import annotations

from archit_tui.protocol.actions import action_type
from archit_tui.protocol.logstore import ActionStore
from archit_tui.protocol.names import NameBook
from archit_tui.protocol.views import SortKey

from .widgets.columns import ColumnName


def sort_key(column: ColumnName, store: ActionStore, names: NameBook) -> SortKey:
    """What rows sort by in ``column``: times, type names, names (ids until known), text."""

    def time(seq: int) -> int:
        return store.times[store.index(seq)]

    def type_name(seq: int) -> str:
        return action_type(store.numbers[store.index(seq)]).name

    def agent(seq: int) -> str:
        member = store.agents[store.index(seq)]
        return (names.member_name(member) or str(member)).lower() if member else ""

    def subject(seq: int) -> str:
        subject_id = store.subjects[store.index(seq)]
        return (names.member_name(subject_id) or str(subject_id)).lower() if subject_id else ""

    def channel(seq: int) -> str:
        channel_id = store.channels[store.index(seq)]
        return (names.channel_name(channel_id) or str(channel_id)).lower() if channel_id else ""

    def summary(seq: int) -> str:
        return store.texts[store.index(seq)]

    keys: dict[ColumnName, SortKey] = {
        "time": time,
        "type": type_name,
        "agent": agent,
        "subject": subject,
        "channel": channel,
        "summary": summary,
    }
    return keys[column]
