"""Every hostile string in every employer-controlled field, on every screen showing it.

`tests.hostile.seed` fills the platform through its real API: one employer per
hostile string (company name), its job (title, description) and its invitation
(subject, body), the candidate's replies, blocked company names and profile views.
The test then walks the screens as a user would (jobs list and detail, the apply
dialog, applications, inbox list, message and reply dialog, the disclosure log, the
privacy screen's blocked list and views) and checks, on the bytes the terminal would
get, that no control sequence from the data reaches it, that the app still runs
(no `[@click=app.quit]` ran) and that the markup lookalikes show as characters.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import OptionList

from gpseeker.app import GPSeekerApp
from gpseeker.screens.account import AccountScreen
from gpseeker.screens.inbox import InboxScreen
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.widgets.inbox_decline import DeclineDialog
from gpseeker.widgets.inbox_reply import ReplyDialog
from gpseeker.widgets.safe_text import SafeText
from tests.hostile import HOSTILE, LITERALS, SKILL, World, assert_terminal_safe, seed

from .jobs_helpers import (
    applications_screen,
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    jobs_screen,
    search_for,
)
from .support import candidate_profile, screen_output, screen_text, server_settings, settle

# Left for the candidate to do on screen: apply to it, reply to it.
LEFT_OPEN = "click"


def check(app: GPSeekerApp, where: str) -> str:
    """The screen is safe and the app runs; returns its text for further checks."""
    assert app.is_running, f"{where}: the app stopped"
    assert app.return_code is None, where
    assert_terminal_safe(screen_output(app), where)
    text = screen_text(app)
    # The 2,000-character word wraps or is cut: no line outgrows the terminal.
    lines = text.splitlines()
    assert len(lines) <= app.size.height, where
    assert max(cell_len(line) for line in lines) <= app.size.width, where
    return text


async def seeded(app: GPSeekerApp, home: Path) -> World:
    profile = candidate_profile()
    profile.skills = [*profile.skills, SKILL]
    client = await app.client()
    world = await seed(
        client,
        profile,
        home,
        server_settings(),
        apply_to=lambda name: name != LEFT_OPEN,
        reply_to=lambda name: name != LEFT_OPEN,
    )
    return world


async def walk_options(
    app: GPSeekerApp, pilot: Pilot[None], listing: OptionList, where: str
) -> list[str]:
    """Highlight each option in turn (the pane beside shows it); check each frame."""
    texts = []
    listing.focus()
    for index in range(listing.option_count):
        listing.highlighted = index
        await settle(app, pilot)
        texts.append(check(app, f"{where} #{index}"))
    return texts


async def test_hostile_text_on_every_screen(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        world = await seeded(app, tui_home)

        # Jobs: the list and, beside it, each job's detail.
        await search_for(app, pilot, SKILL.lower())
        screen = jobs_screen(app)
        assert len(screen.job_list.jobs) == len(HOSTILE)
        texts = await walk_options(app, pilot, screen.job_list, "jobs")
        everything = "\n".join(texts)
        for literal in LITERALS:
            assert literal in everything, literal
        assert "invoicegpj.exe" in everything  # the override is gone, the text is not

        # The apply dialog for the job left open.
        ids = [job.id for job in screen.job_list.jobs]
        screen.job_list.highlighted = ids.index(world.jobs[LEFT_OPEN].id)
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        text = check(app, "apply dialog")
        assert "[@click=app.quit]" in text
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        check(app, "after applying")  # the toast names the job and company
        screen.job_list.highlighted = ids.index(world.jobs["osc52"].id)
        await settle(app, pilot)
        await pilot.press("a")  # already applied: a toast names it again
        await settle(app, pilot)
        check(app, "already applied")

        # Applications: the list and each timeline.
        await pilot.press("f3")
        await settle(app, pilot)
        listing = applications_screen(app).query_one("#application-list", OptionList)
        assert listing.option_count == len(HOSTILE)
        texts = await walk_options(app, pilot, listing, "applications")
        assert "[@click=app.quit]quit[/]" in "\n".join(texts)

        # Inbox: the list and each message beside it, then the reply dialog.
        app.refresh_unread()
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        listing = inbox.query_one("#invitation-list", OptionList)
        assert listing.option_count == len(HOSTILE)
        texts = await walk_options(app, pilot, listing, "inbox")
        everything = "\n".join(texts)
        for literal in LITERALS:
            assert literal in everything, literal
        open_one = [inv.id for inv in inbox.invitations].index(world.invitation_ids[LEFT_OPEN])
        listing.highlighted = open_one
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        check(app, "inbox message")
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, ReplyDialog)
        check(app, "reply dialog")
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, DeclineDialog)
        check(app, "decline dialog")
        await pilot.press("escape")
        await settle(app, pilot)

        # Account: the disclosure log names each employer and job.
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("2")
        await settle(app, pilot)
        text = check(app, "disclosure log")
        assert "Co00 osc52" in text

        # Privacy: blocked company names and the employers that viewed the profile.
        await pilot.press("f6")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyScreen)
        await pilot.press("r")
        await settle(app, pilot)
        text = check(app, "privacy")
        assert "Blocked00 " in text
        views = app.screen.query_one("#views-body", SafeText).text
        assert "Co12 click [@click=app.quit]quit[/]" in views
        assert "Co13 link [link=https://evil.example]x[/link]" in views

        # Clicking around runs nothing. (Each block takes two lines, the name and what
        # it holds: the log sits below the fold until scrolled to.)
        app.screen.query_one("#views-body").scroll_visible(animate=False)
        await settle(app, pilot)
        await pilot.click("#views-body")
        await settle(app, pilot)
        check(app, "privacy after a click")
