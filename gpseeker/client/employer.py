"""EmployerClient: the employer's side, used by `gpseeker employer` and the tests."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar
from urllib.parse import quote

from gpseeker.client.base import ApiClient, build
from gpseeker.core.models import (
    ApplicationStatusUpdate,
    EmployerApplication,
    EmployerEraseRequest,
    EmployerOrganisation,
    EmployerView,
    EraseAnswer,
    InvitationRequest,
    Job,
    JobDraft,
    JobPatch,
    RelayedMessage,
    ResumeBankPage,
    Role,
    SentInvitation,
    SignupRequest,
    SignupStarted,
)


class EmployerClient(ApiClient):
    ROLE: ClassVar[Role] = "employer"

    @classmethod
    async def signup(
        cls, base_url: str, email: str, password: str, company_name: str, **options: Any
    ) -> EmployerClient:
        """Create an employer account and sign in, on a platform that mails no code;
        `CodeRequired` on one that does (then `confirm_signup` with the code)."""
        body = build(
            SignupRequest,
            email=email,
            password=password,
            role="employer",
            company_name=company_name,
        )
        return await cls._signup(base_url, body, **options)

    @classmethod
    async def request_signup(
        cls, base_url: str, email: str, password: str, company_name: str, **options: Any
    ) -> SignupStarted:
        """Ask for an employer account; see `start_signup` for what the answer says."""
        body = build(
            SignupRequest,
            email=email,
            password=password,
            role="employer",
            company_name=company_name,
        )
        return await cls.start_signup(base_url, body, **options)

    # --- the organisation -------------------------------------------------------------

    async def organisation(self) -> EmployerOrganisation:
        """This account's organisation, its status and, in `message`, what the account
        may do now; an admin also gets every account of the organisation."""
        return await self._get("/employer/organisation", EmployerOrganisation)

    async def approve_member(self, account_id: int) -> EmployerOrganisation:
        """Approve a pending account of this organisation (admins only: ForbiddenError
        for anyone else)."""
        return await self._send(
            "POST",
            f"/employer/organisation/members/{int(account_id)}/approve",
            EmployerOrganisation,
            idempotent=True,
        )

    # --- the resume bank --------------------------------------------------------------

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

    # --- jobs -------------------------------------------------------------------------

    async def post_job(self, draft: JobDraft) -> Job:
        """Publish a job; it is open and searchable at once."""
        return await self._send("POST", "/employer/jobs", Job, body=draft, idempotent=True)

    async def edit_job(self, job_id: int, patch: JobPatch) -> Job:
        """Change one of this employer's jobs (`status="closed"` closes it).

        Only the fields set on `patch` are sent: `JobPatch(closes_at=None)` removes the
        closing day, a field never set stays as it is."""
        return await self._send(
            "PATCH", f"/employer/jobs/{int(job_id)}", Job, body=patch, partial=True
        )

    async def my_jobs(self) -> list[Job]:
        """This employer's jobs, open and closed, newest first."""
        return await self._get("/employer/jobs", list[Job])

    # --- applications -----------------------------------------------------------------

    async def applications(self, job_id: int | None = None) -> list[EmployerApplication]:
        """Applications to this employer's jobs (to one job if `job_id`), newest first.

        Each carries the candidate's application view as it was when they applied.
        Listing marks new ("submitted") applications as "viewed" for the candidate.
        """
        params = None if job_id is None else {"job_id": int(job_id)}
        return await self._get("/employer/applications", list[EmployerApplication], params)

    async def set_application_status(
        self, application_id: int, update: ApplicationStatusUpdate
    ) -> EmployerApplication:
        """Move an application on (shortlisted, interview, offer, rejected); the
        candidate sees it in their timeline. A withdrawn application cannot change."""
        return await self._send(
            "PATCH",
            f"/employer/applications/{int(application_id)}",
            EmployerApplication,
            body=update,
        )

    # --- invitations ------------------------------------------------------------------

    async def invite(
        self, candidate_ref: str, request: InvitationRequest, *, idempotency_key: str | None = None
    ) -> SentInvitation:
        """Send an invitation to a candidate found in the resume bank, through the relay.

        Raises NotFoundError for any candidate this employer may not reach (locked,
        blocking it, unknown or another employer's reference: all look the same),
        ValidationFailed on `job_id` unless it is one of this employer's open jobs,
        and RateLimited (code `rate_limited`, `retry_after` seconds) once the daily
        cap is reached. Keep `idempotency_key` while the user may retry."""
        key = idempotency_key or str(uuid.uuid4())
        return await self._send(
            "POST",
            f"/employer/candidates/{quote(candidate_ref, safe='')}/invitations",
            SentInvitation,
            body=request,
            headers={"Idempotency-Key": key},
            idempotent=True,
        )

    async def sent_invitations(self) -> list[SentInvitation]:
        """This employer's invitations, newest first, with their state."""
        return await self._get("/employer/invitations", list[SentInvitation])

    async def messages(self) -> list[RelayedMessage]:
        """Candidates' replies and declines to this employer's invitations, newest first."""
        return await self._get("/employer/messages", list[RelayedMessage])

    # --- erasure requests -------------------------------------------------------------

    async def erase_requests(self) -> list[EmployerEraseRequest]:
        """Candidates' requests to erase applications they sent us, pending first."""
        return await self._get("/employer/erase-requests", list[EmployerEraseRequest])

    async def answer_erase_request(
        self, request_id: int, answer: EraseAnswer
    ) -> EmployerEraseRequest:
        """Answer done (the application is then gone from our side of the platform too)
        or refused with a reason the candidate reads. Answering twice is a conflict."""
        return await self._send(
            "POST",
            f"/employer/erase-requests/{int(request_id)}/answer",
            EmployerEraseRequest,
            body=answer,
            idempotent=True,
        )
