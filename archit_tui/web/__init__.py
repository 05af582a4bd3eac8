"""``archit-tui serve``: the app in a web browser, one app process per browser tab.

`cli` holds the command's options and what each tab runs; `server` the web server itself
(textual-serve, which loads only when serving).
"""
