"""Token files and tokens that cannot be tokens: refused at once, saying what they are."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.config_files import KNOWN_TOKEN, isolate_config, write_file

from archit_tui.config import ConfigError, ConfigFlags, load_settings
from archit_tui.protocol.secret import Secret

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds and modes")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_config(monkeypatch, tmp_path / "home")


def load_error(flags: ConfigFlags, environ: dict[str, str] | None = None) -> str:
    """The message of the `ConfigError` that loading raises."""
    with pytest.raises(ConfigError) as caught:
        load_settings(flags, environ or {})
    return str(caught.value)


def token_file_error(path: Path) -> str:
    """The message of loading a gateway URL with ``--token-file path``."""
    return load_error(ConfigFlags(url="https://g.example", token_file=path))


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


TOKEN_SIZE_LIMIT = 16 * 1024
"""Bytes a token may take (a token file's size, its final newline counted)."""

LONG_LINE = "A" * 500 + "\n"
"""Not a token: a line of what could be anything (a key file, a log) that must never show."""


def test_a_huge_token_file_is_refused_at_once_by_its_size(tmp_path: Path) -> None:
    huge = write_file(tmp_path / "token", LONG_LINE * 4_000)  # 2 MB
    message = token_file_error(huge)
    assert f"the token file {huge} holds 2,004,000 bytes" in message
    assert "a token is a single short line (at most 16,384 bytes)" in message
    assert "A" * 20 not in message


def test_a_token_file_of_a_plausible_size_is_read(tmp_path: Path) -> None:
    token = "t" * (TOKEN_SIZE_LIMIT - 1)
    path = write_file(tmp_path / "token", token + "\n")
    settings = load_settings(ConfigFlags(url="https://g.example", token_file=path), {}).settings
    assert settings.token == Secret(token)


def test_a_huge_token_in_a_variable_or_the_config_file_is_refused(tmp_path: Path) -> None:
    huge = "A" * (TOKEN_SIZE_LIMIT + 1)
    message = load_error(ConfigFlags(url="https://g.example"), {"ARCHIT_TUI_TOKEN": huge})
    assert message.startswith("The environment variable ARCHIT_TUI_TOKEN holds 16,385 bytes")
    assert "a token is a single short line" in message and "A" * 20 not in message
    config = write_file(tmp_path / "config.toml", f'token = "{huge}"\n')
    message = load_error(ConfigFlags(url="https://g.example", config=config))
    assert f"In the config file {config}, `token` holds 16,385 bytes" in message
    assert "A" * 20 not in message
