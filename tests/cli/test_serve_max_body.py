"""`gpseeker serve --max-body SIZE`: the sizes an operator may write, and the clear
refusal of the rest before anything starts. (tests/e2e/test_body_limit.py sends a
served platform started with it 300 MB.)"""

from __future__ import annotations

import pytest

from gpseeker.cli.serve import _byte_size
from tests.cli.conftest import Gpseeker


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1048576", 1024 * 1024),
        ("512KiB", 512 * 1024),
        ("512k", 512 * 1024),
        ("2MiB", 2 * 1024 * 1024),
        ("2 M", 2 * 1024 * 1024),
        ("4096b", 4096),
    ],
)
def test_a_size_in_bytes_or_with_a_unit(text: str, size: int) -> None:
    assert _byte_size(text) == size


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("junk", "give a size in bytes or with a unit"),
        ("1.5MiB", "give a size in bytes or with a unit"),
        ("2GB", "give a size in bytes or with a unit"),
        ("-1", "give a size in bytes or with a unit"),
        ("١٠٠٠٠", "give a size in bytes or with a unit"),  # Arabic-Indic digits
        ("100", "needs at least 1KiB"),
    ],
)
def test_any_other_size_is_refused_before_serving(
    gpseeker: Gpseeker, text: str, reason: str
) -> None:
    result = gpseeker("serve", "--port", "0", "--max-body", text)
    assert result.code == 2
    assert "argument --max-body: " in result.err
    assert reason in result.err
    assert "listening" not in result.out
