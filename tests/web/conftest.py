"""Running ``archit-tui serve`` and reading what a headless Chromium shows of it."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 720}
"""Wide enough (about 140 columns) for every column of the log table."""
WAIT = 30.0
"""Seconds any one condition may take to hold (they hold in a second or two)."""

# xterm.js draws the terminal on a canvas: the DOM holds no text. The test reads the screen the
# way a user copies it: Shift+drag selects every cell (Shift makes xterm select even while the
# app has the mouse), and a copy event hands xterm's selection to the page's clipboardData.
_COPY_SELECTION = """() => {
  const data = new DataTransfer();
  const copy = new ClipboardEvent("copy", {clipboardData: data, bubbles: true, cancelable: true});
  document.querySelector(".xterm-helper-textarea").dispatchEvent(copy);
  return data.getData("text/plain");
}"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """This environment without ARCHIT_TUI_* variables, every user dir in ``tmp_path``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARCHIT_TUI_")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.update(XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    return env


@pytest.fixture
def port() -> int:
    """A loopback port nothing listens on (textual-serve needs a real one: 0 will not do)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def until(condition: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    """Poll ``condition`` until it returns something true; fail naming ``what`` if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        if found := condition():
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def group_members(group: int) -> list[int]:
    """The live (not zombie) processes in process group ``group``."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with suppress(OSError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[2]) == group:
                members.append(int(entry.name))
    return members


@dataclass
class Served:
    """A running ``archit-tui serve``: its process (a group of its own) and its output."""

    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        """Everything it printed so far (stdout and stderr)."""
        return self.log.read_text(errors="replace")

    def members(self) -> list[int]:
        """Its live processes: the server and each tab's app."""
        return group_members(self.process.pid)

    def url(self) -> str:
        """The URL it says to open, once it says so (it listens by then)."""

        def said() -> str | None:
            if self.process.poll() is not None:
                pytest.fail(f"archit-tui serve ended early:\n{self.output()}")
            found = re.search(r"open (http://\S+) in a web browser", self.output())
            return found.group(1) if found else None

        return str(until(said, "archit-tui serve to print its URL"))


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Start ``archit-tui serve ARGS`` in a process group of its own; all of it is killed after."""
    started: list[Served] = []

    def start(*args: str, env: dict[str, str]) -> Served:
        log = tmp_path / f"serve-{len(started)}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "archit_tui", "serve", *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,
            )
        started.append(Served(process, log))
        return started[-1]

    yield start
    for served in started:
        with suppress(ProcessLookupError):
            os.killpg(served.process.pid, signal.SIGKILL)  # the server and every tab's app
        served.process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system (Debian's chromium), driven by Playwright."""
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail(
            "the browser test needs Chromium: `apt-get install chromium` (.ci/run installs it)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Terminal:
    """A browser tab showing a served app, and what its terminal shows."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.received = bytearray()
        """Every byte the app's websocket brought, read without touching (focusing) the page."""

    def open(self, url: str) -> None:
        """Load the page and wait for the app's first bytes to reach the terminal."""

        def on_websocket(websocket: Any) -> None:
            websocket.on("framereceived", self._on_frame)

        self.page.on("websocket", on_websocket)
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.wait_for_function(
            "document.body.classList.contains('-first-byte')", timeout=WAIT * 1000
        )

    def text(self) -> str:
        """The text of every cell of the terminal, one line per row."""
        box = self.page.locator(".xterm-screen").bounding_box()
        mouse = self.page.mouse
        self.page.keyboard.down("Shift")
        mouse.move(box["x"] + 1, box["y"] + 1)
        mouse.down()
        mouse.move(box["x"] + box["width"] - 1, box["y"] + box["height"] - 1, steps=2)
        mouse.up()
        self.page.keyboard.up("Shift")
        return str(self.page.evaluate(_COPY_SELECTION))

    def until(self, pattern: str, what: str, timeout: float = WAIT) -> re.Match[str]:
        """Wait until the screen matches ``pattern`` (multiline); fail showing the last screen."""
        last = ""

        def matches() -> re.Match[str] | None:
            nonlocal last
            last = self.text()
            return re.search(pattern, last, re.MULTILINE)

        deadline = time.monotonic() + timeout
        while not (found := matches()):
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen showed:\n{last}")
            time.sleep(0.1)
        return found

    def _on_frame(self, payload: str | bytes) -> None:
        self.received += payload.encode() if isinstance(payload, str) else payload

    def until_received(self, text: str) -> None:
        """Wait until ``text`` has reached the page, without focusing it (or drawing it yet)."""
        deadline = time.monotonic() + WAIT
        while text.encode() not in self.received:
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {text!r} to reach the page")
            self.page.wait_for_timeout(100)  # Playwright delivers the frames while it waits

    def click(self, text: str, screen: str) -> None:
        """Click the first cell of ``text``, found in ``screen`` (a `text` of this terminal).

        The first line of ``screen`` gives the number of columns: it must hold one character a
        cell (no emoji). On ``text``'s own line, a wide character before it moves the click a
        cell to the left, which still lands on the same row.
        """
        lines = screen.split("\n")
        row = next(number for number, line in enumerate(lines) if text in line)
        column = lines[row].index(text)
        box = self.page.locator(".xterm-screen").bounding_box()
        cell_width, cell_height = box["width"] / len(lines[0]), box["height"] / len(lines)
        x = box["x"] + (column + 0.5) * cell_width
        y = box["y"] + (row + 0.5) * cell_height
        self.page.mouse.click(x, y)

    def press(self, key: str) -> None:
        """Type ``key`` into the terminal."""
        self.page.focus(".xterm-helper-textarea")
        self.page.keyboard.press(key)

    def says_session_ended(self) -> None:
        """Wait for the page's own "Session ended" dialog."""
        self.page.wait_for_function(
            "document.body.classList.contains('-closed')", timeout=WAIT * 1000
        )


@pytest.fixture
def terminal(browser: Any) -> Iterator[Terminal]:
    """A fresh tab of `VIEWPORT` size."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield Terminal(context.new_page())
    finally:
        context.close()
