"""Advice about the gateway URL names where the URL was given: a flag, a variable or the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.config_files import KNOWN_TOKEN, isolate_config, write_file

from archit_tui.config import ConfigFlags, Settings, load_settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_config(monkeypatch, tmp_path / "home")


def loaded(tmp_path: Path, environ: dict[str, str], url: str | None = None) -> Settings:
    config = write_file(
        tmp_path / "conf" / "config.toml",
        f'gateway_url = "https://file.example"\ntoken = "{KNOWN_TOKEN}"\n',
    )
    return load_settings(ConfigFlags(url=url, config=config), environ).settings


def test_the_url_is_traced_to_the_flag_the_variable_or_the_file(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "config.toml"
    from_file = loaded(tmp_path, {})
    assert from_file.where_to_fix_url == (
        f"the gateway URL, given by `gateway_url` in the config file {config}"
    )
    from_env = loaded(tmp_path, {"ARCHIT_TUI_URL": "https://env.example"})
    assert from_env.where_to_fix_url == "the gateway URL, given by $ARCHIT_TUI_URL"
    from_flag = loaded(tmp_path, {"ARCHIT_TUI_URL": "https://env.example"}, url="https://f.example")
    assert from_flag.where_to_fix_url == "the gateway URL, given by --url"


def test_without_a_known_source_every_place_is_listed() -> None:
    settings = Settings("https://g.example", None, None, None, Path("/c/config.toml"), False, False)
    assert settings.where_to_fix_url == (
        "the gateway URL (--url, $ARCHIT_TUI_URL or `gateway_url` in /c/config.toml)"
    )
