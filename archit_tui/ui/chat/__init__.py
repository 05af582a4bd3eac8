"""The mock-chat pane, its dialogs, and the raw-event inspector.

Import the modules themselves (`pane`, `inspector`, `help`): this package loads nothing, so
that the app starts without the chat's modules and loads them when the chat is first shown.
"""
