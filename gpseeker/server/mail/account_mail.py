"""The mails a sign-up sends: the code that confirms a new address, or, to an address
that has an account already, a note that someone tried to sign up with it.

Whoever submits the form sees the same answer in both cases; only the owner of the
mailbox learns which it was. Nothing typed into the form (the name, the company) goes
into either mail: a stranger could otherwise write to anyone through the platform.
"""

from __future__ import annotations

import email.utils
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import urlsplit

from gpseeker.server.mail.delivery import open_mailer
from gpseeker.server.settings import ServerSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignupMail:
    """The mail one sign-up (or a request for a new code) sends."""

    to: str
    code: str | None
    """The code for a new address; None: the address has an account (send the note)."""
    minutes: int


def _message(settings: ServerSettings, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(settings.now())
    message["Message-ID"] = email.utils.make_msgid(
        "signup", domain=urlsplit(settings.public_url).hostname or "gpseeker.invalid"
    )
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
    message.set_content(body)
    return message


def code_message(settings: ServerSettings, to: str, code: str, minutes: int) -> EmailMessage:
    body = "\n".join(
        [
            f"Your gpseeker sign-up code is {code}.",
            "",
            f"Type it where gpseeker asks for it, within {minutes} minutes, to finish",
            f"creating your account on {settings.public_url}.",
            "",
            "If you did not sign up, ignore this mail: without the code no account",
            "is made.",
            "",
        ]
    )
    return _message(settings, to, f"Your gpseeker sign-up code: {code}", body)


def note_message(settings: ServerSettings, to: str) -> EmailMessage:
    body = "\n".join(
        [
            f"Someone asked to sign up on {settings.public_url} with this e-mail",
            "address, which has an account there already. No new account was made,",
            "and whoever asked was not told that yours exists.",
            "",
            "If it was you: sign in with your password instead.",
            "If it was not you: you need do nothing. Nobody can sign in without your",
            "password.",
            "",
        ]
    )
    return _message(settings, to, "Someone tried to sign up with your address", body)


def message_for(settings: ServerSettings, mail: SignupMail) -> EmailMessage:
    if mail.code is None:
        return note_message(settings, mail.to)
    return code_message(settings, mail.to, mail.code, mail.minutes)


async def send_signup_mail(settings: ServerSettings, mail: SignupMail) -> None:
    """Send it, after the answer has gone (a background task): a failure is logged,
    and the person asks for a new code, which sends again."""
    try:
        async with open_mailer(settings) as mailer:
            await mailer.send(message_for(settings, mail))
    except Exception:
        # Not the address: it is personal data, and the log is not the place for it.
        log.exception("a sign-up mail could not be sent")
