"""The chat's keys, for the help screen."""

from textual.binding import BindingType

from .composer import Composer
from .inspector import EventInspector
from .pane import ChatPane
from .transcript import Transcript

HELP_SECTIONS: list[tuple[str, list[BindingType]]] = [
    ("Chat: writing", [*Composer.BINDINGS, *ChatPane.BINDINGS]),
    ("Chat: messages (Tab to the transcript)", list(Transcript.BINDINGS)),
    ("Raw events", list(EventInspector.BINDINGS)),
]
"""Sections for the help screen: the chat's keys and what they do."""
