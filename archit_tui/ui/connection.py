"""What the app connects to: the gateway client, the URL and token, or the demo's stand-in."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from archit_tui.gateway.client import GatewayClient
from archit_tui.gateway.standin.server import StandInGateway
from archit_tui.gateway.standin.settings import StandInSettings
from archit_tui.protocol.secret import Secret, read_token_file

DEMO_STANDIN = StandInSettings(token=Secret(""), port=0, rate=8.0, backlog=300)
"""The demo's stand-in: a free loopback port, a lively rate and some history."""


@dataclass
class Connection:
    """The gateway the app talks to."""

    client: GatewayClient = field(default_factory=GatewayClient)
    url: str | None = None
    """None until the demo's stand-in has started."""
    token: Secret | None = None
    token_file: Path | None = None
    """Read again at each session start, so Retry picks up a fixed or rotated token."""
    standin: StandInGateway | None = None
    """The stand-in embedded in demo mode."""

    @classmethod
    def demo(cls, standin: StandInSettings = DEMO_STANDIN) -> Connection:
        """A stand-in gateway in this process, with a token made for this run only."""
        token = Secret(secrets.token_urlsafe(24))
        return cls(token=token, standin=StandInGateway(replace(standin, token=token)))

    async def start(self) -> str:
        """The URL to connect to, starting the embedded stand-in if there is one."""
        if self.url is None:
            if self.standin is None:
                raise RuntimeError("no gateway URL and no stand-in")
            self.url = await self.standin.start()
        return self.url

    def current_token(self) -> Secret | None:
        """The token to elevate with: the token file's content now, if there is one."""
        if self.token_file is not None:
            self.token = read_token_file(self.token_file)
        return self.token

    async def close(self) -> None:
        """Disconnect, and stop the embedded stand-in."""
        await self.client.close()
        if self.standin is not None:
            await self.standin.stop()
