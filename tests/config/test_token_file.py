"""A token file that is no file at all gets the right fix, whatever its mode."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.config_files import KNOWN_TOKEN, isolate_config

from archit_tui.config import ConfigError, ConfigFlags, load_settings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds and modes")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_config(monkeypatch, tmp_path / "home")


def token_file_error(path: Path) -> str:
    """The message of loading a gateway URL with ``--token-file path``."""
    flags = ConfigFlags(url="https://g.example", token_file=path)
    with pytest.raises(ConfigError) as caught:
        load_settings(flags, {})
    return str(caught.value)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe that a writer would answer with a token, were it ever opened to read."""
    path = tmp_path / "token-pipe"
    os.mkfifo(path)

    def write_token() -> None:
        try:
            with open(path, "w", encoding="utf-8") as pipe:  # waits for a reader
                pipe.write(KNOWN_TOKEN)
        except BrokenPipeError:  # released unread at the end of the test
            pass

    writer = threading.Thread(target=write_token, daemon=True)
    writer.start()
    yield path
    if writer.is_alive():  # nobody read it, as it should be: let the writer go
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        writer.join(5)


@pytest.mark.parametrize("mode", [0o755, 0o700])
def test_a_directory_is_named_as_one_whatever_its_mode(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "tester"
    folder.mkdir(mode=mode)
    folder.chmod(mode)
    message = token_file_error(folder)
    assert f"the token file {folder} is a directory, not a file" in message
    assert "chmod" not in message and "other users" not in message


@pytest.mark.parametrize("mode", [0o644, 0o600])
def test_a_named_pipe_is_refused_unread(fifo: Path, mode: int) -> None:
    fifo.chmod(mode)
    message = token_file_error(fifo)
    assert f"the token file {fifo} is a named pipe (FIFO), not a file" in message
    assert "chmod" not in message and KNOWN_TOKEN not in message


def test_a_device_is_refused_as_a_device() -> None:
    message = token_file_error(Path(os.devnull))
    assert f"the token file {os.devnull} is a device, not a file" in message
    assert "chmod" not in message
