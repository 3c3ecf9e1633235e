"""The candidate side of the resume bank: profile storage, visibility, blocks, and
which candidates an employer may find at all."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.models import (
    BlockedCompany,
    BlockedCompanyList,
    EmployerView,
    Profile,
    ResumeBankHit,
    Visibility,
)
from gpseeker.privacy import employer_view, normalize_company, searchable_text
from gpseeker.server.errors import invalid, not_found
from gpseeker.server.platform import Platform
from gpseeker.server.search import Eligibility
from gpseeker.server.tables import BlockedCompanyRow, ProfileRow, ResumeDocument, VisibilityRow

# The reference the index text is built under; it never appears in the text itself.
INDEX_REF = "index"


async def profile_row(session: AsyncSession, user_id: int) -> ProfileRow:
    row = await session.get(ProfileRow, user_id)
    if row is None:
        raise not_found("The profile")
    return row


async def visibility_row(session: AsyncSession, user_id: int) -> VisibilityRow:
    row = await session.get(VisibilityRow, user_id)
    if row is None:
        row = VisibilityRow(user_id=user_id, resume="locked")
        session.add(row)
    return row


def stored_visibility(row: VisibilityRow) -> Visibility:
    return Visibility(
        resume="searchable" if row.resume == "searchable" else "locked",
        searchable_until=row.searchable_until,
        show_past_companies=row.show_past_companies,
        show_age=row.show_age,
        show_gender=row.show_gender,
        show_nationality=row.show_nationality,
    )


def effective_visibility(row: VisibilityRow, today: dt.date) -> Visibility:
    """What is in force today: a searchable period that has ended reads as locked."""
    visibility = stored_visibility(row)
    if visibility.searchable_until is not None and visibility.searchable_until < today:
        return visibility.model_copy(update={"resume": "locked"})
    return visibility


def apply_visibility(row: VisibilityRow, visibility: Visibility, today: dt.date) -> None:
    if visibility.searchable_until is not None and visibility.searchable_until < today:
        raise invalid("searchable_until", "is in the past; choose today or a later day")
    row.resume = visibility.resume
    row.searchable_until = visibility.searchable_until
    row.show_past_companies = visibility.show_past_companies
    row.show_age = visibility.show_age
    row.show_gender = visibility.show_gender
    row.show_nationality = visibility.show_nationality


async def refresh_resume_document(
    session: AsyncSession, platform: Platform, user_id: int, profile: Profile, row: VisibilityRow
) -> None:
    """Keep the search text in step with the profile and the resume switch.

    Only the masked search view is indexed, never the profile itself: indexing
    identity values would let an employer find a person by typing their name. A
    locked resume has no text in the bank at all.
    """
    existing = await session.get(ResumeDocument, user_id)
    if row.resume != "searchable":
        if existing is not None:
            await session.delete(existing)
        return
    view = employer_view(
        profile, stored_visibility(row), "search", INDEX_REF, today=platform.settings.today()
    )
    body = searchable_text(view)
    hit = bank_hit(view).model_dump(mode="json", exclude={"candidate_ref"})
    now = platform.settings.now()
    if existing is None:
        session.add(ResumeDocument(candidate_id=user_id, body=body, hit=hit, updated_at=now))
    else:
        existing.body = body
        existing.hit = hit
        existing.updated_at = now


def bank_hit(view: EmployerView) -> ResumeBankHit:
    """One line of a resume-bank result page, cut from the masked view."""
    return ResumeBankHit(
        candidate_ref=view.candidate_ref,
        headline=view.headline,
        skills=view.skills,
        japanese=view.japanese,
        visa_status=view.visa_status,
        region=view.location.region,
    )


def eligible_for(employer_normalized_name: str, today: dt.date) -> Eligibility:
    """Searchable, not past its end date, and not blocking this employer: checked on
    every query, so a switch or an end date takes effect at once, with no timer."""

    def condition(candidate_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
        searchable = exists().where(
            VisibilityRow.user_id == candidate_id,
            VisibilityRow.resume == "searchable",
            or_(
                VisibilityRow.searchable_until.is_(None),
                VisibilityRow.searchable_until >= today,
            ),
        )
        blocking = exists().where(
            BlockedCompanyRow.user_id == candidate_id,
            BlockedCompanyRow.normalized_name == employer_normalized_name,
            BlockedCompanyRow.dismissed.is_(False),
        )
        return and_(searchable, ~blocking)

    return condition


async def block_current_company(session: AsyncSession, user_id: int, company: str | None) -> None:
    """The company a candidate works for now never finds them, unless they say so."""
    normalized = normalize_company(company or "")
    if not normalized:
        return
    row = await session.get(BlockedCompanyRow, (user_id, normalized))
    if row is None:
        session.add(
            BlockedCompanyRow(
                user_id=user_id,
                normalized_name=normalized,
                name=company or normalized,
                automatic=True,
                dismissed=False,
            )
        )
    elif not row.dismissed:
        row.automatic = True


async def blocked_companies(session: AsyncSession, user_id: int) -> BlockedCompanyList:
    rows = await session.scalars(
        select(BlockedCompanyRow)
        .where(BlockedCompanyRow.user_id == user_id, BlockedCompanyRow.dismissed.is_(False))
        .order_by(BlockedCompanyRow.name)
    )
    return BlockedCompanyList(
        companies=[BlockedCompany(name=row.name, automatic=row.automatic) for row in rows]
    )


async def replace_blocked_companies(session: AsyncSession, user_id: int, names: list[str]) -> None:
    """Make the list exactly `names`; an automatic block left out is remembered as
    dismissed so that the next profile save does not silently bring it back."""
    wanted: dict[str, str] = {}
    for index, name in enumerate(names):
        normalized = normalize_company(name)
        if not normalized:
            raise invalid(f"companies.{index}", "has no company name besides a legal form")
        wanted.setdefault(normalized, name)
    rows = {
        row.normalized_name: row
        for row in await session.scalars(
            select(BlockedCompanyRow).where(BlockedCompanyRow.user_id == user_id)
        )
    }
    for normalized, row in rows.items():
        if normalized in wanted:
            row.dismissed = False
            if not row.automatic:
                row.name = wanted[normalized]
        elif row.automatic:
            row.dismissed = True
        else:
            await session.execute(
                delete(BlockedCompanyRow).where(
                    BlockedCompanyRow.user_id == user_id,
                    BlockedCompanyRow.normalized_name == normalized,
                )
            )
    for normalized, name in wanted.items():
        if normalized not in rows:
            session.add(
                BlockedCompanyRow(
                    user_id=user_id, normalized_name=normalized, name=name, automatic=False
                )
            )
