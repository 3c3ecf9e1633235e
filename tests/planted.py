"""Text the platform no longer accepts, put where a client can still meet it.

Since issue 14 the platform refuses C0 control characters at its edge (a NUL, ESC,
BEL, a line break in a one-line field), so no request stores an ESC in a job title
any more. The clients must still show such text safely: a server that is not this
one, or a database written before the rule, can send it. A test makes that happen
in two steps:

1. it sends `stand_in(text)`, where each C0 control is a private-use character
   (U+E000 plus its code), which the platform takes as ordinary text;
2. `plant(engine)` swaps the stand-ins back, in every text and JSON column of the
   store, so that what the clients read is the hostile text itself.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import JSON, String, Text, cast, literal, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from gpseeker.server.db import Base, async_url

_STAND_INS = {code: 0xE000 + code for code in range(32)}
_CONTROLS_BACK = {stand_in: code for code, stand_in in _STAND_INS.items()}


def stand_in(text: str) -> str:
    """`text` with every C0 control replaced by its private-use stand-in."""
    return text.translate(_STAND_INS)


def restore(text: str) -> str:
    """The text a stand-in was made of (what `plant` puts in the store)."""
    return text.translate(_CONTROLS_BACK)


def _planted(text: str, *, as_json: bool) -> str:
    """`text` as stored, with its stand-ins swapped back: in JSON as \\u escapes
    (SQLAlchemy's json.dumps escapes every non-ASCII character, stand-ins included)."""
    if not as_json:
        return restore(text)
    for code, stand in _STAND_INS.items():
        escaped = f"\\u{code:04x}"
        text = text.replace(f"\\u{stand:04x}", escaped).replace(chr(stand), escaped)
    return text


async def plant(engine: AsyncEngine) -> None:
    """Swap every stand-in in the store back to the control it stands for."""
    async with engine.begin() as connection:
        postgres = connection.dialect.name != "sqlite"
        for table in Base.metadata.sorted_tables:
            keys = list(table.primary_key.columns)
            for column in table.columns:
                as_json = isinstance(column.type, JSON)
                if not (as_json or isinstance(column.type, String)):
                    continue
                # Read and written as text: a JSON column as its JSON, not the value.
                stored = cast(column, Text)
                rows = await connection.execute(select(*keys, stored).where(column.is_not(None)))
                for *key, text in rows.all():
                    planted = _planted(text, as_json=as_json)
                    if planted == text:
                        continue
                    value: Any = literal(planted, Text)
                    if as_json and postgres:
                        value = cast(value, column.type)
                    where = [part == part_value for part, part_value in zip(keys, key, strict=True)]
                    await connection.execute(
                        update(table).where(*where).values({column.key: value})
                    )


async def plant_database(database_url: str) -> None:
    """`plant` on the store at `database_url` (another engine on the same store)."""
    engine = create_async_engine(async_url(database_url))
    try:
        await plant(engine)
    finally:
        await engine.dispose()


def plant_in_database(database_url: str) -> None:
    """`plant_database` from synchronous test code."""
    asyncio.run(plant_database(database_url))
