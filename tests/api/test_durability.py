"""A save the platform acknowledged survives a power cut: on SQLite every commit is
synced to disk (the WAL fsynced) before the answer goes out."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

SYNCHRONOUS_FULL = 2
"""PRAGMA synchronous reads back as a number: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA."""


# PostgreSQL syncs each commit by default (synchronous_commit=on).
@pytest.mark.parametrize("store", ["sqlite"])
async def test_every_sqlite_connection_syncs_each_commit(app: FastAPI) -> None:
    engine = app.state.platform.engine
    await engine.dispose()
    # Several connections: the setting is made on each one the pool opens.
    async with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            mode = (await connection.exec_driver_sql("PRAGMA synchronous")).scalar()
            assert mode == SYNCHRONOUS_FULL
            journal = (await connection.exec_driver_sql("PRAGMA journal_mode")).scalar()
            assert journal == "wal"
