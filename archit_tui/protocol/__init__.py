"""The protocol layer: payload models and parsers, ids, the action types, the filter language,
the held rows and their text. Pure Python: no Textual, no sockets."""
