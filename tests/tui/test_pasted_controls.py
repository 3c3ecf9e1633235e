"""A control character pasted into the profile form: the candidate is told which
field, in words, and keeps everything they typed (issue 14).

Textual's Input keeps what is pasted, NUL and ESC included. The form checks itself
with the platform's own models, so the message comes before any request is sent;
tests/unit/test_pasted_controls.py shows that a platform's 422 for such a field
(from an older client's save, say) lands on the same field.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from gpseeker.client import PlatformClient
from gpseeker.local.profile_draft import DraftStore

from .conftest import AppFactory
from .test_profile import SIZE, error_of, home, notifications, open_profile, other_device, save

__all__ = ["home", "other_device"]  # fixtures, used by name

PASTED = "Backend\x00 developer"


async def test_a_pasted_nul_is_named_and_nothing_typed_is_lost(
    make_app: AppFactory, other_device: PlatformClient, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        headline = screen.query_one("#headline", Input)
        headline.focus()
        headline.clear()
        headline.post_message(events.Paste(PASTED))
        await pilot.pause()
        await pilot.press("tab")  # leave the field
        await pilot.pause()
        message = "Headline: must be text: it contains the control character U+0000"
        assert error_of(screen, "headline") == message

        await save(pilot)
        assert "Not saved" in "\n".join(n.title for n in app._notifications)
        assert message in notifications(app)
        # What was pasted is still there, in the field and, past this run, in the
        # draft kept on disk.
        assert headline.value == PASTED
        assert "unsaved changes" in app.sub_title
    draft = DraftStore(home / "data").load()
    assert draft is not None and draft.form.headline == PASTED
    assert (await other_device.get_profile()).profile.headline != PASTED
