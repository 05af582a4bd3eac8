"""The frame budget: a key press after a quiet moment gets its frames at once, a busy screen 60."""

import pytest

from archit_tui.ui.frames import FrameBudget, FrameTimer, PromptFrames
from archit_tui.ui.screens.main import MainScreen

FRAME = 1 / 60


def test_after_a_quiet_moment_two_frames_come_at_once_and_the_third_waits() -> None:
    budget = FrameBudget(FRAME, now=0.0)
    assert budget.take(10.0) == 0  # a key's echo
    assert budget.take(10.004) == 0  # its filter's first screen, 4 ms later
    assert budget.take(10.005) == pytest.approx(10.0 + FRAME - 10.005)  # a frame after the first


def test_a_screen_that_keeps_changing_gets_sixty_frames_a_second() -> None:
    budget = FrameBudget(FRAME, now=0.0)
    now, frames = 0.0, 0
    while now < 10.0:
        now += budget.take(now)  # asks again the moment it has drawn
        frames += 1
    assert 600 <= frames <= 602


def test_waiting_long_never_saves_more_than_the_burst() -> None:
    budget = FrameBudget(FRAME, now=0.0)
    waits = [budget.take(3600.0) for _ in range(3)]
    assert waits[:2] == [0, 0] and waits[2] == pytest.approx(FRAME)


async def test_the_main_screen_draws_with_the_frame_timer() -> None:
    from support.app import build_app, until

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, MainScreen) or len(app.screen_stack) > 1)
        assert isinstance(app.main, PromptFrames)
        assert isinstance(app.main._update_timer, FrameTimer)  # noqa: SLF001
