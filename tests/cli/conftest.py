"""Run `gpseeker ...` in this process, on a fresh local demo platform per test.

The platform runs in the test's process too (`open_local_platform`), in place of the
local platform process a real `gpseeker` starts: these tests are about the commands,
and starting a process per command would cost seconds each. tests/e2e runs the
installed `gpseeker` with the real platform process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from gpseeker import composition
from gpseeker.cli import main
from gpseeker.client import PlatformClient
from gpseeker.local.config import Paths
from gpseeker.local_platform.in_process import open_local_platform


@dataclass
class Result:
    code: int
    out: str
    err: str


Gpseeker = Callable[..., Result]


@pytest.fixture(autouse=True)
def platform_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    async def in_process(paths: Paths | None = None) -> PlatformClient:
        return await open_local_platform((paths or Paths.current()).data_dir)

    monkeypatch.setattr(composition, "local_platform_client", in_process)


@pytest.fixture(autouse=True)
def demo_employers_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local platform's demo employers invite a searchable candidate a few seconds
    after the switch: here only in the test that asks for it (by shortening the
    delay), so that no other test finds invitations it did not send."""
    monkeypatch.setattr("gpseeker.local_platform.demo.DEMO_DELAY", 3600.0)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GPSEEKER_HOME", str(tmp_path))
    for name in ("GPSEEKER_SERVER", "GPSEEKER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def gpseeker(home: Path, capsys: pytest.CaptureFixture[str]) -> Gpseeker:
    def run(*argv: str) -> Result:
        capsys.readouterr()  # drop what earlier commands printed
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
