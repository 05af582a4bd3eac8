"""Write `screenshots/*.svg` from the same repeatable scenes as the snapshot tests.

Usage: python scripts/screenshots.py   (from the repository root, with the test extras installed)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.scenes import SCENES  # noqa: E402
from textual._doc import take_svg_screenshot  # noqa: E402


def main() -> int:
    target = ROOT / "screenshots"
    target.mkdir(exist_ok=True)
    for scene in SCENES:
        svg = take_svg_screenshot(
            app=scene.build(), terminal_size=scene.size, run_before=scene.before
        )
        path = target / f"{scene.name}.svg"
        path.write_text(svg, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {scene.description}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
