"""idle_cpu_pct: CPU used by the app holding 100,000 rows while nothing arrives."""

from __future__ import annotations

import asyncio
import os
import pty
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .ingest import GUILD
from .standin_process import BENCH_TOKEN, standin_process

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _drain(fd: int, seconds: float) -> None:
    """Read (and drop) what the app draws for ``seconds``, as a terminal would."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


async def measure(
    rows: int = 100_000, settle: float = 20.0, window: float = 10.0
) -> dict[str, float]:
    async with standin_process("--rate", "0", "--backlog", str(rows), "--seed", "0") as url:
        with tempfile.TemporaryDirectory() as home:
            token = Path(home) / "token"
            token.write_text(BENCH_TOKEN)
            token.chmod(0o600)
            env = {k: v for k, v in os.environ.items() if not k.startswith("ARCHIT_TUI_")}
            env.update(HOME=home, XDG_CONFIG_HOME=home, TERM="xterm-256color")
            leader, follower = pty.openpty()
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "archit_tui",
                    "--url",
                    url,
                    "--token-file",
                    str(token),
                    "--guild",
                    str(GUILD),
                ],
                stdin=follower,
                stdout=follower,
                stderr=follower,
                env=env,
                close_fds=True,
            )
            os.close(follower)
            try:
                await asyncio.to_thread(_drain, leader, settle)  # load, draw, index, compress
                before = cpu_seconds(process.pid)
                await asyncio.to_thread(_drain, leader, window)
                used = cpu_seconds(process.pid) - before
            finally:
                process.terminate()
                process.wait(timeout=30)
                os.close(leader)
    return {"cpu_pct": used / window * 100}
