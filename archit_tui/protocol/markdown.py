"""Discord markdown, read into styled spans of plain text (pure: no Rich, no Textual).

`parse_markdown` only *removes* syntax: the spans' text, joined, is the input with the markers
taken out (``**``, fences, ``> ``, the brackets of a link...), never a character added or
moved. Markers that are never closed stay as text, as Discord shows them. Nothing here is
markup for anyone else: the UI builds ``rich.text.Text`` from the spans, literally.

`display_spans` then writes mentions as names and (for bot text) shortcodes as emoji.

What is read, following Discord's rules (simple-markdown): ``**bold**``, ``*italic*`` and
``_italic_``, ``__underline__``, ``~~strike~~``, ``||spoiler||``, inline code (any run of
backticks), fenced code blocks with an optional language, ``[text](https://url)`` links,
bare and ``<https://...>`` URLs, ``> `` and ``>>> `` quotes, ``#``/``##``/``###`` headings,
``-# `` subtext, mentions ``<@id>`` ``<@!id>`` ``<@&id>`` ``<#id>`` ``<:name:id>``, and
backslash escapes. Lists stay as written (their markers read well as they are).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .emoji import replace_shortcodes
from .markdown_inline import (
    BOLD,
    CODE,
    EMOJI,
    ITALIC,
    LINK,
    LINK_TARGET,
    MENTION,
    SPOILER,
    STRIKE,
    UNDERLINE,
    InlineParser,
    Span,
    merge,
)
from .mentions import MENTION as MENTION_PATTERN
from .mentions import NameLookup, mention_text

__all__ = [
    "BOLD",
    "CODE",
    "CODE_BLOCK",
    "CODE_LANGUAGE",
    "EMOJI",
    "HEADINGS",
    "ITALIC",
    "LINK",
    "LINK_TARGET",
    "MENTION",
    "QUOTE",
    "SPOILER",
    "STRIKE",
    "SUBTEXT",
    "UNDERLINE",
    "Span",
    "display_spans",
    "parse_markdown",
    "plain_text",
    "resolve_spans",
]

CODE_BLOCK = "code_block"
CODE_LANGUAGE = "code_language"
"""The language named after a code block's opening fence."""
QUOTE = "quote"
SUBTEXT = "subtext"
HEADINGS = ("heading1", "heading2", "heading3")
"""Style of a ``#``, ``##`` and ``###`` heading line."""

_FENCE = "```"
_LANGUAGE = re.compile(r"([A-Za-z0-9_+\-.#]{1,32})\n")
_HEADING = re.compile(r"(#{1,3}) +(?=\S)")
_SUBTEXT = re.compile(r"-# +(?=\S)")


@dataclass(frozen=True, slots=True)
class _Line:
    """One line of text outside code blocks: its block styles and its content."""

    styles: frozenset[str]
    content: str
    merges: bool
    """Whether it may join its neighbours with the same styles (headings stand alone)."""


def parse_markdown(text: str) -> list[Span]:
    """``text`` as spans of plain text with style names; never raises."""
    spans: list[Span] = []
    position = 0
    while position < len(text):
        fence = _find_fence(text, position)
        if fence is None:
            _text_block(text[position:], _at_line_start(text, position), spans)
            break
        start, content_start, language, close = fence
        if start > position:
            _text_block(text[position:start], _at_line_start(text, position), spans)
        if language:
            spans.append(Span(language, frozenset({CODE_LANGUAGE})))
        content_end = close - 1 if text[close - 1] == "\n" and close - 1 > content_start else close
        spans.append(Span(text[content_start:content_end], frozenset({CODE_BLOCK})))
        position = close + len(_FENCE)
    return merge(spans)


def display_spans(text: str, names: NameLookup, *, shortcodes: bool = False) -> list[Span]:
    """`parse_markdown`, with mentions written as names (ids while unknown) and, with
    ``shortcodes``, common ``:name:`` shortcodes as emoji (never inside code)."""
    return resolve_spans(parse_markdown(text), names, shortcodes=shortcodes)


def resolve_spans(
    spans: Sequence[Span], names: NameLookup, *, shortcodes: bool = False
) -> list[Span]:
    """Parsed spans with mentions written as names and, with ``shortcodes``, emoji."""
    shown: list[Span] = []
    for span in spans:
        if MENTION in span.styles or EMOJI in span.styles:
            match = MENTION_PATTERN.fullmatch(span.text)
            if match is not None:
                name = mention_text(match[1], match["emoji"], int(match["id"]), names)
                span = Span(name, span.styles, span.link)
        elif shortcodes and not span.styles & {CODE, CODE_BLOCK, LINK_TARGET}:
            span = Span(replace_shortcodes(span.text), span.styles, span.link)
        shown.append(span)
    return shown


def plain_text(spans: list[Span]) -> str:
    """The spans' text, joined."""
    return "".join(span.text for span in spans)


def _at_line_start(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] == "\n"


def _find_fence(text: str, position: int) -> tuple[int, int, str, int] | None:
    """The next code block: (fence start, content start, language, closing fence start)."""
    start = text.find(_FENCE, position)
    while start != -1:
        if _escaped(text, start):
            start = text.find(_FENCE, start + 1)
            continue
        content_start, language = start + 3, ""
        named = _LANGUAGE.match(text, content_start)
        if named is not None:
            content_start, language = named.end(), named[1]
        elif text.startswith("\n", content_start):
            content_start += 1
        close = text.find(_FENCE, content_start)
        if close == -1:
            return None
        if close == content_start and language:
            # "```py\n```": no language after all, the word is the content.
            content_start, language = start + 3, ""
        if close > content_start:
            return start, content_start, language, close
        start = text.find(_FENCE, close + 3)
    return None


def _escaped(text: str, index: int) -> bool:
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _text_block(text: str, line_start: bool, spans: list[Span]) -> None:
    """Text between code blocks: line prefixes (quotes, headings), then inline syntax."""
    lines = [
        _Line(frozenset(), line, True) if index == 0 and not line_start else _read_line(line)
        for index, line in enumerate(text.split("\n"))
    ]
    for index, line in enumerate(lines):
        at_start = index > 0 or line_start
        if at_start and line.content.startswith(">>> ") and not line.styles and line.merges:
            rest = [line.content[4:], *(later.content for later in lines[index + 1 :])]
            lines[index:] = [_Line(frozenset({QUOTE}), content, True) for content in rest]
            break
    run: list[_Line] = []
    for line in lines:
        if run and not (line.merges and run[-1].merges and line.styles == run[-1].styles):
            _inline_run(run, spans)
            spans.append(Span("\n"))
            run = []
        run.append(line)
    if run:
        _inline_run(run, spans)


def _read_line(line: str) -> _Line:
    styles: set[str] = set()
    if line.startswith("> ") or line == ">":
        styles.add(QUOTE)
        line = line[2:]
    heading = _HEADING.match(line)
    if heading is not None:
        styles.add(HEADINGS[len(heading[1]) - 1])
        return _Line(frozenset(styles), line[heading.end() :], False)
    subtext = _SUBTEXT.match(line)
    if subtext is not None:
        styles.add(SUBTEXT)
        return _Line(frozenset(styles), line[subtext.end() :], False)
    return _Line(frozenset(styles), line, True)


def _inline_run(run: list[_Line], spans: list[Span]) -> None:
    text = "\n".join(line.content for line in run)
    if text:
        spans.extend(InlineParser(text).parse(run[0].styles))
