"""API tests: the platform through HTTP, one fresh SQLite file per test."""
