"""The FastAPI application factory for the reference platform."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from gpseeker import __version__
from gpseeker.server import errors
from gpseeker.server.body_limit import BodyLimit
from gpseeker.server.platform import Platform
from gpseeker.server.routes import (
    applications,
    auth,
    employer_applications,
    employer_invitations,
    employer_jobs,
    employer_organisation,
    invitations,
    jobs,
    operator,
    privacy,
    profile,
    public_jobs,
    resume_bank,
    saved,
    signup,
    subscriptions,
    your_data,
)
from gpseeker.server.routes import health as health_route
from gpseeker.server.settings import ServerSettings
from gpseeker.server.text_params import text_only_parameters

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///gpseeker-platform.sqlite3"


def create_app(
    database_url: str = DEFAULT_DATABASE_URL,
    *,
    settings: ServerSettings | None = None,
    upgrade_schema: bool = True,
) -> FastAPI:
    """Build the platform on `database_url` (SQLite file or PostgreSQL).

    Under a server the lifespan starts and stops the platform; an in-process client
    (httpx.ASGITransport runs no lifespan) awaits `app.state.platform.start()` itself.
    With `upgrade_schema=False` starting only checks the schema, raising
    `SchemaOutOfDate` unless it is current (`gpseeker serve`'s workers).
    """
    platform = Platform(database_url, settings, upgrade_schema=upgrade_schema)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await platform.start()
        try:
            yield
        finally:
            await platform.aclose()

    app = FastAPI(
        title="gpseeker platform",
        version=__version__,
        description=(
            "The reference job-board platform behind gpseeker: privacy-first, "
            "employers see masked profiles only."
        ),
        lifespan=lifespan,
        dependencies=[Depends(text_only_parameters)],
    )
    app.state.platform = platform
    errors.install(app, platform.database)
    # Added last, so outermost: an oversized body is refused before anything reads it.
    app.add_middleware(BodyLimit, max_bytes=platform.settings.max_body_bytes)
    for module in (
        auth,
        signup,
        profile,
        privacy,
        resume_bank,
        jobs,
        saved,
        applications,
        employer_jobs,
        employer_applications,
        invitations,
        employer_invitations,
        employer_organisation,
        operator,
        your_data,
        subscriptions,
        public_jobs,
        health_route,
    ):
        app.include_router(module.router)
    return app
