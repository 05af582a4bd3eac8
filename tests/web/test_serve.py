"""``archit-tui serve``: the app in a web browser (headless Chromium) through textual-serve."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.standin import TEST_TOKEN

from archit_tui.cli import build_parser
from archit_tui.web.cli import is_loopback, served_command

TABLE_HEADER = r"^ *Time +Type +Agent +(Subject +)?Channel +Summary"
"""The log table's column titles (Subject gives way when the detail pane is beside the table)."""
LOG_ROW = r"^ *\d{2}:\d{2}:\d{2} +[A-Z][A-Z_]+ +\S"
"""A row of the log table: a time, then an action type, then more."""
TABLE_WITH_A_ROW = TABLE_HEADER + r".*\n" + LOG_ROW


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archit_tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )


def test_help_lists_the_server_and_app_options(env: dict[str, str]) -> None:
    result = run_cli("serve", "--help", env=env)
    assert result.returncode == 0, result.stderr
    for option in ("--host", "--port", "--public-url", "--url", "--demo", "--token-file"):
        assert option in result.stdout
    for option in ("--guild", "--config", "127.0.0.1"):
        assert option in result.stdout
    assert "serve" in run_cli("--help", env=env).stdout


def test_the_app_options_pass_on_and_the_token_never_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARCHIT_TUI_TOKEN", TEST_TOKEN)
    args = build_parser().parse_args(
        ["--guild", "42", "serve", "--url", "http://gw.example", "--token-file", "tok"]
        + ["--config", "c.toml", "--host", "127.0.0.1", "--port", "8123"]
    )
    command = served_command(args)
    assert command[:3] == [sys.executable, "-m", "archit_tui"]
    flags = command[3:]
    assert flags[flags.index("--url") + 1] == "http://gw.example"
    assert flags[flags.index("--token-file") + 1] == "tok"
    assert flags[flags.index("--config") + 1] == "c.toml"
    assert flags[flags.index("--guild") + 1] == "42"  # given before `serve`: kept too
    assert not {"--host", "--port", "--token", "serve"} & set(flags)
    assert TEST_TOKEN not in " ".join(command)
    assert served_command(build_parser().parse_args(["--demo", "serve"]))[3:] == ["--demo"]


def test_the_command_line_loads_no_web_server() -> None:
    """`archit-tui --help` stays quick: textual-serve and aiohttp load only when serving."""
    code = (
        "import sys, archit_tui.web.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'textual_serve', 'aiohttp'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_there_is_no_token_flag(env: dict[str, str]) -> None:
    result = run_cli("serve", "--token", TEST_TOKEN, env=env)
    assert result.returncode == 2
    assert "there is no --token option" in result.stderr
    assert TEST_TOKEN not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.0.2.7", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_host_others_can_reach_is_warned_about(env: dict[str, str], port: int) -> None:
    # 192.0.2.7 (TEST-NET-1) is no address of this machine: the warning comes, then binding
    # fails, so nothing is ever reachable from outside during the test.
    result = run_cli("serve", "--demo", "--host", "192.0.2.7", "--port", str(port), env=env)
    assert "--host 192.0.2.7 is not a loopback address" in result.stderr
    assert "There is no password" in result.stderr
    assert result.returncode == 1
    assert f"cannot listen on 192.0.2.7:{port}" in result.stderr


def test_a_port_in_use_is_said_plainly(env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--demo", "--port", str(port), env=env)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "loopback" not in result.stderr  # no warning on the default host


def test_a_bad_config_stops_before_serving(env: dict[str, str], tmp_path: Path) -> None:
    result = run_cli("serve", "--config", str(tmp_path / "nope.toml"), env=env)
    assert result.returncode == 2
    assert "nope.toml" in result.stderr and "does not exist" in result.stderr
    assert "open http" not in result.stdout


def test_the_demo_streams_into_the_log_table_in_a_browser(
    serve: Callable[..., Any], terminal: Any, env: dict[str, str], port: int
) -> None:
    served = serve("--demo", "--port", str(port), env=env)
    url = served.url()
    assert url == f"http://127.0.0.1:{port}"
    terminal.open(url)
    picker = terminal.until(r"Spectate which guild\?(.|\n)*\d+ members", "the demo's guilds")
    terminal.click("members", picker.string)  # the first guild of the list
    screen = terminal.until(r"spectating .*\D([1-9]\d*)/\d+ rows", "rows to stream in").string
    assert re.search(TABLE_WITH_A_ROW, screen, re.MULTILINE), screen

    apps = [pid for pid in served.members() if pid != served.process.pid]
    assert len(apps) == 1  # one app for the one tab
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=30) == 0, served.output()
    terminal.says_session_ended()
    assert not set(apps) & set(served.members())  # the tab's app quit with the server


def test_enter_spectates_from_the_picker_shown_before_the_tab_had_focus(
    serve: Callable[..., Any], terminal: Any, env: dict[str, str], port: int
) -> None:
    terminal.open(serve("--demo", "--port", str(port), env=env).url())
    terminal.until_received("members")  # the picker is up before the tab has focus
    terminal.press("Enter")  # what a user does first: focus the tab, press Enter
    terminal.until(r"spectating ", "Enter to spectate the highlighted guild", timeout=5)


def test_a_real_gateway_is_served_with_the_token_kept_off_every_command_line(
    serve: Callable[..., Any], terminal: Any, env: dict[str, str], port: int
) -> None:
    gateway = subprocess.Popen(
        [sys.executable, "-m", "archit_tui", "gateway", "--port", "0", "--seed", "7"]
        + ["--rate", "0", "--backlog", "40"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env | {"ARCHIT_TUI_GATEWAY_TOKEN": TEST_TOKEN},
    )
    try:
        assert gateway.stdout is not None
        gateway_url = gateway.stdout.readline().rsplit(" ", 1)[1].strip()
        gateway.stdout.readline()  # where the token is from
        guilds = gateway.stdout.readline().removeprefix("Guilds: ")
        name, guild = re.findall(r"(\S[^,]*?) \((\d+)\)", guilds)[0]
        served = serve(
            "--url", gateway_url, "--guild", guild, "--port", str(port),
            env=env | {"ARCHIT_TUI_TOKEN": TEST_TOKEN},
        )  # fmt: skip
        terminal.open(served.url())
        screen = terminal.until(r"spectating .*\D40/40 rows", "the 40 backlog rows").string
        assert f"spectating {name}" in screen
        assert re.search(TABLE_WITH_A_ROW, screen, re.MULTILINE), screen
        for pid in served.members():
            command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
            assert b"--url" in command_line or b"serve" in command_line
            assert TEST_TOKEN.encode() not in command_line
        assert TEST_TOKEN not in served.output()
    finally:
        gateway.send_signal(signal.SIGTERM)
        gateway.communicate(timeout=30)
