"""The help text: its examples work, it fits a terminal, and the language stays pure Python."""

import re
import subprocess
import sys
from datetime import timezone

import pytest

from archit_tui.protocol.query import FIELDS, QUERY_HELP, parse_query


def examples() -> list[str]:
    lines = [line for line in QUERY_HELP.splitlines() if re.match(r"  \S", line)]
    return [re.split(r"\s{2,}", line.strip())[0] for line in lines]


def test_there_are_examples_of_every_field_and_construct() -> None:
    text = " ".join(examples())
    for field in FIELDS:
        assert f"{field}:" in text
    for construct in ('"', "/", "-", ","):
        assert construct in text


@pytest.mark.parametrize("example", examples())
def test_every_example_parses(example: str) -> None:
    assert not parse_query(example, now_ms=1_796_311_845_678, tz=timezone.utc).is_empty


def test_help_fits_78_columns() -> None:
    assert max(len(line) for line in QUERY_HELP.splitlines()) <= 78


def test_the_language_loads_no_textual() -> None:
    code = (
        "import sys, archit_tui.protocol.query\n"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
