"""The Engine.IO server's background tasks, kept so that the stand-in can cancel them on stop.

Engine.IO starts a task per ping that sleeps for the ping interval even after its socket has
closed; left alone, a stopped stand-in leaves them pending until its event loop closes, which
then warns "Task was destroyed but it is pending".
"""

from __future__ import annotations

import asyncio
from typing import Any

import engineio


def keep_background_tasks(server: engineio.AsyncServer) -> set[asyncio.Task[Any]]:
    """Make ``server`` add each background task it starts to the returned set (while running)."""
    tasks: set[asyncio.Task[Any]] = set()
    start = server.start_background_task

    def start_kept(target: Any, *args: Any, **kwargs: Any) -> asyncio.Task[Any]:
        task = start(target, *args, **kwargs)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return task

    server.start_background_task = start_kept  # type: ignore[method-assign]
    return tasks
