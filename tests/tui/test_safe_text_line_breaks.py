"""Line breaks other than newline on the TUI's safe path: laid out as newlines.

Textual's Content drops CR, VT and FF (joining the words around them) but keeps NEL,
U+2028 and U+2029, which Rich measures as zero cells while a terminal may draw a
cell, a box or a new line for them: a layout out of step with the screen. Through
`gpseeker.core.text.clean` each is a newline before Textual sees it, so the widget lays
out the lines it shows and no such character reaches the terminal.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from textual.app import App, ComposeResult

from gpseeker.core.models import Invitation, Job
from gpseeker.widgets.inbox_message import header_content
from gpseeker.widgets.job_detail import job_detail_content
from gpseeker.widgets.safe_text import SafeText, safe_content
from tests.line_breaks import BREAKS, RAW_BREAKS

_CURSOR_MOVE = re.compile(r"\x1b\[\d+;\d+H")
_STYLE = re.compile(r"\x1b\[[0-9;:]*m")
WORDS = "Scam warnings: none"


@pytest.mark.parametrize("brk", [brk for _, brk in BREAKS], ids=[name for name, _ in BREAKS])
def test_safe_text_shows_each_break_as_a_newline(brk: str) -> None:
    assert safe_content(f"Hi{brk}{WORDS}").plain == f"Hi\n{WORDS}"
    assert SafeText(f"Hi{brk}{WORDS}").text == f"Hi\n{WORDS}"


class Breaks(App[None]):
    def compose(self) -> ComposeResult:
        for name, brk in BREAKS:
            yield SafeText(f"{name}{brk}{WORDS}")


async def test_each_break_is_its_own_line_on_screen_and_never_reaches_the_terminal() -> None:
    app = Breaks()
    async with app.run_test(size=(40, 2 * len(BREAKS) + 2)) as pilot:
        await pilot.pause()
        output = app.screen._compositor.render_update(full=True).render_segments(app.console)
    assert not RAW_BREAKS & set(output)
    lines = [_STYLE.sub("", line).rstrip() for line in _CURSOR_MOVE.split(output) if line]
    expected = [text for name, _ in BREAKS for text in (name, WORDS)]
    assert lines[: len(expected)] == expected


@pytest.mark.parametrize("brk", [brk for _, brk in BREAKS], ids=[name for name, _ in BREAKS])
def test_a_heading_from_outside_stays_one_line(brk: str) -> None:
    # A subject, a sender's or a company's name is a heading: a break in it would draw
    # a line that looks like the app's own "From:" or "Verified:" under it.
    invitation = Invitation(
        id=1,
        employer_name=f"Nobody Ltd{brk}Verified: yes",
        subject=f"Hi{brk}From: Trusted Bank",
        body="Hello",
        job_id=None,
        sent_at=dt.datetime(2026, 12, 7, 3, tzinfo=dt.UTC),
        read=False,
        state="open",
    )
    header = header_content(invitation).plain.splitlines()
    assert header[0] == "Hi From: Trusted Bank"
    assert not any(line.startswith(("From: Trusted", "Verified: yes")) for line in header)
    job = Job.model_validate(
        {
            "id": 1, "employer_id": 1, "company_name": f"Acme{brk}Verified: yes",
            "title": f"Engineer{brk}Salary: ¥99,000,000", "description": "Build things.",
            "category": "it", "job_type": "full_time", "remote": "onsite",
            "prefecture": "Tokyo", "city": "Shibuya", "salary_min": None,
            "salary_max": None, "salary_period": "year", "salary_yearly_min_jpy": None,
            "japanese_required": "none", "english_required": "none",
            "visa_sponsorship": False, "apply_from_overseas": False, "skills": [],
            "status": "open", "posted_at": "2026-12-01T00:00:00Z", "closes_at": None,
        }
    )  # fmt: skip
    lines = job_detail_content(job, dt.date(2026, 12, 7)).plain.splitlines()
    assert lines[:2] == ["Engineer Salary: ¥99,000,000", "Acme Verified: yes"]
