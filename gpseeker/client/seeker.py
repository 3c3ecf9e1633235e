"""PlatformClient: everything a job seeker does, one typed method per endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from gpseeker.client.base import ApiClient, build
from gpseeker.config import TokenStore
from gpseeker.models import (
    BlockedCompanies,
    BlockedCompanyList,
    DisclosureEvent,
    EmployerPreview,
    Profile,
    ProfileEnvelope,
    ProfileViewEvent,
    Role,
    SignupRequest,
    ViewContext,
    Visibility,
)


class PlatformClient(ApiClient):
    """The candidate's side of the platform."""

    ROLE: ClassVar[Role] = "seeker"

    @classmethod
    async def signup(
        cls, base_url: str, email: str, password: str, full_name: str, **options: Any
    ) -> PlatformClient:
        """Create a seeker account (its profile starts with `full_name`) and sign in."""
        body = build(
            SignupRequest, email=email, password=password, role="seeker", full_name=full_name
        )
        return await cls._open_session(base_url, "/auth/signup", body, **options)

    @classmethod
    async def embedded(
        cls,
        home: Path,
        *,
        tokens: TokenStore | None = None,
        server_settings: Any = None,
    ) -> PlatformClient:
        """The local demo platform in this process, signed in as its local account.

        Imports the server (FastAPI, SQLAlchemy: ~400 ms) only now, so a caller that
        paints a screen first never waits for it.
        """
        from gpseeker.client.embedded import open_embedded

        return await open_embedded(
            cls, home, tokens=tokens or TokenStore.default(), server_settings=server_settings
        )

    # --- profile ----------------------------------------------------------------------

    async def get_profile(self) -> ProfileEnvelope:
        return await self._get("/me/profile", ProfileEnvelope)

    async def put_profile(self, profile: Profile, etag: str) -> ProfileEnvelope:
        """Save the whole profile if nobody saved since `etag` (else PreconditionFailed)."""
        return await self._send(
            "PUT", "/me/profile", ProfileEnvelope, body=profile, headers={"If-Match": etag}
        )

    # --- privacy ----------------------------------------------------------------------

    async def get_visibility(self) -> Visibility:
        return await self._get("/me/visibility", Visibility)

    async def set_visibility(self, visibility: Visibility) -> Visibility:
        return await self._send("PUT", "/me/visibility", Visibility, body=visibility)

    async def employer_view(self, context: ViewContext = "search") -> EmployerPreview:
        """Exactly what an employer receives in `context`, and what was hidden why."""
        return await self._get("/me/employer-view", EmployerPreview, {"context": context})

    async def blocked_companies(self) -> BlockedCompanyList:
        return await self._get("/me/blocked-companies", BlockedCompanyList)

    async def set_blocked_companies(self, names: list[str]) -> BlockedCompanyList:
        body = build(BlockedCompanies, companies=names)
        return await self._send("PUT", "/me/blocked-companies", BlockedCompanyList, body=body)

    async def profile_views(self) -> list[ProfileViewEvent]:
        return await self._get("/me/profile-views", list[ProfileViewEvent])

    async def disclosures(self) -> list[DisclosureEvent]:
        return await self._get("/me/disclosures", list[DisclosureEvent])
