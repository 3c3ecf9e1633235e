"""The candidate side of the resume bank: profile storage, visibility, blocks, and
which candidates an employer may find at all."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, delete, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import (
    BlockedCompany,
    BlockedCompanyList,
    BlockEntry,
    EmployerView,
    Profile,
    ResumeBankHit,
    Visibility,
)
from gpseeker.core.privacy import (
    company_key,
    company_keys,
    current_companies,
    employer_view,
    searchable_text,
)
from gpseeker.server import masking, organisation_views
from gpseeker.server.db import insert_ignoring_duplicates
from gpseeker.server.errors import invalid, not_found
from gpseeker.server.platform import Platform
from gpseeker.server.search import Eligibility
from gpseeker.server.security import candidate_ref, new_ref_secret
from gpseeker.server.tables import (
    BlockedCompanyKey,
    BlockedCompanyRow,
    CandidateRef,
    OrganisationRow,
    ProfileRow,
    ResumeDocument,
    User,
    VisibilityRow,
)

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
    platform.masked_views.forget(user_id)
    existing = await session.get(ResumeDocument, user_id)
    if row.resume != "searchable":
        if existing is not None:
            await session.delete(existing)
        return
    view = await masking.masked(
        platform,
        functools.partial(
            employer_view,
            profile,
            stored_visibility(row),
            "search",
            INDEX_REF,
            today=platform.settings.today(),
        ),
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


def eligible_for(
    organisation_id: int, organisation_keys: Sequence[str], today: dt.date
) -> Eligibility:
    """Searchable, not past its end date, and not blocking this organisation: checked
    on every query, so a switch, an end date or a block takes effect at once.

    A block holds when the candidate picked this organisation (or one merged into
    it), or typed a name one of whose spellings is a spelling of one of its names
    (`organisation_keys`, its `match_keys`). Every account of the organisation asks
    with the same two values, so every account sees the same resume bank.
    """

    def condition(candidate_id: SQLColumnExpression[int]) -> ColumnElement[bool]:
        searchable = exists().where(
            VisibilityRow.user_id == candidate_id,
            VisibilityRow.resume == "searchable",
            or_(
                VisibilityRow.searchable_until.is_(None),
                VisibilityRow.searchable_until >= today,
            ),
        )
        picked = exists().where(
            BlockedCompanyRow.organisation_id == organisation_id,
            BlockedCompanyRow.user_id == candidate_id,
            BlockedCompanyRow.dismissed.is_(False),
        )
        conditions = [searchable, ~picked]
        if organisation_keys:
            named = exists().where(
                BlockedCompanyKey.key.in_(list(organisation_keys)),
                BlockedCompanyKey.user_id == candidate_id,
            )
            conditions.append(~named)
        return and_(*conditions)

    return condition


async def issue_ref(
    session: AsyncSession, platform: Platform, organisation_id: int, candidate_id: int
) -> str:
    """This organisation's reference for the candidate, recorded so that opening it
    later is a key lookup."""
    user = await session.get(User, candidate_id)
    if user is None:
        raise not_found("That candidate")
    ref = candidate_ref(platform.secret, organisation_id, await ref_secret_of(session, user))
    await session.execute(
        insert_ignoring_duplicates(
            CandidateRef.__table__,  # type: ignore[arg-type]
            platform.engine.dialect.name,
        ).values(organisation_id=organisation_id, ref=ref, candidate_id=candidate_id)
    )
    return ref


async def ref_secret_of(session: AsyncSession, user: User) -> str:
    if user.ref_secret is None:
        user.ref_secret = new_ref_secret()
        await session.flush()
    return user.ref_secret


# --- blocks ---------------------------------------------------------------------------


def _ident(entry: BlockEntry) -> str:
    if entry.organisation_id is not None:
        return f"org:{entry.organisation_id}"
    return f"name:{company_key(entry.name)}"


async def block_current_companies(session: AsyncSession, user_id: int, profile: Profile) -> None:
    """The companies a candidate works for now never find them, unless they say so:
    the identity's current company and every experience entry with no end date."""
    for company in current_companies(profile):
        entry = BlockEntry(name=company)
        ident = _ident(entry)
        row = await session.scalar(
            select(BlockedCompanyRow).where(
                BlockedCompanyRow.user_id == user_id, BlockedCompanyRow.ident == ident
            )
        )
        if row is None:
            session.add(
                BlockedCompanyRow(
                    user_id=user_id, ident=ident, name=company, automatic=True, dismissed=False
                )
            )
        elif not row.dismissed:
            row.automatic = True
    await session.flush()
    await _rewrite_keys(session, user_id)


async def blocked_companies(session: AsyncSession, user_id: int) -> BlockedCompanyList:
    rows = list(
        await session.scalars(
            select(BlockedCompanyRow)
            .where(BlockedCompanyRow.user_id == user_id, BlockedCompanyRow.dismissed.is_(False))
            .order_by(BlockedCompanyRow.name, BlockedCompanyRow.id)
        )
    )
    companies: list[BlockedCompany] = []
    for row in rows:
        organisation = (
            await session.get(OrganisationRow, row.organisation_id)
            if row.organisation_id is not None
            else None
        )
        held = await organisation_views.verified_matching(session, sorted(company_keys(row.name)))
        if organisation is not None and organisation.status == "verified":
            held = [organisation, *(item for item in held if item.id != organisation.id)]
        companies.append(
            BlockedCompany(
                name=row.name,
                automatic=row.automatic,
                organisation_id=row.organisation_id,
                organisation_name=organisation.legal_name if organisation is not None else None,
                matches=[item.legal_name for item in held],
            )
        )
    return BlockedCompanyList(companies=companies)


async def replace_blocked_companies(
    session: AsyncSession, user_id: int, entries: list[BlockEntry]
) -> None:
    """Make the list exactly `entries`; an automatic block left out is remembered as
    dismissed so that the next profile save does not silently bring it back."""
    wanted: dict[str, BlockEntry] = {}
    for index, entry in enumerate(entries):
        if entry.organisation_id is not None:
            organisation = await session.get(OrganisationRow, entry.organisation_id)
            if organisation is None or organisation.status not in ("verified", "suspended"):
                raise invalid(
                    f"companies.{index}.organisation_id",
                    "is not a verified organisation; pick one the platform offered",
                )
        elif not company_key(entry.name):
            raise invalid(f"companies.{index}", "has no company name besides a legal form")
        wanted.setdefault(_ident(entry), entry)
    rows = {
        row.ident: row
        for row in await session.scalars(
            select(BlockedCompanyRow).where(BlockedCompanyRow.user_id == user_id)
        )
    }
    for ident, row in rows.items():
        if ident in wanted:
            row.dismissed = False
            if not row.automatic:
                row.name = wanted[ident].name
        elif row.automatic:
            row.dismissed = True
        else:
            await session.delete(row)
    for ident, entry in wanted.items():
        if ident not in rows:
            session.add(
                BlockedCompanyRow(
                    user_id=user_id,
                    ident=ident,
                    organisation_id=entry.organisation_id,
                    name=entry.name,
                    automatic=False,
                    dismissed=False,
                )
            )
    await session.flush()
    await _rewrite_keys(session, user_id)


async def _rewrite_keys(session: AsyncSession, user_id: int) -> None:
    """The spellings of every block in force, which typed-name matching reads."""
    await session.execute(delete(BlockedCompanyKey).where(BlockedCompanyKey.user_id == user_id))
    rows = await session.scalars(
        select(BlockedCompanyRow).where(
            BlockedCompanyRow.user_id == user_id, BlockedCompanyRow.dismissed.is_(False)
        )
    )
    for row in rows:
        for key in company_keys(row.name):
            session.add(BlockedCompanyKey(block_id=row.id, key=key, user_id=user_id))
    await session.flush()
