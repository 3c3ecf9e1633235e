"""The candidate's data: export, erasure of the account, requests that employers
forget an application, and the privacy policy."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1", tags=["your data"])
