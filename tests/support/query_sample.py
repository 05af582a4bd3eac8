"""A small hand-built guild for the filter language's selection tests."""

from datetime import datetime, timezone

from archit_tui.protocol.query import parse_query
from support.query_rows import Columns, FakeNames, Row

T0 = int(datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc).timestamp()) * 1000
"""2026-12-03T12:00Z, the time of the first row; the others follow a second apart."""
NOW = T0 + 60_000
ROWS = [
    Row(3001, agent=101, channel=201, time=T0, text="Hello world, good morning"),
    Row(22, agent=102, subject=101, time=T0 + 1000, text="reason: spam raid"),
    Row(20, agent=103, subject=102, time=T0 + 2000, text="kicked for spam"),
    Row(9999, time=T0 + 3000),
    Row(3002, agent=104, channel=202, time=T0 + 4000, text="edited: Good Morning all"),
    Row(12, agent=101, subject=203, time=T0 + 5000),
    Row(3100, agent=102, channel=201, time=T0 + 6000, text="🎉"),
    Row(-5, time=T0 + 7000, text="negative number"),
    Row(3001, agent=999, channel=999, time=T0 + 8000, text="bot command !help"),
]
COLUMNS = Columns.of(ROWS)
ALL = list(range(len(ROWS)))


def fake_names() -> FakeNames:
    """Names for most of the ids above; 999 has none."""
    return FakeNames(
        members={
            101: "Alice",
            102: ["bob", "Night Owl"],
            103: 'Carol "The Hammer": Mod',
            104: "1234",
        },
        channels={201: "general", 202: "mod-chat", 203: "night shift"},
    )


def select(text: str, candidates: object = None, names: FakeNames | None = None) -> list[int]:
    """The rows ``text`` selects from ``candidates`` (all rows if not given)."""
    query = parse_query(text, now_ms=NOW, tz=timezone.utc)
    rows = ALL if candidates is None else candidates
    return query.select(COLUMNS, names or fake_names(), rows)  # type: ignore[arg-type]


def others(*rows: int) -> list[int]:
    """Every row but ``rows``."""
    return [i for i in ALL if i not in rows]
