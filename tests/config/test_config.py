"""The configuration: flags beat variables beat the file, and every bad config gets one message."""

from __future__ import annotations

import argparse
import re
import stat
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.config_files import KNOWN_TOKEN, isolate_config, write_file

from archit_tui.cli import main
from archit_tui.config import (
    TEMPLATE,
    ConfigError,
    ConfigFlags,
    LoadedSettings,
    Settings,
    add_run_arguments,
    config_path,
    default_config_path,
    flags_from_args,
    load_settings,
)
from archit_tui.config import cli as config_cli
from archit_tui.protocol.secret import Secret


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_config(monkeypatch, tmp_path / "home")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """Where the tests' config file goes (not written until a test writes it)."""
    return tmp_path / "conf" / "config.toml"


def load(path: Path | None, environ: dict[str, str] | None = None, **flags: Any) -> LoadedSettings:
    """Settings from ``path`` (as ``--config``), an environment and other flags."""
    return load_settings(ConfigFlags(config=path, **flags), environ or {})


def load_error(path: Path | None, environ: dict[str, str] | None = None, **flags: Any) -> str:
    """The message of the `ConfigError` that loading raises."""
    with pytest.raises(ConfigError) as caught:
        load(path, environ, **flags)
    return str(caught.value)


def token_file(tmp_path: Path, name: str = "token", mode: int = 0o600) -> Path:
    return write_file(tmp_path / "secrets" / name, KNOWN_TOKEN + "\n", mode)


# Paths -----------------------------------------------------------------------------------------


def test_default_path_is_in_the_platform_config_dir(tmp_path: Path) -> None:
    path = default_config_path()
    assert path.name == "config.toml" and path.parent.name == "archit-tui"
    assert tmp_path in path.parents  # the fixture's XDG_CONFIG_HOME / HOME, never the real one


def test_config_path_prefers_flag_then_variable_then_default(tmp_path: Path) -> None:
    environ = {"ARCHIT_TUI_CONFIG": str(tmp_path / "env.toml")}
    assert config_path(tmp_path / "flag.toml", environ) == tmp_path / "flag.toml"
    assert config_path(None, environ) == tmp_path / "env.toml"
    assert config_path(None, {}) == default_config_path()
    assert config_path(None, {"ARCHIT_TUI_CONFIG": ""}) == default_config_path()


def test_relative_config_path_is_taken_from_the_working_directory() -> None:
    assert config_path(Path("mine.toml"), {}) == Path.cwd() / "mine.toml"
    assert config_path(None, {"ARCHIT_TUI_CONFIG": "sub/c.toml"}) == Path.cwd() / "sub/c.toml"


# Defaults, demo and precedence ---------------------------------------------------------------


def test_no_file_and_no_url_runs_the_demo_with_defaults() -> None:
    loaded = load(None)
    settings = loaded.settings
    assert loaded.warnings == ()
    assert settings.demo and settings.gateway_url is None and settings.token is None
    assert settings.config_path == default_config_path() and not settings.config_exists
    assert (settings.non_pool, settings.max_actions, settings.time_format) == (
        True,
        100_000,
        "local",
    )
    assert (settings.theme, settings.mock_guild_id, settings.allowed_commands) == (
        None,
        1,
        None,
    )


def test_file_without_url_runs_the_demo(config: Path) -> None:
    write_file(config, 'theme = "nord"\n')
    settings = load(config).settings
    assert settings.demo and settings.config_exists and settings.theme == "nord"


@pytest.mark.parametrize("where", ["file", "env", "flag"])
def test_a_url_from_anywhere_leaves_demo_mode(config: Path, where: str) -> None:
    url = "wss://gateway.example.org"
    write_file(config, f'gateway_url = "{url}"\n' if where == "file" else "")
    environ = {"ARCHIT_TUI_TOKEN": KNOWN_TOKEN}
    flags: dict[str, Any] = {}
    if where == "env":
        environ["ARCHIT_TUI_URL"] = url
    if where == "flag":
        flags["url"] = url
    settings = load(config, environ, **flags).settings
    assert not settings.demo and settings.gateway_url == url
    assert settings.token == Secret(KNOWN_TOKEN)


def test_demo_flag_beats_a_configured_url_and_needs_no_token(config: Path) -> None:
    write_file(config, 'gateway_url = "https://gateway.example.org"\n')
    settings = load(config, demo=True).settings
    assert settings.demo and settings.gateway_url is None


def test_default_file_is_read_when_it_exists() -> None:
    write_file(default_config_path(), "max_actions = 5000\n")
    settings = load(None).settings
    assert settings.config_exists and settings.max_actions == 5000


# key, TOML value in the file, variable value, flag name and value, and the three results.
PRECEDENCE = [
    (
        "gateway_url",
        '"https://file.example"',
        "https://env.example",
        ("url", "wss://flag.example"),
        ("https://file.example", "https://env.example", "wss://flag.example"),
    ),
    ("guild_id", '"111"', "222", ("guild", "333"), (111, 222, 333)),
    ("non_pool", "false", "yes", None, (False, True, None)),
    ("max_actions", "2000", "3000", None, (2000, 3000, None)),
    ("time_format", '"utc"', "relative", None, ("utc", "relative", None)),
    ("theme", '"nord"', "gruvbox", None, ("nord", "gruvbox", None)),
    ("mock_guild_id", "7", "8", None, (7, 8, None)),
    ("allowed_commands", '["help"]', "poll, !XPoll", None, (("help",), ("poll", "xpoll"), None)),
]
ENV_NAMES = {
    "gateway_url": "ARCHIT_TUI_URL",
    "guild_id": "ARCHIT_TUI_GUILD",
    "non_pool": "ARCHIT_TUI_NON_POOL",
    "max_actions": "ARCHIT_TUI_MAX_ACTIONS",
    "time_format": "ARCHIT_TUI_TIME_FORMAT",
    "theme": "ARCHIT_TUI_THEME",
    "mock_guild_id": "ARCHIT_TUI_MOCK_GUILD",
    "allowed_commands": "ARCHIT_TUI_ALLOWED_COMMANDS",
}


@pytest.mark.parametrize(("key", "in_file", "in_env", "flag", "expected"), PRECEDENCE)
def test_flag_beats_variable_beats_file(
    config: Path,
    key: str,
    in_file: str,
    in_env: str,
    flag: tuple[str, str] | None,
    expected: tuple[object, object, object],
) -> None:
    write_file(config, f'token = "{KNOWN_TOKEN}"\n{key} = {in_file}\n')
    assert getattr(load(config).settings, key) == expected[0]
    environ = {ENV_NAMES[key]: in_env}
    assert getattr(load(config, environ).settings, key) == expected[1]
    if flag is not None:
        assert getattr(load(config, environ, **{flag[0]: flag[1]}).settings, key) == expected[2]


def test_config_variable_is_read_and_config_flag_beats_it(config: Path, tmp_path: Path) -> None:
    write_file(config, 'theme = "from-env-file"\n')
    flagged = write_file(tmp_path / "flagged.toml", 'theme = "from-flag-file"\n')
    environ = {"ARCHIT_TUI_CONFIG": str(config)}
    assert load(None, environ).settings.theme == "from-env-file"
    assert load(flagged, environ).settings.theme == "from-flag-file"


def test_token_sources_flag_beats_variables_beat_file(config: Path, tmp_path: Path) -> None:
    write_file(config, 'gateway_url = "https://g.example"\ntoken = "from-file"\n')
    assert load(config).settings.token == Secret("from-file")
    environ = {"ARCHIT_TUI_TOKEN": "from-env"}
    settings = load(config, environ).settings
    assert settings.token == Secret("from-env") and settings.token_file is None
    file = token_file(tmp_path)
    settings = load(config, environ, token_file=file).settings
    assert settings.token == Secret(KNOWN_TOKEN) and settings.token_file == file
    settings = load(config, {"ARCHIT_TUI_TOKEN_FILE": str(file)}).settings
    assert settings.token == Secret(KNOWN_TOKEN) and settings.token_file == file


def test_relative_token_file_in_the_file_starts_at_the_file(config: Path) -> None:
    secret = write_file(config.parent / "keys" / "token", KNOWN_TOKEN)
    write_file(config, 'gateway_url = "https://g.example"\ntoken_file = "keys/token"\n')
    settings = load(config).settings
    assert settings.token == Secret(KNOWN_TOKEN) and settings.token_file == secret


def test_relative_token_file_from_variable_or_flag_starts_at_the_working_directory(
    config: Path,
) -> None:
    secret = write_file(Path.cwd() / "token", KNOWN_TOKEN)
    write_file(config, 'gateway_url = "https://g.example"\n')
    assert load(config, {"ARCHIT_TUI_TOKEN_FILE": "token"}).settings.token_file == secret
    assert load(config, token_file=Path("token")).settings.token_file == secret


def test_guild_id_accepts_an_integer_or_digits(config: Path) -> None:
    write_file(config, "guild_id = 682215129937772544\n")
    assert load(config).settings.guild_id == 682215129937772544
    write_file(config, 'guild_id = "682215129937772544"\n')
    assert load(config).settings.guild_id == 682215129937772544


# Errors: each one message naming the place, the key and the fix -------------------------------


@pytest.mark.parametrize("named_by", ["--config", "$ARCHIT_TUI_CONFIG"])
def test_a_named_config_file_that_does_not_exist_is_an_error(tmp_path: Path, named_by: str) -> None:
    missing = tmp_path / "nowhere" / "config.toml"
    if named_by == "--config":
        message = load_error(missing)
    else:
        message = load_error(None, {"ARCHIT_TUI_CONFIG": str(missing)})
    assert str(missing) in message and named_by in message
    assert "does not exist" in message and "archit-tui config init" in message


def test_invalid_toml_names_the_line_and_column(config: Path) -> None:
    write_file(config, 'theme = "nord"\n\nmax_actions = lots\n')
    message = load_error(config)
    assert str(config) in message and "not valid TOML" in message
    assert "line 3, column 15" in message and "double quotes" in message


def test_a_key_set_twice_is_said_plainly(config: Path) -> None:
    write_file(config, "max_actions = 2000\nmax_actions = 3000\n")
    message = load_error(config)
    assert "line 2" in message and "a key is set twice" in message


def test_a_config_file_that_is_not_utf8_is_an_error(config: Path) -> None:
    config.parent.mkdir(parents=True)
    config.write_bytes(b'theme = "\xff"\n')
    assert "not UTF-8" in load_error(config)


def test_a_config_path_that_is_a_directory_is_an_error(config: Path) -> None:
    config.mkdir(parents=True)
    assert "is a directory" in load_error(config)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('max_actions = "many"', ["max_actions", "whole number", 'text "many"', "max_actions = "]),
        ("guild_id = 1.5", ["guild_id", "guild id", "1.5", "guild_id = 123456789012345678"]),
        ('non_pool = "yes"', ["non_pool", "true or false", 'text "yes"', "non_pool = true"]),
        ("max_actions = 5", ["max_actions", "1_000 to 10_000_000", "not 5"]),
        ("max_actions = true", ["max_actions", "boolean true"]),
        (
            'time_format = "mars"',
            ["time_format", '"local", "utc", "relative"', 'text "mars"', 'time_format = "local"'],
        ),
        ('time_format = "UTC "', None),
        ('time_format = "relativ"', ['did you mean "relative"?']),
        ('theme = ""', ["theme", "is empty", 'theme = "textual-dark"']),
        ("theme = 3", ["theme", "theme name", "number 3"]),
        ("mock_guild_id = 10_000_000", ["mock_guild_id", "below 10_000_000"]),
        ('allowed_commands = "help"', ["allowed_commands", "list of command names"]),
        ('allowed_commands = ["help", "two words"]', ["allowed_commands", '"two words"']),
        ('gateway_url = "ftp://files.example"', ["gateway_url", "ws://", "https://gateway"]),
        ('gateway_url = "gateway.archit.us"', ["gateway_url", "URL with a host name"]),
        ('gateway_url = "https://"', ["gateway_url", "host name"]),
        ('gateway_url = "https://host:99999"', ["gateway_url", "host name"]),
        ("gateway_url = 8", ["gateway_url", "a URL in double quotes"]),
        ('token_file = ""', ["token_file", "is empty"]),
        ("token = 12345", ["token", "the token as text", 'token = "your-token"']),
    ],
)
def test_a_wrong_value_names_file_key_expectation_and_example(
    config: Path, line: str, words: list[str] | None
) -> None:
    write_file(config, f"{line}\n")
    if words is None:  # accepted after all
        assert load(config).settings.time_format == "utc"
        return
    message = load_error(config)
    assert message.startswith(f"In the config file {config}, `")
    for word in words:
        assert word in message


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("ARCHIT_TUI_MAX_ACTIONS", "many", ["whole number", "ARCHIT_TUI_MAX_ACTIONS=100000"]),
        ("ARCHIT_TUI_GUILD", "general", ["guild id", "ARCHIT_TUI_GUILD=123456789012345678"]),
        ("ARCHIT_TUI_NON_POOL", "maybe", ["true or false", "ARCHIT_TUI_NON_POOL=true"]),
        ("ARCHIT_TUI_TIME_FORMAT", "mars", ['"local", "utc", "relative"']),
        ("ARCHIT_TUI_URL", "localhost:8765", ["URL", "ARCHIT_TUI_URL=https://gateway.archit.us"]),
        ("ARCHIT_TUI_MOCK_GUILD", "123456789012345678", ["below 10_000_000"]),
    ],
)
def test_a_wrong_variable_is_named_instead_of_a_file_key(
    config: Path, variable: str, value: str, words: list[str]
) -> None:
    write_file(config, "")
    message = load_error(config, {variable: value, "ARCHIT_TUI_TOKEN": KNOWN_TOKEN})
    assert message.startswith(f"The environment variable {variable} ")
    assert str(config) not in message
    for word in words:
        assert word in message


def test_a_wrong_flag_is_named(config: Path) -> None:
    message = load_error(None, guild="general")
    assert message.startswith("The option --guild ") and "--guild 123456789012345678" in message


def test_a_wrong_value_is_an_error_even_when_a_higher_source_hides_it(config: Path) -> None:
    write_file(config, 'max_actions = "many"\n')
    assert "max_actions" in load_error(config, {"ARCHIT_TUI_MAX_ACTIONS": "5000"})


def test_an_empty_variable_counts_as_unset(config: Path) -> None:
    write_file(config, "max_actions = 2000\n")
    assert load(config, {"ARCHIT_TUI_MAX_ACTIONS": "", "ARCHIT_TUI_URL": " "}).settings.demo


def test_url_without_a_token_says_where_to_put_one(config: Path) -> None:
    write_file(config, 'gateway_url = "https://gateway.example.org"\n')
    message = load_error(config)
    assert "gateway_url" in message and "no token" in message
    assert "token_file" in message and "ARCHIT_TUI_TOKEN" in message and "chmod 600" in message
    assert "--demo" in message
    message = load_error(None, {"ARCHIT_TUI_URL": "https://gateway.example.org"})
    assert "by $ARCHIT_TUI_URL" in message


def test_url_and_demo_flags_contradict() -> None:
    assert "--url and --demo" in load_error(None, url="https://g.example", demo=True)


def test_token_and_token_file_both_in_the_file_is_an_error(config: Path, tmp_path: Path) -> None:
    write_file(config, f'token = "abc"\ntoken_file = "{token_file(tmp_path)}"\n')
    message = load_error(config)
    assert str(config) in message and "`token`" in message and "`token_file`" in message


def test_token_and_token_file_both_in_the_environment_is_an_error(tmp_path: Path) -> None:
    environ = {"ARCHIT_TUI_TOKEN": "abc", "ARCHIT_TUI_TOKEN_FILE": str(token_file(tmp_path))}
    message = load_error(None, environ)
    assert "$ARCHIT_TUI_TOKEN and $ARCHIT_TUI_TOKEN_FILE" in message


def test_token_file_variable_beats_token_key_in_the_file(config: Path, tmp_path: Path) -> None:
    write_file(config, 'gateway_url = "https://g.example"\ntoken = "abc"\n')
    environ = {"ARCHIT_TUI_TOKEN_FILE": str(token_file(tmp_path))}
    assert load(config, environ).settings.token == Secret(KNOWN_TOKEN)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_readable_config_file_with_a_token_is_refused(config: Path) -> None:
    write_file(config, f'token = "{KNOWN_TOKEN}"\n', mode=0o644)
    message = load_error(config)
    assert str(config) in message and "`token`" in message
    assert f"chmod 600 {config}" in message and "mode 644" in message


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_token_hidden_in_a_table_still_makes_the_file_secret(config: Path) -> None:
    write_file(config, f'[gateway]\ntoken = "{KNOWN_TOKEN}"\n', mode=0o640)
    assert f"chmod 600 {config}" in load_error(config)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_a_readable_config_file_without_a_token_is_accepted(config: Path) -> None:
    write_file(config, 'theme = "nord"\n', mode=0o644)
    assert load(config).settings.theme == "nord"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
@pytest.mark.parametrize("named_by", ["file", "env", "flag"])
def test_a_readable_token_file_is_refused(config: Path, tmp_path: Path, named_by: str) -> None:
    file = token_file(tmp_path, mode=0o604)
    write_file(config, 'gateway_url = "https://g.example"\n')
    environ: dict[str, str] = {}
    flags: dict[str, Any] = {}
    if named_by == "file":
        write_file(config, f'gateway_url = "https://g.example"\ntoken_file = "{file}"\n')
    elif named_by == "env":
        environ["ARCHIT_TUI_TOKEN_FILE"] = str(file)
    else:
        flags["token_file"] = file
    message = load_error(config, environ, **flags)
    assert f"chmod 600 {file}" in message
    where = {"file": "`token_file`", "env": "$ARCHIT_TUI_TOKEN_FILE", "flag": "--token-file"}
    assert where[named_by] in message


def test_a_missing_token_file_is_named_with_where_it_was_named(config: Path) -> None:
    write_file(config, 'gateway_url = "https://g.example"\ntoken_file = "nope"\n')
    message = load_error(config)
    assert str(config.parent / "nope") in message and "does not exist" in message
    assert f"`token_file` in the config file {config}" in message


# Warnings --------------------------------------------------------------------------------------


def test_an_unknown_key_is_a_warning_with_a_suggestion(config: Path) -> None:
    write_file(config, 'gatway_url = "https://g.example"\ncolour = "red"\ntheme = "nord"\n')
    loaded = load(config)
    assert loaded.settings.theme == "nord" and loaded.settings.demo
    first, second = loaded.warnings
    assert (
        str(config) in first and "`gatway_url`" in first and "did you mean `gateway_url`?" in first
    )
    assert "`colour`" in second and "max_actions" in second  # no close match: the keys listed


def test_an_unknown_variable_is_a_warning_with_a_suggestion() -> None:
    environ = {"ARCHIT_TUI_TOKN": KNOWN_TOKEN, "ARCHIT_TUI_GATEWAY_TOKEN": "x", "OTHER": "y"}
    (warning,) = load(None, environ).warnings
    assert "ARCHIT_TUI_TOKN" in warning and "did you mean ARCHIT_TUI_TOKEN?" in warning
    assert KNOWN_TOKEN not in warning


# The token never shows -------------------------------------------------------------------------


def _failing_cases(tmp_path: Path) -> list[Callable[[], object]]:
    conf = tmp_path / "leak" / "config.toml"
    url = 'gateway_url = "https://g.example"\n'
    token_line = f'token = "{KNOWN_TOKEN}"\n'

    def with_file(text: str, mode: int = 0o600, **env: str) -> Callable[[], object]:
        def run() -> object:
            write_file(conf, text, mode)
            return load(conf, env)

        return run

    readable_token = token_file(tmp_path, "readable", mode=0o644)
    return [
        with_file(token_line, mode=0o644),
        with_file(token_line + f'token_file = "{readable_token}"\n'),
        with_file(token_line + 'max_actions = "many"\n'),
        with_file(token_line + "guild_id = 1.5\n"),
        with_file(f'token = "{KNOWN_TOKEN}\n'),  # unterminated
        with_file(f"token = {KNOWN_TOKEN}\n"),  # unquoted
        with_file(f'token = ["{KNOWN_TOKEN}"]\n'),
        with_file(f'gateway_url = "{KNOWN_TOKEN}"\n' + token_line),  # in the wrong key
        with_file(f'time_format = "{KNOWN_TOKEN}"\n', ARCHIT_TUI_TOKEN=KNOWN_TOKEN),
        with_file(url + f'token_file = "{readable_token}"\n'),
        with_file(url, ARCHIT_TUI_TOKEN=KNOWN_TOKEN, ARCHIT_TUI_TOKEN_FILE=str(readable_token)),
        with_file(url, ARCHIT_TUI_TOKEN=KNOWN_TOKEN, ARCHIT_TUI_MAX_ACTIONS="5"),
        with_file(url, ARCHIT_TUI_URL=KNOWN_TOKEN, ARCHIT_TUI_TOKEN=KNOWN_TOKEN),
    ]


def test_the_token_never_appears_in_any_message(tmp_path: Path) -> None:
    cases = _failing_cases(tmp_path)
    for case in cases:
        with pytest.raises(ConfigError) as caught:
            case()
        error = caught.value
        for text in (str(error), repr(error), *map(str, error.args)):
            assert KNOWN_TOKEN not in text
        assert error.__cause__ is None and error.__suppress_context__


def test_the_token_never_appears_in_warnings_or_reprs(config: Path, tmp_path: Path) -> None:
    write_file(
        config, f'token = "{KNOWN_TOKEN}"\n{KNOWN_TOKEN[:8]}x = 1\ntokne = "{KNOWN_TOKEN}"\n'
    )
    loaded = load(config, {"ARCHIT_TUI_URL": "https://g.example", "ARCHIT_TUI_X": KNOWN_TOKEN})
    assert loaded.settings.token == Secret(KNOWN_TOKEN)
    for text in (repr(loaded), str(loaded.settings), *loaded.warnings):
        assert KNOWN_TOKEN not in text
    assert "Secret(<hidden>)" in repr(loaded.settings)


def test_a_short_token_does_not_blank_out_words_of_messages(config: Path) -> None:
    write_file(config, 'token = "a"\ntoken_file = "t"\n')
    assert "sets both `token` and `token_file`; keep only one" in load_error(config)


# The command line ------------------------------------------------------------------------------


def test_run_arguments_become_config_flags(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_run_arguments(parser)
    args = parser.parse_args(
        ["--url", "wss://g.example", "--token-file", "t", "--guild", "42", "--config", "c.toml"]
    )
    assert flags_from_args(args) == ConfigFlags(
        url="wss://g.example", token_file=Path("t"), guild="42", config=Path("c.toml")
    )
    assert flags_from_args(parser.parse_args(["--demo"])) == ConfigFlags(demo=True)
    assert flags_from_args(argparse.Namespace()) == ConfigFlags()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--token", KNOWN_TOKEN], "no --token option"),
        ([f"--token={KNOWN_TOKEN}"], "no --token option"),
        (["--token"], "no --token option"),
        (["--url", "https://g.example", "--demo"], "not allowed with"),
    ],
)
def test_no_token_flag_and_no_url_with_demo(
    argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    add_run_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(argv)
    err = capsys.readouterr().err
    assert words in err and KNOWN_TOKEN not in err
    assert "[--token [" not in parser.format_usage()  # hidden: it exists only to refuse


def test_config_path_prints_the_variable_or_flag_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{default_config_path()}\n"
    monkeypatch.setenv("ARCHIT_TUI_CONFIG", str(tmp_path / "env.toml"))
    assert main(["config", "path"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{tmp_path / 'env.toml'}\n" and "does not exist" in err
    assert main(["config", "path", "--config", "here.toml"]) == 0
    assert capsys.readouterr().out == f"{Path.cwd() / 'here.toml'}\n"


def test_config_init_writes_a_private_template_that_loads_as_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["config", "init"]) == 0
    path = default_config_path()
    assert capsys.readouterr().out == f"{path}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == TEMPLATE
    tomllib.loads(path.read_text(encoding="utf-8"))
    loaded = load_settings(ConfigFlags(), {})
    assert loaded.warnings == ()
    expected = Settings(None, None, None, None, path, True, demo=True)
    assert loaded.settings == expected


def test_config_init_refuses_to_overwrite_unless_forced(
    config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_file(config, 'theme = "mine"\n')
    assert main(["config", "init", "--config", str(config)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and str(config) in err and "--force" in err
    assert config.read_text(encoding="utf-8") == 'theme = "mine"\n'
    assert main(["config", "init", "--config", str(config), "--force"]) == 0
    assert capsys.readouterr().out == f"{config}\n"
    assert config.read_text(encoding="utf-8") == TEMPLATE


def test_config_init_follows_the_variable(
    config: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARCHIT_TUI_CONFIG", str(config))
    assert main(["config", "init"]) == 0
    assert capsys.readouterr().out == f"{config}\n" and config.read_text() == TEMPLATE


def test_config_init_reports_a_path_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = write_file(tmp_path / "file", "")
    assert main(["config", "init", "--config", str(blocker / "config.toml")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_a_config_flag_before_the_subcommand_is_not_hidden_by_its_default(
    tmp_path: Path,
) -> None:
    parser = argparse.ArgumentParser()
    add_run_arguments(parser)
    config_cli.add_arguments(parser.add_subparsers().add_parser("config"))
    args = parser.parse_args(["--config", "top.toml", "config", "path"])
    assert flags_from_args(args).config == Path("top.toml")
    args = parser.parse_args(["config", "init", "--config", "sub.toml"])
    assert flags_from_args(args).config == Path("sub.toml")


def test_config_without_an_action_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config"]) == 2
    assert "path" in capsys.readouterr().err


# The template ----------------------------------------------------------------------------------

_SETTING_LINE = re.compile(r"^# (\w+) = ", re.MULTILINE)


def test_the_template_names_every_key_once_with_an_explanation() -> None:
    names = _SETTING_LINE.findall(TEMPLATE)
    settings_fields = set(Settings.__dataclass_fields__)
    assert len(names) == len(set(names))
    assert set(names) == settings_fields - {
        "config_path",
        "config_exists",
        "demo",
        "gateway_url_from",
    }
    lines = TEMPLATE.splitlines()
    for index, line in enumerate(lines):
        if _SETTING_LINE.match(line + " "):
            assert lines[index - 2].startswith("# ") and len(lines[index - 2]) > 20
    assert all(len(line) <= 100 for line in lines)


def test_the_template_uncommented_is_valid_toml() -> None:
    uncommented = _SETTING_LINE.sub(lambda m: f"{m.group(1)} = ", TEMPLATE)
    assert set(tomllib.loads(uncommented)) == set(_SETTING_LINE.findall(TEMPLATE))


@pytest.mark.parametrize("name", _SETTING_LINE.findall(TEMPLATE))
def test_each_template_line_uncommented_alone_loads(config: Path, name: str) -> None:
    text = re.sub(rf"^# ({name}) = ", r"\1 = ", TEMPLATE, flags=re.MULTILINE)
    write_file(config, text)
    environ = {"ARCHIT_TUI_TOKEN": KNOWN_TOKEN}
    if name == "token_file":
        write_file(Path.home() / ".config" / "archit-tui" / "token", KNOWN_TOKEN)
        environ = {"ARCHIT_TUI_URL": "https://g.example"}
    loaded = load(config, environ)
    assert loaded.warnings == ()
    assert getattr(loaded.settings, name) is not None


# The layers ------------------------------------------------------------------------------------


def test_the_configuration_loads_no_textual() -> None:
    code = (
        "import sys, archit_tui.config\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
