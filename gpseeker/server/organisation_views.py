"""Reading organisations: the operator's view, the employer's own, the verified ones
that match a name a candidate typed, and statuses in the wire format's words."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    EmployerOrganisation,
    Organisation,
    OrganisationMatch,
    OrganisationMember,
    OrganisationStatus,
    OrganisationSummary,
)
from gpseeker.core.privacy import company_key, company_keys
from gpseeker.server.organisations import access, names_of
from gpseeker.server.tables import (
    Employer,
    OrganisationDomain,
    OrganisationKey,
    OrganisationRow,
    User,
)


async def members(session: AsyncSession, organisation_id: int) -> list[OrganisationMember]:
    rows = await session.execute(
        select(Employer, User.email)
        .join(User, User.id == Employer.user_id)
        .where(Employer.organisation_id == organisation_id)
        .order_by(Employer.id)
    )
    return [
        OrganisationMember(
            id=employer.id,
            email=email,
            role="admin" if employer.org_role == "admin" else "member",
            approved=employer.approved,
            typed_company_name=employer.typed_company_name,
            created_at=employer.created_at,
        )
        for employer, email in rows
    ]


def status_of(value: str) -> OrganisationStatus:
    statuses: tuple[OrganisationStatus, ...] = ("pending", "verified", "suspended", "merged")
    return next((status for status in statuses if status == value), "pending")


def summary(organisation: OrganisationRow) -> OrganisationSummary:
    return OrganisationSummary(
        id=organisation.id,
        legal_name=organisation.legal_name,
        status=status_of(organisation.status),
    )


async def for_operator(session: AsyncSession, organisation: OrganisationRow) -> Organisation:
    names = await names_of(session, organisation.id)
    domains = await session.scalars(
        select(OrganisationDomain.domain)
        .where(OrganisationDomain.organisation_id == organisation.id)
        .order_by(OrganisationDomain.domain)
    )
    similar = await session.scalars(
        select(OrganisationRow)
        .where(
            OrganisationRow.id.in_(_having_keys(organisation.match_keys)),
            OrganisationRow.id != organisation.id,
            OrganisationRow.status != "merged",
        )
        .order_by(OrganisationRow.id)
    )
    return Organisation(
        id=organisation.id,
        legal_name=organisation.legal_name,
        status=status_of(organisation.status),
        also_known_as=[row.name for row in names if row.kind != "legal"],
        domains=list(domains),
        accounts=await members(session, organisation.id),
        suspended_reason=organisation.suspended_reason,
        merged_into=organisation.merged_into_id,
        similar=[summary(row) for row in similar],
        created_at=organisation.created_at,
        verified_at=organisation.verified_at,
    )


async def for_employer(
    session: AsyncSession, organisation: OrganisationRow, employer: Employer
) -> EmployerOrganisation:
    verdict = access(organisation, employer)
    admin = employer.org_role == "admin"
    return EmployerOrganisation(
        id=organisation.id,
        legal_name=organisation.legal_name,
        status=status_of(organisation.status),
        role="admin" if admin else "member",
        approved=employer.approved,
        can_search=verdict.can_search,
        jobs_listed=organisation.status == "verified",
        message=verdict.message,
        members=await members(session, organisation.id) if admin else [],
    )


async def blockable(session: AsyncSession, typed: str, limit: int = 20) -> list[OrganisationMatch]:
    """Verified organisations one of whose names matches what a candidate typed:
    the same spelling (`company_keys`), or, from three letters on, a name that starts
    with it (so "umbrel" offers Umbrellacorp while the candidate types)."""
    keys = company_keys(typed)
    prefix = company_key(typed)
    if not keys:
        return []
    conditions = [OrganisationKey.key.in_(keys)]
    if len(prefix) >= 3:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(OrganisationKey.key.like(f"{escaped}%", escape="\\"))
    found = await session.scalars(
        select(OrganisationRow)
        .where(
            OrganisationRow.status == "verified",
            OrganisationRow.id.in_(select(OrganisationKey.organisation_id).where(or_(*conditions))),
        )
        .order_by(OrganisationRow.legal_name, OrganisationRow.id)
        .limit(limit)
    )
    result: list[OrganisationMatch] = []
    for organisation in found:
        names = await names_of(session, organisation.id)
        others = [row.name for row in names if row.kind != "legal"]
        name = next(
            (row.name for row in names if company_keys(row.name) & keys),
            next(
                (row.name for row in names if row.key.startswith(prefix)), organisation.legal_name
            ),
        )
        result.append(
            OrganisationMatch(
                id=organisation.id,
                legal_name=organisation.legal_name,
                also_known_as=others,
                matched_name=name,
            )
        )
    return result


def _having_keys(keys: Sequence[str]) -> Select[int]:
    return select(OrganisationKey.organisation_id).where(OrganisationKey.key.in_(list(keys)))


async def verified_matching(session: AsyncSession, keys: Sequence[str]) -> list[OrganisationRow]:
    """Verified organisations with a name among these spellings."""
    if not keys:
        return []
    return list(
        await session.scalars(
            select(OrganisationRow)
            .where(OrganisationRow.status == "verified", OrganisationRow.id.in_(_having_keys(keys)))
            .order_by(OrganisationRow.id)
        )
    )
