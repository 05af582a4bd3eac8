"""The payloads of held rows, exactly as received, compactly.

Rows are grouped by seq into chunks of `CHUNK_ROWS`. The newest chunk keeps each payload as
the ``str`` it arrived as; `RawStore.compact` (the app calls it when idle) turns full chunks
into one zlib-compressed blob with offsets, about a quarter of the size. Reading a row of a
compacted chunk decompresses that chunk (a millisecond or so; the last one read is kept).
"""

from __future__ import annotations

import zlib
from array import array
from collections import deque

CHUNK_ROWS = 128
_LEVEL = 1
"""zlib's fastest level: JSON still shrinks about fourfold."""


class _Sealed:
    __slots__ = ("blob", "offsets")

    def __init__(self, payloads: list[str]) -> None:
        encoded = [payload.encode() for payload in payloads]
        offsets = array("I", [0])
        total = 0
        for payload in encoded:
            total += len(payload)
            offsets.append(total)
        self.blob = zlib.compress(b"".join(encoded), _LEVEL)
        self.offsets = offsets


class RawStore:
    """Payload texts by seq; seqs are added in order and dropped from the oldest."""

    def __init__(self) -> None:
        self._chunks: dict[int, list[str] | _Sealed] = {}
        self._opened: tuple[int, bytes] | None = None
        self._full: deque[int] = deque()
        """Keys of full chunks not compressed yet, oldest first."""

    def extend(self, first_seq: int, payloads: list[str]) -> None:
        """Hold ``payloads`` as seqs ``first_seq``, ``first_seq + 1``, ..."""
        seq = first_seq
        index = 0
        while index < len(payloads):
            key, offset = divmod(seq, CHUNK_ROWS)
            chunk = self._chunks.setdefault(key, [])
            assert isinstance(chunk, list) and len(chunk) == offset, "seqs must come in order"
            take = payloads[index : index + CHUNK_ROWS - offset]
            chunk.extend(take)
            if len(chunk) == CHUNK_ROWS:
                self._full.append(key)
            index += len(take)
            seq += len(take)

    def get(self, seq: int) -> str:
        key, offset = divmod(seq, CHUNK_ROWS)
        chunk = self._chunks[key]
        if isinstance(chunk, list):
            return chunk[offset]
        if self._opened is None or self._opened[0] != key:
            self._opened = (key, zlib.decompress(chunk.blob))
        data = self._opened[1]
        return data[chunk.offsets[offset] : chunk.offsets[offset + 1]].decode()

    def drop_before(self, first_seq: int) -> None:
        """Let go of every chunk whose rows are all older than ``first_seq``."""
        for key in [key for key in self._chunks if (key + 1) * CHUNK_ROWS <= first_seq]:
            del self._chunks[key]
        if self._opened is not None and self._opened[0] not in self._chunks:
            self._opened = None

    def compact(self, limit: int = 8) -> int:
        """Compress up to ``limit`` full chunks; how many were."""
        done = 0
        while self._full and done < limit:
            key = self._full.popleft()
            chunk = self._chunks.get(key)
            if isinstance(chunk, list):  # not dropped meanwhile
                self._chunks[key] = _Sealed(chunk)
                done += 1
        return done
