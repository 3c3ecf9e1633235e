"""Handing finished messages to the world: an SMTP server, or a Maildir.

smtplib is blocking, so every call runs in a worker thread (anyio.to_thread); one
connection serves a whole batch. `smtp://` upgrades with STARTTLS when the server
offers it and refuses to send a password in the clear; `smtps://` is TLS from the
first byte. Without an SMTP URL, mail goes into a Maildir, which any mail reader
(`mutt -f`, say) can open: the default of a platform with no mail relay.
"""

from __future__ import annotations

import mailbox
import smtplib
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import anyio.to_thread

from gpseeker.server.settings import ServerSettings

SMTP_TIMEOUT = 30.0
MAILDIR_PARTS = ("tmp", "new", "cur")
"""The directories every Maildir has: written into tmp/, moved to new/, read into cur/."""


class MailNotConfigured(RuntimeError):
    """Neither an SMTP URL nor a Maildir: there is nowhere to put mail."""


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    tls: bool
    """smtps: TLS from the start (implicit TLS, port 465 by default)."""
    user: str | None
    password: str | None

    def __str__(self) -> str:
        # Where mail went, for people: never the password.
        return f"{'smtps' if self.tls else 'smtp'}://{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpTarget:
    """smtp://[user:password@]host[:port] or smtps://...; user and password may be
    percent-encoded (an @ in a password is %40)."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ValueError(f"not an SMTP URL (smtp://host[:port] or smtps://...): {url!r}")
    tls = parts.scheme == "smtps"
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or (465 if tls else 25),
        tls=tls,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def destination(settings: ServerSettings) -> str:
    """Where this platform's mail goes, in words: an SMTP server or a Maildir path."""
    if settings.smtp_url:
        return str(parse_smtp_url(settings.smtp_url))
    if settings.mail_dir is not None:
        return f"Maildir {settings.mail_dir}"
    raise MailNotConfigured("set an SMTP URL (--smtp-url) or a Maildir (--mail-dir)")


class Mailer(Protocol):
    async def send(self, message: EmailMessage) -> None: ...

    async def aclose(self) -> None: ...


class MaildirMailer:
    def __init__(self, path: Path) -> None:
        self.path = path

    def _add(self, message: EmailMessage) -> None:
        # A data directory that does not exist yet is normal for a new server.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # mailbox.Maildir(create=True) makes tmp/, new/ and cur/ only when the Maildir
        # itself is missing: an existing empty directory (made by the operator for
        # --mail-dir, say) failed every delivery. So each part is made when missing,
        # 0700 as mailbox makes them (addresses are personal data); a directory the
        # operator made keeps the mode they gave it.
        for part in (self.path, *(self.path / sub for sub in MAILDIR_PARTS)):
            part.mkdir(mode=0o700, exist_ok=True)
        # Maildir writes into tmp/ and renames into new/: a reader never sees half a mail.
        mailbox.Maildir(self.path, create=False).add(message)

    async def send(self, message: EmailMessage) -> None:
        await anyio.to_thread.run_sync(self._add, message)

    async def aclose(self) -> None:
        return None


class SmtpMailer:
    def __init__(self, target: SmtpTarget) -> None:
        self.target = target
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        target, context = self.target, ssl.create_default_context()
        smtp: smtplib.SMTP
        if target.tls:
            smtp = smtplib.SMTP_SSL(target.host, target.port, timeout=SMTP_TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(target.host, target.port, timeout=SMTP_TIMEOUT)
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
            elif target.user is not None:
                smtp.close()
                raise smtplib.SMTPException(
                    f"{target} offers no STARTTLS; not sending the password in the clear "
                    "(use smtps:// or a server with STARTTLS)"
                )
        if target.user is not None:
            smtp.login(target.user, target.password or "")
        return smtp

    def _send(self, message: EmailMessage) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(message)
        except (smtplib.SMTPServerDisconnected, OSError):
            # A dropped connection would fail every later message: start afresh.
            self._close()
            raise

    def _close(self) -> None:
        if self._smtp is not None:
            smtp, self._smtp = self._smtp, None
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    async def send(self, message: EmailMessage) -> None:
        await anyio.to_thread.run_sync(self._send, message)

    async def aclose(self) -> None:
        await anyio.to_thread.run_sync(self._close)


def mailer_for(settings: ServerSettings) -> Mailer:
    """The mailer the settings ask for; SMTP wins over a Maildir when both are set."""
    if settings.smtp_url:
        return SmtpMailer(parse_smtp_url(settings.smtp_url))
    if settings.mail_dir is not None:
        return MaildirMailer(settings.mail_dir)
    raise MailNotConfigured("set an SMTP URL (--smtp-url) or a Maildir (--mail-dir)")


@asynccontextmanager
async def open_mailer(settings: ServerSettings) -> AsyncIterator[Mailer]:
    """A mailer for one batch, closed (SMTP QUIT) when the batch is done."""
    mailer = mailer_for(settings)
    try:
        yield mailer
    finally:
        await mailer.aclose()
