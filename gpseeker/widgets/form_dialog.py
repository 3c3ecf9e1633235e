"""A dialog that sends what the candidate typed to the platform, and says how it went.

Apply, reply, decline, report, save a search, export and delete the account all send
a form the same way, and this is the one place that way is written, so that each
keeps the same promises (DESIGN.md, "Nothing is lost"):

- the buttons that send are disabled while the request is in flight, so a second
  press cannot send twice (an Idempotency-Key covers a retry, not a double press);
- the dialog's status line is safe text, since the platform's words come from outside;
- a refusal is said in words, every field stays as typed, and the buttons come back,
  so the candidate can correct it or press again.

What a refusal means differs per dialog ("already answered", "job closed"), so each
dialog words its own; the sending is shared.

Imported only by the dialogs, which load the client anyway: never before the first
paint.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import ClassVar, TypeVar

from textual.content import Content
from textual.widgets import Button

from gpseeker.client import PlatformError
from gpseeker.widgets.dialog import Dialog, ResultType
from gpseeker.widgets.safe_text import SafeText

__all__ = ["FormDialog", "Refusal"]

Sent = TypeVar("Sent")

Refusal = Callable[[PlatformError], Iterable[Content | str]]
"""The words for a refusal: labels of our own (`str`) and the platform's message."""


class FormDialog(Dialog[ResultType]):
    """A Dialog with a status line and buttons that send.

    A subclass names them: `STATUS` is the id of its status line (a SafeText, hidden in
    its CSS until said), `SEND` a selector of the buttons disabled while sending."""

    STATUS: ClassVar[str] = ""
    SEND: ClassVar[str] = ""

    def say(self, *parts: Content | str) -> None:
        self.query_one(f"#{self.STATUS}", SafeText).say(*parts)

    def busy(self, busy: bool) -> None:
        """Disable (or enable again) the buttons that send."""
        for button in self.query(self.SEND).results(Button):
            button.disabled = busy

    async def send_form(
        self,
        send: Callable[[], Awaitable[Sent]],
        refused: Refusal,
        *,
        sending: str = "",
    ) -> Sent | None:
        """Await `send` with the send buttons disabled; its result, or None if the
        platform refused (said in `refused`'s words, the buttons back, nothing cleared).

        `sending` is said while the request is on its way ("Sending your reply…").
        Any other failure gives the buttons back too before it goes on up, so that no
        error leaves a dialog that can no longer send. `refused` is called after the
        buttons are back, so it may disable them again when a retry cannot succeed.
        """
        self.busy(True)
        if sending:
            self.say(sending)
        try:
            return await send()
        except PlatformError as error:
            self.busy(False)
            self.say(*refused(error))
            return None
        except Exception:
            # Not BaseException: a cancelled worker may belong to a dialog already gone.
            self.busy(False)
            raise
