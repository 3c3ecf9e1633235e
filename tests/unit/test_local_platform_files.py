"""Where the local platform's socket goes, and how its notices reach the candidate."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gpseeker.local.local_files import FileNotice
from gpseeker.local_platform import notices
from gpseeker.local_platform.files import PlatformFiles, ensure_socket_dir, socket_path


def test_the_socket_is_in_the_data_directory_when_the_path_fits(tmp_path: Path) -> None:
    assert socket_path(tmp_path / "data") == tmp_path / "data" / "platform.sock"


def test_a_long_data_directory_gets_a_short_socket_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    long_one = tmp_path / ("x" * 120) / "data"
    other = tmp_path / ("y" * 120) / "data"
    chosen = socket_path(long_one)
    assert chosen.parent == Path("/run/user/1000/gpseeker")
    assert len(os.fsencode(chosen)) <= 100
    assert socket_path(long_one) == chosen  # every process finds the same one
    assert socket_path(other) != chosen  # and two homes never share one


def test_without_a_runtime_directory_the_socket_goes_to_a_private_tmp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    chosen = socket_path(tmp_path / ("x" * 120) / "data")
    assert chosen.parent == Path(f"/tmp/gpseeker-{os.getuid()}")


def test_a_socket_folder_open_to_others_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "sockets"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    ensure_socket_dir(folder / "a.sock")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_link_in_the_socket_folders_place_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "sockets").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(PermissionError):
        ensure_socket_dir(tmp_path / "sockets" / "a.sock")


def test_notices_left_by_the_platform_are_taken_once(tmp_path: Path) -> None:
    files = PlatformFiles(tmp_path)
    notice = FileNotice(tmp_path / "platform.sqlite3", "It was damaged.", severity="error")
    notices.leave(files, [notice])
    assert stat.S_IMODE(files.notices.stat().st_mode) == 0o600
    assert notices.take(files) == [notice]
    assert notices.take(files) == []  # a second process is not told again
    assert list(tmp_path.iterdir()) == []
