"""The three layers stay apart: protocol and gateway never load Textual (CONVENTIONS.md)."""

import subprocess
import sys


def test_protocol_and_gateway_load_no_textual() -> None:
    code = (
        "import sys\n"
        "import archit_tui.protocol.parse, archit_tui.protocol.summary\n"
        "import archit_tui.protocol.requests\n"
        "import archit_tui.gateway.client, archit_tui.gateway.standin.server\n"
        "import archit_tui.gateway.standin.cli\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
