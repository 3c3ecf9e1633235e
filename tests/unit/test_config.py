"""Paths, settings and the token store: what a user (or a test) relies on on disk."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from gpseeker.config import Paths, Settings, StoredToken, TokenStore, load_settings, save_setting


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GPSEEKER_HOME", str(tmp_path))
    for name in ("GPSEEKER_SERVER", "GPSEEKER_THEME", "GPSEEKER_CURSOR_BLINK"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_gpseeker_home_moves_every_directory_under_it(home: Path) -> None:
    paths = Paths.current()
    assert paths.config_dir == home / "config"
    assert paths.data_dir == home / "data"
    assert paths.cache_dir == home / "cache"
    assert paths.settings_file == home / "config" / "settings.toml"


def test_without_gpseeker_home_the_platform_directories_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("GPSEEKER_HOME", raising=False)
    paths = Paths.current()
    assert paths.config_dir.name == "gpseeker"
    assert paths.data_dir.name == "gpseeker"


def test_defaults_without_file_or_environment(home: Path) -> None:
    settings = load_settings()
    assert settings.server is None
    assert settings.theme == "gpseeker-dark"
    assert settings.cursor_blink is True


def test_saved_settings_are_read_back_and_other_keys_kept(home: Path) -> None:
    save_setting("theme", "gpseeker-high-contrast")
    save_setting("server", "https://jobs.example.org")
    save_setting("cursor_blink", False)
    settings = load_settings()
    assert settings.theme == "gpseeker-high-contrast"
    assert settings.server == "https://jobs.example.org"
    assert settings.cursor_blink is False
    with (home / "config" / "settings.toml").open("rb") as handle:
        assert tomllib.load(handle) == {
            "theme": "gpseeker-high-contrast",
            "server": "https://jobs.example.org",
            "cursor_blink": False,
        }


def test_saving_none_restores_the_default(home: Path) -> None:
    save_setting("server", "https://jobs.example.org")
    save_setting("server", None)
    assert load_settings().server is None


def test_a_bad_value_never_reaches_the_file(home: Path) -> None:
    save_setting("cursor_blink", False)
    with pytest.raises(ValueError):
        save_setting("cursor_blink", "sometimes")
    with pytest.raises(KeyError):
        save_setting("colour", "red")
    assert load_settings().cursor_blink is False


def test_environment_overrides_the_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_setting("server", "https://from-file.example.org")
    save_setting("theme", "gpseeker-light")
    monkeypatch.setenv("GPSEEKER_SERVER", "http://127.0.0.1:8000")
    settings = load_settings()
    assert settings.server == "http://127.0.0.1:8000"
    assert settings.theme == "gpseeker-light"


def test_every_setting_is_documented() -> None:
    for name, info in Settings.model_fields.items():
        assert info.description, f"setting {name} has no docstring"


def test_token_file_is_0600_in_a_0700_directory(home: Path) -> None:
    store = TokenStore.default()
    store.save("http://127.0.0.1:8000/", "seeker", StoredToken(token="t1", email="a@example.com"))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert list(store.path.parent.glob(".*.tmp")) == []


def test_tokens_are_kept_apart_by_server_and_role(home: Path) -> None:
    store = TokenStore.default()
    store.save("http://a.example:8000/", "seeker", StoredToken(token="s", email="s@example.com"))
    store.save("http://a.example:8000", "employer", StoredToken(token="e", email="e@example.com"))
    store.save(None, "seeker", StoredToken(token="local", email="you@example.com"))

    fresh = TokenStore.default()  # a new process reading the same file
    assert fresh.get("http://a.example:8000", "seeker") == StoredToken(
        token="s", email="s@example.com"
    )
    assert fresh.get("http://a.example:8000", "employer").token == "e"  # type: ignore[union-attr]
    assert fresh.get("embedded", "seeker").token == "local"  # type: ignore[union-attr]
    assert fresh.get("http://b.example", "seeker") is None

    assert fresh.forget("http://a.example:8000", "seeker") is True
    assert fresh.forget("http://a.example:8000", "seeker") is False
    assert TokenStore.default().get("http://a.example:8000", "employer") is not None


def test_a_damaged_token_file_means_signed_out_not_a_crash(home: Path) -> None:
    store = TokenStore.default()
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json")
    assert store.get("http://a.example", "seeker") is None
    store.save("http://a.example", "seeker", StoredToken(token="t", email="a@example.com"))
    assert store.get("http://a.example", "seeker") is not None


def test_the_cursor_does_not_blink_over_ssh_unless_the_user_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every blink repaints the field down an SSH connection while the user is idle."""
    monkeypatch.setenv("GPSEEKER_HOME", str(tmp_path))
    monkeypatch.delenv("GPSEEKER_CURSOR_BLINK", raising=False)
    ssh = {"SSH_CONNECTION": "192.0.2.1 50000 192.0.2.2 22"}

    assert load_settings().blinks({}) is True
    assert load_settings().blinks(ssh) is False

    save_setting("cursor_blink", True)
    assert load_settings().blinks(ssh) is True
    monkeypatch.setenv("GPSEEKER_CURSOR_BLINK", "false")
    assert load_settings().blinks({}) is False
