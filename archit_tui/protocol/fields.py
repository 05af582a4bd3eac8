"""Typed field access on decoded JSON objects, for the parse functions.

Required fields raise `Malformed` with a plain-words reason; optional fields that are present
but unusable are ignored and noted in `ObjectReader.problems`, so one odd field does not lose
the whole event.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .json_values import JSON, json_kind
from .models import MalformedEvent
from .snowflake import SnowflakeError, parse_snowflake

_MISSING = object()
T = TypeVar("T")


class Malformed(Exception):
    """Raised inside a parse function; the public parse functions turn it into a value."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def require_object(value: object, what: str) -> Mapping[str, Any]:
    """``value`` if it is a JSON object, else `Malformed`."""
    if not isinstance(value, Mapping):
        raise Malformed(f"{what} should be an object, got {json_kind(value)}")
    return value


class ObjectReader:
    """Reads typed fields from one JSON object, remembering optional fields it had to ignore."""

    def __init__(self, obj: Mapping[str, Any], where: str = "") -> None:
        self.obj = obj
        self.where = where
        self.problems: list[str] = []

    def _name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return self.obj.get(key) is not None

    def first_key(self, *keys: str) -> str | None:
        """The first of ``keys`` present with a non-null value (for renamed fields)."""
        for key in keys:
            if self.obj.get(key) is not None:
                return key
        return None

    # Required fields -------------------------------------------------------------------------

    def snowflake(self, key: str) -> int:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            raise Malformed(f"{self._name(key)} is missing")
        try:
            return parse_snowflake(value)
        except SnowflakeError as error:
            raise Malformed(f"{self._name(key)}: {error}") from None

    def integer(self, key: str) -> int:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING or value is None:
            raise Malformed(f"{self._name(key)} is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise Malformed(f"{self._name(key)} should be an integer, got {json_kind(value)}")
        return value

    def boolean(self, key: str) -> bool:
        value = self.obj.get(key, _MISSING)
        if not isinstance(value, bool):
            got = "nothing" if value is _MISSING else json_kind(value)
            raise Malformed(f"{self._name(key)} should be true or false, got {got}")
        return value

    def string(self, key: str) -> str:
        value = self.obj.get(key, _MISSING)
        if not isinstance(value, str):
            got = "nothing" if value is _MISSING else json_kind(value)
            raise Malformed(f"{self._name(key)} should be a string, got {got}")
        return value

    # Optional fields: absent or null gives None; a wrong type is noted and gives None ---------

    def _optional(self, key: str) -> Any:
        return self.obj.get(key)

    def _note(self, key: str, expected: str, value: object) -> None:
        self.problems.append(f"{self._name(key)} should be {expected}, got {json_kind(value)}")

    def opt_snowflake(self, key: str) -> int | None:
        value = self._optional(key)
        if value is None:
            return None
        try:
            return parse_snowflake(value)
        except SnowflakeError as error:
            self.problems.append(f"{self._name(key)}: {error}")
            return None

    def opt_integer(self, key: str) -> int | None:
        value = self._optional(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._note(key, "an integer", value)
            return None
        return value

    def opt_string(self, key: str) -> str | None:
        value = self._optional(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self._note(key, "a string", value)
            return None
        return value

    def opt_boolean(self, key: str, default: bool = False) -> bool:
        value = self._optional(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self._note(key, "true or false", value)
            return default
        return value

    def opt_strings(self, key: str) -> tuple[str, ...]:
        """An array of strings; non-string items are noted and skipped."""
        value = self._optional(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self._note(key, "an array of strings", value)
            return ()
        items = tuple(item for item in value if isinstance(item, str))
        if len(items) != len(value):
            self.problems.append(f"{self._name(key)} has items that are not strings")
        return items

    def opt_snowflakes(self, key: str) -> tuple[int, ...]:
        """An array of ids; unusable items are noted and skipped."""
        value = self._optional(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self._note(key, "an array of ids", value)
            return ()
        ids = []
        for item in value:
            try:
                ids.append(parse_snowflake(item))
            except SnowflakeError as error:
                self.problems.append(f"{self._name(key)}: {error}")
        return tuple(ids)


def guarded(event: str, payload: JSON, build: Callable[[], T]) -> T | MalformedEvent:
    """Run ``build``; turn any failure into a `MalformedEvent` for ``event``."""
    try:
        return build()
    except Malformed as error:
        return MalformedEvent(event, error.reason, payload)
    except RecursionError:
        return MalformedEvent(event, "the payload is nested too deeply", payload)
    except Exception as error:  # noqa: BLE001 - a parser must never raise; say what happened
        return MalformedEvent(event, f"could not be read ({type(error).__name__})", payload)
