"""PlatformClient: everything a job seeker does, one typed method per endpoint."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, ClassVar

from gpseeker.client.base import ApiClient, build
from gpseeker.core.models import (
    AccountDeletion,
    Application,
    ApplicationRequest,
    BlockedCompanies,
    BlockedCompanyList,
    BlockEntry,
    DataExport,
    DeclineRequest,
    DeletionReceipt,
    DisclosureEvent,
    EmployerPreview,
    EraseRequest,
    Invitation,
    Job,
    JobPage,
    JobQuery,
    OrganisationMatch,
    PrivacyPolicy,
    Profile,
    ProfileEnvelope,
    ProfileViewEvent,
    ReplyRequest,
    ReportRequest,
    Role,
    SavedSearch,
    SavedSearchRequest,
    SignupRequest,
    SignupStarted,
    Subscriptions,
    SubscriptionsUpdate,
    UnreadCount,
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
        """Create a seeker account (its profile starts with `full_name`) and sign in, on
        a platform that mails no code; `CodeRequired` on one that does (then
        `confirm_signup` with the code finishes it)."""
        body = build(
            SignupRequest, email=email, password=password, role="seeker", full_name=full_name
        )
        return await cls._signup(base_url, body, **options)

    @classmethod
    async def request_signup(
        cls, base_url: str, email: str, password: str, full_name: str, **options: Any
    ) -> SignupStarted:
        """Ask for a seeker account; see `start_signup` for what the answer says."""
        body = build(
            SignupRequest, email=email, password=password, role="seeker", full_name=full_name
        )
        return await cls.start_signup(base_url, body, **options)

    # --- profile ----------------------------------------------------------------------

    async def get_profile(self) -> ProfileEnvelope:
        return await self._get("/me/profile", ProfileEnvelope)

    async def put_profile(
        self, profile: Profile, etag: str, *, idempotency_key: str | None = None
    ) -> ProfileEnvelope:
        """Save the whole profile if nobody saved since `etag` (else PreconditionFailed).

        Keyed, so a retry whose first try was saved gets that save's answer, not a 412
        from its own new version. A caller that may send the same save again later
        (the editor, after a timeout) passes its own key for it.
        """
        headers = {"If-Match": etag}
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        return await self._send(
            "PUT", "/me/profile", ProfileEnvelope, body=profile, headers=headers, idempotent=True
        )

    # --- privacy ----------------------------------------------------------------------

    async def get_visibility(self) -> Visibility:
        return await self._get("/me/visibility", Visibility)

    async def set_visibility(self, visibility: Visibility) -> Visibility:
        """Lock the resume or make it searchable. Keyed, so that a retry whose first try
        had landed cannot undo a switch made on another device in between."""
        return await self._send(
            "PUT", "/me/visibility", Visibility, body=visibility, idempotent=True
        )

    async def employer_view(self, context: ViewContext = "search") -> EmployerPreview:
        """Exactly what an employer receives in `context`, and what was hidden why."""
        return await self._get("/me/employer-view", EmployerPreview, {"context": context})

    async def blocked_companies(self) -> BlockedCompanyList:
        return await self._get("/me/blocked-companies", BlockedCompanyList)

    async def set_blocked_companies(
        self, companies: Sequence[BlockEntry | str]
    ) -> BlockedCompanyList:
        """Make the block list exactly `companies`: a BlockEntry with `organisation_id`
        blocks that verified organisation under all its names; a plain name (a str, or
        a BlockEntry without one) blocks every verified organisation whose names match
        it, now and later. An automatic block left out is dismissed."""
        body = build(BlockedCompanies, companies=list(companies))
        return await self._send("PUT", "/me/blocked-companies", BlockedCompanyList, body=body)

    async def blockable_organisations(self, q: str) -> list[OrganisationMatch]:
        """The verified organisations whose legal or other names match `q` (case,
        spacing, punctuation, invisible characters and corporate suffixes ignored)."""
        return await self._get("/me/blockable-organisations", list[OrganisationMatch], {"q": q})

    async def profile_views(self) -> list[ProfileViewEvent]:
        return await self._get("/me/profile-views", list[ProfileViewEvent])

    async def disclosures(self) -> list[DisclosureEvent]:
        return await self._get("/me/disclosures", list[DisclosureEvent])

    # --- jobs -------------------------------------------------------------------------

    async def search_jobs(
        self, query: JobQuery, *, cursor: str | None = None, limit: int = 20
    ) -> JobPage:
        """One page of open jobs matching `query`; pass `next_cursor` for the next page.

        Each job carries `saved` and `applied` for this candidate. A cursor belongs to
        the query it came from: send it back with the same query.
        """
        params = job_query_params(query)
        params["limit"] = limit
        if cursor is not None:
            params["cursor"] = cursor
        return await self._get("/jobs", JobPage, params)

    async def get_job(self, job_id: int) -> Job:
        """One job, also when closed or expired (its `status` and `closes_at` say so)."""
        return await self._get(f"/jobs/{int(job_id)}", Job)

    async def saved_jobs(self) -> list[Job]:
        """The jobs this candidate saved, most recently saved first."""
        return await self._get("/me/saved-jobs", list[Job])

    async def save_job(self, job_id: int) -> None:
        """Save a job (saving it again changes nothing)."""
        await self._send("PUT", f"/me/saved-jobs/{int(job_id)}", None)

    async def unsave_job(self, job_id: int) -> None:
        """Forget a saved job (unsaving one that is not saved changes nothing)."""
        await self._send("DELETE", f"/me/saved-jobs/{int(job_id)}", None)

    async def saved_searches(self) -> list[SavedSearch]:
        """The saved searches (they feed JobMail), newest first."""
        return await self._get("/me/saved-searches", list[SavedSearch])

    async def save_search(self, name: str, query: JobQuery) -> SavedSearch:
        body = build(SavedSearchRequest, name=name, query=query)
        return await self._send(
            "POST", "/me/saved-searches", SavedSearch, body=body, idempotent=True
        )

    async def delete_saved_search(self, search_id: int) -> None:
        await self._send("DELETE", f"/me/saved-searches/{int(search_id)}", None)

    # --- applications -----------------------------------------------------------------

    async def apply(
        self, job_id: int, request: ApplicationRequest, *, idempotency_key: str | None = None
    ) -> Application:
        """Apply to a job, disclosing name, e-mail and the fields in `request.disclose`.

        Keep `idempotency_key` for as long as the user may retry the same application
        (the apply dialog keeps one per open dialog): sending it again replays the
        first answer instead of applying twice. Raises ConflictError with code
        `job_closed` (closed or past its closing day) or `already_applied`, and
        ValidationFailed with code `idempotency_key_reused` if the key was used
        for a different application.
        """
        key = idempotency_key or str(uuid.uuid4())
        return await self._send(
            "POST",
            f"/jobs/{int(job_id)}/applications",
            Application,
            body=request,
            headers={"Idempotency-Key": key},
            idempotent=True,
        )

    async def applications(self) -> list[Application]:
        """This candidate's applications with their status timelines, newest first."""
        return await self._get("/me/applications", list[Application])

    async def withdraw(self, application_id: int) -> Application:
        """Withdraw an application; the answer shows `withdrawn` at the end of the
        timeline. Withdrawing one already withdrawn returns it unchanged."""
        return await self._send("DELETE", f"/me/applications/{int(application_id)}", Application)

    # --- invitations ------------------------------------------------------------------

    async def invitations(self, *, unread_only: bool = False) -> list[Invitation]:
        """Invitations relayed to this candidate: unread first, then newest first.

        Each carries `warnings` from the platform's scam triage."""
        params = {"unread": "true"} if unread_only else None
        return await self._get("/me/invitations", list[Invitation], params)

    async def invitation(self, invitation_id: int) -> Invitation:
        """One invitation (reading it does not mark it read: see `mark_read`)."""
        return await self._get(f"/me/invitations/{int(invitation_id)}", Invitation)

    async def mark_read(self, invitation_id: int) -> Invitation:
        """Mark an invitation read (marking it again changes nothing)."""
        return await self._send("POST", f"/me/invitations/{int(invitation_id)}/read", Invitation)

    async def reply(
        self, invitation_id: int, request: ReplyRequest, *, idempotency_key: str | None = None
    ) -> Invitation:
        """Answer an invitation through the relay; the employer sees only the text
        (and the e-mail address or phone number if `share_email` / `share_phone`:
        each shared value is logged as a disclosure). The platform hides the
        candidate's own identity values that were not shared, should they appear in
        the text. Raises ConflictError with code `already_answered` when the
        invitation was already replied to or declined. Keep `idempotency_key` while
        the user may retry the same reply."""
        return await self._answer(invitation_id, "reply", request, idempotency_key)

    async def decline(
        self, invitation_id: int, request: DeclineRequest, *, idempotency_key: str | None = None
    ) -> Invitation:
        """Decline an invitation; the employer sees "declined" and the reason, if any.
        Raises ConflictError with code `already_answered` like `reply`."""
        return await self._answer(invitation_id, "decline", request, idempotency_key)

    async def _answer(
        self,
        invitation_id: int,
        action: str,
        request: ReplyRequest | DeclineRequest,
        idempotency_key: str | None,
    ) -> Invitation:
        key = idempotency_key or str(uuid.uuid4())
        return await self._send(
            "POST",
            f"/me/invitations/{int(invitation_id)}/{action}",
            Invitation,
            body=request,
            headers={"Idempotency-Key": key},
            idempotent=True,
        )

    async def report_invitation(self, invitation_id: int, reason: str) -> Invitation:
        """Report an invitation to the platform's operator (a scam, abuse, a sender
        posing as someone else); the answer carries the report and its state. Raises
        ConflictError with code `already_reported` if it was reported before."""
        body = build(ReportRequest, reason=reason)
        return await self._send(
            "POST",
            f"/me/invitations/{int(invitation_id)}/report",
            Invitation,
            body=body,
            idempotent=True,
        )

    async def unread_count(self) -> int:
        """How many invitations are unread (cheap: for polling a header count)."""
        return (await self._get("/me/invitations/unread-count", UnreadCount)).unread

    # --- your data --------------------------------------------------------------------

    async def request_erasure(self, application_id: int) -> EraseRequest:
        """Ask the employer that received this application to erase it, through the
        relay. An application still active is withdrawn first (an employer cannot go
        on considering what it erased). Asking again returns the request already made.
        """
        return await self._send(
            "POST", f"/me/applications/{int(application_id)}/erase-request", EraseRequest
        )

    async def erase_requests(self) -> list[EraseRequest]:
        """Every erasure request with its state (pending, done, refused), newest first."""
        return await self._get("/me/erase-requests", list[EraseRequest])

    async def export(self) -> DataExport:
        """Everything the platform holds about this candidate, as one document."""
        return await self._get("/me/export", DataExport)

    async def delete_account(self, confirm_email: str) -> DeletionReceipt:
        """Erase the account for good. `confirm_email` must be the account's address
        (else ValidationFailed on field `confirm_email`); afterwards this client's
        token no longer works."""
        body = build(AccountDeletion, confirm_email=confirm_email)
        receipt = await self._send("DELETE", "/me", DeletionReceipt, body=body)
        self._token = None
        return receipt

    async def subscriptions(self) -> Subscriptions:
        """JobMail and newsletters: subscribed or not, and when and how consent was given."""
        return await self._get("/me/subscriptions", Subscriptions)

    async def set_subscriptions(self, update: SubscriptionsUpdate) -> Subscriptions:
        """Change only the lists named in `update`; `update.via` is recorded as the way
        the candidate gave consent."""
        return await self._send("PUT", "/me/subscriptions", Subscriptions, body=update)

    async def policy(self) -> PrivacyPolicy:
        """The platform's privacy policy, its version, and whom to ask (no sign-in)."""
        return await self._get("/policy", PrivacyPolicy)


def job_query_params(query: JobQuery) -> dict[str, Any]:
    """A JobQuery as query parameters: defaults left out, lists repeated."""
    return query.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
