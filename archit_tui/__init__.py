"""archit-tui: a terminal app for the Archit.us realtime gateway."""

__version__ = "0.1.0"
