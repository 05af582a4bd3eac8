"""The Textual app: screens, widgets and the stylesheet."""
