"""Discord markdown read into spans: styles, nesting, unclosed markers, hostile text."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.chat import Names

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
    display_spans,
    parse_markdown,
    plain_text,
)


def styled(text: str) -> list[tuple[str, set[str]]]:
    return [(span.text, set(span.styles)) for span in parse_markdown(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**bold**", [("bold", {BOLD})]),
        ("*it* and _it_", [("it", {ITALIC}), (" and ", set()), ("it", {ITALIC})]),
        ("__under__", [("under", {UNDERLINE})]),
        ("~~gone~~", [("gone", {STRIKE})]),
        ("||secret||", [("secret", {SPOILER})]),
        ("`x = 1`", [("x = 1", {CODE})]),
        ("``a`b``", [("a`b", {CODE})]),
        ("-# small print", [("small print", {SUBTEXT})]),
    ],
)
def test_each_style(text: str, expected: list) -> None:
    assert styled(text) == expected


def test_nesting() -> None:
    assert styled("***both***") == [("both", {BOLD, ITALIC})]
    assert styled("__**_all three_**__") == [("all three", {UNDERLINE, BOLD, ITALIC})]
    assert styled("||**loud secret**||") == [("loud secret", {SPOILER, BOLD})]
    assert styled("*a **b** c*") == [("a ", {ITALIC}), ("b", {ITALIC, BOLD}), (" c", {ITALIC})]
    # The poll the mock bot writes.
    assert styled("**__Lunch?__**\n1️⃣ **pizza (0)**") == [
        ("Lunch?", {BOLD, UNDERLINE}),
        ("\n1️⃣ ", set()),
        ("pizza (0)", {BOLD}),
    ]


@pytest.mark.parametrize(
    "text",
    ["**unclosed", "__half", "~~no end", "||open", "`tick", "*lonely", "_snake_case_word", "* a*"],
)
def test_unclosed_and_unqualified_markers_stay_as_text(text: str) -> None:
    spans = parse_markdown(text)
    assert plain_text(spans) == text
    assert all(not span.styles for span in spans)


def test_code_is_not_parsed_further() -> None:
    assert styled("`**not bold** <@1>`") == [("**not bold** <@1>", {CODE})]
    assert styled("```py\nprint('**hi**')\n```") == [
        ("py", {CODE_LANGUAGE}),
        ("print('**hi**')", {CODE_BLOCK}),
    ]
    assert styled("see ```x``` then") == [("see ", set()), ("x", {CODE_BLOCK}), (" then", set())]
    assert styled("```\nplain block```") == [("plain block", {CODE_BLOCK})]
    assert plain_text(parse_markdown("```never closed")) == "```never closed"


def test_links() -> None:
    spans = parse_markdown("[docs](https://docs.archit.us/x) and https://archit.us/a).")
    assert spans == [
        Span("docs", frozenset({LINK}), "https://docs.archit.us/x"),
        Span("https://docs.archit.us/x", frozenset({LINK_TARGET}), "https://docs.archit.us/x"),
        Span(" and ", frozenset()),
        Span("https://archit.us/a", frozenset({LINK}), "https://archit.us/a"),
        Span(").", frozenset()),
    ]
    assert parse_markdown("<https://x.io/p>") == [
        Span("https://x.io/p", frozenset({LINK}), "https://x.io/p")
    ]
    # Only http(s) links; a link's text may be styled.
    assert plain_text(parse_markdown("[x](javascript:alert(1))")) == "[x](javascript:alert(1))"
    assert styled("[**b**](https://a.b)")[0] == ("b", {LINK, BOLD})


def test_markup_around_a_url_leaves_only_the_url_linked() -> None:
    spans = parse_markdown("[link=https://x.io]y[/link]")
    assert plain_text(spans) == "[link=https://x.io]y[/link]"
    assert [span.text for span in spans if span.styles] == ["https://x.io"]


def test_a_url_never_carries_control_characters() -> None:
    spans = parse_markdown("https://evil.example/\x1b]8;;x\x07")
    assert spans[0].link == "https://evil.example/"


def test_quotes_and_headings() -> None:
    assert styled("> one\n> two\nthree") == [("one\ntwo", {QUOTE}), ("\nthree", set())]
    assert styled(">>> all\nof it") == [("all\nof it", {QUOTE})]
    assert styled("# Big\n## Mid\n### Small\n#### not") == [
        ("Big", {HEADINGS[0]}),
        ("\n", set()),
        ("Mid", {HEADINGS[1]}),
        ("\n", set()),
        ("Small", {HEADINGS[2]}),
        ("\n#### not", set()),
    ]
    assert styled("> # quoted heading") == [("quoted heading", {QUOTE, HEADINGS[0]})]
    assert styled("#hashtag") == [("#hashtag", set())]
    assert styled("a > b") == [("a > b", set())]


def test_escapes() -> None:
    assert styled(r"\*not italic\*") == [("*not italic*", set())]
    assert styled(r"\\*still* italic") == [("\\", set()), ("still", {ITALIC}), (" italic", set())]


def test_mentions_are_spans_then_names() -> None:
    text = (
        "<@214037134477230080> <@!214037134477230080> <#607637793107345433> <@&5> <@&6> <:blob:7>"
    )
    assert [span.styles for span in parse_markdown(text)][::2] == [frozenset({MENTION})] * 5 + [
        frozenset({EMOJI})
    ]
    shown = plain_text(display_spans(text, Names()))
    assert shown == "@alice @alice #general @Moderators @6 :blob:"


def test_shortcodes_only_when_asked_and_never_in_code() -> None:
    assert plain_text(display_spans(":wave: `:wave:`", Names(), shortcodes=True)) == "👋 :wave:"
    assert plain_text(display_spans(":wave: :nope:", Names())) == ":wave: :nope:"
    assert plain_text(display_spans(":wave: :nope:", Names(), shortcodes=True)) == "👋 :nope:"


@pytest.mark.parametrize(
    "text",
    [
        "[bold]x[/bold]",
        "[/",
        "[@click=app.quit]quit[/]",
        "\x1b[31mred\x1b[0m",
        "bell\x07 null\x00 del\x7f",
        "rtl \u202eevil\u202c",
        "[link=x]y[/link]",
    ],
)
def test_markup_like_text_is_just_text(text: str) -> None:
    spans = parse_markdown(text)
    assert plain_text(spans) == text
    assert all(not span.styles for span in spans)


def is_subsequence(short: str, long: str) -> bool:
    characters = iter(long)
    return all(char in characters for char in short)


MARKERS = set("*_~|`>#-[]()<>\\ \n")
"""What parsing may remove: marker characters and the spaces/newlines that belong to them."""

markdownish = st.lists(
    st.sampled_from(
        [*"*_~|`<>[]()\\#-:!@&h \n", "ab", "https://x.y", "<@12>", "```", "py\n", "> ", "# "]
    ),
    max_size=60,
).map("".join)
"""Text made mostly of markdown's own characters, where the parser has most to decide."""


@settings(max_examples=400, deadline=None)
@given(st.one_of(markdownish, st.text(max_size=80)))
def test_parsing_never_raises_and_only_removes_markers(text: str) -> None:
    spans = parse_markdown(text)
    joined = plain_text(spans)
    assert is_subsequence(joined, text)
    removed = list(text)
    for char in joined:  # what is left over after matching in order
        removed.remove(char)
    # Code block languages are kept as spans, so only markers go.
    assert set(removed) <= MARKERS, (text, joined)
    if not set(text) & (MARKERS - {" ", "\n"}):
        assert joined == text


def test_ten_thousand_characters_fast_and_whole() -> None:
    hostile = {
        "stars": "*" * 10_000,
        "pairs": "*a" + "**" * 4_999,
        "nested": "||~~**__" * 600 + "x" + "__**~~||" * 600,
        "underscores": "_x_y " * 2_000,
        "ticks": "`a``" * 2_500,
        "brackets": "[" * 10_000,
        "plain": "word " * 2_000,
    }
    for name, text in hostile.items():
        started = time.perf_counter()
        spans = parse_markdown(text)
        assert time.perf_counter() - started < 1.0, name
        assert is_subsequence(plain_text(spans), text)
    assert plain_text(parse_markdown("word " * 2_000)) == "word " * 2_000
