"""What every test shares: no local platform process outlives the test that started it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.local_platforms import stop_local_platforms


@pytest.fixture(autouse=True)
def no_platform_left_behind(request: pytest.FixtureRequest) -> Iterator[None]:
    """Homes of tests live in their tmp_path: the platforms started there are stopped."""
    # Asked for before the test, so that tmp_path is still there at this teardown.
    home = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if home is not None:
        stop_local_platforms(home)
