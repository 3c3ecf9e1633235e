"""Fixtures for the migration tests: every test runs on each store, on a database of
its own (tests/stores.py), with the API tests' fast settings and clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.api.conftest import clock, settings  # noqa: F401 (fixtures used here)
from tests.stores import STORES, fresh_database


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
async def database_url(store: str, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(store, tmp_path) as url:
        yield url
