"""Problems at start: each says what happened in plain words and offers a way forward."""

from support.app import build_app, screen_text, until
from support.standin import TEST_TOKEN, running_standin

from archit_tui.protocol.actions import CONNECTION_GAP
from archit_tui.protocol.secret import Secret
from archit_tui.ui.screens.guild_picker import GuildPicker
from archit_tui.ui.screens.problem import ProblemScreen


async def test_unreachable_gateway_says_why_and_quits_on_q() -> None:
    app = build_app("http://127.0.0.1:9")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="the problem")
        text = screen_text(app)
        assert "Cannot reach the gateway" in text
        assert "connection refused by 127.0.0.1:9" in text
        assert "Retry (r)" in text and "Quit (q)" in text
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, what="the app to quit")


async def test_an_unknown_host_given_by_url_sends_the_user_to_url_only() -> None:
    app = build_app("http://no-such-gateway.invalid", gateway_url_from="--url")
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="the problem")
        text = screen_text(app)
        assert "unknown host 'no-such-gateway.invalid'" in text
        assert "Check the gateway URL, given by --url." in text
        assert "config.toml" not in text  # there is no config file to look in


async def test_elevation_refused_then_retry_with_the_gateway_fixed() -> None:
    async with running_standin() as gateway:
        app = build_app(gateway.url, token=Secret("wrong-token-123456"))
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="the problem")
            text = screen_text(app)
            assert "Elevation refused" in text
            assert "the gateway refused the token" in text
            assert "wrong-token-123456" not in text
            app.connection.token = Secret(TEST_TOKEN)  # the user fixed the config
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")


async def test_the_status_bar_says_reconnecting_and_the_stream_resumes_without_duplicates() -> None:
    async with running_standin(backlog=20) as first:
        port = int(first.url.rsplit(":", 1)[1])
        guild = next(iter(first.guilds.values()))
        app = build_app(first.url, guild_id=guild.id)
        async with app.run_test(size=(120, 30)) as pilot:
            await until(pilot, lambda: len(app.store) == 20, what="20 rows")
            await first.stop()
            await until(pilot, lambda: "reconnecting in" in screen_text(app), what="reconnecting")
            async with running_standin(backlog=20, port=port):
                # The same seed and clock: the new stand-in replays the same 20 actions.
                await until(pilot, lambda: f"spectating {guild.name}" in screen_text(app))
                await pilot.pause(0.3)
                assert app.store.duplicates == 20
                # The 20 actions once, and the row that marks the gap in the stream.
                numbers = list(app.store.numbers)
                assert len(numbers) == 21
                assert numbers.count(CONNECTION_GAP.number) == 1
                gap_seq = app.store.first_seq + numbers.index(CONNECTION_GAP.number)
                assert app.store.action(gap_seq).content.startswith("disconnected ")
                await until(pilot, lambda: "CONNECTION_GAP" in screen_text(app), what="gap row")


async def test_retry_reads_the_token_file_again(tmp_path) -> None:  # noqa: ANN001
    token_file = tmp_path / "token"
    token_file.write_text("an-old-token-1234")
    token_file.chmod(0o600)
    async with running_standin() as gateway:
        app = build_app(gateway.url, token=None, token_file=token_file)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="refused")
            assert "Elevation refused" in screen_text(app)
            token_file.write_text(TEST_TOKEN + "\n")
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")


async def test_a_token_refused_after_a_reconnect_gets_its_own_screen() -> None:
    async with running_standin() as first:
        port = int(first.url.rsplit(":", 1)[1])
        app = build_app(first.url, guild_id=next(iter(first.guilds)))
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: "spectating" in screen_text(app))
            await first.stop()
            await until(pilot, lambda: "reconnecting" in screen_text(app))
            async with running_standin(port=port, token=Secret("a-rotated-token-5678")):
                await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="refused")
                text = screen_text(app)
                assert "Elevation refused after reconnecting" in text
                assert "Retry reads" in text


async def test_retry_after_a_refused_reconnect_resumes_the_guild_being_watched(
    tmp_path,  # noqa: ANN001
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TEST_TOKEN)
    token_file.chmod(0o600)
    async with running_standin() as first:
        port = int(first.url.rsplit(":", 1)[1])
        app = build_app(first.url, token=None, token_file=token_file)  # no guild: the picker
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, GuildPicker), what="the picker")
            await pilot.press("down", "enter")  # the second guild, not the one first listed
            await until(pilot, lambda: "spectating" in screen_text(app), what="spectating")
            watched = app.guild_id
            await first.stop()
            await until(pilot, lambda: "reconnecting" in screen_text(app))
            async with running_standin(port=port, token=Secret("a-rotated-token-5678")):
                await until(pilot, lambda: isinstance(app.screen, ProblemScreen), what="refused")
                token_file.write_text("a-rotated-token-5678")
                await pilot.press("r")
                await until(
                    pilot,
                    lambda: "spectating" in screen_text(app),
                    what="spectating again, with no picker in between",
                )
                assert not isinstance(app.screen, GuildPicker)
                assert app.guild_id == watched
