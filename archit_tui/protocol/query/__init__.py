"""The filter language: what a moderator types in the filter bar, and how rows are selected.

``parse_query`` turns text into a `Query` (or raises `QueryError` with the span to underline);
``Query.select`` narrows row indices over parallel columns, set-at-a-time. `QUERY_HELP`
explains the language to users. Pure Python: no Textual here.
"""

from .columns import NameIndex, QueryColumns
from .errors import QueryError
from .help import QUERY_HELP
from .lexer import FIELDS
from .parser import Query, parse_query
from .terms import CellField, term_for

__all__ = [
    "FIELDS",
    "QUERY_HELP",
    "CellField",
    "NameIndex",
    "Query",
    "QueryColumns",
    "QueryError",
    "parse_query",
    "term_for",
]
