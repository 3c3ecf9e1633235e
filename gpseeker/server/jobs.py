"""Turning a posted `JobDraft` into a stored job."""

from __future__ import annotations

import datetime as dt

from gpseeker.models import JobDraft
from gpseeker.server.tables import JobRow


def job_row(employer_id: int, draft: JobDraft, posted_at: dt.datetime) -> JobRow:
    return JobRow(
        employer_id=employer_id,
        status="open",
        posted_at=posted_at,
        **draft.model_dump(mode="python"),
    )
