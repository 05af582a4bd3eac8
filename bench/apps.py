"""The app, headless, for measuring: against a gateway, or offline over rows already held."""

from __future__ import annotations

from datetime import timezone
from pathlib import Path

from archit_tui.config import Settings
from archit_tui.gateway.client import GatewayClient
from archit_tui.protocol.secret import Secret
from archit_tui.ui.app import ArchitApp
from archit_tui.ui.factory import make_app


def bench_settings(
    url: str | None, token: Secret | None, guild_id: int | None, **more: object
) -> Settings:
    settings = Settings(
        gateway_url=url,
        token=token,
        token_file=None,
        guild_id=guild_id,
        config_path=Path("/nonexistent/config.toml"),
        config_exists=False,
        demo=False,
        time_format="utc",
    )
    return settings if not more else Settings(**{**settings.__dict__, **more})  # type: ignore[arg-type]


def headless_app(
    url: str,
    token: Secret,
    guild_id: int,
    *,
    client: GatewayClient | None = None,
    max_actions: int = 100_000,
) -> ArchitApp:
    """The app as the command line builds it."""
    return make_app(
        bench_settings(url, token, guild_id, max_actions=max_actions),
        client=client,
        tz=timezone.utc,
    )


class OfflineApp(ArchitApp):
    """The app with no gateway: it shows the rows put in its store before it runs."""

    def start_session(self) -> None:  # type: ignore[override]
        """Nothing to connect to."""


def offline_app(max_actions: int) -> OfflineApp:
    from archit_tui.ui.connection import Connection

    settings = bench_settings("http://127.0.0.1:9", Secret("unused"), None, max_actions=max_actions)
    return OfflineApp(settings, Connection(url=settings.gateway_url), tz=timezone.utc)
