"""Inline Discord markdown: emphasis, code, spoilers, links and mentions within a block.

Used by `archit_tui.protocol.markdown`; see there for what is read. The parser scans left to
right and, at each marker, looks for its closer the way Discord's rules do (the nearest one
that qualifies). Work is bounded: nesting deeper than `MAX_DEPTH` and closer searches beyond
a budget proportional to the text's length leave the remaining markers as text, so no message,
however hostile, costs more than linear time.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import TypeAlias

from .mentions import MENTION as MENTION_PATTERN

BOLD = "bold"
ITALIC = "italic"
UNDERLINE = "underline"
STRIKE = "strike"
SPOILER = "spoiler"
CODE = "code"
LINK = "link"
"""Text that links to `Span.link` (a masked link's text, or a URL written out)."""
LINK_TARGET = "link_target"
"""The URL of a masked link ``[text](url)``, kept so that a reader can see where it goes."""
MENTION = "mention"
EMOJI = "emoji"
"""A custom emoji ``<:name:id>``."""

MAX_DEPTH = 16
"""Markers nested deeper than this are shown as text."""

_PAIRS = {"**": BOLD, "__": UNDERLINE, "~~": STRIKE, "||": SPOILER}
_LOOKAHEAD = {"**", "__"}
"""Pairs whose closer may not be followed by one more of the same character."""
_SPECIAL = re.compile(r"[\\*_~|`<\[h]")
_ESCAPABLE = frozenset(string.punctuation)
_URL_CHARS = r"[^\s<>\x00-\x1f\x7f-\x9f]"
_URL = re.compile(r"https?://[^\s<>\[\]\x00-\x1f\x7f-\x9f]+")
"""A bare URL; brackets end it (they are rarely part of one, and often around one)."""
_AUTOLINK = re.compile(rf"<(https?://{_URL_CHARS}+)>")
_LINK = re.compile(rf"\[((?:\\.|[^\[\]\\\n])+)\]\(<?(https?://(?:(?![()<>]){_URL_CHARS})+)>?\)")
_TRAILING = ".,:;!?\"'"


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with the same styles (names like `BOLD`) and link."""

    text: str
    styles: frozenset[str] = frozenset()
    link: str | None = None


_Nested: TypeAlias = tuple[int, int, frozenset[str], "str | None"]
_Token: TypeAlias = tuple[int, list["Span | _Nested"]]
"""Where a token ends, and what it shows: spans, and ranges to parse with more styles."""


def merge(spans: list[Span]) -> list[Span]:
    """Adjacent spans with the same styles and link joined into one; empty ones dropped."""
    merged: list[Span] = []
    pending: list[str] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (span.styles, span.link) == (merged[-1].styles, merged[-1].link):
            pending.append(span.text)
            continue
        if pending:
            merged[-1] = Span("".join(pending), merged[-1].styles, merged[-1].link)
        merged.append(span)
        pending = [span.text]
    if pending:
        merged[-1] = Span("".join(pending), merged[-1].styles, merged[-1].link)
    return merged


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


class InlineParser:
    """Parses one block of text (no code fences, no line prefixes) into spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[Span] = []
        self._budget = 20 * len(text) + 100

    def parse(self, styles: frozenset[str] = frozenset()) -> list[Span]:
        """The whole text as spans, each also carrying ``styles``."""
        self._run(0, len(self.text), styles, None, 0)
        return merge(self.spans)

    def _run(
        self, start: int, end: int, styles: frozenset[str], link: str | None, depth: int
    ) -> None:
        text = self.text
        failed: dict[str, int] = {}
        plain = position = start
        while (found := _SPECIAL.search(text, position, end)) is not None:
            position = found.start()
            token = self._token(position, end, styles, link, depth, failed)
            if token is None:
                position += 1
                continue
            if position > plain:
                self.spans.append(Span(text[plain:position], styles, link))
            token_end, parts = token
            for part in parts:
                if isinstance(part, Span):
                    self.spans.append(part)
                else:
                    self._run(*part, depth + 1)
            plain = position = token_end
        if end > plain:
            self.spans.append(Span(text[plain:end], styles, link))

    def _token(
        self,
        i: int,
        end: int,
        styles: frozenset[str],
        link: str | None,
        depth: int,
        failed: dict[str, int],
    ) -> _Token | None:
        text, char = self.text, self.text[i]
        if char == "\\":
            if i + 1 < end and text[i + 1] in _ESCAPABLE:
                return i + 2, [Span(text[i + 1], styles, link)]
            return None
        if char == "`":
            return self._code(i, end, styles, link, failed)
        if char == "<":
            return self._angle(i, end, styles, link)
        if link is None and char == "[" and depth < MAX_DEPTH:
            match = _LINK.match(text, i, end)
            if match is not None:
                url = match[2]
                target = Span(url, styles | {LINK_TARGET}, url)
                return match.end(), [(match.start(1), match.end(1), styles | {LINK}, url), target]
            return None
        if char == "h":
            return self._bare_url(i, end, styles, link)
        if depth >= MAX_DEPTH:
            return None
        pair = text[i : i + 2]
        if pair in _PAIRS:
            close = self._pair_closer(pair, i, end, failed)
            if close is not None:
                return close + 2, [(i + 2, close, styles | {_PAIRS[pair]}, link)]
        if char in "*_":
            close = self._italic_closer(char, i, end)
            if close is not None:
                return close + 1, [(i + 1, close, styles | {ITALIC}, link)]
        return None

    def _code(
        self, i: int, end: int, styles: frozenset[str], link: str | None, failed: dict[str, int]
    ) -> _Token:
        text = self.text
        run = i
        while run < end and text[run] == "`":
            run += 1
        fence = text[i:run]
        key = f"code{len(fence)}"
        search = run + 1
        while search < failed.get(key, end) and self._spend():
            close = text.find(fence, search, end)
            if close == -1:
                break
            if text[close - 1] != "`" and (
                close + len(fence) >= end or text[close + len(fence)] != "`"
            ):
                return close + len(fence), [Span(text[run:close], styles | {CODE}, link)]
            search = close + 1
        failed[key] = min(failed.get(key, end), run + 1)
        return run, [Span(fence, styles, link)]

    def _angle(self, i: int, end: int, styles: frozenset[str], link: str | None) -> _Token | None:
        mention = MENTION_PATTERN.match(self.text, i, end)
        if mention is not None:
            kind = EMOJI if mention["emoji"] is not None else MENTION
            return mention.end(), [Span(mention[0], styles | {kind}, link)]
        if link is None:
            url = _AUTOLINK.match(self.text, i, end)
            if url is not None:
                return url.end(), [Span(url[1], styles | {LINK}, url[1])]
        return None

    def _bare_url(
        self, i: int, end: int, styles: frozenset[str], link: str | None
    ) -> _Token | None:
        if link is not None or (i > 0 and self.text[i - 1].isalnum()):
            return None
        match = _URL.match(self.text, i, end)
        if match is None:
            return None
        url = match[0]
        while url and (url[-1] in _TRAILING or _unbalanced(url)):
            url = url[:-1]
        if len(url) <= len("https://"):
            return None
        return i + len(url), [Span(url, styles | {LINK}, url)]

    def _pair_closer(self, pair: str, i: int, end: int, failed: dict[str, int]) -> int | None:
        """Where ``pair`` opened at ``i`` closes: the nearest qualifying closer, with content."""
        text = self.text
        search = i + 3
        while search < failed.get(pair, end) and self._spend():
            close = text.find(pair, search, end)
            if close == -1:
                break
            after = close + 2
            followed = pair in _LOOKAHEAD and after < end and text[after] == pair[0]
            if not followed and not _escaped(text, close, i):
                return close
            search = close + 1
        failed[pair] = min(failed.get(pair, end), i + 3)
        return None

    def _italic_closer(self, char: str, i: int, end: int) -> int | None:
        """Where ``*`` or ``_`` opened at ``i`` closes; pairs of it inside are allowed."""
        text = self.text
        content = i + 1
        if content >= end or text[content].isspace() or text[content] == char:
            return None
        if char == "_" and i > 0 and _word(text[i - 1]):
            return None  # snake_case: an underscore inside a word opens nothing
        search = content
        while self._spend():
            close = text.find(char, search, end)
            if close == -1:
                return None
            if close + 1 < end and text[close + 1] == char:
                search = close + 2
                continue
            if _escaped(text, close, i):
                search = close + 1
                continue
            if close == content or text[close - 1].isspace():
                return None
            if char == "_" and close + 1 < end and _word(text[close + 1]):
                return None
            return close
        return None

    def _spend(self) -> bool:
        self._budget -= 1
        return self._budget > 0


def _unbalanced(url: str) -> bool:
    """Whether a URL ends in a bracket it never opened (the sentence's, not the URL's)."""
    closing = url[-1]
    opening = {")": "(", "]": "["}.get(closing)
    return opening is not None and url.count(opening) < url.count(closing)


def _escaped(text: str, index: int, floor: int) -> bool:
    """Whether a backslash (not itself escaped) stands right before ``index``."""
    count = 0
    while index - count - 1 > floor and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1
