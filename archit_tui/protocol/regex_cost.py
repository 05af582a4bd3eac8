"""How long a regular expression may take: a rough upper bound from its structure.

Python's ``re`` has no timeout, and a pattern like ``(a+)+$`` can backtrack for ages on a
modest text. Both the filter language and the stand-in's mock bot refuse patterns whose
estimated worst case is too high, before they run.
"""

from __future__ import annotations

import math
import warnings

_BRANCHING_OPS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def backtracking_steps(items: object, n: int, limit: float) -> float:
    """A rough upper bound of the ways ``items`` can match ``n`` characters (backtracking work).

    A sequence multiplies its parts, alternatives add up, an open-ended repeat of a deterministic
    body costs ``n``, and a repeat of a body that can itself match in several ways is exponential.
    """
    total = 1.0
    for op, arg in items:  # type: ignore[attr-defined]
        name = str(op)
        if name in _BRANCHING_OPS:
            low, high, body = arg
            inner = backtracking_steps(body, n, limit)
            if high <= 1:
                total *= 1 + inner
            elif inner > 1:
                # Each pass may match in `inner` ways: inner ** high paths, unless that is huge.
                steps = high * math.log(inner) if high - low <= 16 else math.inf
                total *= math.inf if steps > math.log(limit) else inner**high
            else:
                total *= min(high - low + 1, n + 1)
        elif name == "BRANCH":
            total *= sum(backtracking_steps(option, n, limit) for option in arg[1])
        elif name == "SUBPATTERN":
            total *= backtracking_steps(arg[3], n, limit)
        elif name in {"ASSERT", "ASSERT_NOT"}:
            total *= backtracking_steps(arg[1], n, limit)
        elif name == "ATOMIC_GROUP":
            total *= backtracking_steps(arg, n, limit)
        elif name == "GROUPREF_EXISTS":
            _group, yes, no = arg
            total *= n * (
                backtracking_steps(yes, n, limit)
                + (backtracking_steps(no, n, limit) if no is not None else 1)
            )
        elif name in {"GROUPREF", "GROUPREF_IGNORE"}:
            total *= n
        if total > limit:
            return math.inf
    return total


def too_slow(source: str, flags: int, n: int, limit: float) -> bool:
    """True when ``source`` might take more than ``limit`` steps on ``n`` characters."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    try:
        with warnings.catch_warnings():  # "Possible nested set" would print over the screen
            warnings.simplefilter("ignore")
            parsed = sre_parse.parse(source, flags)
    except (RecursionError, OverflowError, ValueError):
        return True
    return backtracking_steps(parsed, n, limit) > limit
