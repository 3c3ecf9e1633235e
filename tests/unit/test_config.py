"""Paths, settings and the token store: what a user (or a test) relies on on disk."""

from __future__ import annotations

import ast
import inspect
import itertools
import stat
import textwrap
import tomllib
from pathlib import Path

import pytest

from gpseeker.local.config import (
    Paths,
    Settings,
    StoredToken,
    TokenStore,
    check_local_files,
    check_settings,
    load_settings,
    save_setting,
)


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


def test_a_variable_that_is_not_valid_is_said_and_the_rest_apply(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was a traceback at every start, app and plain command alike."""
    save_setting("theme", "gpseeker-light")
    save_setting("cursor_blink", False)
    monkeypatch.setenv("GPSEEKER_CURSOR_BLINK", "maybe")
    monkeypatch.setenv("GPSEEKER_RECONNECT_MAX_SECONDS", "5")
    settings, notices = check_settings()
    assert (settings.theme, settings.cursor_blink, settings.reconnect_max_seconds) == (
        "gpseeker-light",
        False,
        5.0,
    )
    assert [notice.message for notice in notices] == [
        'GPSEEKER_CURSOR_BLINK="maybe" is not valid: write true or false. gpseeker uses '
        "the settings file or the default for cursor_blink until you change it."
    ]
    assert [notice.title for notice in notices] == ["A setting was not used"]
    assert load_settings() == settings


def test_every_setting_is_documented() -> None:
    """By a docstring under it, read from the source: pydantic's own reading of them
    (`use_attribute_docstrings`) cost every gpseeker process 37 ms at import."""
    source = inspect.getsource(Settings)
    (cls,) = ast.parse(textwrap.dedent(source)).body
    assert isinstance(cls, ast.ClassDef)
    documented = {
        statement.target.id
        for statement, after in itertools.pairwise(cls.body)
        if isinstance(statement, ast.AnnAssign)
        and isinstance(statement.target, ast.Name)
        and isinstance(after, ast.Expr)
        and isinstance(after.value, ast.Constant)
        and isinstance(after.value.value, str)
        and after.value.value.strip()
    }
    assert set(Settings.model_fields) == documented


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


# --- damaged files: defaults, signed out, a notice that names the file ------------------


def test_a_settings_file_that_is_not_toml_gives_the_defaults_and_names_the_file(
    home: Path,
) -> None:
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir()
    settings_file.write_text('theme = "gpseeker-light\n')

    settings, notices = check_settings()

    assert settings == Settings()
    [notice] = notices
    assert notice.path == settings_file
    assert notice.message.startswith(f"The settings file {settings_file} could not be read")
    assert "not valid TOML" in notice.message
    assert "uses the default settings until you correct the file or remove it" in notice.message
    assert settings_file.read_text() == 'theme = "gpseeker-light\n'  # the user's own text


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfetheme = 1", None],
    ids=["not UTF-8", "a folder"],
)
def test_an_unreadable_settings_file_gives_the_defaults(home: Path, content: bytes | None) -> None:
    settings_file = home / "config" / "settings.toml"
    if content is None:
        settings_file.mkdir(parents=True)
    else:
        settings_file.parent.mkdir()
        settings_file.write_bytes(content)

    settings, [notice] = check_settings()

    assert settings == Settings()
    assert str(settings_file) in notice.message


def test_a_setting_of_the_wrong_type_keeps_its_default_and_the_others_apply(home: Path) -> None:
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir()
    settings_file.write_text(
        'cursor_blink = "maybe"\ntheme = "gpseeker-light"\nserver = "https://jobs.example.org"\n'
    )

    settings, [notice] = check_settings()

    assert settings.cursor_blink is True
    assert settings.theme == "gpseeker-light"
    assert settings.server == "https://jobs.example.org"
    assert notice.message == (
        f'In the settings file {settings_file}, cursor_blink = "maybe" is not valid: '
        "write true or false. gpseeker uses the default for cursor_blink until you "
        "correct that line or remove it."
    )


def test_saving_a_setting_over_an_unreadable_file_sets_that_file_aside(home: Path) -> None:
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir()
    settings_file.write_text("not = toml = at all")

    notice = save_setting("theme", "gpseeker-light")

    assert notice is not None
    [moved] = settings_file.parent.glob("settings.toml.damaged-*")
    assert moved.read_text() == "not = toml = at all"
    assert str(moved) in notice.message
    assert load_settings().theme == "gpseeker-light"


def test_saving_a_setting_keeps_a_line_that_is_not_valid_for_the_user_to_fix(home: Path) -> None:
    settings_file = home / "config" / "settings.toml"
    settings_file.parent.mkdir()
    settings_file.write_text('cursor_blink = "maybe"\n')

    assert save_setting("theme", "gpseeker-light") is None

    with settings_file.open("rb") as handle:
        assert tomllib.load(handle) == {"cursor_blink": "maybe", "theme": "gpseeker-light"}


def write_tokens(path: Path, content: bytes | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)


DAMAGED_TOKENS = {
    "not UTF-8": (b'{"embedded": {"seeker": \xff}}', "not text"),
    "not JSON": (b"{not json", "not valid JSON"),
    "a list": (b"[1, 2]", "not in the form gpseeker writes"),
    "an entry of the wrong shape": (b'{"embedded": [1]}', "not in the form gpseeker writes"),
    "a token of the wrong shape": (
        b'{"embedded": {"seeker": {"token": 5}}}',
        "not in the form gpseeker writes",
    ),
    "a folder": (None, "it is a folder, not a file"),
}


@pytest.mark.parametrize("content, why", DAMAGED_TOKENS.values(), ids=DAMAGED_TOKENS.keys())
def test_a_damaged_token_file_is_set_aside_and_the_user_signed_out(
    home: Path, content: bytes | None, why: str
) -> None:
    store = TokenStore.default()
    write_tokens(store.path, content)

    [notice] = store.check()

    assert store.get(None, "seeker") is None
    [moved] = store.path.parent.glob("tokens.json.damaged-*")
    assert not store.path.exists()
    assert notice.message.startswith(f"The sign-in file {store.path} could not be read: ")
    assert why in notice.message
    assert f"It was moved to {moved}" in notice.message
    assert "You are signed out" in notice.message
    # The next sign-in is kept again.
    store.save(None, "seeker", StoredToken(token="t", email="you@example.com"))
    assert TokenStore.default().get(None, "seeker") is not None


def test_an_unreadable_token_file_is_set_aside(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No read permission (root reads anything, so the refusal is played here)."""
    store = TokenStore.default()
    store.save(None, "seeker", StoredToken(token="t", email="you@example.com"))
    real_read = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == store.path:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    [notice] = store.check()

    assert "this account is not allowed to read it" in notice.message
    assert list(store.path.parent.glob("tokens.json.damaged-*"))


def test_a_token_file_others_can_read_is_made_private_with_a_warning(home: Path) -> None:
    store = TokenStore.default()
    store.save(None, "seeker", StoredToken(token="t", email="you@example.com"))
    store.path.chmod(0o644)

    [notice] = store.check()

    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert "could be read by other users of this computer" in notice.message
    assert str(store.path) in notice.message
    assert store.get(None, "seeker") is not None  # still signed in
    assert store.check() == []


def test_check_local_files_reports_both_files_once(home: Path) -> None:
    paths = Paths.current()
    paths.config_dir.mkdir()
    paths.settings_file.write_text("theme = ")
    paths.tokens_file.write_text("[]")

    settings, notices = check_local_files()

    assert settings == Settings()
    assert [notice.path for notice in notices] == [paths.settings_file, paths.tokens_file]
    assert check_local_files()[1][1:] == []  # the token file was set aside: said once


def test_every_draft_is_kept_under_the_one_drafts_folder(tmp_path: Path) -> None:
    """Deleting the account removes `drafts_dir` whole (local_data.py): a draft kept
    anywhere else would outlive the account. So the folder is named in one place."""
    from gpseeker.local.config import drafts_dir
    from gpseeker.local.profile_draft import DraftStore
    from gpseeker.widgets.inbox_reply import ReplyDrafts

    folder = drafts_dir(tmp_path)
    assert DraftStore(tmp_path).path.is_relative_to(folder)
    assert ReplyDrafts(tmp_path).path(7).is_relative_to(folder)
    package = Path(__file__).parents[2] / "gpseeker"
    naming = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if '"drafts"' in path.read_text(encoding="utf-8")
    ]
    assert naming == ["local/config.py"]
