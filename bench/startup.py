"""startup_ms: process start to the first painted frame, against importing Textual."""

from __future__ import annotations

import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time

FIRST_FRAME_MARK = b"Filter"
"""Text of the main screen: its appearance on the terminal is the first painted frame."""


def _baseline_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import textual.app"], check=True)
    return time.perf_counter() - started


def _app_seconds(home: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIT_TUI_")}
    env.update(HOME=home, XDG_CONFIG_HOME=home, TERM="xterm-256color", COLUMNS="120", LINES="40")
    leader, follower = pty.openpty()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "archit_tui", "--demo"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    seen = b""
    try:
        while FIRST_FRAME_MARK not in seen:
            ready, _, _ = select.select([leader], [], [], 30)
            if not ready:
                raise TimeoutError("the app drew nothing in 30 s")
            seen += os.read(leader, 65536)
        return time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
        os.close(leader)


def measure(rounds: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        _app_seconds(home)  # warm the file cache
        apps, baselines = [], []
        for _ in range(rounds):
            baselines.append(_baseline_seconds())
            apps.append(_app_seconds(home))
    app, baseline = statistics.median(apps), statistics.median(baselines)
    return {"app_ms": app * 1000, "baseline_ms": baseline * 1000, "ratio": app / baseline}
