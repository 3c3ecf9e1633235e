"""The one way a dialog sends a form (gpseeker/widgets/form_dialog.py).

Apply, reply, decline, report, save a search, export and delete the account send
through `FormDialog.send_form`; their own tests check their words. Here, the promises
they share, on a dialog of the smallest kind: the send button is disabled while the
request is in flight, a refusal is said through the safe path and keeps what was
typed, the button comes back whatever goes wrong, and a success returns what the
platform sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input

from gpseeker.client import PlatformError
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.safe_text import SafeText


class NoteDialog(FormDialog[str | None]):
    STATUS = "note-message"
    SEND = "#note-send"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input("what I typed", id="note-text")
            yield SafeText("", id="note-message")
            yield Button("Send", id="note-send")

    def on_mount(self) -> None:
        self.query_one("#note-message", SafeText).display = False

    async def send(self, request: Callable[[], Awaitable[str]]) -> str | None:
        return await self.send_form(
            request, lambda error: ["Not sent: ", error.message], sending="Sending…"
        )


class Host(App[None]):
    def on_mount(self) -> None:
        self.push_screen(NoteDialog())


def _parts(dialog: NoteDialog) -> tuple[Button, SafeText, Input]:
    return (
        dialog.query_one("#note-send", Button),
        dialog.query_one("#note-message", SafeText),
        dialog.query_one("#note-text", Input),
    )


async def test_the_button_is_disabled_in_flight_and_a_success_returns_the_answer() -> None:
    async with Host().run_test() as pilot:
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        button, message, _ = _parts(dialog)
        answer = asyncio.get_running_loop().create_future()
        sending = asyncio.create_task(dialog.send(lambda: answer))
        await pilot.pause()
        assert button.disabled
        assert message.display and message.text == "Sending…"
        answer.set_result("sent")
        assert await sending == "sent"


async def test_a_refusal_is_said_in_words_and_keeps_what_was_typed() -> None:
    async def refuse() -> str:
        raise PlatformError("the platform says no \x1b]52;c;evil\x07[@click=app.quit]")

    async with Host().run_test() as pilot:
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        button, message, typed = _parts(dialog)
        assert await dialog.send(refuse) is None
        await pilot.pause()
        assert not button.disabled  # press again to retry
        assert message.display
        # Through the safe path: no escape byte, the markup shown as characters.
        assert "\x1b" not in message.text
        assert message.text.startswith("Not sent: the platform says no")
        assert "[@click=app.quit]" in message.text
        assert typed.value == "what I typed"
        assert pilot.app.screen is dialog


async def test_any_other_failure_gives_the_button_back_and_goes_on_up() -> None:
    async def broken() -> str:
        raise OSError("disk full")

    async with Host().run_test() as pilot:
        dialog = pilot.app.screen
        assert isinstance(dialog, NoteDialog)
        button, _, _ = _parts(dialog)
        with pytest.raises(OSError, match="disk full"):
            await dialog.send(broken)
        assert not button.disabled
