"""The jobs screen as a candidate uses it: search as you type, filter, read, save, page.

Over the embedded platform with its 80 demo jobs, or jobs a test posts as its own
employer. Assertions are on what the candidate sees (rows, the count in words, the
detail text) and on what the platform holds afterwards (saved jobs).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import JobPage, JobQuery
from gpseeker.screens.jobs import PAGE_SIZE
from gpseeker.widgets.job_filters import FilterDialog

from .jobs_helpers import (
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    jobs_screen,
    post,
    rows,
    search_for,
    status_line,
)
from .support import candidate_profile, employer, save_profile, screen_text, settle

COUNT = re.compile(r"^(No jobs match|1 job|[\d,]+ jobs)\b")


def count_of(app: GPSeekerApp) -> int:
    match = COUNT.match(status_line(app))
    assert match, status_line(app)
    words = match.group(1)
    return 0 if words.startswith("No") else int(words.split()[0].replace(",", ""))


async def test_first_screen_lists_jobs_for_the_candidates_japanese_level(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())  # Japanese N2
        await settle(app, pilot)
        screen = jobs_screen(app)
        shown = screen.job_list.jobs
        assert shown
        assert "Japanese up to N2 (your level)" in status_line(app)
        assert {job.japanese_required for job in shown} <= {"none", "N5", "N4", "N3", "N2"}
        assert count_of(app) >= len(shown)


async def test_typing_searches_as_you_type_and_says_the_count_in_words(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())  # N2: the Python jobs ask for N2
        await settle(app, pilot)
        everything = count_of(app)
        await search_for(app, pilot, "python")
        screen = jobs_screen(app)
        found = screen.job_list.jobs
        assert found
        assert 0 < count_of(app) < everything
        for job in found:
            text = " ".join([job.title, job.description, *job.skills]).lower()
            assert "python" in text
        noun = "job" if count_of(app) == 1 else "jobs"
        assert status_line(app).startswith(f"{count_of(app)} {noun}")
        assert found[0].title in screen_text(app)

        await search_for(app, pilot, "zzzqqqnothing")
        assert status_line(app).startswith("No jobs match")
        assert rows(app) == []


async def test_a_slower_older_search_never_replaces_a_newer_one(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        client = await app.client()
        real_search = client.search_jobs
        asked: list[str] = []

        async def slow_for_python(query: JobQuery, **options: Any) -> JobPage:
            asked.append(query.q)
            if query.q == "python":
                await asyncio.sleep(0.5)  # the platform is slow to answer this one
            return await real_search(query, **options)

        client.search_jobs = slow_for_python  # type: ignore[method-assign]
        box = app.screen.query_one("#job-search", Input)
        box.value = "python"
        await pilot.pause(0.05)
        assert asked == ["python"]  # in flight
        box.value = "english"
        await settle(app, pilot)
        await asyncio.sleep(0.6)  # long after the slow answer would have arrived
        await settle(app, pilot)

        assert asked[-1] == "english"
        shown = jobs_screen(app).job_list.jobs
        assert shown
        for job in shown:
            searched = [job.title, job.company_name, job.description, *job.skills]
            assert "english" in " ".join(searched).lower()


async def test_filters_narrow_the_results_and_are_said_in_words(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = jobs_screen(app)
        screen.job_list.focus()
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        # Any level first, so the prefecture and visa filters are what narrows.
        dialog.query_one("#filter-japanese", Select).value = ""
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        everything = count_of(app)

        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.query_one("#filter-place", Select).value = "prefecture:Tokyo"
        dialog.query_one("#filter-visa", Checkbox).value = True
        await pilot.click("#filter-apply")
        await settle(app, pilot)

        assert app.screen is screen
        shown = screen.job_list.jobs
        assert shown
        assert 0 < count_of(app) < everything
        assert all(job.prefecture == "Tokyo" and job.visa_sponsorship for job in shown)
        assert "Tokyo" in status_line(app)
        assert "visa sponsored" in status_line(app)


async def test_the_filter_dialog_works_from_the_keyboard_and_refuses_bad_salary(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        everything = count_of(app)
        jobs_screen(app).job_list.focus()
        await pilot.press("f")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        assert dialog.focused is dialog.query_one("#filter-place", Select)
        for _ in range(4):
            await pilot.press("tab")
        salary = dialog.query_one("#filter-min-salary", Input)
        assert dialog.focused is salary
        await pilot.press(*"999999999", "enter")
        await settle(app, pilot)
        assert app.screen is dialog  # refused, with the reason
        assert "between ¥0 and ¥100,000,000 a year" in screen_text(app)
        salary.value = "5000000"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is not dialog
        assert "at least ¥5,000,000 a year" in status_line(app)
        assert count_of(app) < everything


async def test_enter_opens_the_job_full_screen_at_80_columns_and_esc_returns(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        await settle(app, pilot)
        await search_for(app, pilot, "python")
        await pilot.press("down")  # from the search box to the list
        screen = jobs_screen(app)
        assert screen.job_list.has_focus
        job = screen.job_list.current
        assert job is not None
        assert not screen.detail.display or not screen.detail.region.width
        await pilot.press("enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert screen.detail.job == job
        assert job.title in text
        assert "Salary: ¥" in text
        assert "Visa sponsorship: " in text
        assert "Japanese required: " in text
        assert re.search(r"Posted \d{4}-\d\d-\d\d.*\(as of 2025-06-01\)", text)
        await pilot.press("escape")
        await settle(app, pilot)
        assert screen.job_list.has_focus
        assert job.title in screen_text(app)


async def test_the_detail_sits_beside_the_list_at_120_columns(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = jobs_screen(app)
        await pilot.press("down")
        first = screen.detail.job
        assert first is not None and first == screen.job_list.current
        await pilot.press("down")
        await settle(app, pilot)
        assert screen.detail.job == screen.job_list.current != first
        assert screen.detail.text.splitlines()[0] == screen.job_list.current.title


async def test_s_saves_and_unsaves_the_job_in_words_and_on_the_platform(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down")
        screen = jobs_screen(app)
        job = screen.job_list.current
        assert job is not None
        await pilot.press("s")
        await settle(app, pilot)
        client = await app.client()
        assert [saved.id for saved in await client.saved_jobs()] == [job.id]
        assert rows(app)[0].startswith("Saved ")
        assert "Saved" in screen.detail.text.splitlines()[2]

        await pilot.press("s")
        await settle(app, pilot)
        assert await client.saved_jobs() == []
        assert not rows(app)[0].startswith("Saved")


async def test_scrolling_to_the_end_loads_the_next_page(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        async with employer(tui_home, "Paging Works") as boss:
            for number in range(500):
                await post(boss, f"Zanzibar picker {number}")
        await search_for(app, pilot, "zanzibar")
        screen = jobs_screen(app)
        assert status_line(app).startswith("500 jobs")
        assert len(screen.job_list.jobs) == PAGE_SIZE  # one page, not the whole result

        screen.job_list.focus()
        await pilot.press("end")
        await settle(app, pilot)
        assert len(screen.job_list.jobs) == 2 * PAGE_SIZE
        await pilot.press("end")
        await settle(app, pilot)
        assert len(screen.job_list.jobs) == 3 * PAGE_SIZE
        ids = [job.id for job in screen.job_list.jobs]
        assert len(set(ids)) == len(ids)  # no job twice across pages
        assert status_line(app).startswith("500 jobs")


async def test_the_footer_offers_slash_only_where_it_is_a_key(app: GPSeekerApp) -> None:
    """In the search box "/" is typed, so the footer must not advertise it there."""
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.query_one("#job-search", Input).has_focus
        footer = screen_text(app).splitlines()[-1]
        assert "/ Search" not in footer
        await pilot.press("down")  # to the list
        await settle(app, pilot)
        assert "/ Search" in screen_text(app).splitlines()[-1]
        await pilot.press("slash")
        await settle(app, pilot)
        search = app.query_one("#job-search", Input)
        assert search.has_focus and "/" not in search.value
