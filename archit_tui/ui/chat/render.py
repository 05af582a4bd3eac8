"""Chat messages drawn as ``rich.text.Text``: never markup, always literal.

Every piece of remote text goes through `Text.append` (which never parses markup) after
`multi_line` (control characters made visible, invisible ones removed). Colours come from the
transcript's component classes, passed in as a palette of Rich styles.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
from functools import lru_cache

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from archit_tui.protocol.chat import ChatMessage, Delivery, Reaction
from archit_tui.protocol.markdown import (
    BOLD,
    CODE,
    CODE_BLOCK,
    CODE_LANGUAGE,
    EMOJI,
    HEADINGS,
    ITALIC,
    LINK,
    LINK_TARGET,
    MENTION,
    QUOTE,
    SPOILER,
    STRIKE,
    SUBTEXT,
    UNDERLINE,
    Span,
    parse_markdown,
    resolve_spans,
)
from archit_tui.protocol.mentions import NameLookup
from archit_tui.protocol.text import multi_line

Palette = Mapping[str, Style]
"""Component class name (without the ``chat--`` prefix) to style."""

PALETTE_NAMES = (
    "you",
    "bot",
    "notice",
    "meta",
    "pending",
    "warning",
    "error",
    "code",
    "spoiler",
    "link",
    "quote",
    "mention",
    "heading",
    "chip",
    "chip-mine",
)
"""The names a palette holds."""

BOT_NAME = "Archit.us"
YOU_NAME = "you"
SPOILER_MASK = "▒"
QUOTE_BAR = "▌ "

_PLAIN_STYLES: dict[str, Style] = {
    BOLD: Style(bold=True),
    ITALIC: Style(italic=True),
    UNDERLINE: Style(underline=True),
    STRIKE: Style(strike=True),
    SUBTEXT: Style(dim=True),
}
_PALETTE_STYLES = {
    CODE: "code",
    CODE_BLOCK: "code",
    LINK: "link",
    MENTION: "mention",
    EMOJI: "mention",
    **{heading: "heading" for heading in HEADINGS},
}
_DELIVERY = {
    Delivery.PENDING: ("⋯ pending", "pending"),
    Delivery.ANSWERED: ("✓", "meta"),
    Delivery.NO_REPLY: ("no reply", "warning"),
    Delivery.SILENT: ("🔇 silent", "meta"),
    Delivery.FAILED: ("✗ failed", "error"),
}


@lru_cache(maxsize=2048)
def parsed(content: str) -> tuple[Span, ...]:
    """`parse_markdown`, remembered: redrawing a message (a reaction, a name learnt) is cheap."""
    return tuple(parse_markdown(content))


def clock_time(seconds: float, tz: tzinfo | None) -> str:
    """``HH:MM:SS`` of a Unix time, in ``tz`` (local time when None)."""
    return datetime.fromtimestamp(seconds, tz).strftime("%H:%M:%S")


def render_message(
    message: ChatMessage,
    palette: Palette,
    names: NameLookup,
    tz: tzinfo | None,
    revealed: bool = False,
) -> Text:
    """A message as the transcript shows it: a header line, the content, chips, a notice."""
    text = Text(no_wrap=False, end="")
    if message.author == "notice":
        text.append("⚠ ", palette["error"])
        text.append(multi_line(message.content), palette["notice"])
        text.append(f"  {clock_time(message.time, tz)}", palette["meta"])
        return text
    _header(text, message, palette, tz)
    text.append("\n")
    spans = resolve_spans(parsed(message.content), names, shortcodes=message.author == "bot")
    content = render_spans(spans, palette, revealed)
    if message.deleted:
        content.stylize(Style(strike=True, dim=True))
    text.append_text(content)
    if message.reactions:
        text.append("\n")
        text.append_text(render_chips(message.reactions, palette))
    if message.notice:
        text.append("\n⚠ ", palette["error"])
        text.append(multi_line(message.notice), palette["error"])
    return text


def _header(text: Text, message: ChatMessage, palette: Palette, tz: tzinfo | None) -> None:
    if message.author == "bot":
        text.append(BOT_NAME, palette["bot"])
        text.append(" BOT", palette["meta"])
    else:
        text.append(YOU_NAME, palette["you"])
    text.append(f"  {clock_time(message.time, tz)}  #{message.id}", palette["meta"])
    if message.delivery is not None:
        label, style = _DELIVERY[message.delivery]
        text.append(f"  {label}", palette[style])
    if message.edited:
        text.append("  (edited)", palette["meta"])
    if message.deleted:
        text.append("  (deleted)", palette["warning"])


def render_chips(reactions: list[Reaction], palette: Palette) -> Text:
    """Reaction chips: `` 👍 2 `` each; the user's own are highlighted."""
    text = Text()
    for index, chip in enumerate(reactions):
        if index:
            text.append(" ")
        style = palette["chip-mine"] if chip.mine else palette["chip"]
        text.append(f" {multi_line(chip.emoji)} {chip.count} ", style)
    return text


def render_spans(spans: list[Span], palette: Palette, revealed: bool = False) -> Text:
    """Markdown spans as styled text; spoilers masked unless ``revealed``."""
    text = Text()
    at_line_start = True
    block_ended = False
    for span in spans:
        shown = multi_line(span.text)
        if not shown:
            continue
        is_block = bool(span.styles & {CODE_BLOCK, CODE_LANGUAGE})
        if (is_block or block_ended) and not at_line_start and not shown.startswith("\n"):
            text.append("\n")
            at_line_start = True
        block_ended = CODE_BLOCK in span.styles
        if SPOILER in span.styles and not revealed:
            shown = "\n".join(SPOILER_MASK * cell_len(line) for line in shown.split("\n"))
        style = span_style(span, palette)
        if LINK_TARGET in span.styles:
            text.append(" (", palette["meta"])
            text.append(shown, style)
            text.append(")", palette["meta"])
            at_line_start = False
            continue
        for index, line in enumerate(shown.split("\n")):
            if index:
                text.append("\n")
                at_line_start = True
            if at_line_start and QUOTE in span.styles:
                text.append(QUOTE_BAR, palette["quote"])
            if line:
                text.append(line, style)
                at_line_start = False
        if CODE_LANGUAGE in span.styles:
            text.append("\n")
            at_line_start = True
    return text


def span_style(span: Span, palette: Palette) -> Style:
    """The Rich style of a span: its markdown styles combined, and a link when it has one."""
    style = Style()
    for name in sorted(span.styles):
        if name in _PLAIN_STYLES:
            style += _PLAIN_STYLES[name]
        elif name in _PALETTE_STYLES:
            style += palette[_PALETTE_STYLES[name]]
        elif name in (CODE_LANGUAGE, LINK_TARGET):
            style += palette["meta"]
        elif name == SPOILER:
            style += palette["spoiler"]
    if span.link is not None and span.link.isprintable():
        style += Style(link=span.link)
    return style
