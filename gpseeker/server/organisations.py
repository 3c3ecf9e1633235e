"""Who an employer is: organisations, their names and domains, and what each status
may do. Every change to an organisation goes through here, because several things
follow from it and must move together:

- `employers.company_name` of every account of the organisation is its legal name
  (the name candidates are shown, and the text the job search indexes);
- `organisations.match_keys` holds every spelling of every name it goes by, which the
  resume bank compares with candidates' typed-name blocks;
- its jobs are listed ("open") only while it is verified, and "held" otherwise.

Signing up as an employer joins the organisation of the e-mail's domain, or starts a
pending one. A free-mail domain never identifies an organisation: each such signup
starts its own, which the operator may merge into the real one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    OrganisationRole,
    OrganisationVerify,
)
from gpseeker.core.privacy import company_key, company_keys, normalize_company
from gpseeker.core.triage import FREE_MAIL_DOMAINS
from gpseeker.server.errors import ApiError, invalid, not_found
from gpseeker.server.tables import (
    BlockedCompanyRow,
    CandidateRef,
    Employer,
    InvitationReportRow,
    JobRow,
    OrganisationDomain,
    OrganisationKey,
    OrganisationName,
    OrganisationRow,
)

PENDING_MESSAGE = (
    "Your organisation is waiting for verification by the platform; until then you can "
    "post jobs (they stay unlisted) but not search the resume bank, open profiles or "
    "send invitations."
)


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower().rstrip(".")


def is_free_mail(domain: str) -> bool:
    return domain in FREE_MAIL_DOMAINS


# --- what an account may do -------------------------------------------------------------


@dataclass(frozen=True)
class Access:
    can_search: bool
    code: str
    message: str


def access(organisation: OrganisationRow, employer: Employer) -> Access:
    """What this account may do now, and in words why not."""
    if organisation.status == "suspended":
        reason = organisation.suspended_reason or "no reason was given"
        return Access(
            False,
            "organisation_suspended",
            f"Your organisation has been suspended by the platform ({reason}); its jobs "
            "are unlisted and it cannot search the resume bank, open profiles or send "
            "invitations.",
        )
    if organisation.status != "verified":
        return Access(False, "organisation_pending", PENDING_MESSAGE)
    if not employer.approved:
        return Access(
            False,
            "account_pending",
            f"Your account is waiting for approval by an admin of {organisation.legal_name} "
            "or by the platform; until then it cannot search the resume bank, open profiles "
            "or send invitations.",
        )
    return Access(
        True,
        "ok",
        f"{organisation.legal_name} is verified by the platform: you can search the resume "
        "bank, open masked profiles, send invitations and list jobs.",
    )


def refused(organisation: OrganisationRow, employer: Employer) -> ApiError | None:
    """The 403 for an account that may not reach candidates; None when it may."""
    verdict = access(organisation, employer)
    return None if verdict.can_search else ApiError(403, verdict.code, verdict.message)


# --- signing up ------------------------------------------------------------------------


async def home_organisation(session: AsyncSession, organisation_id: int) -> OrganisationRow:
    """The organisation, or the one it was merged into (followed to the end)."""
    organisation = await session.get(OrganisationRow, organisation_id)
    seen: set[int] = set()
    while organisation is not None and organisation.merged_into_id is not None:
        if organisation.id in seen:
            break
        seen.add(organisation.id)
        organisation = await session.get(OrganisationRow, organisation.merged_into_id)
    if organisation is None:
        raise not_found("That organisation")
    return organisation


async def place_new_employer(
    session: AsyncSession, now: dt.datetime, email: str, typed_name: str
) -> tuple[OrganisationRow, OrganisationRole]:
    """The organisation a new employer account joins, and its role there.

    The e-mail's domain names the organisation when one holds it; otherwise (and for
    every free-mail address) a new pending organisation is started under the typed
    name, with this account as its admin.
    """
    domain = email_domain(email)
    if not is_free_mail(domain):
        owner = await session.scalar(
            select(OrganisationDomain.organisation_id).where(OrganisationDomain.domain == domain)
        )
        if owner is not None:
            return await home_organisation(session, owner), "member"
    organisation = OrganisationRow(
        legal_name=typed_name,
        status="pending",
        match_keys=sorted(company_keys(typed_name)),
        created_at=now,
    )
    session.add(organisation)
    await session.flush()
    session.add(
        OrganisationName(
            organisation_id=organisation.id,
            name=typed_name,
            kind="legal",
            key=company_key(typed_name),
        )
    )
    for key in organisation.match_keys:
        session.add(OrganisationKey(key=key, organisation_id=organisation.id))
    if not is_free_mail(domain):
        session.add(OrganisationDomain(domain=domain, organisation_id=organisation.id))
    return organisation, "admin"


# --- the operator's actions --------------------------------------------------------------


async def names_of(session: AsyncSession, organisation_id: int) -> list[OrganisationName]:
    return list(
        await session.scalars(
            select(OrganisationName)
            .where(OrganisationName.organisation_id == organisation_id)
            .order_by(OrganisationName.kind, OrganisationName.id)
        )
    )


async def _refresh_keys(session: AsyncSession, organisation: OrganisationRow) -> None:
    keys: set[str] = set()
    for row in await names_of(session, organisation.id):
        keys |= company_keys(row.name)
    organisation.match_keys = sorted(keys)
    await session.execute(
        delete(OrganisationKey).where(OrganisationKey.organisation_id == organisation.id)
    )
    for key in organisation.match_keys:
        session.add(OrganisationKey(key=key, organisation_id=organisation.id))
    await session.flush()


async def _sync_accounts(session: AsyncSession, organisation: OrganisationRow) -> None:
    """Every account shows the legal name; jobs are listed only while verified."""
    name = organisation.legal_name
    await session.execute(
        update(Employer)
        .where(Employer.organisation_id == organisation.id)
        .values(company_name=name, normalized_name=normalize_company(name))
    )
    accounts = select(Employer.id).where(Employer.organisation_id == organisation.id)
    listed = organisation.status == "verified"
    before, after = ("held", "open") if listed else ("open", "held")
    await session.execute(
        update(JobRow)
        .where(JobRow.employer_id.in_(accounts), JobRow.status == before)
        .values(status=after)
    )
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        # SQLite's job index copies the company name when a job is written
        # (migration 0001's triggers): rewrite the jobs so it copies the new one.
        # PostgreSQL's trigger on employers does this by itself.
        await session.execute(
            update(JobRow)
            .where(JobRow.employer_id.in_(accounts))
            .values(employer_id=JobRow.employer_id)
        )


async def _taken_by(
    session: AsyncSession, organisation_id: int, names: Iterable[str]
) -> tuple[str, OrganisationRow] | None:
    """Another verified (or suspended) organisation already called one of `names`."""
    by_key = {company_key(name): name for name in names if company_key(name)}
    if not by_key:
        return None
    found = (
        await session.execute(
            select(OrganisationName.key, OrganisationRow)
            .join(OrganisationRow, OrganisationRow.id == OrganisationName.organisation_id)
            .where(
                OrganisationName.key.in_(by_key),
                OrganisationRow.id != organisation_id,
                OrganisationRow.status.in_(("verified", "suspended")),
            )
            .limit(1)
        )
    ).first()
    return None if found is None else (by_key[found[0]], found[1])


async def verify(
    session: AsyncSession, now: dt.datetime, organisation_id: int, request: OrganisationVerify
) -> OrganisationRow:
    """Verify (or re-verify, or reinstate) an organisation under its legal name.

    A first verification replaces the names typed at signup by the operator's; a
    later one keeps the names verified before (a former name stays a name it goes
    by). `domains`, when given, become exactly its domains.
    """
    organisation = await session.get(OrganisationRow, organisation_id)
    if organisation is None or organisation.status == "merged":
        raise not_found("That organisation")
    names = [request.legal_name, *request.also_known_as]
    for index, name in enumerate(names):
        if not company_key(name):
            path = "legal_name" if index == 0 else f"also_known_as.{index - 1}"
            raise invalid(path, "has no name besides a legal form")
    clash = await _taken_by(session, organisation.id, names)
    if clash is not None:
        name, other = clash
        raise ApiError(
            409,
            "name_taken",
            f"{name!r} is already a name of organisation {other.id} ({other.legal_name}); "
            f"if they are one legal entity, merge them (gpseeker operator merge "
            f"{organisation.id} --into {other.id}).",
        )
    for index, domain in enumerate(request.domains):
        if is_free_mail(domain):
            raise invalid(f"domains.{index}", "is a free-mail domain: it identifies nobody")
        owner = await session.scalar(
            select(OrganisationDomain.organisation_id).where(OrganisationDomain.domain == domain)
        )
        if owner is not None and owner != organisation.id:
            raise ApiError(
                409,
                "domain_taken",
                f"{domain} already belongs to organisation {owner}; merge them instead.",
            )

    existing = await names_of(session, organisation.id)
    keep = (
        {row.key: row for row in existing if row.key}
        if organisation.verified_at is not None
        else {}
    )
    for row in existing:
        await session.delete(row)
    await session.flush()
    wanted: dict[str, tuple[str, str]] = {}
    for name in names:
        wanted.setdefault(company_key(name), (name, "legal" if name == names[0] else "other"))
    for key, row in keep.items():
        wanted.setdefault(key, (row.name, "other"))
    for key, (name, kind) in wanted.items():
        session.add(
            OrganisationName(organisation_id=organisation.id, name=name, kind=kind, key=key)
        )
    if request.domains:
        await session.execute(
            OrganisationDomain.__table__.delete().where(  # type: ignore[attr-defined]
                OrganisationDomain.organisation_id == organisation.id
            )
        )
        for domain in dict.fromkeys(request.domains):
            session.add(OrganisationDomain(domain=domain, organisation_id=organisation.id))

    first = organisation.verified_at is None
    organisation.legal_name = request.legal_name
    organisation.status = "verified"
    organisation.suspended_reason = None
    organisation.verified_at = organisation.verified_at or now
    await session.flush()
    if first:
        # The operator verified the organisation with its accounts in view: they
        # are its people. Later accounts wait for an admin or the operator.
        await session.execute(
            update(Employer)
            .where(Employer.organisation_id == organisation.id)
            .values(approved=True)
        )
    await _ensure_admin(session, organisation.id)
    await _refresh_keys(session, organisation)
    await _sync_accounts(session, organisation)
    return organisation


async def _ensure_admin(session: AsyncSession, organisation_id: int) -> None:
    admins = await session.scalar(
        select(Employer.id).where(
            Employer.organisation_id == organisation_id, Employer.org_role == "admin"
        )
    )
    if admins is None:
        first = await session.scalar(
            select(Employer)
            .where(Employer.organisation_id == organisation_id, Employer.approved.is_(True))
            .order_by(Employer.id)
            .limit(1)
        )
        if first is not None:
            first.org_role = "admin"


async def suspend(session: AsyncSession, organisation_id: int, reason: str) -> OrganisationRow:
    organisation = await session.get(OrganisationRow, organisation_id)
    if organisation is None or organisation.status == "merged":
        raise not_found("That organisation")
    organisation.status = "suspended"
    organisation.suspended_reason = reason
    await _sync_accounts(session, organisation)
    return organisation


async def merge(session: AsyncSession, source_id: int, into_id: int) -> OrganisationRow:
    """Fold a duplicate into the organisation it really is: its accounts, names,
    domains, references, blocks and reports all move, and the duplicate is kept only
    as a pointer ("merged"), so nothing issued under it is ever reissued."""
    if source_id == into_id:
        raise invalid("into", "is the organisation itself")
    source = await session.get(OrganisationRow, source_id)
    if source is None or source.status == "merged":
        raise not_found("That organisation")
    into = await session.get(OrganisationRow, into_id)
    if into is None or into.status == "merged":
        raise invalid("into", "is not an organisation that can take another in")

    have = {row.key for row in await names_of(session, into.id)}
    for row in await names_of(session, source.id):
        # A pending duplicate's names are only what an account typed: they do not
        # become names of a verified organisation. A verified one's were checked.
        if source.verified_at is not None and row.key and row.key not in have:
            session.add(
                OrganisationName(organisation_id=into.id, name=row.name, kind="other", key=row.key)
            )
            have.add(row.key)
        await session.delete(row)
    await session.execute(
        update(OrganisationDomain)
        .where(OrganisationDomain.organisation_id == source.id)
        .values(organisation_id=into.id)
    )
    # Accounts arriving in a verified organisation keep their approval only if the
    # duplicate was itself verified; otherwise an admin or the operator approves them.
    moved = update(Employer).where(Employer.organisation_id == source.id)
    if source.verified_at is None and into.status == "verified":
        moved = moved.values(organisation_id=into.id, org_role="member", approved=False)
    else:
        moved = moved.values(organisation_id=into.id, org_role="member")
    await session.execute(moved)
    await session.execute(
        update(CandidateRef)
        .where(CandidateRef.organisation_id == source.id)
        .values(organisation_id=into.id)
    )
    await _move_blocks(session, source.id, into.id)
    await session.execute(
        update(InvitationReportRow)
        .where(InvitationReportRow.organisation_id == source.id)
        .values(organisation_id=into.id)
    )
    await session.execute(
        update(OrganisationRow)
        .where(OrganisationRow.merged_into_id == source.id)
        .values(merged_into_id=into.id)
    )
    source.status = "merged"
    source.merged_into_id = into.id
    source.match_keys = []
    await session.execute(
        delete(OrganisationKey).where(OrganisationKey.organisation_id == source.id)
    )
    await session.flush()
    await _refresh_keys(session, into)
    await _sync_accounts(session, into)
    return into


async def _move_blocks(session: AsyncSession, source_id: int, into_id: int) -> None:
    rows = await session.scalars(
        select(BlockedCompanyRow).where(BlockedCompanyRow.organisation_id == source_id)
    )
    for row in rows:
        duplicate = await session.scalar(
            select(BlockedCompanyRow.id).where(
                BlockedCompanyRow.user_id == row.user_id,
                BlockedCompanyRow.ident == f"org:{into_id}",
            )
        )
        if duplicate is not None:
            await session.delete(row)
        else:
            row.organisation_id = into_id
            row.ident = f"org:{into_id}"


async def approve(session: AsyncSession, employer: Employer) -> None:
    employer.approved = True
    await session.flush()
    await _ensure_admin(session, employer.organisation_id)
