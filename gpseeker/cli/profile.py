"""`gpseeker profile ...`: show and edit the candidate's profile from a plain terminal."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import ValidationError

from gpseeker.cli import output
from gpseeker.cli.context import CliError, seeker_client, server_option
from gpseeker.cli.output import field, line, term, terms, yen
from gpseeker.cli.profile_paths import set_value, settable_paths
from gpseeker.cli.registry import Commands
from gpseeker.client import PlatformClient, PlatformError, PreconditionFailed, validation_failed
from gpseeker.core.models import EducationLevel, Profile, ProfileEnvelope

EDUCATION_LEVELS: tuple[EducationLevel, ...] = (
    "secondary", "vocational", "associate", "bachelor", "master", "doctorate", "other",
)  # fmt: skip


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "profile",
        help="show or edit your profile",
        description="Show or edit your profile (as the signed-in candidate).",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()

    show = actions.add_parser(
        "show", parents=[server, output.json_option()], help="print your whole profile"
    )
    show.set_defaults(handler=_show)

    paths = ", ".join(settable_paths())
    change = actions.add_parser(
        "set",
        parents=[server],
        help="change one field, e.g. profile set identity.phone 090-1234-5678",
        description="Change one field of your profile and save it. List fields take "
        "comma-separated values; an empty value clears the field.",
        epilog=f"Fields: {paths}",
    )
    change.add_argument("field", metavar="FIELD", help="a dotted path, e.g. location.prefecture")
    change.add_argument("value", metavar="VALUE", help="the new value ('' clears it)")
    change.set_defaults(handler=_set)

    add_job = actions.add_parser(
        "add-experience", parents=[server], help="add a job to your work experience"
    )
    add_job.add_argument("--title", required=True)
    add_job.add_argument(
        "--company", default="", help="hidden from the resume bank unless you show past companies"
    )
    add_job.add_argument("--start", required=True, metavar="YYYY-MM")
    add_job.add_argument("--end", metavar="YYYY-MM", help="leave out while it is your current job")
    add_job.add_argument("--industry", default="")
    add_job.add_argument("--description", default="")
    add_job.set_defaults(handler=_add_experience)

    remove_job = actions.add_parser(
        "remove-experience",
        parents=[server],
        help="remove experience entry N (as numbered by profile show)",
    )
    remove_job.add_argument("number", type=int, metavar="N")
    remove_job.set_defaults(handler=_remove_experience)

    add_school = actions.add_parser(
        "add-education", parents=[server], help="add a school or degree to your education"
    )
    add_school.add_argument("--level", required=True, choices=EDUCATION_LEVELS)
    add_school.add_argument("--school", default="")
    add_school.add_argument("--field", default="", help="what you studied")
    add_school.add_argument("--year", type=int, help="graduation year")
    add_school.set_defaults(handler=_add_education)

    remove_school = actions.add_parser(
        "remove-education",
        parents=[server],
        help="remove education entry N (as numbered by profile show)",
    )
    remove_school.add_argument("number", type=int, metavar="N")
    remove_school.set_defaults(handler=_remove_education)


# --- commands ---------------------------------------------------------------------------


async def _show(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        envelope = await client.get_profile()
    if args.json:
        output.print_json(envelope)
    else:
        show_profile(envelope)
    return 0


async def _set(args: argparse.Namespace) -> int:
    async def edit(data: dict[str, Any]) -> None:
        set_value(data, args.field, args.value)

    saved = await _edit_profile(args, edit)
    value: Any = saved.profile.model_dump(mode="json")
    for name in args.field.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    field(f"Saved {args.field}", ", ".join(value) if isinstance(value, list) else value)
    return 0


async def _add_experience(args: argparse.Namespace) -> int:
    entry = {
        "title": args.title,
        "company": args.company,
        "industry": args.industry,
        "start": args.start,
        "end": args.end,
        "description": args.description,
    }
    return await _add_entry(args, "experience", entry, "Experience")


async def _add_education(args: argparse.Namespace) -> int:
    entry = {
        "level": args.level,
        "school": args.school,
        "field": args.field,
        "graduation_year": args.year,
    }
    return await _add_entry(args, "education", entry, "Education")


async def _remove_experience(args: argparse.Namespace) -> int:
    return await _remove_entry(args, "experience", "experience")


async def _remove_education(args: argparse.Namespace) -> int:
    return await _remove_entry(args, "education", "education")


async def _add_entry(args: argparse.Namespace, key: str, entry: dict[str, Any], title: str) -> int:
    async def edit(data: dict[str, Any]) -> None:
        data.setdefault(key, []).append(entry)

    saved = await _edit_profile(args, edit)
    line(f"Added {title.lower()} entry {len(getattr(saved.profile, key))}.")
    return 0


async def _remove_entry(args: argparse.Namespace, key: str, what: str) -> int:
    async def edit(data: dict[str, Any]) -> None:
        entries = data.get(key) or []
        if not 1 <= args.number <= len(entries):
            raise CliError(
                f"there is no {what} entry {args.number} (you have {len(entries)}; "
                "gpseeker profile show numbers them)"
            )
        del entries[args.number - 1]

    await _edit_profile(args, edit)
    line(f"Removed {what} entry {args.number}.")
    return 0


async def _edit_profile(args: argparse.Namespace, edit: Any) -> ProfileEnvelope:
    """Read, change, validate here (bad input never reaches the server), then save.

    If-Match carries the version that was read, so an edit made elsewhere in between
    (the TUI, another terminal) is never overwritten: the server answers 412.
    """
    async with await seeker_client(args) as client:
        return await save_edit(client, await client.get_profile(), edit, args.action)


async def save_edit(
    client: PlatformClient,
    envelope: ProfileEnvelope,
    edit: Callable[[dict[str, Any]], Awaitable[None]],
    action: str,
) -> ProfileEnvelope:
    """`edit` applied to the profile as read (`envelope`), saved over its version.

    Raises CliError with this command's words for a 412 and for a lost answer, and
    PlatformError (worded by the runner) for any other failure.
    """
    data = envelope.profile.model_dump(mode="json")
    await edit(data)
    try:
        return await _save(client, data, envelope.etag)
    except PreconditionFailed as error:
        if error.status != 412:
            raise
        raise CliError(changed_elsewhere(action)) from None
    except PlatformError as error:
        if not error.outcome_unknown:
            raise
        raise CliError(answer_lost(error.message)) from None


async def _save(client: PlatformClient, data: dict[str, Any], etag: str) -> ProfileEnvelope:
    try:
        profile = Profile.model_validate(data)
    except ValidationError as problem:
        raise validation_failed(problem) from None
    # The client sends one Idempotency-Key with every retry of this save, so a retry
    # whose first try was stored gets "saved", never a 412 from its own new version.
    return await client.put_profile(profile, etag)


def changed_elsewhere(action: str) -> str:
    """A 412 in words, with what to do here: this command reads the profile afresh."""
    return (
        "not saved: your profile was changed elsewhere (in the app, in another terminal, "
        "or by an earlier command whose answer was lost) while this command ran, and "
        "saving would have overwritten that change. Run the "
        f"same gpseeker profile {action} command again: it reads your profile afresh and "
        "applies your change to it (gpseeker profile show shows what is saved now)"
    )


def answer_lost(reason: str) -> str:
    """No answer came: the change may have been saved, and running an add again twice
    would add the entry twice, so say how to find out first."""
    return (
        f"{reason}; your change may have been saved all the same. Check with gpseeker "
        "profile show before running this command again"
    )


# --- the profile as text ----------------------------------------------------------------


def show_profile(envelope: ProfileEnvelope) -> None:
    profile = envelope.profile
    identity = profile.identity
    line("Contact details (private: never shown in the resume bank)")
    field("Name", identity.full_name)
    # Optional, and most candidates write their name one way only: no "not set" lines.
    if identity.name_japanese:
        field("Name in Japanese", identity.name_japanese)
    if identity.name_reading:
        field("Reading", identity.name_reading)
    field("E-mail", identity.email)
    field("Phone", identity.phone)
    field("Address", identity.address.one_line() if identity.address else None)
    field("Current company", identity.current_company)
    line()
    line("About")
    location = profile.location
    field(
        "Location",
        ", ".join(p for p in (location.city, location.prefecture or "", location.country) if p),
    )
    field("Headline", profile.headline)
    field("Summary", profile.summary)
    field("Skills", profile.skills)
    for number, job in enumerate(profile.experience, start=1):
        line()
        line(f"Experience {number}")
        field("Title", job.title)
        field("Company", job.company)
        field("Industry", job.industry)
        field("From", job.start)
        field("To", job.end or "now")
        field("Description", job.description)
    for number, school in enumerate(profile.education, start=1):
        line()
        line(f"Education {number}")
        field("Level", school.level)
        field("School", school.school)
        field("Field", school.field)
        field("Graduation year", school.graduation_year)
    line()
    line("Languages and visa")
    field("Japanese", profile.languages.japanese)
    field("English", profile.languages.english)
    field("Other languages", profile.languages.other)
    field("Visa status", term(profile.visa_status))
    line()
    line("Preferences")
    wishes = profile.preferences
    field("Desired jobs", wishes.desired_jobs)
    field("Job types", terms(wishes.job_types))
    field("Prefectures", wishes.prefectures)
    field("Remote", wishes.remote)
    field("Minimum salary", yen(wishes.min_salary_jpy))
    field("Start date", wishes.start_date)
    field("Interests", wishes.interests)
    line()
    line("Demographics (hidden from employers unless you choose to show them)")
    field("Birth date", profile.demographics.birth_date)
    field("Gender", term(profile.demographics.gender))
    field("Nationality", profile.demographics.nationality)
    line()
    field("Last saved", envelope.updated_at)
