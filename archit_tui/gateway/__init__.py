"""The Socket.IO side: the client the app drives, and the stand-in gateway server.

Nothing here imports Textual; the client exposes async methods and an event stream.
"""
