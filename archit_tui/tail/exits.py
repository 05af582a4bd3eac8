"""The exit codes of ``archit-tui tail`` (its ``--help`` lists them)."""

EXIT_OK = 0
"""``--count`` reached, stopped by Ctrl+C or SIGTERM, or stdout closed."""
EXIT_GATEWAY = 1
"""The gateway cannot be reached, stopped answering, or refused to spectate."""
EXIT_USAGE = 2
"""A bad option, configuration, filter or guild."""
EXIT_REFUSED = 3
"""Elevation refused: a wrong or expired token (at the start or after a reconnect)."""
