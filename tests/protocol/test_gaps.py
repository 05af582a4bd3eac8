"""Connection gaps become rows of their own, each with an id of its own."""

from archit_tui.protocol.actions import CONNECTION_GAP
from archit_tui.protocol.gaps import GapWatch, gap_event
from archit_tui.protocol.snowflake import snowflake_to_unix_ms

GUILD = 607637793107345431
T0 = 1_764_763_200.0
"""2025-12-03T12:00:00Z."""


def test_a_gap_runs_from_the_loss_to_spectating_again() -> None:
    watch = GapWatch()
    assert watch.spectating(GUILD, 10.0) is None  # nothing was lost yet
    watch.lost(GUILD, T0, "server closed the connection")
    watch.lost(GUILD, T0 + 1, "a second loss while reconnecting")  # the first one counts
    gap = watch.spectating(GUILD, T0 + 6.5)
    assert gap is not None
    assert (gap.start, gap.end, gap.reason) == (T0, T0 + 6.5, "server closed the connection")
    event = gap_event(gap, "disconnected")
    assert event.action.action_number == CONNECTION_GAP.number
    assert snowflake_to_unix_ms(event.action.id) == T0 * 1000


def test_gaps_of_the_same_millisecond_have_different_ids() -> None:
    """A fixed clock (tests) or a replay can put two gaps at one time: both must stay rows."""
    watch = GapWatch()
    ids = set()
    for _ in range(3):
        watch.lost(GUILD, T0, None)
        gap = watch.spectating(GUILD, T0)
        assert gap is not None
        event = gap_event(gap, "disconnected")
        assert snowflake_to_unix_ms(event.action.id) == T0 * 1000
        ids.add(event.action.id)
    assert len(ids) == 3


def test_another_guild_ends_no_gap() -> None:
    watch = GapWatch()
    watch.lost(GUILD, T0, None)
    assert watch.spectating(GUILD + 1, T0 + 5) is None
    watch.lost(GUILD, T0, None)
    watch.forget()
    assert watch.spectating(GUILD, T0 + 5) is None
