"""Signing up without telling anyone who has an account.

A sign-up answers 202 with the same body whether or not the address is taken, after
the same work (the password is hashed, a waiting sign-up is stored, one mail is
sent): a new address gets a code, a taken one a note to its owner. The account is
made only when the code comes back (`confirm`), so nobody can create or hold an
account on an address they cannot read. A taken address gets a waiting sign-up too,
with a code that is never sent, so that a wrong code, a spent one and a new one are
answered alike for both kinds of address.

Limits, all per address and counted in the database:

- a code works for `signup_code_minutes`, for `signup_code_tries` tries, once;
- sign-up mails (codes and notes) are spaced `signup_mail_interval_seconds` apart,
  at most `signup_mails_per_day` in 24 hours: past them, 429 with Retry-After;
- wrong codes count against the client address like wrong passwords
  (`sign_in_guard`).

With `require_email_verification` off (the embedded demo platform), a sign-up makes
the account at once when the address is free and does nothing when it is taken; the
answer is the same 202, and the client signs in with the password.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import SignupRequest, SignupStarted
from gpseeker.server import throttle
from gpseeker.server.accounts import NewAccount, create_account, normalize_email
from gpseeker.server.errors import ApiError
from gpseeker.server.mail import MailNotConfigured, destination
from gpseeker.server.mail.account_mail import SignupMail
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings
from gpseeker.server.sign_in_guard import SignInGuard
from gpseeker.server.tables import PendingSignup, User

ADDRESS = "signup_address"
MAILS = "signup_mail"
CODE_DIGITS = 6
KEPT_AFTER_EXPIRY = dt.timedelta(days=1)
"""How long a waiting sign-up outlives its code: a new code can be asked for that long;
after it the row is deleted and the person signs up again."""


def mail_rule(settings: ServerSettings) -> throttle.Spaced:
    return throttle.Spaced(
        name=MAILS,
        interval=dt.timedelta(seconds=settings.signup_mail_interval_seconds),
        most=settings.signup_mails_per_day,
        window=dt.timedelta(days=1),
    )


def started(settings: ServerSettings, email: str) -> SignupStarted:
    """The one answer to a sign-up, whoever owns the address."""
    if not settings.require_email_verification:
        return SignupStarted(
            email=email,
            code_required=False,
            message="Sign-up received: sign in with this e-mail address and password.",
        )
    minutes = settings.signup_code_minutes
    return SignupStarted(
        email=email,
        code_required=True,
        code_minutes=minutes,
        message=f"We sent a mail to {email}. Type the code it holds to finish signing "
        f"up; it works for {minutes} minutes. If this address has an account already, "
        "the mail says so instead: then sign in with its password.",
    )


def resent(settings: ServerSettings, email: str) -> SignupStarted:
    """The one answer to a request for a new code, whoever owns the address."""
    answer = started(settings, email)
    if not answer.code_required:
        return answer
    return answer.model_copy(
        update={
            "message": f"If a sign-up for {email} is waiting for its code, a new code is "
            f"on its way; it works for {answer.code_minutes} minutes, and the earlier "
            "one no longer does."
        }
    )


def new_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_digest(secret: str, address_key: str, code: str) -> str:
    """Codes are kept as a keyed hash: a copy of the table alone confirms nothing."""
    message = f"{address_key}\0{code.strip()}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def mail_unavailable() -> ApiError:
    return ApiError(
        503,
        "mail_unavailable",
        "This platform cannot send mail, so it cannot confirm new addresses; its "
        "operator has to set up mail (--smtp-url or --mail-dir) first.",
    )


def mails_wait(seconds: int) -> ApiError:
    return ApiError(
        429,
        "too_many_mails",
        "Sign-up mails to this address are limited, so that nobody can flood a mailbox "
        f"through this form. Try again in {throttle.wait_words(seconds)}.",
        headers={"Retry-After": str(seconds)},
    )


def code_expired(wait: int = 0) -> ApiError:
    return ApiError(
        400,
        "code_expired",
        "This code no longer works: it expired, was used already, or was tried too "
        "often. Ask for a new one." + _and_wait(wait),
        headers={"Retry-After": str(wait)} if wait else None,
    )


def code_wrong(tries_left: int, wait: int = 0) -> ApiError:
    if tries_left > 0:
        tries = "1 more try" if tries_left == 1 else f"{tries_left} more tries"
        message = f"That is not the code in the mail; this code allows {tries}."
    else:
        message = (
            "That is not the code in the mail, and it was this code's last try: ask for a new one."
        )
    return ApiError(
        400,
        "code_wrong",
        message + _and_wait(wait),
        headers={"Retry-After": str(wait)} if wait else None,
    )


def _and_wait(wait: int) -> str:
    if not wait:
        return ""
    return f" Too many wrong tries from your network: wait {throttle.wait_words(wait)}."


def _names(request: SignupRequest, email: str) -> tuple[str, str | None]:
    if request.role == "employer":
        return request.company_name or email, request.company_name
    return request.full_name or email.split("@", 1)[0], None


async def _taken(session: AsyncSession, email: str) -> bool:
    return await session.scalar(select(User.id).where(User.email == email)) is not None


async def _count_mail(session: AsyncSession, settings: ServerSettings, mail_key: str) -> None:
    """Count one sign-up mail for the address, or 429 (nothing counted)."""
    now = settings.now()
    counted = await throttle.count(session, mail_rule(settings), mail_key, now)
    if not counted.allowed:
        await session.rollback()
        raise mails_wait(counted.wait_seconds(now))


async def start(
    session: AsyncSession, platform: Platform, request: SignupRequest, client: str
) -> SignupMail | None:
    """Begin a sign-up; returns the mail to send once the answer has gone (None: no
    mail). Commits."""
    settings = platform.settings
    email = normalize_email(str(request.email))
    if not settings.require_email_verification:
        await _start_without_code(session, platform, request, email, client)
        return None
    try:
        destination(settings)
    except MailNotConfigured:
        raise mail_unavailable() from None
    secret = platform.secret
    mail_key = throttle.key_of(secret, MAILS, email)
    wait = await throttle.wait_seconds(session, [(mail_rule(settings), mail_key)], settings.now())
    if wait:
        raise mails_wait(wait)
    # Hashed whether or not the address is taken: the answer takes the same time.
    password_hash = await platform.passwords.hash(request.password, client=client)
    await _count_mail(session, settings, mail_key)
    address_key = throttle.key_of(secret, ADDRESS, email)
    display_name, company_name = _names(request, email)
    code = new_code()
    now = settings.now()
    await session.execute(delete(PendingSignup).where(PendingSignup.address_key == address_key))
    session.add(
        PendingSignup(
            address_key=address_key,
            role=request.role,
            display_name=display_name,
            company_name=company_name,
            password_hash=password_hash,
            code_digest=code_digest(secret, address_key, code),
            code_expires_at=now + dt.timedelta(minutes=settings.signup_code_minutes),
            code_tries=0,
            created_at=now,
        )
    )
    taken = await _taken(session, email)
    await prune(session, settings)
    await session.commit()
    return SignupMail(to=email, code=None if taken else code, minutes=settings.signup_code_minutes)


async def _start_without_code(
    session: AsyncSession, platform: Platform, request: SignupRequest, email: str, client: str
) -> None:
    display_name, company_name = _names(request, email)
    password_hash = await platform.passwords.hash(request.password, client=client)
    if await _taken(session, email):
        return
    try:
        await create_account(
            session,
            platform,
            NewAccount(
                email=email,
                role=request.role,
                display_name=display_name,
                password_hash=password_hash,
                company_name=company_name,
            ),
        )
    except ApiError:
        # Another request made this account in the meantime: the same answer as any
        # taken address.
        await session.rollback()
        return
    await session.commit()


async def resend(session: AsyncSession, platform: Platform, email: str) -> SignupMail | None:
    """A new code for a waiting sign-up (the earlier one stops working); the note
    again if the address is taken. Commits; returns the mail to send, if any."""
    settings = platform.settings
    if not settings.require_email_verification:
        return None
    try:
        destination(settings)
    except MailNotConfigured:
        raise mail_unavailable() from None
    email = normalize_email(email)
    secret = platform.secret
    mail_key = throttle.key_of(secret, MAILS, email)
    wait = await throttle.wait_seconds(session, [(mail_rule(settings), mail_key)], settings.now())
    if wait:
        raise mails_wait(wait)
    # Counted whether or not a sign-up is waiting, so the limit tells nothing either.
    await _count_mail(session, settings, mail_key)
    address_key = throttle.key_of(secret, ADDRESS, email)
    pending = await session.get(PendingSignup, address_key)
    if pending is None:
        await session.commit()
        return None
    code = new_code()
    pending.code_digest = code_digest(secret, address_key, code)
    pending.code_expires_at = settings.now() + dt.timedelta(minutes=settings.signup_code_minutes)
    pending.code_tries = 0
    taken = await _taken(session, email)
    await session.commit()
    return SignupMail(to=email, code=None if taken else code, minutes=settings.signup_code_minutes)


async def confirm(
    session: AsyncSession, platform: Platform, email: str, code: str, guard: SignInGuard
) -> User:
    """Make the account of a waiting sign-up whose code this is; the caller issues a
    token and commits. A wrong, spent or expired code is a 400 (and counts against
    the client address)."""
    settings = platform.settings
    await guard.check_client(session)
    email = normalize_email(email)
    address_key = throttle.key_of(platform.secret, ADDRESS, email)
    now = settings.now()
    # One statement takes a try and reads the row, so that two workers cannot both
    # spend the last try.
    tried = (
        await session.execute(
            update(PendingSignup)
            .where(
                PendingSignup.address_key == address_key,
                PendingSignup.code_tries < settings.signup_code_tries,
                PendingSignup.code_expires_at > now,
            )
            .values(code_tries=PendingSignup.code_tries + 1)
            .returning(
                PendingSignup.code_digest,
                PendingSignup.code_tries,
                PendingSignup.role,
                PendingSignup.display_name,
                PendingSignup.company_name,
                PendingSignup.password_hash,
            )
            .execution_options(synchronize_session=False)
        )
    ).one_or_none()
    if tried is None:
        wait = await guard.client_failed(session)
        await session.commit()
        raise code_expired(wait)
    right = hmac.compare_digest(tried.code_digest, code_digest(platform.secret, address_key, code))
    if not right:
        wait = await guard.client_failed(session)
        await session.commit()
        raise code_wrong(settings.signup_code_tries - tried.code_tries, wait)
    await session.execute(delete(PendingSignup).where(PendingSignup.address_key == address_key))
    try:
        return await create_account(
            session,
            platform,
            NewAccount(
                email=email,
                role=tried.role,
                display_name=tried.display_name,
                password_hash=tried.password_hash,
                company_name=tried.company_name,
            ),
        )
    except ApiError:
        # The address has an account (its code was never sent, so this was a guess;
        # or two codes raced): answered as a spent code, and the sign-up is gone.
        await session.rollback()
        await session.execute(delete(PendingSignup).where(PendingSignup.address_key == address_key))
        await session.commit()
        raise code_expired() from None


async def prune(session: AsyncSession, settings: ServerSettings) -> None:
    """Delete waiting sign-ups long past their code, and spent mail counts. The
    caller commits. Runs with each sign-up: they are what makes both grow."""
    now = settings.now()
    await session.execute(
        delete(PendingSignup).where(PendingSignup.code_expires_at < now - KEPT_AFTER_EXPIRY)
    )
    await throttle.prune(session, [mail_rule(settings)], now)
