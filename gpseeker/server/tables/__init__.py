"""The platform's tables, one module per area; importing this package registers them all
on `Base.metadata`, which is what creating the schema needs."""

from gpseeker.server.tables.accounts import Employer, ServerSecret, Token, User
from gpseeker.server.tables.applications import (
    ApplicationEvent,
    ApplicationRow,
    IdempotentAnswer,
)
from gpseeker.server.tables.disclosure import Disclosure, ProfileView
from gpseeker.server.tables.erasure import EraseRequestRow
from gpseeker.server.tables.invitations import InvitationRow, RelayedMessageRow
from gpseeker.server.tables.jobs import JobRow, SavedJobRow, SavedSearchRow
from gpseeker.server.tables.mail import SubscriptionRow, UnsubscribeToken
from gpseeker.server.tables.organisations import (
    InvitationReportRow,
    OrganisationDomain,
    OrganisationKey,
    OrganisationName,
    OrganisationRow,
)
from gpseeker.server.tables.profiles import (
    BlockedCompanyKey,
    BlockedCompanyRow,
    ProfileRow,
    VisibilityRow,
)
from gpseeker.server.tables.resume_bank import CandidateRef, ResumeDocument
from gpseeker.server.tables.throttles import PendingSignup, ThrottleRow

__all__ = [
    "ApplicationEvent",
    "ApplicationRow",
    "BlockedCompanyKey",
    "BlockedCompanyRow",
    "CandidateRef",
    "Disclosure",
    "Employer",
    "EraseRequestRow",
    "IdempotentAnswer",
    "InvitationReportRow",
    "InvitationRow",
    "JobRow",
    "OrganisationDomain",
    "OrganisationKey",
    "OrganisationName",
    "OrganisationRow",
    "PendingSignup",
    "ProfileRow",
    "ProfileView",
    "RelayedMessageRow",
    "ResumeDocument",
    "SavedJobRow",
    "SavedSearchRow",
    "ServerSecret",
    "SubscriptionRow",
    "ThrottleRow",
    "Token",
    "UnsubscribeToken",
    "User",
    "VisibilityRow",
]
