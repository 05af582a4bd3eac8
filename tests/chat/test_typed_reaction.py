"""A typed reaction is one Discord would take: an emoji, a known :shortcode: or <:name:id>."""

import pytest
from rich.cells import cell_len
from support.app import until
from support.chat import ChatHarness, shown
from textual.widgets import Input, Label

from archit_tui.protocol.emoji import NotAReaction, typed_reaction
from archit_tui.ui.chat.pane import ChatPane
from archit_tui.ui.chat.pickers import EmojiPicker

SIZE = (150, 45)


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("👍", "👍"),
        (" 🔥 ", "🔥"),
        ("❤️", "❤️"),
        ("❤", "❤"),
        ("👍🏽", "👍🏽"),  # a skin tone
        ("🇫🇷", "🇫🇷"),  # a flag
        ("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",) * 2,
        ("1️⃣", "1️⃣"),  # a keycap
        ("#⃣", "#⃣"),
        ("👩🏽‍💻", "👩🏽‍💻"),  # joined by U+200D
        ("🏳️‍🌈", "🏳️‍🌈"),
        ("👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"),
        ("©️", "©️"),
        (":thumbsup:", "👍"),
        (":FIRE:", "🔥"),
        (":+1:", "👍"),
        ("<:blobwave:123456789012345678>", "<:blobwave:123456789012345678>"),
        ("<a:party:42>", "<a:party:42>"),
    ],
)
def test_emoji_shortcodes_and_custom_emoji_are_taken(typed: str, sent: str) -> None:
    assert typed_reaction(typed) == sent


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("abc", "“abc” is not one emoji"),
        ("a", "is not one emoji"),
        ("1", "is not one emoji"),
        ("👍👍", "is not one emoji"),
        ("👍 🔥", "is not one emoji"),
        ("🇫", "is not one emoji"),
        ("🏽", "is not one emoji"),
        ("x👍", "is not one emoji"),
        ("<:x:1>", "is not one emoji"),  # a custom emoji's name has 2 to 32 characters
        ("<:blob wave:1>", "is not one emoji"),
        ("[bold]x[/]", "“[bold]x[/]” is not one emoji"),
        (":notanemoji:", "“:notanemoji:” is no shortcode the chat knows"),
        ("", "Type one emoji (👍 🇫🇷 1️⃣), a :shortcode: or <:name:id>."),
        ("   ", "Type one emoji"),
    ],
)
def test_anything_else_is_refused_saying_what_would_do(typed: str, words: str) -> None:
    with pytest.raises(NotAReaction) as refused:
        typed_reaction(typed)
    assert words in str(refused.value)


@pytest.mark.parametrize("typed", ["x" * 5_000, ":" + "y" * 30 + ":", "", "日本語" * 100])
def test_a_refusal_fits_the_dialog_line_by_line(typed: str) -> None:
    """The dialog is 56 columns inside: each line of the message fits it."""
    with pytest.raises(NotAReaction) as refused:
        typed_reaction(typed)
    assert all(cell_len(line) <= 56 for line in str(refused.value).splitlines())


async def test_the_dialog_keeps_a_refused_reaction_and_sends_only_a_real_one() -> None:
    app = ChatHarness()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"!help", "enter")
        await pilot.pause()
        app.pane.transcript.focus()
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, EmojiPicker), what="the picker")
        picker = app.screen
        hint = picker.query_one("#emoji-picker-hint", Label)
        field = picker.query_one("#emoji-input", Input)
        before = len(app.posted)
        for typed, words in [("abc", "is not one emoji"), (":notanemoji:", "no shortcode")]:
            field.value = ""
            field.focus()
            await pilot.press(*typed, "enter")
            await pilot.pause()
            assert app.screen is picker, f"{typed!r} closed the dialog"
            assert typed in str(hint.render()) and words in str(hint.render())
        assert not [m for m in app.posted[before:] if isinstance(m, ChatPane.ReactionRequested)]
        field.value = "🇫🇷"
        field.focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, EmojiPicker), what="it to close")
        assert app.posted[-1].emoji == "🇫🇷"
        assert "🇫🇷 1" in shown(app, 1) and "abc" not in shown(app, 1)
