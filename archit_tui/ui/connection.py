"""What the app connects to: the URL and token, or the demo's stand-in, and the client.

The socket libraries load only in `Connection.open`, after the first frame is on screen: a
terminal app should show itself before it goes looking for the network.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from archit_tui.gateway.errors import GatewayNotConnected
from archit_tui.gateway.events import WireLog
from archit_tui.gateway.standin.settings import DEMO_STANDIN, StandInSettings
from archit_tui.protocol.secret import Secret, read_token_file

if TYPE_CHECKING:
    from archit_tui.gateway.capture import CaptureWriter
    from archit_tui.gateway.client import GatewayClient
    from archit_tui.gateway.network_thread import NetworkThread, RemoteClient
    from archit_tui.gateway.standin.server import StandInGateway


WIRE_LOG_SIZE = 500


@dataclass
class Connection:
    """The gateway the app talks to, through a client on a network thread of its own."""

    url: str | None = None
    """None until the demo's stand-in has started."""
    token: Secret | None = None
    token_file: Path | None = None
    """Read again at each session start, so Retry picks up a fixed or rotated token."""
    standin_settings: StandInSettings | None = None
    """The stand-in to embed (demo mode); it runs on the network thread too."""
    gateway_client: GatewayClient | None = None
    """A client made beforehand (the tests' own); otherwise `open` makes one."""
    wire: WireLog = field(default_factory=lambda: WireLog(WIRE_LOG_SIZE))
    """The last events sent and received, for the inspector (the client fills it)."""
    capture_path: Path | None = None
    """Where every received event is appended (the ``capture`` setting), if anywhere."""
    capture: CaptureWriter | None = None
    capture_problem: str | None = None
    """Why the capture file could not be opened (the app says so and runs without it)."""
    standin: StandInGateway | None = None
    network: NetworkThread | None = None
    _remote: RemoteClient | None = None

    @classmethod
    def demo(cls, standin: StandInSettings = DEMO_STANDIN) -> Connection:
        """A stand-in gateway in this process, with a token made for this run only."""
        token = Secret(secrets.token_urlsafe(24))
        return cls(token=token, standin_settings=replace(standin, token=token))

    def open(self) -> None:
        """Load the socket libraries and start the network thread (on the UI's loop)."""
        if self._remote is not None:
            return
        from archit_tui.gateway.client import GatewayClient
        from archit_tui.gateway.network_thread import NetworkThread, RemoteClient

        self._open_capture()
        if self.gateway_client is None:
            self.gateway_client = GatewayClient(wire=self.wire, capture=self.capture)
        else:
            self.wire = self.gateway_client.wire
            self.gateway_client.capture = self.capture
        if self.standin_settings is not None and self.standin is None:
            from archit_tui.gateway.standin.server import StandInGateway

            self.standin = StandInGateway(self.standin_settings)
        self.network = NetworkThread()
        self._remote = RemoteClient(self.gateway_client, self.network)

    def _open_capture(self) -> None:
        if self.capture_path is None:
            return
        from archit_tui.gateway.capture import CaptureError, CaptureWriter

        try:
            self.capture = CaptureWriter(self.capture_path)
        except CaptureError as error:
            self.capture_problem = f"{error}. The app runs on without a capture."

    @property
    def client(self) -> RemoteClient:
        """The client, as the UI drives it."""
        if self._remote is None:
            raise GatewayNotConnected("not connected to a gateway (a replay is offline)")
        return self._remote

    async def start(self) -> str:
        """The URL to connect to, starting the embedded stand-in if there is one."""
        if self.url is None:
            if self.standin is None or self.network is None:
                raise RuntimeError("no gateway URL and no stand-in")
            self.url = await self.network.call(self.standin.start())
        return self.url

    def current_token(self) -> Secret | None:
        """The token to elevate with: the token file's content now, if there is one."""
        if self.token_file is not None:
            self.token = read_token_file(self.token_file)
        return self.token

    async def close(self) -> None:
        """Disconnect, stop the embedded stand-in, and end the network thread."""
        network, self.network = self.network, None  # a second close has nothing to do
        if network is None:
            return
        await self.client.close()
        if self.standin is not None:
            await network.call(self.standin.stop())
        network.stop()
        if self.capture is not None:
            self.capture.close()
