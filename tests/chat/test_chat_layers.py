"""The chat's protocol modules stay pure: loading them loads no Textual and no Rich."""

import subprocess
import sys


def test_chat_protocol_modules_load_neither_textual_nor_rich() -> None:
    code = (
        "import sys\n"
        "import archit_tui.protocol.chat, archit_tui.protocol.markdown\n"
        "import archit_tui.protocol.emoji, archit_tui.gateway.events\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_help_sections_name_every_chat_key() -> None:
    from archit_tui.ui.chat.help import HELP_SECTIONS

    descriptions = {binding.description for _, bindings in HELP_SECTIONS for binding in bindings}
    for wanted in ("Send", "New line", "React", "Spoilers", "Silent", "Commands", "Log events"):
        assert wanted in descriptions
