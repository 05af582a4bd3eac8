"""Snapshots of the main screens (pytest-textual-snapshot), from repeatable scenes.

To review a change: `pytest tests/ui/test_snapshots.py --snapshot-report`; to accept it:
`--snapshot-update` (with the textual version bump, if that is the cause).
"""

import pytest
from support.scenes import SCENES, Scene


@pytest.mark.parametrize("scene", SCENES, ids=lambda scene: scene.name)
def test_scene(scene: Scene, snap_compare) -> None:  # noqa: ANN001
    """Each scene's description says what the reviewer should see."""
    assert snap_compare(scene.build(), terminal_size=scene.size, run_before=scene.before)
