"""Reading the mail a test platform delivered into its Maildir (`ServerSettings.
mail_dir`), as the person who owns the address would: the sign-up code above all.

Tests that sign up through the API, the client or the commands get their code here,
so the path they take is the real one: the request, the mail, the code typed back.
"""

from __future__ import annotations

import mailbox
import re
import time
from email.message import Message
from pathlib import Path

CODE = re.compile(r"sign-up code is (\d{6})\b")


def _order(key: str) -> tuple[int, int, str]:
    # Maildir names start "<seconds>.M<microseconds>P<pid>...": delivery order.
    found = re.match(r"(\d+)\.M(\d+)", key)
    return (int(found.group(1)), int(found.group(2)), key) if found else (0, 0, key)


def mails_to(mail_dir: Path, address: str) -> list[Message]:
    """Every mail delivered to `address`, oldest first."""
    if not (mail_dir / "new").exists():
        return []
    box = mailbox.Maildir(mail_dir, create=False)
    return [
        box[key]
        for key in sorted(box.keys(), key=_order)
        if str(box[key]["To"]).casefold() == address.casefold()
    ]


def body_of(message: Message) -> str:
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(message.get_content_charset() or "utf-8")


def signup_code(mail_dir: Path | None, address: str, *, wait: float = 10.0) -> str:
    """The code in the newest sign-up mail to `address`.

    A served platform sends the mail after its answer has gone, so a test that asks
    at once may wait for it a moment (up to `wait` seconds)."""
    assert mail_dir is not None, "this platform delivers no mail (ServerSettings.mail_dir)"
    deadline = time.monotonic() + wait
    while True:
        for message in reversed(mails_to(mail_dir, address)):
            found = CODE.search(body_of(message))
            if found:
                return found.group(1)
        if time.monotonic() > deadline:
            raise AssertionError(f"no sign-up code was mailed to {address}")
        time.sleep(0.05)
