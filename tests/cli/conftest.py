"""Run `gpseeker ...` in this process, on a fresh local demo platform per test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from gpseeker.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


Gpseeker = Callable[..., Result]


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
