"""Prompt frames: a screen repaints as soon as it has changed, at most 60 times a second.

Textual repaints a screen from a timer that it pauses after each frame and resumes once the
screen has something new to draw. Its timer keeps to a fixed grid of ticks and, after a pause,
skips to the tick *after* the next one (`textual.timer.Timer._run` in textual 8.2.8): a key
press that changes the screen just after a frame waits 17 to 33 ms for the next one. And a key
often needs two frames: the filter bar shows the character typed at once, and the filter's
first screen of matches a few milliseconds later, when its message reaches the screen.

`FrameTimer` draws a frame as soon as it is resumed, out of a budget of frames that fills at
the frame rate and holds at most `BURST`: a screen busy for long still gets 60 frames a second,
and after a quiet moment a key press gets both of its frames at once.
Measured with ``python bench/run.py --only keypress filter``.
"""

from __future__ import annotations

from textual import _time
from textual.screen import UPDATE_PERIOD
from textual.timer import EventTargetGone, Timer

BURST = 2.0
"""Frames that may follow each other without waiting, after a quiet moment."""


class FrameBudget:
    """Frames that may be drawn: it fills at one per ``interval`` and holds at most ``burst``."""

    def __init__(self, interval: float, now: float, burst: float = BURST) -> None:
        self.interval = interval
        self.burst = burst
        self.frames = burst
        self._last = now

    def take(self, now: float) -> float:
        """Take a frame wanted at ``now``: the seconds to wait before drawing it."""
        self.frames = min(self.burst, self.frames + (now - self._last) / self.interval)
        self._last = now
        wait = 0.0
        if self.frames < 1:
            wait = (1 - self.frames) * self.interval
            self.frames, self._last = 1.0, now + wait
        self.frames -= 1
        return wait


class FrameTimer(Timer):
    """A repeating timer that ticks as soon as it is resumed, within a `FrameBudget`."""

    async def _run(self) -> None:
        count = 0
        budget = FrameBudget(self._interval, _time.get_time())
        while True:
            await self._active.wait()
            wait = budget.take(_time.get_time())
            if wait:
                await _time.sleep(wait)
            count += 1
            try:
                await self._tick(next_timer=_time.get_time(), count=count)
            except EventTargetGone:
                break


class PromptFrames:
    """For a `Screen` subclass (list it first): its repaints are driven by a `FrameTimer`."""

    _frame_timer: FrameTimer | None = None

    @property
    def _update_timer(self) -> Timer:
        """Replaces `Screen._update_timer`, which the screen pauses and resumes."""
        if self._frame_timer is None:
            timer = FrameTimer(
                self,  # type: ignore[arg-type]
                UPDATE_PERIOD,
                name="screen_update",
                callback=self._on_timer_update,  # type: ignore[attr-defined]
                pause=True,
            )
            timer._start()
            self._timers.add(timer)  # type: ignore[attr-defined]  # stopped with the screen
            self._frame_timer = timer
        return self._frame_timer
