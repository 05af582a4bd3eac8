"""``archit-tui tail``, run as a subprocess against a real stand-in gateway on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from support.standin import FIXED_START_MS, TEST_TOKEN, running_standin, standin_settings

from archit_tui.cli import build_parser
from archit_tui.config import ConfigFlags, flags_from_args
from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.protocol.actions import ACTION_TYPES
from archit_tui.tail.output import fit

TIMEOUT = 30.0
"""Seconds any one wait may take before the test fails (a hang, not a slow machine)."""
BAN_NUMBERS = {22, 23}
"""MEMBER_BAN_ADD and MEMBER_BAN_REMOVE: what ``type:ban`` names."""
BAN_SEED, BAN_BACKLOG = 10, 120
"""A seeded guild whose backlog holds three bans among 120 actions."""


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARCHIT_TUI_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    return env


def token_file(tmp_path: Path, token: str = TEST_TOKEN) -> Path:
    path = tmp_path / "token"
    path.write_text(token + "\n")
    path.chmod(0o600)
    return path


def tail_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "archit_tui", "tail", *args]


async def start_tail(*args: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        *tail_command(*args),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )


async def finish(process: asyncio.subprocess.Process) -> Result:
    try:
        out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return Result(process.returncode, out.decode(), err.decode())


async def run_tail(*args: str, env: dict[str, str]) -> Result:
    return await finish(await start_tail(*args, env=env))


async def read_lines(process: asyncio.subprocess.Process, count: int) -> list[str]:
    assert process.stdout is not None
    lines = []
    for _ in range(count):
        line = await asyncio.wait_for(process.stdout.readline(), TIMEOUT)
        assert line, "tail ended its output early"
        lines.append(line.decode())
    return lines


@pytest.fixture
async def gateway() -> AsyncIterator[StandInGateway]:
    async with running_standin(seed=BAN_SEED, backlog=BAN_BACKLOG, guild_count=1) as standin:
        yield standin


def only_guild(gateway: StandInGateway) -> int:
    return next(iter(gateway.guilds))


def assert_no_secret_and_no_traceback(result: Result, *secrets: str) -> None:
    for secret in (TEST_TOKEN, *secrets):
        assert secret not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


async def test_json_lines_are_the_log_actions_as_received(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    result = await run_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)), "--count", "5",
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    actions = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(actions) == 5
    for action in actions:
        assert {"id", "action_number", "reversible", "agent_id"} <= action.keys()
        assert "log_action" not in action  # the action object itself, not the envelope
    assert len({action["id"] for action in actions}) == 5
    assert f"spectating {gateway.guilds[only_guild(gateway)].name}" in result.stderr
    assert "printed 5 actions" in result.stderr
    assert_no_secret_and_no_traceback(result)


async def test_filter_keeps_only_what_the_query_names(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    result = await run_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)),
        "--filter", "type:ban", "--count", "2", "--quiet",
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    numbers = [json.loads(line)["action_number"] for line in result.stdout.splitlines()]
    assert len(numbers) == 2 and set(numbers) <= BAN_NUMBERS
    assert result.stderr == ""  # --quiet: no status lines, and nothing went wrong


async def test_text_format_prints_one_aligned_line_per_action(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    result = await run_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)),
        "--format", "text", "--count", "4",
        env=clean_env(tmp_path) | {"TZ": "UTC"},
    )  # fmt: skip
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    names = {action_type.name for action_type in ACTION_TYPES.values()}
    members = {member.display_name for member in gateway.guilds[only_guild(gateway)].members}
    for line in lines:
        when, kind = line[:19], line[21:45]
        assert re.fullmatch(r"2025-12-03 1\d:\d\d:\d\d", when), line  # the stand-in's clock, UTC
        assert line[19:21] == "  " and kind.strip() in names, line
        assert any(name in line[47:] for name in members), line  # names from the pools, not ids


def test_text_columns_count_wide_characters_as_two() -> None:
    assert fit("日本語", 5) == "日本…"
    assert fit("ab", 4) == "ab  "
    assert fit("abcdef", 4) == "abc…"
    # Joined emoji are written as their parts: every terminal then agrees on the width.
    assert fit("👩\u200d💻 dev", 8) == "👩💻 dev"
    assert fit("👍🏽 ok ❤\ufe0f", 8) == "👍 ok ❤ "


async def test_a_wrong_token_exits_3_without_showing_either_token(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    wrong = "wrong-token-7c2d41e9b8"
    result = await run_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path, wrong)), "--count", "1",
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.code == 3
    assert result.stdout == ""
    assert "elevation refused" in result.stderr and "--token-file" in result.stderr
    assert_no_secret_and_no_traceback(result, wrong)


def test_a_bad_filter_exits_2_and_underlines_the_mistake(tmp_path: Path) -> None:
    """Checked before connecting: the URL need not answer."""
    result = subprocess.run(
        tail_command("--demo", "--filter", "agent:bob type:bann"),
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no action type matches 'bann'; did you mean ban?" in result.stderr
    query_line, marks = result.stderr.splitlines()[-2:]
    assert query_line == "  agent:bob type:bann"
    assert marks == "  " + " " * len("agent:bob type:") + "^^^^"


async def test_a_dead_gateway_exits_1_in_plain_words(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again at once: nothing listens there
    result = await run_tail(
        "--url", f"http://127.0.0.1:{port}", "--token-file", str(token_file(tmp_path)),
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.code == 1
    assert f"cannot reach the gateway: connection refused by 127.0.0.1:{port}" in result.stderr
    assert "Check the gateway URL, given by --url." in result.stderr
    assert "config.toml" not in result.stderr  # the URL did not come from there
    assert_no_secret_and_no_traceback(result)


async def test_a_guild_the_token_may_not_spectate_names_the_real_config_key(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    absent = max(gateway.guilds) + 1
    result = await run_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)), "--guild", str(absent),
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert result.code == 2
    assert f"guild {absent} is not one this token may spectate" in result.stderr
    assert "`guild_id` in the config file" in result.stderr
    assert "`guild`" not in result.stderr
    help_text = subprocess.run(
        tail_command("--help"), capture_output=True, text=True, timeout=TIMEOUT, check=True
    ).stdout
    assert "`guild_id` in the config file" in help_text and "`guild`" not in help_text


async def test_malformed_events_are_reported_and_counted(
    gateway: StandInGateway, tmp_path: Path
) -> None:
    guild_id = only_guild(gateway)
    process = await start_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)),
        "--count", str(BAN_BACKLOG + 2),
        env=clean_env(tmp_path),
    )  # fmt: skip
    await read_lines(process, BAN_BACKLOG)  # spectating now
    bad_action = {"id": "not-an-id", "action_number": 3001}
    await gateway.sio.emit("log_pool", {"guild_id": str(guild_id), "log_action": bad_action})
    await gateway.sio.emit("mystery_event", {"what": 1})
    await gateway.send_burst(guild_id, 2)
    result = await finish(process)
    assert result.code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    warnings = [line for line in result.stderr.splitlines() if "malformed" in line]
    assert len(warnings) == 3, result.stderr  # two events, and the count at the end
    assert "malformed log_pool event skipped (" in warnings[0] and "not-an-id" in warnings[0]
    assert "malformed mystery_event event skipped (" in warnings[1]
    assert "2 malformed events reported" in warnings[2]


async def test_after_a_reconnect_no_action_is_printed_twice(tmp_path: Path) -> None:
    """The gateway restarts with the same guild: its backlog arrives again, and is skipped.

    The restarted gateway makes 3 new actions before it listens, so its backlog is the last 17
    actions printed already, then the 3 new ones, in that order.
    """
    settings = standin_settings(backlog=20, guild_count=1, clock=lambda: FIXED_START_MS)
    first = StandInGateway(settings)
    url = await first.start()
    port = int(url.rsplit(":", 1)[1])
    guild_id = only_guild(first)
    process = await start_tail(
        "--url", url, "--token-file", str(token_file(tmp_path)), "--count", "23",
        env=clean_env(tmp_path),
    )  # fmt: skip
    second = StandInGateway(replace(settings, port=port))  # the same guild, ids and backlog
    try:
        printed = await read_lines(process, 20)
        await first.stop()
        await second.send_burst(guild_id, 3)  # nobody to send them to: into the backlog
        await second.start()
        result = await finish(process)
    finally:
        await first.stop()
        await second.stop()
    assert result.code == 0, result.stderr
    ids = [json.loads(line)["id"] for line in printed + result.stdout.splitlines()]
    assert len(ids) == 23 and len(set(ids)) == 23
    assert "reconnecting in" in result.stderr
    assert "reconnected and spectating again" in result.stderr
    assert "17 repeated deliveries skipped" in result.stderr
    assert_no_secret_and_no_traceback(result)


async def test_ctrl_c_stops_cleanly(gateway: StandInGateway, tmp_path: Path) -> None:
    process = await start_tail(
        "--url", gateway.url, "--token-file", str(token_file(tmp_path)),
        env=clean_env(tmp_path),
    )  # fmt: skip
    await read_lines(process, 1)
    process.send_signal(signal.SIGINT)
    result = await finish(process)
    assert result.code == 0
    assert "stopped by a signal" in result.stderr
    assert_no_secret_and_no_traceback(result)


async def test_a_closed_pipe_ends_it_quietly(gateway: StandInGateway, tmp_path: Path) -> None:
    err, code = tmp_path / "stderr", tmp_path / "code"
    command = shlex.join(
        tail_command("--url", gateway.url, "--token-file", str(token_file(tmp_path)))
    )
    script = f'{command} 2>{err} | head -n 1; echo "${{PIPESTATUS[0]}}" >{code}'
    shell = await asyncio.create_subprocess_exec(
        "bash", "-c", script, stdout=asyncio.subprocess.PIPE, env=clean_env(tmp_path)
    )
    assert json.loads((await read_lines(shell, 1))[0])["id"]

    async def keep_sending() -> None:  # the next write after `head` left is the one that fails
        while True:
            await gateway.send_burst(only_guild(gateway), 5)
            await asyncio.sleep(0.1)

    sender = asyncio.create_task(keep_sending())
    try:
        await asyncio.wait_for(shell.wait(), TIMEOUT)
    finally:
        sender.cancel()
    assert code.read_text().strip() == "0"
    stderr = err.read_text()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_tail_loads_no_textual() -> None:
    code = (
        "import sys\n"
        "import archit_tui.tail.cli, archit_tui.tail.session\n"
        "print(','.join(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_configuration_flags_work_before_and_after_the_subcommand() -> None:
    parser = build_parser()
    before = parser.parse_args(["--url", "http://127.0.0.1:1", "--guild", "5", "tail"])
    after = parser.parse_args(["tail", "--url", "http://127.0.0.1:1", "--guild", "5"])
    for args in (before, after):
        assert flags_from_args(args) == ConfigFlags(url="http://127.0.0.1:1", guild="5")
    assert after.format == "json" and after.count is None
