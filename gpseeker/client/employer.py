"""EmployerClient: the employer's side, used by `gpseeker employer` and the tests."""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import quote

from gpseeker.client.base import ApiClient, build
from gpseeker.models import EmployerView, ResumeBankPage, Role, SignupRequest


class EmployerClient(ApiClient):
    ROLE: ClassVar[Role] = "employer"

    @classmethod
    async def signup(
        cls, base_url: str, email: str, password: str, company_name: str, **options: Any
    ) -> EmployerClient:
        body = build(
            SignupRequest,
            email=email,
            password=password,
            role="employer",
            company_name=company_name,
        )
        return await cls._open_session(base_url, "/auth/signup", body, **options)

    async def search_resumes(
        self, q: str, cursor: str | None = None, limit: int = 20
    ) -> ResumeBankPage:
        """Searchable candidates matching keywords, as masked hits under references."""
        params: dict[str, Any] = {"q": q, "limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        return await self._get("/employer/resume-bank", ResumeBankPage, params)

    async def view_candidate(self, candidate_ref: str) -> EmployerView:
        """The masked view of one candidate (404 if locked, blocked or unknown)."""
        return await self._get(
            f"/employer/resume-bank/{quote(candidate_ref, safe='')}", EmployerView
        )
