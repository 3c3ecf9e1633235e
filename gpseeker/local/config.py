"""Where gpseeker keeps its files, the settings file, and the saved sign-in tokens.

Paths come from platformdirs; `GPSEEKER_HOME` moves all of them under one folder so
that tests (and people who want a portable setup) never touch the real home. Settings
are one pydantic model: environment (`GPSEEKER_*`) over `settings.toml` over the
defaults. Nothing here imports Textual or the server.

A damaged settings or token file never stops gpseeker: a setting that cannot be read
keeps its default, an unreadable token file is set aside (the candidate is signed
out), and `check_local_files` says so once, naming the file, at start.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import platformdirs
import tomli_w
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from gpseeker.local.local_files import (
    FileNotice,
    make_private,
    moved_clause,
    set_aside,
    why_unreadable,
)

APP_NAME = "gpseeker"
HOME_ENV = "GPSEEKER_HOME"
EMBEDDED = "embedded"
"""The token-store key of the in-process platform (it has no URL)."""

TokenRole = Literal["seeker", "employer", "operator"]
DEFAULT_PLATFORM_IDLE_SECONDS = 900.0

KNOWN_JOBS_FILE = "known-jobs.json"
"""In the data directory: the jobs list kept for a fast start (`gpseeker.local.known_jobs`).
Named here, where the first screen can look for it without loading the models."""


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def current(cls) -> Paths:
        """The paths for this process: under `$GPSEEKER_HOME` if set, else platformdirs."""
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home).expanduser()
            return cls(root / "config", root / "data", root / "cache")
        return cls(
            platformdirs.user_config_path(appname=APP_NAME, appauthor=False),
            platformdirs.user_data_path(appname=APP_NAME, appauthor=False),
            platformdirs.user_cache_path(appname=APP_NAME, appauthor=False),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def tokens_file(self) -> Path:
        return self.config_dir / "tokens.json"


LOCAL_ACCOUNT_FILE = "local-account.json"
"""The local demo platform's account (its e-mail and password), in the data directory;
erased with the account (local_data.py)."""


# --- unsent drafts ---------------------------------------------------------------------

DRAFTS_FOLDER = "drafts"
"""Everything the candidate typed and the platform has not yet confirmed, under the
data directory: one folder, so that deleting the account removes every draft at once
(local_data.py) and no part of the app can keep one anywhere else."""


def drafts_dir(data_dir: Path) -> Path:
    return data_dir / DRAFTS_FOLDER


def profile_draft_path(data_dir: Path) -> Path:
    """The profile being edited, until the platform confirms the save (profile_draft.py).
    The app checks it at start, before pydantic is loaded, to open the editor."""
    return drafts_dir(data_dir) / "profile.json"


def reply_drafts_dir(data_dir: Path) -> Path:
    """Unsent replies to invitations, one `<invitation id>.txt` each (inbox_reply.py)."""
    return drafts_dir(data_dir) / "replies"


# --- files only this user may read ---------------------------------------------------


def ensure_private_dir(path: Path) -> Path:
    """Create `path` as 0700 if it is missing.

    The mode is given to mkdir itself rather than set by chmod afterwards, so there
    is no moment in which another user could open the directory.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    return path


def write_file_atomically(path: Path, text: str, *, mode: int = 0o600) -> None:
    """Replace `path` with `text` in one step, the new file created with `mode`.

    A temporary file beside the target is created with os.open and the final mode
    (never chmod after the fact: a token must not be readable even for an instant),
    then renamed over the target, so a crash leaves either the old or the new file.
    """
    ensure_private_dir(path.parent)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# --- settings -------------------------------------------------------------------------


SETTINGS_ENV_PREFIX = "GPSEEKER_"


class Settings(BaseModel):
    """The user's settings: `GPSEEKER_<NAME>` overrides `<config>/settings.toml`, which
    overrides the defaults here (`load_settings` reads both).

    A plain model rather than pydantic-settings: five values from two places did not
    need its sources, which cost every gpseeker process 40 ms and 6 MB at import."""

    model_config = ConfigDict(extra="ignore", validate_default=True)

    server: str | None = None
    """The platform's URL (e.g. https://jobs.example.org); unset means the local demo
    platform, a process of its own on this computer that gpseeker starts when needed."""

    theme: str = "gpseeker-dark"
    """The colour theme of the terminal app (gpseeker-dark, gpseeker-light,
    gpseeker-high-contrast, ...)."""

    cursor_blink: bool = True
    """Whether the text cursor blinks; turn off for screen magnifiers or slow links.
    Unset, it blinks except over SSH (see `blinks`)."""

    reconnect_max_seconds: float = 60.0
    """The longest wait, in seconds, between two tries of the terminal app to reach a
    platform that is out of reach: the waits start at about a second and double up to
    this. F8 tries at once."""

    platform_idle_seconds: float = DEFAULT_PLATFORM_IDLE_SECONDS
    """How long the local demo platform process runs, in seconds, after the last
    request of any gpseeker process, before it ends by itself (the next one starts it
    again). Read when the platform starts; at least one second."""

    def platform_idle(self) -> float:
        """`platform_idle_seconds`, at least a second: a platform that ends before the
        command that started it could ask anything would be started for nothing."""
        return max(1.0, self.platform_idle_seconds)

    def blinks(self, environ: Mapping[str, str] | None = None) -> bool:
        """The user's `cursor_blink` if they set it; otherwise no blink in an SSH
        session, where every blink repaints the field down the wire (~1.7 KB a second
        at 80x24, docs/benchmarks.md) while the user does nothing."""
        if "cursor_blink" in self.model_fields_set:
            return self.cursor_blink
        return "SSH_CONNECTION" not in (os.environ if environ is None else environ)


@dataclass(frozen=True)
class SettingsFile:
    """What settings.toml holds that gpseeker can use, and what it could not."""

    values: dict[str, Any]
    """The settings that are valid, by name."""
    notices: list[FileNotice]
    """One for an unreadable file, or one per setting whose value is not valid."""
    readable: bool
    """False when the file exists but could not be read at all (not TOML, not text,
    a folder, not allowed)."""


def read_settings_checked(path: Path) -> SettingsFile:
    """The usable settings in `path`: never raises for what the file holds.

    The file is the candidate's own (they may have edited it by hand), so it is left
    where it is: the notice asks them to correct it, and until then the defaults apply.
    """
    try:
        with path.open("rb") as handle:
            found = tomllib.load(handle)
    except FileNotFoundError:
        return SettingsFile({}, [], readable=True)
    except (OSError, ValueError) as error:  # TOMLDecodeError and UnicodeDecodeError too
        message = (
            f"The settings file {path} could not be read: {why_unreadable(error)}. "
            "gpseeker uses the default settings until you correct the file or remove it."
        )
        return SettingsFile({}, [FileNotice(path, message)], readable=False)
    values: dict[str, Any] = {}
    notices: list[FileNotice] = []
    for name, value in found.items():
        if name not in Settings.model_fields:
            continue  # from a newer version, or a typo that costs nothing: ignored
        try:
            values[name] = _setting_type(name).validate_python(value)
        except ValidationError:
            message = (
                f"In the settings file {path}, {name} = {json.dumps(value, default=str)} "
                f"is not valid: {_how_to_write(name)}. gpseeker uses the default for "
                f"{name} until you correct that line or remove it."
            )
            notices.append(FileNotice(path, message))
    return SettingsFile(values, notices, readable=True)


def _setting_type(name: str) -> TypeAdapter[Any]:
    annotation: Any = Settings.model_fields[name].annotation
    return TypeAdapter(annotation)


_EXAMPLES = {"server": "https://jobs.example.org", "theme": "gpseeker-light"}


def _how_to_write(name: str) -> str:
    if Settings.model_fields[name].annotation is bool:
        return "write true or false"
    if Settings.model_fields[name].annotation is float:
        return "write a number, like 60"
    return f'write it as text in double quotes, like "{_EXAMPLES.get(name, "text")}"'


def environment_settings(
    environ: Mapping[str, str], settings_file: Path
) -> tuple[dict[str, Any], list[FileNotice]]:
    """The settings set by `GPSEEKER_<NAME>` variables that are valid, and a notice for
    each that is not (its setting keeps the file's value or the default)."""
    values: dict[str, Any] = {}
    notices: list[FileNotice] = []
    for name in Settings.model_fields:
        variable = SETTINGS_ENV_PREFIX + name.upper()
        if variable not in environ:
            continue
        try:
            values[name] = _setting_type(name).validate_python(environ[variable])
        except ValidationError:
            message = (
                f"{variable}={json.dumps(environ[variable])} is not valid: "
                f"{_how_to_write(name).removesuffix(' in double quotes')}. gpseeker uses "
                f"the settings file or the default for {name} until you change it."
            )
            notices.append(FileNotice(settings_file, message, title="A setting was not used"))
    return values, notices


def load_settings() -> Settings:
    """The settings to use; a damaged file or variable gives defaults (see
    `check_settings`)."""
    return check_settings()[0]


def check_settings(paths: Paths | None = None) -> tuple[Settings, list[FileNotice]]:
    """The settings, and what the candidate should be told about the settings file and
    the GPSEEKER_* variables."""
    paths = paths or Paths.current()
    from_file = read_settings_checked(paths.settings_file)
    from_environment, notices = environment_settings(os.environ, paths.settings_file)
    settings = Settings.model_validate({**from_file.values, **from_environment})
    # `model_fields_set` holds what the candidate set in either place (`blinks` asks).
    return settings, [*from_file.notices, *notices]


def check_local_files(paths: Paths | None = None) -> tuple[Settings, list[FileNotice]]:
    """Look at the settings and token files once, at start, before anything uses them.

    Returns the settings and a notice for each problem found, for the app to show and
    the plain commands to print. A damaged token file is set aside here, and one that
    others could read is made private, so later reads find a sound file or none.
    """
    paths = paths or Paths.current()
    settings, notices = check_settings(paths)
    notices.extend(TokenStore(paths.tokens_file).check())
    return settings, notices


def save_setting(name: str, value: object, *, paths: Paths | None = None) -> FileNotice | None:
    """Write one changed setting back to settings.toml, keeping the others as they are.

    The value is validated first, so a bad value never reaches the file. `None`
    removes the key (TOML has no null), which restores the default. A settings file
    that cannot be read is set aside before a new one is written (never overwritten:
    it is the candidate's own text); the returned notice says where it went. A
    failed write raises OSError, for the caller to report.
    """
    if name not in Settings.model_fields:
        raise KeyError(f"no setting named {name!r}")
    paths = paths or Paths.current()
    path = paths.settings_file
    checked = read_settings_checked(path)
    notice: FileNotice | None = None
    current: dict[str, Any] = {}
    if checked.readable:
        current = read_settings_file(paths)
    else:
        moved_to = set_aside(path)
        if moved_to is None:
            raise OSError(f"{path} could not be read, nor moved aside to write a new one")
        notice = FileNotice(
            path,
            f"The settings file {path} could not be read, so it was moved to {moved_to} "
            f"and a new one holds your change. Copy back from the old file what you need.",
        )
    if value is None:
        current.pop(name, None)
    else:
        current[name] = _setting_type(name).validate_python(value)
    write_file_atomically(path, tomli_w.dumps(current), mode=0o644)
    return notice


def read_settings_file(paths: Paths | None = None) -> dict[str, Any]:
    """The settings file as written (invalid values included), or {} if it cannot be
    read: `save_setting` keeps even the lines it cannot use, for the candidate to fix."""
    path = (paths or Paths.current()).settings_file
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, ValueError):
        return {}


# --- sign-in tokens -------------------------------------------------------------------


class StoredToken(BaseModel):
    token: str
    email: str


_TOKEN_FILE: TypeAdapter[dict[str, dict[str, StoredToken]]] = TypeAdapter(
    dict[str, dict[str, StoredToken]]
)
"""The shape of tokens.json: server -> role -> token. Roles are not checked against
TokenRole, so a file written by a newer version with another role still reads."""


class TokenStore:
    """Bearer tokens by server (`"embedded"` for the local platform) and role.

    One JSON file, 0600 in the 0700 config directory. A seeker, an employer and an
    operator account on the same server are kept apart by role, so one person can play
    every side. A file that cannot be read as such is set aside and the store starts
    empty (signed out everywhere); `notices` says so, for whoever shows messages.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[FileNotice] = []
        """What went wrong with the file since `check` last took them."""

    def check(self) -> list[FileNotice]:
        """Read the file once (setting it aside if damaged), make it private if others
        could read it, and return what the candidate should be told."""
        self._read()
        if make_private(self.path):
            self.notices.append(
                FileNotice(
                    self.path,
                    f"The sign-in file {self.path} could be read by other users of this "
                    "computer; gpseeker made it readable by you only. If someone may have "
                    "copied it, sign out and sign in again to replace your sign-ins.",
                )
            )
        notices, self.notices = self.notices, []
        return notices

    @classmethod
    def default(cls) -> TokenStore:
        return cls(Paths.current().tokens_file)

    @staticmethod
    def key(server: str | None) -> str:
        return EMBEDDED if server is None else server.rstrip("/")

    def get(self, server: str | None, role: TokenRole) -> StoredToken | None:
        entry = self._read().get(self.key(server), {}).get(role)
        if entry is None:
            return None
        try:
            return StoredToken.model_validate(entry)
        except ValidationError:
            return None  # a hand-edited or truncated entry: sign in again

    def peek(self, server: str | None, role: TokenRole) -> StoredToken | None:
        """`get` without its side effects, for a look before the connection's own read:
        a damaged file reads as no sign-in and is left in place, for `get` to set aside
        and report to whoever shows the notice."""
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            entry = data[self.key(server)][role]
            return StoredToken.model_validate(entry)
        except (OSError, ValueError, LookupError, TypeError):  # ValidationError is a ValueError
            return None

    def save(self, server: str | None, role: TokenRole, token: StoredToken) -> None:
        data = self._read()
        data.setdefault(self.key(server), {})[role] = token.model_dump()
        self._write(data)

    def forget(self, server: str | None, role: TokenRole) -> bool:
        data = self._read()
        entry = data.get(self.key(server), {})
        if role not in entry:
            return False
        del entry[role]
        if not entry:
            del data[self.key(server)]
        self._write(data)
        return True

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            _TOKEN_FILE.validate_python(data)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:  # not UTF-8, not JSON, not its shape
            self._set_aside(error)
            return {}
        return cast(dict[str, dict[str, Any]], data)

    def _set_aside(self, error: BaseException) -> None:
        """Move the unreadable file out of the way, so the next sign-in can be kept."""
        moved_to = set_aside(self.path)
        self.notices.append(
            FileNotice(
                self.path,
                f"The sign-in file {self.path} could not be read: {why_unreadable(error)}. "
                f"{moved_clause(self.path, moved_to)} You are signed out: the local demo "
                "platform signs you in again by itself; on any other platform, sign in "
                "again.",
            )
        )

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        write_file_atomically(self.path, json.dumps(data, indent=2) + "\n", mode=0o600)
