"""A worker that fails is said in plain words and logged, never lost.

The app's workers run with ``exit_on_error=False``: one failure must not end a moderator's
session. Textual then only marks the worker as failed; `report_failure` makes that a toast
and a log line (with the token, should an error ever hold it, hidden).
"""

from __future__ import annotations

import traceback

from textual.app import App
from textual.worker import Worker

from archit_tui.protocol.secret import Secret
from archit_tui.protocol.text import one_line

HIDDEN = "<hidden>"


def failure_text(worker: Worker[object], token: Secret | None) -> str:
    """What failed and why, on one line, without the token."""
    error = worker.error
    what = worker.group if worker.group != "default" else worker.name
    text = f"{what} failed ({type(error).__name__}: {error}); the app goes on"
    return one_line(hide(text, token), 300)


def hide(text: str, token: Secret | None) -> str:
    """``text`` with the token's value, if any, replaced."""
    value = token.reveal() if token is not None else ""
    return text.replace(value, HIDDEN) if value else text


def report_failure(app: App[object], worker: Worker[object], token: Secret | None) -> None:
    """Toast and log ``worker``'s failure."""
    error = worker.error
    details = "".join(traceback.format_exception(error)) if error is not None else ""
    app.log.error(hide(details, token))
    app.notify(
        failure_text(worker, token),
        title="Something went wrong",
        severity="error",
        markup=False,
        timeout=10,
    )
