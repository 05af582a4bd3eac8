"""The app in a real pseudo-terminal: quitting by key or signal restores the terminal."""

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def read_until(fd: int, wanted: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.parametrize("how", ["q", "ctrl+c", "SIGTERM", "SIGHUP"])
def test_quitting_restores_the_terminal(how: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIT_TUI_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), TERM="xterm-256color")
    env.update(COLUMNS="100", LINES="30")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "archit_tui", "--demo"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    try:
        shown = read_until(leader, b"Spectate which guild", 60)
        assert b"Spectate which guild" in shown
        if how == "q":
            os.write(leader, b"\x1b")  # leave the guild picker
            time.sleep(0.5)  # or the terminal reads Escape and q as Alt+q
            os.write(leader, b"q")
        elif how == "ctrl+c":
            os.write(leader, b"\x03")
        else:
            process.send_signal(getattr(signal, how))
        rest = read_until(leader, LEAVE_ALTERNATE_SCREEN, 30)
        assert process.wait(timeout=30) == 0
        assert LEAVE_ALTERNATE_SCREEN in rest
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)


def test_a_closed_terminal_does_not_leave_the_app_running(tmp_path: Path) -> None:
    """A hung-up terminal that no longer reads: the app must still end (it once hung)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIT_TUI_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), TERM="xterm-256color")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "archit_tui", "--demo"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(follower)
    try:
        assert b"Spectate which guild" in read_until(leader, b"Spectate which guild", 60)
        os.write(leader, b"\r")  # spectate: the screen keeps changing
        time.sleep(8)  # nobody reads: the terminal's buffer fills and writes block
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        if leader != -1:
            os.close(leader)
