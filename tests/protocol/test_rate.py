"""The live rate counts actions by their own times, so history does not look like a storm."""

from archit_tui.protocol.rate import ActionRate

NOW = 1_764_763_200_000


def test_recent_actions_count_and_history_does_not() -> None:
    rate = ActionRate(window_ms=10_000)
    rate.add([NOW - 3_600_000] * 500, NOW)  # an hour-old backlog arriving now
    assert rate.per_second(NOW) == 0
    rate.add([NOW - 5_000 + i * 100 for i in range(50)], NOW)
    assert rate.per_second(NOW) == 5.0


def test_the_rate_falls_to_zero_when_the_guild_goes_quiet() -> None:
    rate = ActionRate(window_ms=10_000)
    rate.add([NOW - 1_000] * 20, NOW)
    assert rate.per_second(NOW) == 2.0
    assert rate.per_second(NOW + 12_000) == 0
