"""The profile editor's data, without the UI: form values <-> Profile, and the draft file.

The editor keeps what the user typed as raw strings (`ProfileForm`), valid or not, so
that nothing typed is ever lost to a validation error; `build_profile` turns them into
a `Profile` or into field-level errors in words. The draft file holds the same raw
values, so a crash mid-edit loses no keystroke, even an invalid one. No Textual here:
the rules are tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gpseeker.core.models import (
    JOB_TYPES,
    PREFECTURES,
    Education,
    ExperienceEntry,
    FieldError,
    Profile,
    RemotePolicy,
)
from gpseeker.local.config import profile_draft_path, write_file_atomically
from gpseeker.local.local_files import FileNotice, moved_clause, set_aside, why_unreadable

# --- the raw form values --------------------------------------------------------------


class RawForm(BaseModel):
    # Drafts written by an older version may lack a field (default) or carry one that
    # was dropped (ignored): an old draft must still load.
    model_config = ConfigDict(extra="ignore")


class ExperienceForm(RawForm):
    title: str = ""
    company: str = ""
    industry: str = ""
    start: str = ""
    end: str = ""
    description: str = ""


class EducationForm(RawForm):
    level: str = ""
    school: str = ""
    field: str = ""
    graduation_year: str = ""


class ProfileForm(RawForm):
    """Every field of the profile as typed; lists of tags are comma-separated text."""

    full_name: str = ""
    name_japanese: str = ""
    name_reading: str = ""
    email: str = ""
    phone: str = ""
    address_country: str = "Japan"
    postal_code: str = ""
    address_prefecture: str = ""
    address_city: str = ""
    street: str = ""
    building: str = ""
    current_company: str = ""
    location_country: str = "Japan"
    location_prefecture: str = ""
    location_city: str = ""
    headline: str = ""
    summary: str = ""
    skills: str = ""
    experience: list[ExperienceForm] = Field(default_factory=list)
    education: list[EducationForm] = Field(default_factory=list)
    japanese: str = "none"
    english: str = "none"
    other_languages: str = ""
    visa_status: str = ""
    desired_jobs: str = ""
    job_types: list[str] = Field(default_factory=list)
    prefectures: list[str] = Field(default_factory=list)
    remote: list[str] = Field(default_factory=list)
    min_salary: str = ""
    start_date: str = ""
    interests: str = ""
    birth_date: str = ""
    gender: str = ""
    nationality: str = ""


class FieldSpec(NamedTuple):
    label: str
    """Shown above the field and at the start of its error message."""
    section: str
    path: str
    """Where the value lives in `Profile`, dotted as in the server's 422 field paths."""


FIELDS: dict[str, FieldSpec] = {
    "full_name": FieldSpec("Full name", "Contact", "identity.full_name"),
    "name_japanese": FieldSpec(
        "Name in Japanese (kanji or katakana)", "Contact", "identity.name_japanese"
    ),
    "name_reading": FieldSpec("Reading (furigana, in kana)", "Contact", "identity.name_reading"),
    "email": FieldSpec("E-mail", "Contact", "identity.email"),
    "phone": FieldSpec("Phone", "Contact", "identity.phone"),
    "address_country": FieldSpec("Country", "Postal address", "identity.address.country"),
    "postal_code": FieldSpec("Postal code", "Postal address", "identity.address.postal_code"),
    "address_prefecture": FieldSpec("Prefecture", "Postal address", "identity.address.prefecture"),
    "address_city": FieldSpec("City", "Postal address", "identity.address.city"),
    "street": FieldSpec("Street", "Postal address", "identity.address.street"),
    "building": FieldSpec("Building", "Postal address", "identity.address.building"),
    "current_company": FieldSpec("Current company", "Contact", "identity.current_company"),
    "location_country": FieldSpec("Country", "Where you live", "location.country"),
    "location_prefecture": FieldSpec("Prefecture", "Where you live", "location.prefecture"),
    "location_city": FieldSpec("City", "Where you live", "location.city"),
    "headline": FieldSpec("Headline", "About", "headline"),
    "summary": FieldSpec("Summary", "About", "summary"),
    "skills": FieldSpec("Skills", "About", "skills"),
    "experience": FieldSpec("Experience", "Experience", "experience"),
    "education": FieldSpec("Education", "Education", "education"),
    "japanese": FieldSpec("Japanese", "Languages and visa", "languages.japanese"),
    "english": FieldSpec("English", "Languages and visa", "languages.english"),
    "other_languages": FieldSpec("Other languages", "Languages and visa", "languages.other"),
    "visa_status": FieldSpec("Visa status", "Languages and visa", "visa_status"),
    "desired_jobs": FieldSpec("Desired jobs", "Preferences", "preferences.desired_jobs"),
    "job_types": FieldSpec("Job types", "Preferences", "preferences.job_types"),
    "prefectures": FieldSpec("Prefectures", "Preferences", "preferences.prefectures"),
    "remote": FieldSpec("Remote work", "Preferences", "preferences.remote"),
    "min_salary": FieldSpec(
        "Minimum yearly salary (yen)", "Preferences", "preferences.min_salary_jpy"
    ),
    "start_date": FieldSpec("Earliest start date", "Preferences", "preferences.start_date"),
    "interests": FieldSpec("Interests", "Preferences", "preferences.interests"),
    "birth_date": FieldSpec("Birth date", "Demographics", "demographics.birth_date"),
    "gender": FieldSpec("Gender", "Demographics", "demographics.gender"),
    "nationality": FieldSpec("Nationality", "Demographics", "demographics.nationality"),
}

EXPERIENCE_LABELS = {
    "title": "Job title",
    "company": "Company",
    "industry": "Industry",
    "start": "Start month",
    "end": "End month",
    "description": "What you did",
}
EDUCATION_LABELS = {
    "level": "Level",
    "school": "School",
    "field": "Field of study",
    "graduation_year": "Graduation year",
}

# --- Profile -> form ------------------------------------------------------------------


def _tags(values: list[str]) -> str:
    return ", ".join(values)


def _in_order(values: Sequence[str], order: Sequence[str]) -> list[str]:
    """Choices in the order the form lists them, so equal choices compare equal."""
    return sorted(values, key=lambda value: order.index(value) if value in order else len(order))


def form_from_profile(profile: Profile) -> ProfileForm:
    identity = profile.identity
    address = identity.address
    preferences = profile.preferences
    demographics = profile.demographics
    return ProfileForm(
        full_name=identity.full_name,
        name_japanese=identity.name_japanese or "",
        name_reading=identity.name_reading or "",
        email=str(identity.email),
        phone=identity.phone or "",
        address_country=address.country if address else "Japan",
        postal_code=address.postal_code if address else "",
        address_prefecture=(address.prefecture or "") if address else "",
        address_city=address.city if address else "",
        street=address.street if address else "",
        building=address.building if address else "",
        current_company=identity.current_company or "",
        location_country=profile.location.country,
        location_prefecture=profile.location.prefecture or "",
        location_city=profile.location.city,
        headline=profile.headline,
        summary=profile.summary,
        skills=_tags(profile.skills),
        experience=[
            ExperienceForm(**entry.model_dump(exclude={"end"}), end=entry.end or "")
            for entry in profile.experience
        ],
        education=[
            EducationForm(
                level=entry.level,
                school=entry.school,
                field=entry.field,
                graduation_year=str(entry.graduation_year or ""),
            )
            for entry in profile.education
        ],
        japanese=profile.languages.japanese,
        english=profile.languages.english,
        other_languages=_tags(profile.languages.other),
        visa_status=profile.visa_status or "",
        desired_jobs=_tags(preferences.desired_jobs),
        job_types=_in_order(preferences.job_types, JOB_TYPES),
        prefectures=_in_order(preferences.prefectures, PREFECTURES),
        remote=_in_order(preferences.remote, get_args(RemotePolicy)),
        min_salary=str(preferences.min_salary_jpy) if preferences.min_salary_jpy else "",
        start_date=preferences.start_date.isoformat() if preferences.start_date else "",
        interests=_tags(preferences.interests),
        birth_date=demographics.birth_date.isoformat() if demographics.birth_date else "",
        gender=demographics.gender or "",
        nationality=demographics.nationality or "",
    )


# --- form -> Profile ------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """The result of reading a form: a profile, or the errors that prevent one."""

    profile: Profile | None
    errors: dict[str, str]
    """Form field -> message in words, starting with the field's label."""


def split_tags(text: str) -> list[str]:
    """'Python, SQL,, Go ' -> ['Python', 'SQL', 'Go']: stray commas are not errors."""
    return [part.strip() for part in text.split(",") if part.strip()]


def _optional(text: str) -> str | None:
    return text.strip() or None


_YEN_NOISE = re.compile(r"[\s,_¥￥円]|yen|jpy", re.IGNORECASE)


def parse_yen(text: str) -> int | None:
    """'4,500,000', '¥4500000', '450万' or '450万円' -> 4500000; '' -> None.

    Raises ValueError with a message in words for anything else.
    """
    cleaned = _YEN_NOISE.sub("", text)
    if not cleaned:
        return None
    multiplier = 1
    if cleaned.endswith("万"):
        cleaned, multiplier = cleaned[:-1], 10_000
    if not cleaned.isdigit():
        raise ValueError("write a whole number of yen, like 4500000 or 450万")
    return int(cleaned) * multiplier


def _experience_raw(entry: ExperienceForm) -> dict[str, Any]:
    return {**entry.model_dump(), "end": _optional(entry.end)}


def _education_raw(entry: EducationForm) -> dict[str, Any]:
    year = entry.graduation_year.strip()
    return {
        "level": entry.level,
        "school": entry.school,
        "field": entry.field,
        # A non-number goes through unchanged so that pydantic names the problem.
        "graduation_year": int(year) if year.isdigit() else (year or None),
    }


def _raw_profile(form: ProfileForm) -> tuple[dict[str, Any], dict[str, str]]:
    """The nested dict pydantic validates, and errors found before it could."""
    errors: dict[str, str] = {}
    try:
        min_salary = parse_yen(form.min_salary)
    except ValueError as error:
        errors["min_salary"] = f"{FIELDS['min_salary'].label}: {error}"
        min_salary = None
    address_parts = (
        form.postal_code,
        form.address_prefecture,
        form.address_city,
        form.street,
        form.building,
    )
    # A country alone is not an address; with nothing else typed there is none.
    address = (
        {
            "country": form.address_country,
            "postal_code": form.postal_code,
            "prefecture": _optional(form.address_prefecture),
            "city": form.address_city,
            "street": form.street,
            "building": form.building,
        }
        if any(part.strip() for part in address_parts)
        else None
    )
    raw: dict[str, Any] = {
        "identity": {
            "full_name": form.full_name,
            "name_japanese": _optional(form.name_japanese),
            "name_reading": _optional(form.name_reading),
            "email": form.email.strip(),
            "phone": _optional(form.phone),
            "address": address,
            "current_company": _optional(form.current_company),
        },
        "location": {
            "country": form.location_country,
            "prefecture": _optional(form.location_prefecture),
            "city": form.location_city,
        },
        "headline": form.headline,
        "summary": form.summary,
        "skills": split_tags(form.skills),
        "experience": [_experience_raw(entry) for entry in form.experience],
        "education": [_education_raw(entry) for entry in form.education],
        "languages": {
            "japanese": form.japanese or "none",
            "english": form.english or "none",
            "other": split_tags(form.other_languages),
        },
        "visa_status": _optional(form.visa_status),
        "preferences": {
            "desired_jobs": split_tags(form.desired_jobs),
            "job_types": form.job_types,
            "prefectures": form.prefectures,
            "remote": form.remote,
            "min_salary_jpy": min_salary,
            "start_date": _optional(form.start_date),
            "interests": split_tags(form.interests),
        },
        "demographics": {
            "birth_date": _optional(form.birth_date),
            "gender": _optional(form.gender),
            "nationality": _optional(form.nationality),
        },
    }
    return raw, errors


_WORDS_BY_TYPE = {
    "missing": "is required",
    "string_too_short": "is required",
    "string_pattern_mismatch": "write the month as YYYY-MM, like 2021-04",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, like 2025-04-01",
    "date_parsing": "write the date as YYYY-MM-DD, like 2025-04-01",
    "date_from_datetime_inexact": "write the date as YYYY-MM-DD, like 2025-04-01",
    "int_parsing": "write a year, like 2015",
    "int_type": "write a year, like 2015",
    "literal_error": "choose one of the listed values",
}


def in_words(kind: str, message: str) -> str:
    """A pydantic (or server) message as a sentence a candidate can act on."""
    if kind in _WORDS_BY_TYPE:
        return _WORDS_BY_TYPE[kind]
    if kind == "string_too_long" or ("at most" in message and "character" in message):
        limit = re.search(r"\d+", message)
        return f"is too long (at most {limit.group()} characters)" if limit else message
    if kind == "too_long":
        limit = re.search(r"at most (\d+)", message)
        return f"has too many entries (at most {limit.group(1)})" if limit else message
    return message.removeprefix("Value error, ")


def _entry_message(key: str, index: int, rest: list[str], words: str) -> str:
    labels = EXPERIENCE_LABELS if key == "experience" else EDUCATION_LABELS
    # A model-level rule (end before start) has no sub-field; it is about the end.
    sub = rest[0] if rest else ("end" if key == "experience" else "")
    where = f"{FIELDS[key].label} {index + 1}"
    if sub in labels:
        where += f", {labels[sub].lower()}"
    return f"{where}: {words}"


def locate(path: str, message: str, kind: str = "") -> tuple[str, str] | None:
    """Map an error at a dotted profile path to (form field, message in words).

    Used for both the client's own validation and the server's 422 field paths.
    """
    path = path.removeprefix("body.")
    words = in_words(kind, message)
    parts = path.split(".")
    if parts[0] in ("experience", "education") and len(parts) >= 2 and parts[1].isdigit():
        return parts[0], _entry_message(parts[0], int(parts[1]), parts[2:], words)
    if path == "identity.address":
        # The address's own rule is about the postal code (Japan: seven digits).
        return "postal_code", f"{FIELDS['postal_code'].label}: {words}"
    best: str | None = None
    for key, spec in FIELDS.items():
        if (path == spec.path or path.startswith(spec.path + ".")) and (
            best is None or len(spec.path) > len(FIELDS[best].path)
        ):
            best = key
    if best is None:
        return None
    return best, f"{FIELDS[best].label}: {words}"


def errors_by_field(error: ValidationError) -> dict[str, str]:
    """The first problem of each form field, worded for the candidate."""
    found: dict[str, str] = {}
    for problem in error.errors():
        path = ".".join(str(part) for part in problem["loc"])
        located = locate(path, problem["msg"], problem["type"])
        if located is not None:
            found.setdefault(*located)
    return found


def place_server_errors(fields: Sequence[FieldError]) -> tuple[dict[str, str], list[str]]:
    """A 422's field errors by form field, and (in words) those no field shows."""
    placed: dict[str, str] = {}
    elsewhere: list[str] = []
    for problem in fields:
        located = locate(problem.path, problem.message)
        if located is None:
            elsewhere.append(f"{problem.path}: {in_words('', problem.message)}")
        else:
            placed.setdefault(*located)
    return placed, elsewhere


def build_profile(form: ProfileForm) -> Built:
    raw, errors = _raw_profile(form)
    try:
        profile = Profile.model_validate(raw)
    except ValidationError as error:
        for key, message in errors_by_field(error).items():
            errors.setdefault(key, message)
        return Built(None, errors)
    return Built(None, errors) if errors else Built(profile, {})


def lenient_profile(form: ProfileForm, fallback: Profile | None) -> Profile | None:
    """The form as a Profile, with each field that does not parse taken from `fallback`.

    The privacy preview follows the editor while the user types, and half-typed
    values are normal there; the preview shows everything that does parse.
    """
    built = build_profile(form)
    if built.profile is not None or fallback is None:
        return built.profile
    saved = form_from_profile(fallback)
    patched = form.model_copy(update={key: getattr(saved, key) for key in built.errors})
    return build_profile(patched).profile or fallback


def entry_errors(
    kind: Literal["experience", "education"], values: dict[str, str]
) -> dict[str, str]:
    """Errors of one experience or education entry, by its own field names."""
    model: type[BaseModel]
    labels = EXPERIENCE_LABELS if kind == "experience" else EDUCATION_LABELS
    if kind == "experience":
        model, raw = ExperienceEntry, _experience_raw(ExperienceForm(**values))
    else:
        model, raw = Education, _education_raw(EducationForm(**values))
    try:
        model.model_validate(raw)
    except ValidationError as error:
        found: dict[str, str] = {}
        for problem in error.errors():
            loc = [str(part) for part in problem["loc"]]
            key = loc[0] if loc else ("end" if kind == "experience" else "level")
            words = in_words(problem["type"], problem["msg"])
            found.setdefault(key, f"{labels.get(key, key)}: {words}")
        return found
    return {}


def describe_experience(entry: ExperienceForm) -> str:
    """One line for the list: 'Teacher, Acme English (2019-04 – now)'."""
    who = ", ".join(part for part in (entry.title.strip(), entry.company.strip()) if part)
    return f"{who or '(no title)'} ({entry.start or '?'} – {entry.end or 'now'})"


def describe_education(entry: EducationForm) -> str:
    parts = [entry.level or "(no level)", entry.field.strip(), entry.school.strip()]
    text = ", ".join(part for part in parts if part)
    return f"{text} ({entry.graduation_year})" if entry.graduation_year else text


# --- what differs (a stale save) ------------------------------------------------------


class Difference(NamedTuple):
    where: str
    theirs: str
    mine: str


def _as_text(value: object) -> str:
    if isinstance(value, list):
        items = [
            describe_experience(item)
            if isinstance(item, ExperienceForm)
            else describe_education(item)
            if isinstance(item, EducationForm)
            else str(item)
            for item in value
        ]
        return "; ".join(items) or "(none)"
    text = " ".join(str(value).split())
    # A whole summary would push the other differences out of the dialog.
    return (text[:157] + "…" if len(text) > 160 else text) or "(empty)"


def differences(theirs: ProfileForm, mine: ProfileForm) -> list[Difference]:
    """Each field whose value differs, in form order: what to show before overwriting."""
    found = []
    for key, spec in FIELDS.items():
        their_value, my_value = getattr(theirs, key), getattr(mine, key)
        if their_value != my_value:
            found.append(
                Difference(
                    f"{spec.section}, {spec.label}", _as_text(their_value), _as_text(my_value)
                )
            )
    return found


# --- the draft on disk ----------------------------------------------------------------


class DraftFile(BaseModel):
    version: Literal[1] = 1
    saved_at: dt.datetime
    etag: str | None
    """The version of the profile the draft was typed over: saving it later must send
    this ETag, so that a change made elsewhere in between is shown, not overwritten."""
    form: ProfileForm


class DraftStore:
    """`<data_dir>/drafts/profile.json`, written atomically and readable by the user only."""

    def __init__(self, data_dir: Path) -> None:
        self.path = profile_draft_path(data_dir)
        self.notices: list[FileNotice] = []
        """A draft that could not be read and was set aside, for the editor to show."""

    def exists(self) -> bool:
        return self.path.is_file()

    def save(self, form: ProfileForm, etag: str | None, *, now: dt.datetime | None = None) -> None:
        draft = DraftFile(saved_at=now or dt.datetime.now(dt.UTC), etag=etag, form=form)
        write_file_atomically(self.path, draft.model_dump_json(indent=2), mode=0o600)

    def load(self) -> DraftFile | None:
        """The draft, or None; never raises for what is on disk.

        A draft that cannot be read (not UTF-8, not a draft, a folder in its place, not
        allowed) is set aside, never deleted, under a name of its own, so that a new
        draft can be written and an older damaged one is not overwritten; `notices`
        tells the candidate where it went.
        """
        try:
            return DraftFile.model_validate_json(self.path.read_bytes().decode("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:  # ValidationError is a ValueError too
            moved_to = set_aside(self.path)
            self.notices.append(
                FileNotice(
                    self.path,
                    f"Your unsaved profile changes in {self.path} could not be read: "
                    f"{why_unreadable(error)}. {moved_clause(self.path, moved_to)} The "
                    "editor shows your saved profile, and what you type now is kept as "
                    "a new draft.",
                )
            )
            return None

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
