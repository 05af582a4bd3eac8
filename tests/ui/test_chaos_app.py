"""The whole app against the chaos stand-in: alive at the end, and every count right."""

from support.app import build_app, screen_text, until
from support.standin import running_standin

from archit_tui.gateway.standin.malformed import MALFORMED_SAMPLES, UNDECODABLE_PACKETS
from archit_tui.gateway.standin.settings import ChaosSettings
from archit_tui.protocol.actions import CONNECTION_GAP

CHAOS = ChaosSettings(
    seed=5, drop=0.01, delay=0.02, duplicate=0.08, reorder=0.08, malformed=0.15, odd=0.1,
    undecodable=0.05,
)  # fmt: skip


async def test_the_app_lives_through_chaos_with_its_counts_right() -> None:
    async with running_standin(chaos=CHAOS) as gateway:
        guild_id = next(iter(gateway.guilds))
        tally, chaos = gateway.chaos_tally, gateway.chaos
        assert tally is not None and chaos is not None
        app = build_app(gateway.url, guild_id=guild_id)
        async with app.run_test(size=(140, 40)) as pilot:

            def settled() -> bool:
                return (
                    chaos.pending_drops == 0
                    and gateway.spectators(guild_id) != []
                    and (app.connection.client.reconnects == tally.dropped)
                )

            def seen_enough() -> bool:
                return (
                    tally.malformed >= len(MALFORMED_SAMPLES)
                    and tally.undecodable >= len(UNDECODABLE_PACKETS)
                    and tally.dropped >= 2
                )

            await until(pilot, lambda: "spectating" in screen_text(app), what="spectating")
            for _ in range(150):
                await until(pilot, settled, what="spectating again after a drop", timeout=15)
                if seen_enough():
                    break
                await gateway.send_burst(guild_id, 20)
            assert seen_enough(), tally
            gaps = tally.dropped
            expected_rows = tally.sent - tally.duplicated + gaps
            await until(
                pilot,
                lambda: (
                    len(app.store) == expected_rows
                    and len(app.malformed) == tally.malformed + tally.undecodable
                ),
                what=f"{expected_rows} rows and every malformed event counted ({tally})",
            )
            assert app.store.duplicates == tally.duplicated
            assert list(app.store.numbers).count(CONNECTION_GAP.number) == gaps
            assert app.main.status.malformed >= len(app.malformed)
            assert f"{app.main.status.malformed:,} malformed" in screen_text(app)
            await pilot.press("slash", *"type:connection", "enter")  # still answering keys
            await until(pilot, lambda: len(app.main.table.view) == gaps, what="the gap rows")
