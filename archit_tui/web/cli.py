"""``archit-tui serve``'s options, and the command each browser tab runs.

The server runs ``python -m archit_tui [the app's options]`` once per browser session and
relays its screen over a websocket. Only flags travel on that command line: the token stays in
the config file, the token file or ``$ARCHIT_TUI_TOKEN``, which the sessions inherit.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import sys

from archit_tui.config import ConfigError, add_run_arguments, flags_from_args, load_settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``serve`` subcommand's options: where to listen, then the app's own run flags."""
    web_group = parser.add_argument_group("web server")
    web_group.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ADDRESS",
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only)",
    )
    web_group.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    web_group.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach this server, if not http://ADDRESS:PORT "
        "(behind a proxy, or with --host 0.0.0.0)",
    )
    known = len(parser._actions)  # argparse has no public list of a parser's options
    add_run_arguments(parser)
    run_flags = parser._actions[known:]
    for action in run_flags:
        # Not given here, a flag keeps what was given before `serve` (`archit-tui --demo
        # serve`): a subparser's own defaults would overwrite that.
        action.default = argparse.SUPPRESS
    parser.set_defaults(app_flags=_app_flag_actions(run_flags))


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def _app_flag_actions(actions: list[argparse.Action]) -> tuple[argparse.Action, ...]:
    """The app's run flags that pass on to each session (hidden ones, like --token, never)."""
    return tuple(
        action for action in actions if action.option_strings and action.help != argparse.SUPPRESS
    )


def app_arguments(args: argparse.Namespace) -> list[str]:
    """The app's flags given to ``serve``, as they are typed on the app's own command line."""
    argv: list[str] = []
    for action in getattr(args, "app_flags", ()):
        value = getattr(args, action.dest, None)
        if value is None or value is False:
            continue
        flag = max(action.option_strings, key=len)
        if action.nargs == 0:
            argv.append(flag)
        else:
            argv += [flag, str(value)]
    return argv


def served_command(args: argparse.Namespace) -> list[str]:
    """The command each browser session runs: this Python, this package, the same flags."""
    return [sys.executable, "-m", "archit_tui", *app_arguments(args)]


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (names are resolved)."""
    if host in _WILDCARD_HOSTS:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None)
    except OSError:
        return False
    addresses = {str(info[4][0]) for info in found}
    return bool(addresses) and all(
        ipaddress.ip_address(address.split("%", 1)[0]).is_loopback for address in addresses
    )


def public_url(host: str, port: int) -> str:
    """The URL to open for a server on ``host``:``port``."""
    if host in _WILDCARD_HOSTS:
        host = socket.gethostname()
    elif ":" in host:  # an IPv6 address goes in brackets
        host = f"[{host}]"
    return f"http://{host}:{port}"


def exposure_warning(host: str, port: int, demo: bool) -> str:
    """What listening on a non-loopback ``host`` means, in plain words."""
    where = "every network interface" if host in _WILDCARD_HOSTS else host
    holds = (
        "the demo (a stand-in gateway, no real token)"
        if demo
        else "the app holding your token: they could spectate your guilds and talk to the "
        "bot as you"
    )
    return (
        f"Warning: --host {shlex.quote(host)} is not a loopback address. Anyone who can reach "
        f"{where} on port {port} can open {holds}. There is no password. Unless this network "
        "is yours alone, serve on 127.0.0.1 (the default) and reach it through an SSH tunnel "
        f"(ssh -L {port}:127.0.0.1:{port} this-machine)."
    )


def run(args: argparse.Namespace) -> int:
    """Check the settings (a mistake stops here, not in every browser tab), then serve."""
    try:
        loaded = load_settings(flags_from_args(args))
    except ConfigError as error:
        print(f"archit-tui serve: {error}", file=sys.stderr)
        return 2
    for warning in loaded.warnings:
        print(f"archit-tui serve: {warning}", file=sys.stderr)
    host: str = args.host
    url = args.public_url or public_url(host, args.port)
    if not is_loopback(host):
        print(exposure_warning(host, args.port, loaded.settings.demo), file=sys.stderr, flush=True)
    what = "the demo (its own stand-in gateway)" if loaded.settings.demo else "its own app"
    greeting = (
        f"archit-tui serve: open {url} in a web browser.\n"
        f"Each browser tab runs {what}; Ctrl+C stops the server."
    )
    from .server import AppServer  # the web server loads only when serving

    # `exec`: textual-serve starts the command through a shell, which should not stay between.
    command = "exec " + shlex.join(served_command(args))
    try:
        AppServer(command, host=host, port=args.port, url=url, greeting=greeting).serve()
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        print(f"archit-tui serve: cannot listen on {host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    return 0
