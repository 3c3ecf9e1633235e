"""Where gpseeker keeps its files, the settings file, and the saved sign-in tokens.

Paths come from platformdirs; `GPSEEKER_HOME` moves all of them under one folder so
that tests (and people who want a portable setup) never touch the real home. Settings
are one pydantic-settings class: environment (`GPSEEKER_*`) over `settings.toml` over
the defaults. Nothing here imports Textual or the server.
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
from typing import Any, Literal

import platformdirs
import tomli_w
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

APP_NAME = "gpseeker"
HOME_ENV = "GPSEEKER_HOME"
EMBEDDED = "embedded"
"""The token-store key of the in-process platform (it has no URL)."""

TokenRole = Literal["seeker", "employer", "operator"]


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


class Settings(BaseSettings):
    """The user's settings: `GPSEEKER_<NAME>` overrides `<config>/settings.toml`."""

    model_config = SettingsConfigDict(
        env_prefix="GPSEEKER_",
        extra="ignore",
        use_attribute_docstrings=True,
        validate_default=True,
    )

    server: str | None = None
    """The platform's URL (e.g. https://jobs.example.org); unset means the local demo
    platform that runs inside gpseeker itself."""

    theme: str = "gpseeker-dark"
    """The colour theme of the terminal app (gpseeker-dark, gpseeker-light,
    gpseeker-high-contrast, ...)."""

    cursor_blink: bool = True
    """Whether the text cursor blinks; turn off for screen magnifiers or slow links.
    Unset, it blinks except over SSH (see `blinks`)."""

    def blinks(self, environ: Mapping[str, str] | None = None) -> bool:
        """The user's `cursor_blink` if they set it; otherwise no blink in an SSH
        session, where every blink repaints the field down the wire (~1.7 KB a second
        at 80x24, docs/benchmarks.md) while the user does nothing."""
        if "cursor_blink" in self.model_fields_set:
            return self.cursor_blink
        return "SSH_CONNECTION" not in (os.environ if environ is None else environ)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Read the path now, not at class creation, so GPSEEKER_HOME set by a test
        # (or a wrapper script) after import still applies.
        toml = TomlConfigSettingsSource(settings_cls, toml_file=Paths.current().settings_file)
        return (init_settings, env_settings, toml)


def load_settings() -> Settings:
    return Settings()


def save_setting(name: str, value: object, *, paths: Paths | None = None) -> None:
    """Write one changed setting back to settings.toml, keeping the others as they are.

    The value is validated first, so a bad value never reaches the file. `None`
    removes the key (TOML has no null), which restores the default.
    """
    if name not in Settings.model_fields:
        raise KeyError(f"no setting named {name!r}")
    paths = paths or Paths.current()
    current = read_settings_file(paths)
    if value is None:
        current.pop(name, None)
    else:
        annotation: Any = Settings.model_fields[name].annotation
        current[name] = TypeAdapter(annotation).validate_python(value)
    write_file_atomically(paths.settings_file, tomli_w.dumps(current), mode=0o644)


def read_settings_file(paths: Paths | None = None) -> dict[str, Any]:
    path = (paths or Paths.current()).settings_file
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        return {}


# --- sign-in tokens -------------------------------------------------------------------


class StoredToken(BaseModel):
    token: str
    email: str


class TokenStore:
    """Bearer tokens by server (`"embedded"` for the local platform) and role.

    One JSON file, 0600 in the 0700 config directory. A seeker, an employer and an
    operator account on the same server are kept apart by role, so one person can play
    every side.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

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
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, Any]]) -> None:
        write_file_atomically(self.path, json.dumps(data, indent=2) + "\n", mode=0o600)
