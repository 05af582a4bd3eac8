"""``archit-tui tail``: the log stream without the screen, for scripts and pipes.

A third face of the app beside the UI: it uses the configuration, the gateway client and the
protocol helpers as the app does, and never loads Textual.
"""

from .cli import DESCRIPTION, EPILOG, HELP, add_arguments, run

__all__ = ["DESCRIPTION", "EPILOG", "HELP", "add_arguments", "run"]
