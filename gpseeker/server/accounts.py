"""Creating accounts and signing in: shared by the auth routes, sign-ups (`signups`),
the operator command and the demo seeding."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import Identity, Profile, Role
from gpseeker.core.privacy import normalize_company
from gpseeker.server import organisations
from gpseeker.server.errors import ApiError
from gpseeker.server.platform import Platform
from gpseeker.server.security import new_ref_secret, new_token, token_digest
from gpseeker.server.tables import (
    Employer,
    OrganisationRow,
    ProfileRow,
    Token,
    User,
    VisibilityRow,
)


def email_taken() -> ApiError:
    return ApiError(409, "email_taken", "An account with this e-mail address exists already.")


def normalize_email(email: str) -> str:
    return email.strip().lower()


@dataclass(frozen=True)
class NewAccount:
    email: str
    role: Role
    display_name: str
    password_hash: str
    company_name: str | None = None
    about: str = ""


async def create_account(session: AsyncSession, platform: Platform, account: NewAccount) -> User:
    """Add a user with what its role starts with: a locked profile, or a company.

    The caller commits; a duplicate e-mail raises `ApiError` 409 (also when another
    request won the race to the same address).
    """
    now = platform.settings.now()
    if await session.scalar(select(User.id).where(User.email == account.email)) is not None:
        raise email_taken()
    user = User(
        email=account.email,
        password_hash=account.password_hash,
        role=account.role,
        display_name=account.display_name,
        created_at=now,
        ref_secret=new_ref_secret() if account.role == "seeker" else None,
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as error:
        raise email_taken() from error
    if account.role == "employer":
        typed = account.company_name or account.display_name
        organisation, role = await organisations.place_new_employer(
            session, now, account.email, typed
        )
        session.add(
            Employer(
                user_id=user.id,
                organisation_id=organisation.id,
                org_role=role,
                approved=False,
                company_name=organisation.legal_name,
                typed_company_name=typed,
                normalized_name=normalize_company(organisation.legal_name),
                about=account.about,
                created_at=now,
            )
        )
    elif account.role == "seeker":
        profile = Profile(identity=Identity(full_name=account.display_name, email=account.email))
        session.add(
            ProfileRow(
                user_id=user.id, data=profile.model_dump(mode="json"), version=1, updated_at=now
            )
        )
        # A new resume is locked: being findable is something the candidate turns on.
        session.add(VisibilityRow(user_id=user.id, resume="locked"))
    await session.flush()
    return user


async def issue_token(session: AsyncSession, platform: Platform, user: User) -> str:
    token = new_token()
    session.add(
        Token(token_hash=token_digest(token), user_id=user.id, created_at=platform.settings.now())
    )
    await session.flush()
    return token


async def user_for_token(session: AsyncSession, token: str) -> User | None:
    return await session.scalar(
        select(User)
        .join(Token, Token.user_id == User.id)
        .where(Token.token_hash == token_digest(token))
    )


async def employer_for_token(
    session: AsyncSession, token: str
) -> tuple[User, Employer | None, OrganisationRow | None] | None:
    """The token's user with its employer row and organisation, None for an unknown
    token: an employer request's sign-in in one round trip instead of two. Outer
    joins, so that the caller can tell an unknown token (401) from a token of
    another role or an employer without its row (403)."""
    found = (
        await session.execute(
            select(User, Employer, OrganisationRow)
            .join(Token, Token.user_id == User.id)
            .outerjoin(Employer, Employer.user_id == User.id)
            .outerjoin(OrganisationRow, OrganisationRow.id == Employer.organisation_id)
            .where(Token.token_hash == token_digest(token))
        )
    ).first()
    if found is None:
        return None
    user, employer, organisation = found
    return user, employer, organisation


async def revoke_token(session: AsyncSession, token: str) -> None:
    await session.execute(delete(Token).where(Token.token_hash == token_digest(token)))
