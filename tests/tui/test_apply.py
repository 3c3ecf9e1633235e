"""Applying: the dialog lists exactly what the employer receives, and sends it once.

The candidate has the fixed full profile (support.candidate_profile: a phone number,
a postal address). Jobs are posted by an employer of the test's own, so that the
test can close a job while the dialog is open and read what the employer received.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, TextArea

from gpseeker.app import GPSeekerApp
from gpseeker.client import Unavailable
from gpseeker.core.models import Application, ApplicationRequest, JobPatch
from gpseeker.screens.apply_dialog import ApplyDialog
from gpseeker.widgets.safe_text import SafeText
from gpseeker.widgets.send_check_panel import SendCheckPanel

from .jobs_helpers import (
    applications_screen,
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    jobs_screen,
    open_list,
    post,
    rows,
    search_for,
)
from .support import CANDIDATE_PHONE, candidate_profile, employer, save_profile, screen_text, settle


def dialog_of(app: GPSeekerApp) -> ApplyDialog:
    screen = app.screen
    assert isinstance(screen, ApplyDialog), f"expected the apply dialog, not {screen!r}"
    return screen


def receives(app: GPSeekerApp) -> str:
    """The dialog's list of what the employer will receive, as plain text."""
    return dialog_of(app).query_one("#apply-preview .preview--body", SafeText).text


def message(app: GPSeekerApp) -> str:
    return dialog_of(app).query_one("#apply-message", SafeText).text


async def test_apply_with_phone_sends_exactly_what_was_listed_once(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        saved = await save_profile(app, candidate_profile())
        phone = saved.profile.identity.phone  # as the platform stores it (E.164)
        assert phone is not None
        async with employer(tui_home, "Kiso Data") as boss:
            await post(boss, "Kiso Platform Engineer")
            await search_for(app, pilot, "kiso")
            job = await open_list(app, pilot, "Kiso Platform Engineer")
            await pilot.press("a")
            await settle(app, pilot)

            dialog = dialog_of(app)
            text = receives(app)
            assert (
                "Apply to Kiso Platform Engineer at Kiso Data"
                in dialog.query_one("#apply-title", SafeText).text
            )
            assert "Name: Maria Santos" in text
            assert "E-mail: you@example.com" in text
            assert phone not in text
            assert "Phone: not sent" in text
            assert "Postal address: not sent" in text

            await pilot.press("space")  # the phone box has focus when the dialog opens
            await settle(app, pilot)
            text = receives(app)
            assert f"Phone: {phone} (sent: you ticked it)" in text
            assert "Postal address: not sent" in text

            dialog.query_one("#apply-note", TextArea).text = "I would love to join."
            await pilot.click("#apply-submit")
            await settle(app, pilot)

            assert app.screen is jobs_screen(app)
            client = await app.client()
            [application] = await client.applications()
            assert application.job_id == job.id
            assert "phone" in application.disclosed
            assert "address" not in application.disclosed
            assert application.cover_note == "I would love to join."
            [received] = await boss.applications()
            assert received.candidate.phone == phone
            assert received.candidate.address is None
        assert rows(app)[0].startswith("Applied ")
        assert "Applied" in jobs_screen(app).detail.text
        assert any("Applied to Kiso Platform Engineer" in n.message for n in app._notifications)

        await pilot.press("f3")  # the application is there at once
        await settle(app, pilot)
        body = applications_screen(app).query_one("#application-list")
        assert "Kiso Platform Engineer" in str(body.get_option_at_index(0).prompt)  # type: ignore[attr-defined]

        await pilot.press("f2", "a")  # applying again is refused in words
        await settle(app, pilot)
        assert app.screen is jobs_screen(app)
        assert any("already applied" in n.message for n in app._notifications)


async def test_cancel_applies_to_nothing(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Cancel Works") as boss:
            await post(boss, "Cancelable Analyst")
        await search_for(app, pilot, "cancelable")
        await open_list(app, pilot, "Cancelable Analyst")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.click("#apply-cancel")
        await settle(app, pilot)
        assert app.screen is jobs_screen(app)
        assert await (await app.client()).applications() == []
        assert not rows(app)[0].startswith("Applied")


async def test_esc_with_a_cover_note_asks_before_discarding_it(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Escape Co") as boss:
            await post(boss, "Escapable Designer")
        await search_for(app, pilot, "escapable")
        await open_list(app, pilot, "Escapable Designer")
        await pilot.press("a")
        await settle(app, pilot)
        dialog_of(app).query_one("#apply-note", TextArea).focus()
        await pilot.press(*"Hello")
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Press Esc again" in message(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is jobs_screen(app)


async def test_a_job_closed_while_the_dialog_is_open_keeps_the_cover_note(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Closing Soon") as boss:
            job = await post(boss, "Vanishing Translator")
            await search_for(app, pilot, "vanishing")
            await open_list(app, pilot, "Vanishing Translator")
            await pilot.press("a")
            await settle(app, pilot)
            dialog = dialog_of(app)
            dialog.query_one("#apply-note", TextArea).text = "My best note."

            await boss.edit_job(job.id, JobPatch(status="closed"))
            await pilot.click("#apply-submit")
            await settle(app, pilot)

            assert app.screen is dialog  # still open
            assert "this job closed while the dialog was open" in message(app)
            assert "cover note is kept" in message(app)
            assert dialog.query_one("#apply-note", TextArea).text == "My best note."
            assert dialog.query_one("#apply-submit", Button).disabled
            assert await (await app.client()).applications() == []
            assert await boss.applications() == []


async def test_a_retry_after_a_lost_answer_applies_once_with_the_same_key(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Flaky Net") as boss:
            await post(boss, "Timeout Tester")
            await search_for(app, pilot, "timeout")
            await open_list(app, pilot, "Timeout Tester")
            client = await app.client()
            real_apply = client.apply
            keys: list[str | None] = []

            async def answer_lost_once(
                job_id: int, request: ApplicationRequest, **options: Any
            ) -> Application:
                keys.append(options.get("idempotency_key"))
                application = await real_apply(job_id, request, **options)
                if len(keys) == 1:
                    # The platform applied, but the answer never came back.
                    raise Unavailable("no answer in time (timed out)")
                return application

            client.apply = answer_lost_once  # type: ignore[method-assign]
            await pilot.press("a")
            await settle(app, pilot)
            dialog = dialog_of(app)
            dialog.query_one("#apply-note", TextArea).text = "Second time lucky."
            # Keys, not clicks: the failure's notification sits over the Apply button
            # at 80x24 until it times out, and a click would land on it instead.
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is dialog
            assert "press Apply to try again; it will not apply twice" in message(app)
            assert dialog.query_one("#apply-note", TextArea).text == "Second time lucky."

            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is jobs_screen(app)
            assert len(keys) == 2 and keys[0] == keys[1] and keys[0]
            assert len(await client.applications()) == 1
            assert len(await boss.applications()) == 1
        assert rows(app)[0].startswith("Applied ")


async def test_a_cover_note_with_the_phone_number_is_checked_before_applying(
    app: GPSeekerApp, tui_home: Path
) -> None:
    """The phone box is not ticked, and the note gives the number: Ctrl+S shows the
    note as the employer will receive it and why, and applies to nothing. Edit goes
    back to the note as written; Send as shown applies once, with the masked note."""
    written = f"I would love to join. My mobile is {CANDIDATE_PHONE}."
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Check Works") as boss:
            await post(boss, "Checked Backend Engineer")
            await search_for(app, pilot, "checked")
            await open_list(app, pilot, "Checked Backend Engineer")
            await pilot.press("a")
            await settle(app, pilot)
            dialog = dialog_of(app)
            dialog.query_one("#apply-note", TextArea).text = written
            await pilot.press("ctrl+s")
            await settle(app, pilot)

            assert app.screen is dialog  # nothing sent yet
            check = dialog.query_one(SendCheckPanel)
            assert check.display and not dialog.query_one("#apply-note", TextArea).display
            assert "I would love to join. My mobile is [hidden]." in check.shown
            assert "contains your phone number" in check.shown
            assert CANDIDATE_PHONE not in screen_text(app)
            assert await boss.applications() == []

            await pilot.click("#apply-edit")
            await settle(app, pilot)
            assert not check.display
            assert dialog.query_one("#apply-note", TextArea).text == written
            assert not dialog.query_one("#apply-submit", Button).disabled

            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert check.display
            await pilot.press("ctrl+s")  # Send as shown
            await settle(app, pilot)
            assert app.screen is jobs_screen(app)
            [received] = await boss.applications()
        assert received.cover_note == "I would love to join. My mobile is [hidden]."
        assert received.candidate.phone is None
        [application] = await (await app.client()).applications()
        assert "phone" not in application.disclosed


async def test_a_cover_note_the_guard_leaves_alone_applies_at_once(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Plain Notes") as boss:
            await post(boss, "Plain Data Analyst")
            await search_for(app, pilot, "plain")
            await open_list(app, pilot, "Plain Data Analyst")
            await pilot.press("a")
            await settle(app, pilot)
            dialog_of(app).query_one("#apply-note", TextArea).text = "Keen to start in July."
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert app.screen is jobs_screen(app)  # no check in between
            [received] = await boss.applications()
        assert received.cover_note == "Keen to start in July."
