"""Shared views as text. The masked view of a candidate: `privacy preview` (what
employers would see of me), `apply` (what this employer will receive) and `employer
view` (what I, an employer, see). Jobs and applications: `jobs`, `applications` and
`employer jobs`. Invitations: `inbox` (the candidate's side) and `employer invitations`
/ `employer messages` (the employer's). Requests to erase an application: `data forget`
(the candidate's side) and `employer requests` (the employer's). Organisations and
their accounts: `employer organisation` and `operator orgs`."""

from __future__ import annotations

from collections.abc import Sequence

from gpseeker.cli.output import field, line, term, terms, when, yen
from gpseeker.core.disclosure_log import ERASE_WORDS
from gpseeker.core.job_words import job_salary
from gpseeker.core.models import (
    Application,
    EmployerApplication,
    EmployerEraseRequest,
    EmployerView,
    EraseRequest,
    Invitation,
    InvitationReport,
    Job,
    Organisation,
    OrganisationMember,
    OrganisationStatus,
    RelayedMessage,
    ResumeBankHit,
    SentInvitation,
    StatusChange,
)
from gpseeker.core.text import clean_line
from gpseeker.core.vocabulary import sender_words


def sender(name: str, status: OrganisationStatus) -> str:
    """An employer as candidates read it everywhere: the legal name the platform
    verified, and what the platform says of it, in words."""
    return sender_words(clean_line(name), status)


def show_employer_view(view: EmployerView) -> None:
    field("Reference", view.candidate_ref)
    if view.context == "application":
        # Present only when the candidate applied: said explicitly, so nobody mistakes
        # an application's details for something the resume bank shows.
        field("Name", view.full_name)
        field("E-mail", view.email)
        field("Phone", view.phone or "not shared")
        field("Address", view.address or "not shared")
        field("Current company", view.current_company)
    field("Headline", view.headline)
    field("Summary", view.summary)
    field("Skills", view.skills)
    place = view.location
    field(
        "Location",
        ", ".join(p for p in (place.city, place.prefecture, place.region, place.country) if p),
    )
    field("Japanese", view.japanese)
    field("English", view.english)
    field("Other languages", view.other_languages)
    field("Visa status", term(view.visa_status))
    field("Desired jobs", view.desired_jobs)
    field("Job types", terms(view.job_types))
    field("Preferred prefectures", view.preferred_prefectures)
    field("Remote", view.remote)
    field("Minimum salary", yen(view.min_salary_jpy))
    field("Start date", view.start_date)
    if view.age_band is not None:
        field("Age", view.age_band)
    if view.gender is not None:
        field("Gender", term(view.gender))
    if view.nationality is not None:
        field("Nationality", view.nationality)
    for number, job in enumerate(view.experience, start=1):
        line()
        line(f"Experience {number}")
        field("Title", job.title)
        if job.company is not None:
            field("Company", job.company)
        field("Industry", job.industry)
        field("Years", job.years)
        field("Description", job.description)
    for number, school in enumerate(view.education, start=1):
        line()
        line(f"Education {number}")
        field("Level", school.level)
        field("Field", school.field)
        if school.school is not None:
            field("School", school.school)


def hit_fields(hit: ResumeBankHit) -> list[tuple[str, object]]:
    return [
        ("Reference", hit.candidate_ref),
        ("Headline", hit.headline),
        ("Skills", hit.skills),
        ("Japanese", hit.japanese),
        ("Visa status", term(hit.visa_status)),
        ("Region", hit.region),
    ]


# --- jobs and applications --------------------------------------------------------------

# The server's names for what an application sent, as the candidate reads them.
_DISCLOSED_WORDS = {
    "full_name": "name",
    "email": "e-mail",
    "profile": "your profile as employers see it when you apply",
    "phone": "phone",
    "address": "address",
}
_JAPANESE_WORDS = {"none": "not required", "native": "native level"}
_ENGLISH_WORDS = {"none": "not required", "native": "native level"}


def salary(job: Job) -> str:
    """The pay as posted, e.g. "¥5,000,000–¥7,000,000 a year".

    A monthly or hourly salary also says roughly what it makes in a year, because the
    --min-salary filter compares yearly amounts and the reader should see why a job
    matched.
    """
    shown = job_salary(job)
    if job.salary_period != "year" and job.salary_yearly_min_jpy is not None:
        shown += f" (from about ¥{job.salary_yearly_min_jpy:,} a year)"
    return shown


def where(job: Job) -> str:
    """ "Shibuya, Tokyo (hybrid)": the place as posted and how much of it is on site."""
    place = ", ".join(part for part in (job.city, job.prefecture) if part) or "no place given"
    return f"{place} ({'on site' if job.remote == 'onsite' else job.remote})"


def japanese_needed(level: str) -> str:
    return _JAPANESE_WORDS.get(level, f"{level} or better")


def english_needed(level: str) -> str:
    return _ENGLISH_WORDS.get(level, f"{level} or better")


def marks(job: Job) -> list[str]:
    """What a sighted user would get from a badge, in words (never colour alone)."""
    found = []
    if job.status == "closed":
        found.append("Closed")
    if job.applied:
        found.append("Applied")
    if job.saved:
        found.append("Saved")
    return found


def job_fields(job: Job) -> list[tuple[str, object]]:
    """One job as a labelled block, as search results and lists show it.

    The title is the value of the first line ("Job 12: title") rather than part of a
    heading, so that a title with a line break in it is indented under its label like
    any other field and cannot pose as a line of its own.
    """
    fields: list[tuple[str, object]] = [
        (f"Job {job.id}", job.title),
        ("Company", job.company_name),
        ("Where", where(job)),
        ("Salary", salary(job)),
        ("Type", f"{term(job.job_type)}, {term(job.category)}"),
        ("Japanese", japanese_needed(job.japanese_required)),
        ("English", english_needed(job.english_required)),
        ("Visa sponsorship", job.visa_sponsorship),
        ("Apply from overseas", job.apply_from_overseas),
        ("Posted", job.posted_at.astimezone().date()),
    ]
    if marks(job):
        fields.append(("Marked", ", ".join(marks(job))))
    return fields


def show_job(job: Job) -> None:
    """The whole job, description included."""
    for label, value in job_fields(job):
        field(label, value)
    field("Skills", job.skills)
    if job.status == "closed":
        field("Closes", "closed: no longer takes applications")
    else:
        field("Closes", job.closes_at or "open until filled")
    line()
    field("Description", job.description)


def timeline(changes: Sequence[StatusChange]) -> str:
    """One line per status change: "2025-06-01 12:00 UTC submitted".

    Ends with a line break so that `field` always lists it under "Timeline:", one
    change a line, even when there is only one change yet.
    """
    return "".join(
        f"{when(change.at)} {term(change.status)}"
        + (f": {clean_line(change.note)}" if change.note else "")
        + "\n"
        for change in changes
    )


def application_fields(application: Application) -> list[tuple[str, object]]:
    return [
        (f"Application {application.id}", application.job_title),
        ("Company", sender(application.company_name, application.employer_status)),
        ("Job", application.job_id),
        ("Status", term(application.status)),
        ("Details sent", [_DISCLOSED_WORDS.get(f, term(f) or f) for f in application.disclosed]),
        ("Cover note", application.cover_note or "none"),
        ("Timeline", timeline(application.timeline)),
    ]


def show_received_application(application: EmployerApplication) -> None:
    """An application as its employer sees it: the application view, labelled."""
    field(f"Application {application.id}", f"job {application.job_id}: {application.job_title}")
    field("Status", term(application.status))
    field("Received", when(application.created_at))
    field("Cover note", application.cover_note or "none")
    line("Candidate:")
    show_employer_view(application.candidate)


# --- invitations ------------------------------------------------------------------------

SCAM_WARNING = "Be careful: this message may be a scam:"


def invitation_status(invitation: Invitation) -> str:
    """The state in words, never a colour or a dot: an answer outranks read/unread."""
    if invitation.state == "replied":
        return "Replied"
    if invitation.state == "declined":
        return "Declined"
    return "Read" if invitation.read else "Unread"


def invitation_fields(invitation: Invitation) -> list[tuple[str, object]]:
    """One invitation as a labelled block, as the inbox lists it.

    The warnings come right after the sender, before the date and status: a screen
    reader reads a block top down, and "this may be a scam" must be heard before the
    rest. The subject is the first line's value (like a job's title), so a subject
    with a line break in it is indented and cannot pose as a field of its own.
    """
    fields: list[tuple[str, object]] = [
        (f"Invitation {invitation.id}", invitation.subject),
        ("From", sender(invitation.employer_name, invitation.employer_status)),
    ]
    if invitation.employer_status == "suspended":
        fields.append(("Warning", SUSPENDED_WARNING))
    fields.extend(("Warning", warning.message) for warning in invitation.warnings)
    fields.append(("Received", when(invitation.sent_at)))
    fields.append(("Status", invitation_status(invitation)))
    if invitation.report is not None:
        fields.append(("Reported", report_words(invitation.report)))
    if invitation.job_id is not None:
        fields.append(("Job", invitation.job_id))
    return fields


SUSPENDED_WARNING = (
    "The platform has suspended this employer since it wrote; do not send it money, "
    "documents or your contact details."
)

_REPORT_STATE_WORDS = {
    "open": "open — the platform is looking at it",
    "resolved": "resolved by the platform",
    "dismissed": "dismissed by the platform",
}


def report_words(report: InvitationReport) -> str:
    """The candidate's report and where the platform has got with it, in one line."""
    shown = _REPORT_STATE_WORDS[report.state]
    if report.state != "open" and report.outcome:
        shown = f"{shown}: {clean_line(report.outcome)}"
    return shown


def show_invitation(invitation: Invitation) -> None:
    """The whole invitation: its block, the warnings again in full, then the body."""
    for label, value in invitation_fields(invitation):
        if label != "Warning":  # said once, under the heading below, before the body
            field(label, value)
    if invitation.employer_status == "suspended" or invitation.warnings:
        line()
        line(SCAM_WARNING)
        if invitation.employer_status == "suspended":
            line(f"- {SUSPENDED_WARNING}")
        for warning in invitation.warnings:
            line(f"- {clean_line(warning.message)}")
    line()
    field("Message", invitation.body)
    if invitation.state == "replied":
        line()
        field("Your reply", invitation.reply or "sent")
    elif invitation.state == "declined":
        line()
        field("You declined", invitation.decline_reason or "no reason given")
    if invitation.report is not None:
        line()
        field("Your report", invitation.report.reason)
        field("Report sent", when(invitation.report.reported_at))


# What the employer sees of an invitation's state: the candidate's answer, in words.
_SENT_STATES = {"open": "not answered yet", "replied": "replied", "declined": "declined"}


def sent_invitation_fields(invitation: SentInvitation) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [
        (f"Invitation {invitation.id}", invitation.subject),
        ("Candidate", invitation.candidate_ref),
        ("Sent", when(invitation.sent_at)),
        ("Status", _SENT_STATES[invitation.state]),
    ]
    if invitation.job_id is not None:
        fields.append(("Job", invitation.job_id))
    return fields


def relayed_message_fields(message: RelayedMessage) -> list[tuple[str, object]]:
    """A candidate's answer as its employer reads it: under the reference only.

    A shared e-mail address or phone number appears only when the candidate chose to
    share it with this employer; otherwise the line is left out, because the employer
    has nothing to act on there and reaches the candidate through the relay.
    """
    replied = message.kind == "reply"
    fields: list[tuple[str, object]] = [
        (
            f"Message {message.id}",
            f"{'reply to' if replied else 'declined'} invitation {message.invitation_id}",
        ),
        ("Candidate", message.candidate_ref),
        ("Received", when(message.at)),
    ]
    if message.shared_email:
        fields.append(("E-mail", message.shared_email))
    if message.shared_phone:
        fields.append(("Phone", message.shared_phone))
    if replied:
        fields.append(("Message", message.body))
    else:
        fields.append(("Reason", message.body or "none given"))
    return fields


# --- requests to erase an application ---------------------------------------------------

# The same request as its employer reads it: what is asked of *them*.
_EMPLOYER_ERASE_WORDS = {
    "pending": "waiting for your answer (gpseeker employer requests answer ID done|refused)",
    "done": "you erased the application",
    "refused": "you refused",
}


def erase_request_fields(request: EraseRequest) -> list[tuple[str, object]]:
    """The candidate's request, in the words the disclosure log uses for it."""
    state = ERASE_WORDS[request.state]
    if request.reason:
        state = f"{state} ({clean_line(request.reason)})"
    fields: list[tuple[str, object]] = [
        (f"Erase request {request.id}", f"application {request.application_id}"),
        ("Employer", request.employer_name),
        ("Job", request.job_title),
        ("State", state),
        ("Asked", when(request.requested_at)),
    ]
    if request.answered_at is not None:
        fields.append(("Answered", when(request.answered_at)))
    return fields


def employer_erase_request_fields(request: EmployerEraseRequest) -> list[tuple[str, object]]:
    fields: list[tuple[str, object]] = [
        (
            f"Erase request {request.id}",
            f"application {request.application_id}, job {request.job_id}: {request.job_title}",
        ),
        ("Candidate", request.candidate_name),
        ("Asked", when(request.requested_at)),
        ("State", _EMPLOYER_ERASE_WORDS[request.state]),
    ]
    if request.reason:
        fields.append(("Your reason", request.reason))
    if request.answered_at is not None:
        fields.append(("Answered", when(request.answered_at)))
    return fields


# --- organisations ----------------------------------------------------------------------


def member_lines(members: Sequence[OrganisationMember]) -> str:
    """One line per account of an organisation, as its admins and the operator see them.

    Ends with a line break, like `timeline`, so that `field` lists the accounts under
    their label one a line even when there is only one.
    """
    return "".join(
        f"Account {member.id}: {clean_line(member.email)}, {member.role}, "
        + ("approved" if member.approved else "waiting for approval")
        + f" (signed up as {clean_line(member.typed_company_name)!r})\n"
        for member in members
    )


def organisation_status_words(organisation: Organisation) -> str:
    """An organisation's status as the operator reads it, with the why and the when."""
    if organisation.status == "pending":
        return "pending: waiting for verification"
    if organisation.status == "verified":
        if organisation.verified_at is None:
            return "verified"
        return f"verified on {when(organisation.verified_at)}"
    if organisation.status == "suspended":
        reason = organisation.suspended_reason
        return f"suspended: {clean_line(reason)}" if reason else "suspended"
    if organisation.merged_into is not None:
        return f"merged into organisation {organisation.merged_into}"
    return "merged"
