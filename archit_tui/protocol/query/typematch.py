"""Which action types a ``type:`` value or a free word names."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches

from ..actions import NAMED_TYPES, action_type, types_matching

KNOWN_NUMBERS = frozenset(NAMED_TYPES)
"""Every number with a name (documented, or the app's own rows such as CONNECTION_GAP); the
others are shown as ``UNKNOWN(n)``."""

_UNKNOWN_CHARS = frozenset("unkow()-0123456789")
_NUMBER = re.compile(r"-?[0-9]+")
_UNKNOWN_NUMBER = re.compile(r"unknown\((-?[0-9]+)\)")
_SUGGESTIONS = sorted(
    {t.name.lower() for t in NAMED_TYPES.values()}
    | {part.lower() for t in NAMED_TYPES.values() for part in t.name.split("_")}
    | {"unknown"}
)


@dataclass(frozen=True, slots=True)
class TypeSet:
    """The action numbers a ``type:`` value names; ``unknown`` adds every undocumented one."""

    numbers: frozenset[int]
    unknown: bool = False

    def __or__(self, other: TypeSet) -> TypeSet:
        return TypeSet(self.numbers | other.numbers, self.unknown or other.unknown)

    def test(self) -> Callable[[int], bool]:
        """A predicate over action numbers for this set."""
        if not self.unknown:
            return self.numbers.__contains__
        numbers = self.numbers
        return lambda number: number in numbers or number not in KNOWN_NUMBERS


def types_named(value: str) -> TypeSet:
    """The types ``value`` names, or an empty set if it names none.

    In order: a number; ``UNKNOWN(n)``; a prefix of ``unknown`` (every undocumented number);
    an exact name or a name prefix (`types_matching`); then whole ``_``-separated parts of
    names, so ``ban`` names MEMBER_BAN_ADD and MEMBER_BAN_REMOVE and ``role_update`` names
    ROLE_UPDATE and MEMBER_ROLE_UPDATE. Case, ``-`` and spaces for ``_`` do not matter.
    """
    written = value.strip().lower()
    if not written.isascii():
        return TypeSet(frozenset())  # names are ASCII; and "٣" is no number here
    if _NUMBER.fullmatch(written):
        return TypeSet(frozenset({int(written)}))
    number = _UNKNOWN_NUMBER.fullmatch(written)
    if number is not None:
        return TypeSet(frozenset({int(number.group(1))}))
    if len(written) >= 2 and "unknown".startswith(written):
        return TypeSet(frozenset(), unknown=True)
    underscored = "_".join(written.replace("-", " ").split()).upper()
    if not underscored:
        return TypeSet(frozenset())
    matched = types_matching(underscored)
    if not matched:
        part = f"_{underscored}_"
        matched = frozenset(n for n, t in NAMED_TYPES.items() if part in f"_{t.name}_")
    return TypeSet(matched)


def suggest_type(value: str) -> str | None:
    """The type name or name part closest to a ``value`` that names no type."""
    guesses = get_close_matches(value.strip().lower(), _SUGGESTIONS, n=1, cutoff=0.6)
    return guesses[0] if guesses else None


def searchable_type_names(number: int) -> tuple[str, str]:
    """How a free word sees a type's name: ``member_ban_add`` and ``member ban add``."""
    name = action_type(number).name.lower()
    return name, name.replace("_", " ")


def known_types_named(test: Callable[[str], bool]) -> frozenset[int]:
    """Named numbers (`KNOWN_NUMBERS`) one of whose `searchable_type_names` passes ``test``."""
    return frozenset(n for n in KNOWN_NUMBERS if any(map(test, searchable_type_names(n))))


def word_may_name_unknown(word: str) -> bool:
    """False only if ``word`` occurs in no ``unknown(n)``, whatever the number n.

    Lets most words skip the pass that looks for undocumented numbers.
    """
    if not word:
        return True
    if not set(word) <= _UNKNOWN_CHARS:
        return False
    # Any digit stands for any digit of some number: compare shapes, for every count of digits.
    shape = re.sub(r"[0-9]", "0", word)
    return any(
        shape in f"unknown({sign}{'0' * digits})"
        for sign in ("", "-")
        for digits in range(1, len(shape) + 1)
    )
