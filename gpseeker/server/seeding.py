"""Loading the demo employers and their jobs into a fresh platform."""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from gpseeker.core.models import OrganisationVerify
from gpseeker.server import organisations
from gpseeker.server.accounts import NewAccount, create_account, normalize_email
from gpseeker.server.demo import demo_employers
from gpseeker.server.errors import ApiError
from gpseeker.server.jobs import job_row
from gpseeker.server.tables import Employer, OrganisationRow, User

if TYPE_CHECKING:
    from gpseeker.server.platform import Platform


async def seed_demo(platform: Platform) -> bool:
    """Seed the demo data (see `_seed`), make sure every demo employer is a verified
    organisation (a platform seeded before organisations existed has them pending),
    then, on the embedded platform only, make sure every demo employer can sign in
    with a password from `demo_password_file`."""
    added = await _seed(platform)
    await verify_demo_organisations(platform)
    if platform.settings.demo_password_file is not None:
        await ensure_demo_passwords(platform, platform.settings.demo_password_file)
    return added


async def ensure_demo_passwords(platform: Platform, path: Path) -> None:
    """Give each demo employer not yet listed in `path` a random password, listed there.

    For the embedded platform, whose user owns the database anyway: the file only lets
    the local demo play the employer side through the ordinary API. The file is
    written before the hashes are stored, so a crash in between leaves passwords that
    are known but not yet set (set again next time), never set but unknown. Also
    repairs a platform seeded before demo passwords existed.
    """
    known = _read_passwords(path)
    emails = [normalize_email(demo.email) for demo in demo_employers(platform.settings.today())]
    async with platform.sessions() as session:
        users = {
            user.email: user
            for user in await session.scalars(select(User).where(User.email.in_(emails)))
        }
        missing = [email for email in emails if email in users and email not in known]
        if not missing:
            return
        for email in missing:
            known[email] = secrets.token_urlsafe(24)
        _write_private(path, json.dumps(known, indent=2))
        for email in missing:
            users[email].password_hash = await platform.passwords.hash(known[email])
        await session.commit()


async def verify_demo_organisations(platform: Platform) -> None:
    """The demo employers are organisations the platform verified, under their legal
    names, other names and domains, as a real operator would have done."""
    demos = demo_employers(platform.settings.today())
    emails = {normalize_email(demo.email): demo for demo in demos}
    async with platform.sessions() as session:
        rows = await session.execute(
            select(User.email, OrganisationRow)
            .join(Employer, Employer.user_id == User.id)
            .join(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
            .where(User.email.in_(emails), OrganisationRow.status == "pending")
        )
        pending = list(rows)
        if not pending:
            return
        try:
            for email, organisation in pending:
                demo = emails[email]
                await organisations.verify(
                    session,
                    platform.settings.now(),
                    organisation.id,
                    OrganisationVerify(
                        legal_name=demo.company_name,
                        also_known_as=list(demo.also_known_as),
                        domains=[demo.domain],
                    ),
                )
            await session.commit()
        except (IntegrityError, ApiError):
            # Another process verified them at the same moment; theirs stand.
            await session.rollback()


def _read_passwords(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(key): str(value) for key, value in data.items()}


def _write_private(path: Path, text: str) -> None:
    """Replace `path` in one step, created 0600 from the start (never chmod later)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


async def _seed(platform: Platform) -> bool:
    """Add the demo employers and jobs unless the platform has employers already.

    Demo accounts get a password hash no password matches: they exist to be found,
    not to be signed in to. Returns whether anything was added.
    """
    now = platform.settings.now()
    async with platform.sessions() as session:
        if await session.scalar(select(Employer.id).limit(1)) is not None:
            return False
        try:
            for demo in demo_employers(platform.settings.today()):
                user = await create_account(
                    session,
                    platform,
                    NewAccount(
                        email=normalize_email(demo.email),
                        role="employer",
                        display_name=demo.company_name,
                        password_hash=platform.passwords.unusable(),
                        company_name=demo.company_name,
                        about=demo.about,
                    ),
                )
                employer_id = await session.scalar(
                    select(Employer.id).where(Employer.user_id == user.id)
                )
                assert employer_id is not None
                for draft, days_ago in demo.jobs:
                    session.add(job_row(employer_id, draft, now - dt.timedelta(days=days_ago)))
        except ApiError:
            # Another worker seeded the same accounts first; theirs stand.
            await session.rollback()
            return False
        await session.commit()
        return True
