"""The stand-in gateway in a process of its own, so that it does not share the event loop
(or the interpreter lock) with what is being measured."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

BENCH_TOKEN = "bench-token-not-secret"


@asynccontextmanager
async def standin_process(*args: str) -> AsyncIterator[str]:
    """Run ``archit-tui gateway --port 0 ARGS``; yield its URL; stop it on exit."""
    env = dict(os.environ, ARCHIT_TUI_GATEWAY_TOKEN=BENCH_TOKEN)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "archit_tui",
        "gateway",
        "--port",
        "0",
        *args,
        stdout=asyncio.subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
    if "listening on" not in line:
        raise RuntimeError(f"the stand-in did not start: {line!r}")
    try:
        yield line.rsplit(" ", 1)[1].strip()
    finally:
        process.terminate()
        await process.wait()
