"""The platform's Alembic migrations (run through `gpseeker.server.schema`)."""
