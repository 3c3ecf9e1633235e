"""What the tests of the jobs kept for a fast start share: a platform that answers only
when the test lets it, kept pages written as gpseeker writes them, and the clock their
age is counted on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from gpseeker.client import PlatformClient
from gpseeker.core.models import Job
from gpseeker.local.config import StoredToken, TokenStore
from gpseeker.local.known_jobs import KNOWN_JOBS_FILE, Owner, keep

from .support import FIXED_NOW, EmbeddedTestConnector

KEPT_AT = FIXED_NOW - dt.timedelta(hours=3)
"""When the kept page was sent: three hours before the app's clock (FIXED_NOW)."""
LOCAL_EMAIL = "you@example.com"


@pytest.fixture
def fixed_age_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The moment kept jobs' ages are counted to (and fresh pages are kept at)."""
    monkeypatch.setattr("gpseeker.widgets.job_format.now", lambda: FIXED_NOW)


@dataclass
class HeldConnector(EmbeddedTestConnector):
    """The embedded platform, reached only once the test sets `gate`: until then the
    app is where a warm start is while its platform starts."""

    gate: asyncio.Event = field(default_factory=asyncio.Event)

    async def connect(self) -> PlatformClient:
        await self.gate.wait()
        return await super().connect()


def kept_path(home: Path) -> Path:
    return home / "data" / KNOWN_JOBS_FILE


def kept_job(job_id: int, title: str, company: str, **fields: Any) -> Job:
    values: dict[str, Any] = {
        "id": job_id,
        "employer_id": 1,
        "company_name": company,
        "title": title,
        "description": f"{title}: a job kept from an earlier run.",
        "category": "it",
        "job_type": "full_time",
        "remote": "hybrid",
        "prefecture": "Tokyo",
        "city": "Shibuya",
        "salary_min": 5_000_000,
        "salary_max": 7_000_000,
        "salary_period": "year",
        "salary_yearly_min_jpy": 5_000_000,
        "japanese_required": "N3",
        "english_required": "business",
        "visa_sponsorship": True,
        "apply_from_overseas": False,
        "skills": ["Python"],
        "status": "open",
        "posted_at": FIXED_NOW - dt.timedelta(days=2),
        "closes_at": None,
    }
    values.update(fields)
    return Job(**values)


def kept_jobs() -> list[Job]:
    return [
        kept_job(901, "Kept: Backend Engineer", "Hoshi Cloud K.K."),
        kept_job(902, "Kept: Data Analyst", "Minato Data", saved=True),
        kept_job(903, "Kept: QA Engineer", "Kumo Test", salary_period="month",
                 salary_min=300_000, salary_max=350_000, salary_yearly_min_jpy=3_600_000),
    ]  # fmt: skip


def keep_page(
    home: Path,
    jobs: list[Job],
    *,
    platform: str = "embedded",
    account: str = LOCAL_EMAIL,
    signed_in_as: str | None = LOCAL_EMAIL,
) -> None:
    """Write a kept page as the app would, and the sign-in (an old token) it belongs
    to, so that the app knows whose it is before the platform answers."""
    assert keep(home / "data", Owner(platform, account), jobs, KEPT_AT)
    if signed_in_as is not None:
        stored = StoredToken(token="a token from an earlier run", email=signed_in_as)
        TokenStore.default().save(None, "seeker", stored)
