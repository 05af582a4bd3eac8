"""The JavaScript socket.io-client completes the whole protocol flow against the stand-in."""

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from support.standin import TEST_TOKEN, running_standin

HERE = Path(__file__).parent
CLIENT_PACKAGE = "socket.io-client@4"


@pytest.fixture(scope="module")
def node_client() -> Path:
    """The flow script, with socket.io-client installed beside it from the npm registry."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("this test needs Node.js and npm (the interop check with socket.io-client)")
    if not (HERE / "node_modules" / "socket.io-client").is_dir():
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--silent", CLIENT_PACKAGE],
            cwd=HERE,
            check=True,
            timeout=300,
        )
    return HERE / "js_client_flow.mjs"


@pytest.mark.parametrize("transport", ["polling", "websocket"])
async def test_javascript_client_completes_the_flow(node_client: Path, transport: str) -> None:
    async with running_standin(backlog=30) as gateway:
        process = await asyncio.create_subprocess_exec(
            "node",
            str(node_client),
            gateway.url,
            TEST_TOKEN,
            transport,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    found = json.loads(stdout)
    assert found == {
        "elevated": True,
        "guilds": 3,
        "logActions": 30,
        "botReply": {"id": 1, "edit": False, "mentionsPoll": True},
        "error401": True,
    }
