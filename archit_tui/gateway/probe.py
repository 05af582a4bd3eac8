"""Why a gateway cannot be reached: an Engine.IO handshake probe that names the failure.

Kept apart from `archit_tui.gateway.errors` so that the error types load without aiohttp.
"""

from __future__ import annotations

import asyncio
import ssl
from urllib.parse import urlsplit

import aiohttp

from .errors import GatewayConnectError


def where(url: str) -> str:
    """``host:port`` of ``url``, for messages."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme in ("https", "wss") else 80)
    return f"{parts.hostname}:{port}"


def check_url(url: str) -> None:
    """Raise `GatewayConnectError` unless ``url`` is an http(s) or ws(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.hostname:
        raise GatewayConnectError(
            f"{url!r} is not a gateway URL: expected something like https://gateway.example.org"
        )


async def diagnose(
    url: str, socketio_path: str, session: aiohttp.ClientSession, timeout: float
) -> None:
    """Probe the Engine.IO handshake at ``url``; raise `GatewayConnectError` saying what fails.

    Returns quietly when a server answers at the path (even with an error status other than
    404: a websocket-only server refuses polling but is there).
    """
    parts = urlsplit(url)
    scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
    probe = f"{scheme}://{parts.netloc}/{socketio_path.strip('/')}/?EIO=4&transport=polling"
    host = where(url)
    try:
        async with asyncio.timeout(timeout):
            async with session.get(probe) as response:
                status = response.status
    except TimeoutError:
        raise GatewayConnectError(
            f"{host} did not answer within {timeout:g} s (is the gateway overloaded, or is "
            "something else listening on that port?)"
        ) from None
    except aiohttp.ClientConnectorDNSError:
        raise GatewayConnectError(
            f"unknown host {parts.hostname!r}: it could not be found (check gateway_url)"
        ) from None
    except aiohttp.ClientConnectorCertificateError as error:
        raise GatewayConnectError(
            f"TLS failure: the certificate of {host} could not be verified "
            f"({error.certificate_error})"
        ) from None
    except (aiohttp.ClientSSLError, ssl.SSLError):
        raise GatewayConnectError(
            f"TLS failure talking to {host}: the handshake failed (does it speak https? "
            "try http:// for a local gateway)"
        ) from None
    except aiohttp.ClientConnectorError as error:
        if isinstance(error.os_error, ConnectionRefusedError):
            raise GatewayConnectError(
                f"connection refused by {host}: nothing is listening there (is the gateway "
                "running?)"
            ) from None
        raise GatewayConnectError(f"cannot reach {host}: {error.os_error}") from None
    except aiohttp.ClientError as error:
        raise GatewayConnectError(f"cannot reach {host}: {error}") from None
    if status == 404:
        raise GatewayConnectError(
            f"{host} answered, but there is no Socket.IO endpoint at /{socketio_path.strip('/')}/ "
            "(wrong path, or not a gateway)"
        )
    if status >= 500:
        raise GatewayConnectError(f"{host} answered with a server error (HTTP {status})")
