"""A wrapper that keeps a secret (the elevation token) out of every repr, str and log line."""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path


class Secret:
    """Holds a secret string. Only `reveal` gives it back; printing it shows ``<hidden>``."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself: call this only where it is sent to the gateway."""
        return self._value

    def __repr__(self) -> str:
        return "Secret(<hidden>)"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("a Secret is not to be pickled")


TOKEN_SIZE_LIMIT = 16 * 1024
"""Bytes a token may take: a token is one short line, so anything longer is some other text."""


def token_size_problem(size: int) -> str | None:
    """Why ``size`` bytes cannot be a token ("holds ... bytes, but ..."), or None if it can."""
    if size <= TOKEN_SIZE_LIMIT:
        return None
    return (
        f"holds {size:,} bytes, but a token is a single short line "
        f"(at most {TOKEN_SIZE_LIMIT:,} bytes)"
    )


class TokenFileError(ValueError):
    """A token file that cannot be used; the message names the file and the fix."""


def check_private(path: Path, what: str) -> None:
    """Refuse ``path`` if its group or others may read it (as ssh refuses such keys)."""
    mode = path.stat().st_mode
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise TokenFileError(
            f"{what} {path} can be read by other users (mode {stat.S_IMODE(mode):o}); "
            f"it holds a secret, so it is refused. Fix: chmod 600 {shlex.quote(str(path))}"
        )


def read_token_file(path: Path) -> Secret:
    """The token in ``path`` (surrounding whitespace removed).

    Refused, in this order: a path that is not a regular file (a directory, a FIFO, a
    device: what it is matters more than who may read it, and reading a FIFO could wait
    forever), a file others can read, a file too large to hold a token, one that is not text.
    The content is never quoted.
    """
    try:
        status = path.stat()
        kind = _not_a_file(status.st_mode)
        if kind:
            raise TokenFileError(
                f"the token file {path} is {kind}, not a file; name the file that holds the token"
            )
        check_private(path, "the token file")
        too_big = token_size_problem(status.st_size)
        if too_big:
            raise TokenFileError(f"the token file {path} {too_big}; is it the right file?")
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise TokenFileError(f"the token file {path} does not exist") from None
    except PermissionError:
        raise TokenFileError(f"the token file {path} cannot be read (permission denied)") from None
    except UnicodeDecodeError:
        raise TokenFileError(f"the token file {path} is not text") from None
    if not text:
        raise TokenFileError(f"the token file {path} is empty")
    return Secret(text)


def _not_a_file(mode: int) -> str | None:
    """What a path that is not a regular file is, in words ("a directory"); None for a file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "an unusual kind of file"


def write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable and writable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    os.chmod(path, 0o600)
