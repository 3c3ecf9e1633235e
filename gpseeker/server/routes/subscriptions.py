"""JobMail and newsletters: consent, and the one-click unsubscribe link of every mail."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1", tags=["mail"])
