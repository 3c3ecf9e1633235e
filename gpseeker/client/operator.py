"""OperatorClient: the platform operator's side, used by `gpseeker operator` and the tests.

The operator checks employer organisations (verifies them under their legal name, the
other names they go by and their e-mail domains), merges duplicates, suspends abusers,
approves accounts and works through the candidates' reports. Operator accounts are
never created by a signup: `gpseeker operator add` writes the first one to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from gpseeker.client.base import ApiClient, build
from gpseeker.core.models import (
    OperatorReport,
    Organisation,
    OrganisationMerge,
    OrganisationStatus,
    OrganisationSuspend,
    OrganisationVerify,
    ReportDecision,
    ReportState,
    Role,
)


class OperatorClient(ApiClient):
    ROLE: ClassVar[Role] = "operator"

    # --- organisations ----------------------------------------------------------------

    async def organisations(self, status: OrganisationStatus | None = None) -> list[Organisation]:
        """Every organisation (only those in `status` if given), as the operator sees them:
        names, domains, accounts and the organisations with a similar name."""
        params: dict[str, Any] | None = None if status is None else {"status": status}
        return await self._get("/operator/organisations", list[Organisation], params)

    async def organisation(self, organisation_id: int) -> Organisation:
        return await self._get(f"/operator/organisations/{int(organisation_id)}", Organisation)

    async def verify(
        self,
        organisation_id: int,
        legal_name: str,
        also_known_as: Sequence[str] = (),
        domains: Sequence[str] = (),
    ) -> Organisation:
        """Verify an organisation under its legal name, with the other names it is known
        by (English, katakana, kanji, former names) and its e-mail domains. Verifying
        again keeps the names verified before (a former name stays a name it goes by);
        `domains`, when given, become exactly its domains. Raises ConflictError
        (`name_taken`, `domain_taken`) if another organisation holds one of them."""
        body = build(
            OrganisationVerify,
            legal_name=legal_name,
            also_known_as=list(also_known_as),
            domains=list(domains),
        )
        return await self._send(
            "POST",
            f"/operator/organisations/{int(organisation_id)}/verify",
            Organisation,
            body=body,
            idempotent=True,
        )

    async def merge(self, organisation_id: int, into: int) -> Organisation:
        """Fold a duplicate into the organisation `into` (its accounts, jobs and blocks
        follow); returns the organisation merged into."""
        body = build(OrganisationMerge, into=into)
        return await self._send(
            "POST",
            f"/operator/organisations/{int(organisation_id)}/merge",
            Organisation,
            body=body,
            idempotent=True,
        )

    async def suspend(self, organisation_id: int, reason: str) -> Organisation:
        """Suspend an organisation: it loses the resume bank and invitations, its jobs
        are unlisted and its open invitations are marked in candidates' inboxes."""
        body = build(OrganisationSuspend, reason=reason)
        return await self._send(
            "POST",
            f"/operator/organisations/{int(organisation_id)}/suspend",
            Organisation,
            body=body,
            idempotent=True,
        )

    async def approve_account(self, account_id: int) -> Organisation:
        """Approve a pending employer account of an organisation; returns the organisation."""
        return await self._send(
            "POST",
            f"/operator/accounts/{int(account_id)}/approve",
            Organisation,
            idempotent=True,
        )

    # --- reports ----------------------------------------------------------------------

    async def reports(self, state: ReportState | None = None) -> list[OperatorReport]:
        """Candidates' reports of invitations (only those in `state` if given)."""
        params: dict[str, Any] | None = None if state is None else {"state": state}
        return await self._get("/operator/reports", list[OperatorReport], params)

    async def close_report(
        self, report_id: int, state: ReportState, outcome: str = ""
    ) -> OperatorReport:
        """Close a report as resolved or dismissed; the candidate sees the state and
        `outcome` beside the invitation they reported."""
        body = build(ReportDecision, state=state, outcome=outcome)
        return await self._send(
            "POST",
            f"/operator/reports/{int(report_id)}",
            OperatorReport,
            body=body,
            idempotent=True,
        )
