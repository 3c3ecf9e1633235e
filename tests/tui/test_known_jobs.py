"""Paint, then show known jobs (issue 16): a warm start shows the last landing page of
jobs at once, labelled in words with its age, and the fresh page replaces it; nothing
old passes for current.

Each test reads what the candidate would: the status line under the search box, the
rows, the notices; and what is left on disk. The platform is held (`HeldConnector`)
where a test needs the moment before it answers.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import pytest

from gpseeker.app import GPSeekerApp
from gpseeker.local import known_jobs
from gpseeker.local.known_jobs import KnownPage
from gpseeker.screens.jobs import JobsScreen
from gpseeker.ui.reconnect import Backoff
from gpseeker.widgets.connection_line import ConnectionLine

from .conftest import AppFactory
from .jobs_helpers import fixed_job_clock, jobs_screen, rows, status_line  # noqa: F401
from .known_helpers import (
    HeldConnector,
    fixed_age_clock,  # noqa: F401 (fixture)
    keep_page,
    kept_job,
    kept_jobs,
    kept_path,
)
from .support import FIXED_NOW, screen_output, screen_text, settle, until
from .test_reconnect import (  # noqa: F401 (fixtures)
    EMAIL,
    SERVER,
    SwitchableTransport,
    platform,
    remote_app,
    transport,
)

pytestmark = pytest.mark.usefixtures("fixed_age_clock")

KEPT_LABEL = "Jobs as of 3 hours ago — refreshing…"
FRESH = re.compile(r"^[0-9,]+ jobs · ")
SIZE = (100, 30)


def held_app(home: Path) -> tuple[GPSeekerApp, HeldConnector]:
    connector = HeldConnector(home)
    app = GPSeekerApp(connector, data_dir=home / "data")
    app.animation_level = "none"
    return app, connector


def three_hours_later(monkeypatch: pytest.MonkeyPatch) -> None:
    later = FIXED_NOW + dt.timedelta(hours=3)
    monkeypatch.setattr("gpseeker.widgets.job_format.now", lambda: later)


def notices(app: GPSeekerApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def spy_on_recall(monkeypatch: pytest.MonkeyPatch) -> list[KnownPage | None]:
    """What each look for a kept page found (the screen looks once, at start)."""
    found: list[KnownPage | None] = []
    real = known_jobs.recall

    def recall(data_dir: Path, owner: known_jobs.Owner | None) -> KnownPage | None:
        page = real(data_dir, owner)
        found.append(page)
        return page

    monkeypatch.setattr(known_jobs, "recall", recall)
    return found


async def test_a_warm_start_shows_the_kept_page_with_its_age_until_the_fresh_one_comes(
    make_app: AppFactory, tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first run: the landing page the platform sends is kept, for this account only.
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        fresh_rows = rows(first)
        assert fresh_rows
    page = KnownPage.model_validate_json(kept_path(tui_home).read_bytes())
    assert (page.platform, page.account, page.saved_at) == (
        "embedded",
        "you@example.com",
        FIXED_NOW,
    )
    assert stat.S_IMODE(kept_path(tui_home).stat().st_mode) == 0o600

    # Three hours later, a warm start, and the platform is slow to answer.
    three_hours_later(monkeypatch)
    app, connector = held_app(tui_home)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: status_line(app) == KEPT_LABEL, "the kept page is shown")
        assert not app.link.connected, "shown before the platform answered"
        assert rows(app) == fresh_rows
        assert KEPT_LABEL in screen_text(app)
        listing = jobs_screen(app).job_list
        listing.focus()
        await pilot.press("down")
        reading = listing.current
        assert reading is not None

        connector.gate.set()
        await until(pilot, lambda: FRESH.match(status_line(app)), "the fresh page replaced it")
        await settle(app, pilot)
        assert "Jobs as of" not in screen_text(app)
        assert listing.current is not None and listing.current.id == reading.id, (
            "the cursor stays on the job being read"
        )


async def test_kept_jobs_can_be_read_but_not_saved_or_applied_to(tui_home: Path) -> None:
    hostile = kept_job(904, "[@click=app.quit]Free money\x1b]52;c;aGk=\x07", "[b]Evil[/b] K.K.")
    keep_page(tui_home, [*kept_jobs(), hostile])  # kept 3 hours before the clock
    app, _connector = held_app(tui_home)  # never answers
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: status_line(app) == KEPT_LABEL, "the kept page is shown")
        screen = jobs_screen(app)
        assert [job.title for job in screen.job_list.jobs][:3] == [
            "Kept: Backend Engineer",
            "Kept: Data Analyst",
            "Kept: QA Engineer",
        ]
        assert "Saved Kept: Data Analyst" in screen_text(app)
        # File content is untrusted: shown as the characters it holds, never as markup
        # or terminal control.
        assert "[@click=app.quit]Free money" in screen_text(app)
        assert "[b]Evil[/b] K.K." in screen_text(app)
        assert "\x1b]52" not in screen_output(app)
        # The detail says the day the jobs were true on.
        assert "(as of 2025-06-01)" in screen_text(app)

        screen.job_list.focus()
        await pilot.press("s")
        await pilot.press("a")
        await pilot.pause()
        said = notices(app)
        assert "These jobs are as of 3 hours ago. To save or unsave a job, wait" in said
        assert "To apply, wait until the list is refreshed" in said
        assert isinstance(app.screen, JobsScreen), "no apply dialog over old data"
        assert screen.job_list.jobs[0].saved is False


@pytest.mark.parametrize(
    ("platform_key", "account", "signed_in_as"),
    [
        ("embedded", "someone.else@example.com", "you@example.com"),
        ("https://jobs.example.org", "you@example.com", "you@example.com"),
        ("embedded", "you@example.com", None),
    ],
    ids=["another account", "another platform", "nobody signed in"],
)
async def test_a_kept_page_that_is_not_this_accounts_is_not_shown(
    tui_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    platform_key: str,
    account: str,
    signed_in_as: str | None,
) -> None:
    keep_page(tui_home, kept_jobs(), platform=platform_key, account=account,
              signed_in_as=signed_in_as)  # fmt: skip
    found = spy_on_recall(monkeypatch)
    app, _connector = held_app(tui_home)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: found, "the screen has looked for a kept page")
        await pilot.pause()
        assert found == [None]
        assert rows(app) == []
        assert status_line(app) == "Connecting to the platform…"
        assert "Kept:" not in screen_text(app)


DAMAGED = {
    "not JSON": b"\xff\xfe{ half a page",
    "cut short": b'{"format": 1, "platform": "embedded", "account": "you@exa',
    "another version": b'{"format": 2, "platform": "embedded", "account": "you@example.com"}',
    "a job that does not validate": (
        b'{"format": 1, "platform": "embedded", "account": "you@example.com",'
        b' "saved_at": "2025-06-01T00:00:00Z", "jobs": [{"id": "one", "title": 5}]}'
    ),
    "a date without a zone": (
        b'{"format": 1, "platform": "embedded", "account": "you@example.com",'
        b' "saved_at": "2025-06-01T00:00:00", "jobs": []}'
    ),
}


@pytest.mark.parametrize("content", [*DAMAGED.values(), None], ids=[*DAMAGED, "a folder"])
async def test_a_damaged_kept_page_is_ignored_and_the_app_works(
    make_app: AppFactory, tui_home: Path, content: bytes | None
) -> None:
    keep_page(tui_home, kept_jobs())  # the sign-in it would belong to
    path = kept_path(tui_home)
    path.unlink()
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: FRESH.match(status_line(app)), "the fresh page came")
        await settle(app, pilot)  # and was kept
        assert not any(job.title.startswith("Kept:") for job in jobs_screen(app).job_list.jobs)
        assert "known-jobs" not in notices(app), "a cache is not worth a notice"
    if content is None:
        assert path.is_dir()  # left alone: nothing can be kept there, nothing breaks
    else:
        # Replaced by the fresh landing page.
        assert KnownPage.model_validate_json(path.read_bytes()).jobs
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_an_unreachable_platform_leaves_the_kept_page_with_its_age(
    tui_home: Path,
    transport: SwitchableTransport,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = remote_app(tui_home, transport, Backoff())
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        fresh_rows = rows(first)
    page = KnownPage.model_validate_json(kept_path(tui_home).read_bytes())
    assert (page.platform, page.account) == (SERVER, EMAIL)

    three_hours_later(monkeypatch)
    transport.down = True
    app = remote_app(tui_home, transport, Backoff(first=30.0, cap=60.0))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.link.phase == "waiting", "the first try has failed")
        await until(pilot, lambda: "Could not" in status_line(app), "the search has failed")
        said = status_line(app)
        assert said.startswith("Jobs as of 3 hours ago, not refreshed — Could not"), said
        assert rows(app) == fresh_rows
        connection = app.screen.query_one(ConnectionLine).text
        assert connection.startswith("Platform unreachable: reconnecting in"), connection

        transport.down = False
        await pilot.press("f8")
        await until(pilot, lambda: FRESH.match(status_line(app)), "the fresh page came")
        assert "Jobs as of" not in screen_text(app)
