"""A worker that fails says so, in plain words and without the token, and the app goes on."""

from support.app import build_app, screen_text, until
from support.standin import TEST_TOKEN, running_standin


async def test_a_failing_worker_is_said_without_the_token_and_the_app_goes_on() -> None:
    async def app_work() -> None:
        raise RuntimeError(f"the gateway said {TEST_TOKEN} was odd")

    async def screen_work() -> None:
        raise ValueError("a row that could not be read")

    async with running_standin(backlog=5) as gateway:
        app = build_app(gateway.url, guild_id=next(iter(gateway.guilds)))
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 5, what="rows")
            app.run_worker(app_work(), group="odd", exit_on_error=False)
            app.main.run_worker(screen_work(), group="reading", exit_on_error=False)

            def said() -> list[str]:
                return [n.message for n in app._notifications]  # noqa: SLF001

            await until(pilot, lambda: len(said()) >= 2, what="both failures said")
            messages = " ".join(said())
            assert "odd failed (RuntimeError: the gateway said <hidden> was odd)" in messages
            assert "reading failed (ValueError: a row that could not be read)" in messages
            assert TEST_TOKEN not in messages and TEST_TOKEN not in screen_text(app)
            await gateway.send_burst(next(iter(gateway.guilds)), 3)
            await until(pilot, lambda: len(app.store) == 8, what="rows still arriving")
