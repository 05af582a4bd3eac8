"""The filter language explained for users (the help screen shows it; the README copies it)."""

from __future__ import annotations

QUERY_HELP = """\
Filtering the log

Type words to keep only the actions that contain all of them. Case does not
matter. A word matches an action's text (message, reason, old values), its
type (ban matches MEMBER_BAN_ADD), or the name of its agent, subject or
channel. An empty filter shows everything.

  spam raid            actions that mention both spam and raid
  "good morning"       a phrase; it may hold spaces and colons (\\" is a quote)
  /inv(ite)?s?\\b/      a regular expression (Python syntax, any case; \\/ is /)

Fields narrow by one property. Commas mean "any of these".

  type:ban,kick,3001   by type: a name, the start of a name, a part of a name
                       or a number; type:unknown finds undocumented types
  agent:alice          who did it: an id or part of a name (@ is optional)
  agent:"night owl"    quote names that have spaces
  subject:bob          what it was done to: a member or channel, id or name
  channel:#general     where it happened: an id or part of a name

Put - before any term to exclude what it matches.

  -type:message        everything except messages
  -bot                 nothing that matches the word bot
  -"good morning"      nothing with that phrase
  -/^!/                nothing whose text starts with !

Times keep actions after (from, inclusive) or before (up to, exclusive) a
moment. Times are local unless they end in Z or an offset like +05:30.

  after:10m            the last ten minutes (also 45s, 2h, 3d, 1w, 1h30m)
  after:14:05          since 14:05 today
  after:2026-12-03     since midnight at the start of that day
  before:"2026-12-03 14:05"  before that minute (2026-12-03T14:05 also works)
  after:yesterday before:today  all of yesterday (now works too)

Combine anything; every term must hold:

  type:ban,kick agent:alice after:2d -spam

Mistakes are underlined, with a hint. A word like note: reads as a field;
quote it to search for the text: "note: banned". 12:30 and links need no
quotes.
"""
"""Plain text with examples, at most 78 columns wide."""
