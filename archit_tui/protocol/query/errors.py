"""The one error the filter language raises, with the span of the text it is about."""

from __future__ import annotations


class QueryError(ValueError):
    """A filter query that cannot be understood.

    ``message`` is plain words for the user; ``start``/``end`` are character positions in the
    query text (``end`` exclusive) so the filter bar can underline the bad part.
    """

    def __init__(self, message: str, start: int, end: int) -> None:
        super().__init__(message)
        self.message = message
        """What is wrong, and how to fix it, in plain words."""
        self.start = start
        """Position of the first character of the bad part."""
        self.end = max(end, start)
        """Position just past the bad part (never before ``start``)."""

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, int, int]]:
        return (type(self), (self.message, self.start, self.end))

    def __repr__(self) -> str:
        return f"QueryError({self.message!r}, {self.start}, {self.end})"
