"""Compiling ``/regex/`` terms so that a million rows can be searched quickly.

Two savings, both safe because rows and names reach the filter already lower-cased:
- IGNORECASE doubles the cost of each search, so a pattern is lower-cased instead where that
  means the same (no character classes, no escapes that spell letters, ASCII capitals only);
  others keep the flag. The one difference: without the flag ``s`` no longer finds the long
  ``ſ`` nor ``k`` the Kelvin sign, which no moderator will miss;
- the longest run of plain characters every match must contain (``ban`` in ``\\bban\\b``) is
  tested with ``in`` first, so the regex engine only sees rows that may match.
"""

from __future__ import annotations

import re
import warnings

from ..regex_cost import too_slow

# Escapes that may stand for an upper-case letter: a pattern using one is matched ignoring case.
_CHARACTER_ESCAPES = frozenset("NuUx01234567")
_COUNT = re.compile(r"\{\d*(?:,\d*)?\}")
_SPECIAL = frozenset(".^$|")


REGEX_TEXT_LIMIT = 500
"""Characters of each row's text a ``/regex/`` searches (Python's ``re`` has no timeout)."""
REGEX_STEP_LIMIT = 1e8
"""Patterns whose estimated worst case on `REGEX_TEXT_LIMIT` characters exceeds this are
refused before they run: one could freeze the app for minutes on a single row."""


class RegexError(ValueError):
    """A pattern Python's ``re`` refuses; the message says why in its words."""


def compile_pattern(pattern: str) -> tuple[re.Pattern[str], str]:
    """The compiled ``pattern`` and a literal every match contains (``""`` if none is known)."""
    flags = 0
    if pattern == pattern.lower() and not _spells_letters(pattern):
        pass  # nothing upper-case to fold: the rows are lower-case already
    elif "[" in pattern or not pattern.isascii() or _spells_letters(pattern):
        flags = re.IGNORECASE  # ranges like [Z-a] and escapes cannot be lower-cased safely
    else:
        pattern = _lower_literals(pattern)
    try:
        with warnings.catch_warnings():
            # "Possible nested set" and the like would be printed over the app's screen.
            warnings.simplefilter("ignore")
            compiled = re.compile(pattern, flags)
    except re.error as error:
        raise RegexError(error.msg) from None
    except RecursionError:
        raise RegexError("it is nested too deeply") from None
    except (OverflowError, ValueError) as error:
        raise RegexError(str(error)) from None
    if too_slow(pattern, flags, REGEX_TEXT_LIMIT, REGEX_STEP_LIMIT):
        raise RegexError(
            "it could take far too long to match (repeats inside repeats, or alternatives "
            "inside repeats); simplify it, e.g. (a+)+ to a+"
        )
    # Inline flags (?i) and (?x) change what a plain character means: no shortcut then.
    if compiled.flags & (re.IGNORECASE | re.VERBOSE):
        return compiled, ""
    return compiled, required_literal(pattern)


def required_literal(pattern: str) -> str:
    """The longest run of plain characters that every match of ``pattern`` contains.

    Conservative: groups, classes, escapes of letters and quantified characters end a run, and
    a top-level ``|`` means no literal is required at all.
    """
    runs: list[str] = []
    run: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            following = pattern[index + 1]
            if following.isalnum() or following == "_":
                runs.append("".join(run))
                run = []
            else:
                run.append(following)
            index += 2
            continue
        if char in "*+?" or char == "{":
            count = _COUNT.match(pattern, index) if char == "{" else None
            if run:
                run.pop()  # the quantified character may be absent (or not be one character)
            runs.append("".join(run))
            run = []
            index = count.end() if count is not None else index + 1
            continue
        if char == "(":
            end = _group_end(pattern, index)
            if end is None:
                return ""
            runs.append("".join(run))
            run = []
            index = end
            continue
        if char == "[":
            runs.append("".join(run))
            run = []
            index = _class_end(pattern, index)
            continue
        if char == "|":
            return ""
        if char in _SPECIAL:
            runs.append("".join(run))
            run = []
        else:
            run.append(char)
        index += 1
    runs.append("".join(run))
    return max(runs, key=len)


def _group_end(pattern: str, start: int) -> int | None:
    """Index just past the ``)`` closing the group opened at ``start``; ``None`` if unclosed."""
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def _class_end(pattern: str, start: int) -> int:
    """Index just past the ``]`` closing the class opened at ``start``."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # a "]" first in a class is a member, not the end
    while index < len(pattern):
        if pattern[index] == "\\":
            index += 2
            continue
        if pattern[index] == "]":
            return index + 1
        index += 1
    return len(pattern)


def _spells_letters(pattern: str) -> bool:
    """True if ``pattern`` has an escape that may stand for a letter (``\\x41``, ``\\N{...}``)."""
    index = pattern.find("\\")
    while index != -1 and index + 1 < len(pattern):
        if pattern[index + 1] in _CHARACTER_ESCAPES:
            return True
        index = pattern.find("\\", index + 2)
    return False


def _lower_literals(pattern: str) -> str:
    """``pattern`` with its letters lower-cased, except escapes (``\\D``) and ``(?P<name>``."""
    chars: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern[index] == "\\" or pattern.startswith("(?P", index):
            step = 3 if pattern[index] == "(" else 2
            chars.append(pattern[index : index + step])
            index += step
        else:
            chars.append(pattern[index].lower())
            index += 1
    return "".join(chars)
