"""Sparklines of the action rate by group, counted by the actions' own times."""

from archit_tui.protocol.actions import types_matching
from archit_tui.protocol.rate_history import BUCKET_MS, BUCKETS, RateHistory, sparkline

NOW = 1_764_763_200_000
SEND = min(types_matching("message_send"))
BAN = min(types_matching("member_ban_add"))


def test_sparkline_scales_to_the_busiest_bucket() -> None:
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"  # any action shows above an empty bucket
    assert sparkline([0, 0]) == "▁▁"


def test_history_counts_by_group_and_forgets_what_left_the_window() -> None:
    history = RateHistory()
    assert history.lines(NOW) == {}
    old = NOW - (BUCKETS + 1) * BUCKET_MS
    history.add([NOW, NOW, NOW - BUCKET_MS, old], [SEND, SEND, BAN, SEND], NOW)
    lines = history.lines(NOW)
    assert lines["chat"] == "▁" * (BUCKETS - 1) + "█"
    assert lines["mod"] == "▁" * (BUCKETS - 2) + "█▁"
    assert lines["members"] == "▁" * BUCKETS
    assert history.lines(NOW + (BUCKETS + 1) * BUCKET_MS) == {}
