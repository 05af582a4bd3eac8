"""Saved filters in the config file: read, checked with plain-words errors, appended safely."""

from pathlib import Path

import pytest

from archit_tui.config import ConfigError, ConfigFlags, load_settings
from archit_tui.config.model import SavedFilter
from archit_tui.config.saved_filters import save_filter


def load(config: Path):  # noqa: ANN201
    return load_settings(ConfigFlags(config=config, demo=True), environ={}).settings


def test_filters_are_read_in_order(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(
        '[[filters]]\nname = "bans"\nquery = "type:ban"\nalert = true\n'
        '[[filters]]\nname = "quiet"\nquery = "-type:message"\nenabled = true\n'
    )
    assert load(config).filters == (
        SavedFilter("bans", "type:ban", alert=True),
        SavedFilter("quiet", "-type:message", enabled=True),
    )


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('name = "x"\nquery = "type:"', "(filter 1) 'x' has a query that is wrong"),
        ('name = "x"', "(filter 1) 'x' needs a query"),
        ('query = "lol"', "(filter 1) needs a name"),
        ('name = "x"\nquery = "lol"\nalert = "yes"', "alert should be true or false"),
        ('name = "x"\nquery = "lol"\ncolour = 1', "has keys it does not know: colour"),
    ],
)
def test_a_wrong_filter_is_named(tmp_path: Path, table: str, message: str) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f"[[filters]]\n{table}\n")
    with pytest.raises(ConfigError, match="filters") as raised:
        load(config)
    assert message in str(raised.value)


def test_saving_appends_and_keeps_the_file_as_written(tmp_path: Path) -> None:
    config = tmp_path / "new" / "c.toml"
    assert save_filter(config, SavedFilter("a", 'say "hi" \\ there')) is None
    assert save_filter(config, SavedFilter("b", "type:ban")) is None
    assert "already called 'a'" in save_filter(config, SavedFilter("a", "x"))
    assert [f.name for f in load(config).filters] == ["a", "b"]
    assert load(config).filters[0].query == 'say "hi" \\ there'
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    inline = tmp_path / "inline.toml"
    inline.write_text('filters = [{ name = "a", query = "x" }]\n')
    assert "writes `filters` inline" in save_filter(inline, SavedFilter("b", "y"))
