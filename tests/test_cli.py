"""The command line: bad configuration stops before the screen; the stand-in runs standalone."""

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from support.standin import TEST_TOKEN

from archit_tui.gateway.client import GatewayClient


def run_cli(
    *args: str, env: dict[str, str], timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archit_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARCHIT_TUI_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    return env


def test_a_missing_config_file_stops_with_one_clear_message(tmp_path: Path) -> None:
    result = run_cli("--config", str(tmp_path / "nope.toml"), env=clean_env(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "nope.toml" in result.stderr and "does not exist" in result.stderr
    assert "archit-tui config init" in result.stderr
    assert "\x1b[?1049h" not in result.stderr  # the screen never took over


def test_a_world_readable_token_file_is_refused_with_the_fix(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TEST_TOKEN)
    token_file.chmod(0o644)
    result = run_cli(
        "--url", "http://127.0.0.1:9", "--token-file", str(token_file), env=clean_env(tmp_path)
    )
    assert result.returncode == 2
    assert f"chmod 600 {token_file}" in result.stderr
    assert TEST_TOKEN not in result.stderr + result.stdout


def test_help_lists_the_flags(tmp_path: Path) -> None:
    result = run_cli("--help", env=clean_env(tmp_path))
    assert result.returncode == 0
    for flag in ("--url", "--token-file", "--guild", "--config", "--demo", "gateway", "config"):
        assert flag in result.stdout


async def test_the_standalone_stand_in_serves_until_sigterm(tmp_path: Path) -> None:
    env = clean_env(tmp_path) | {"ARCHIT_TUI_GATEWAY_TOKEN": TEST_TOKEN}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "archit_tui",
        "gateway",
        "--port",
        "0",
        "--rate",
        "0",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    first = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
    assert first.startswith("Stand-in gateway listening on http://127.0.0.1:")
    url = first.rsplit(" ", 1)[1].strip()
    token_line = (await process.stdout.readline()).decode()
    assert token_line == "Token: from $ARCHIT_TUI_GATEWAY_TOKEN\n"
    client = GatewayClient(connect_timeout=5, request_timeout=5)
    try:
        await client.connect(url)
        assert (await client.elevate(TEST_TOKEN)).success
    finally:
        await client.close()
    process.send_signal(signal.SIGTERM)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert b"Stand-in gateway stopped." in stdout
    assert TEST_TOKEN.encode() not in stdout + stderr


def test_the_stand_in_generates_a_private_token_and_never_prints_it(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "archit_tui", "gateway", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        process.stdout.readline()
        token_line = process.stdout.readline()
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    path = Path(token_line.split("written to ", 1)[1].strip())
    assert path.stat().st_mode & 0o777 == 0o600
    token = path.read_text().strip()
    assert len(token) >= 32
    assert token not in token_line + out + err


def test_a_restarted_stand_in_keeps_its_generated_token(tmp_path: Path) -> None:
    """Clients reading the token file must still be let in after a restart."""
    env = clean_env(tmp_path)
    lines = []
    for _ in range(2):
        process = subprocess.Popen(
            [sys.executable, "-m", "archit_tui", "gateway", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        process.stdout.readline()
        lines.append(process.stdout.readline())
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    path = Path(lines[0].split("written to ", 1)[1].strip())
    assert lines[1] == f"Token: from {path} (generated earlier)\n"


def test_a_port_in_use_is_said_plainly(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("gateway", "--port", str(port), env=clean_env(tmp_path))
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
