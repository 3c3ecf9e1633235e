"""`GET /api/v1/health`: for a reverse proxy, an orchestrator or an operator's curl."""

from __future__ import annotations

import os
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from gpseeker.server.db_state import DatabaseHealth
from gpseeker.server.deps import PlatformDep
from gpseeker.server.errors import ApiError, error_responses

router = APIRouter(prefix="/api/v1", tags=["health"])


class Health(BaseModel):
    status: Literal["ok", "degraded"] = Field(
        description="degraded: the database answers, but something in `database.problems` "
        "needs the operator (a full disk, a damaged file, little free space)."
    )
    worker: int = Field(
        description="The process id of the worker that answered: with `serve --workers N` "
        "it tells the workers apart (a keep-alive connection stays with one)."
    )
    database: DatabaseHealth


@router.get(
    "/health",
    responses=error_responses(503),
    summary="Whether this worker can reach the database, and the database's state",
    description="503 unavailable if the database cannot be reached. A database that "
    "answers but cannot take writes, is damaged or is short of space is 200 with "
    "status `degraded`: reads still work, so a load balancer keeps the worker, and the "
    "problems say what the operator must do.",
)
async def health(platform: PlatformDep) -> Health:
    # A worker that answers but cannot reach the database serves nothing but errors,
    # so a load balancer should take it out of rotation: ask the database.
    try:
        async with platform.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
            database = await platform.database.report(connection)
    except (SQLAlchemyError, OSError):
        raise ApiError(503, "unavailable", "This worker cannot reach the database.") from None
    return Health(
        status="degraded" if database.problems else "ok", worker=os.getpid(), database=database
    )
