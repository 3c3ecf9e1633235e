"""The sections of the profile form, in the order a candidate fills them in.

Each section only lays out fields; `FormField` keys match `ProfileForm` attributes,
which is how the editor reads and fills them. Words for stored values (visa status,
job types, ...) live here, beside the selects that show them.
"""

from __future__ import annotations

from typing import get_args

from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList, TextArea

from gpseeker.core.models import (
    ENGLISH_LEVELS,
    JAPANESE_LEVELS,
    JOB_TYPES,
    PREFECTURES,
    EducationLevel,
    Gender,
    RemotePolicy,
    VisaStatus,
)
from gpseeker.local.profile_draft import (
    EDUCATION_LABELS,
    EXPERIENCE_LABELS,
    FIELDS,
    EducationForm,
    ExperienceForm,
    describe_education,
    describe_experience,
    entry_errors,
)
from gpseeker.widgets.profile_form import FormField, Section, TickList, choices
from gpseeker.widgets.profile_form_entries import EntryField, EntryKind, EntryList

JAPANESE_WORDS = {"none": "None", "native": "Native speaker"} | {
    level: f"JLPT {level}" for level in JAPANESE_LEVELS if level.startswith("N")
}
ENGLISH_WORDS: dict[str, str] = {level: level.capitalize() for level in ENGLISH_LEVELS}
VISA_WORDS = {
    "needs_sponsorship": "I need a work visa (sponsorship)",
    "work_visa": "Work visa",
    "highly_skilled_professional": "Highly skilled professional",
    "spouse_or_long_term_resident": "Spouse or long-term resident",
    "permanent_resident": "Permanent resident",
    "working_holiday": "Working holiday",
    "student": "Student visa",
    "japanese_citizen": "Japanese citizen",
    "other": "Other",
}
JOB_TYPE_WORDS: dict[str, str] = {
    job_type: job_type.replace("_", "-").capitalize() for job_type in JOB_TYPES
}
REMOTE_WORDS = {"onsite": "On site", "hybrid": "Hybrid", "remote": "Fully remote"}
GENDER_WORDS = {"female": "Female", "male": "Male", "non_binary": "Non-binary", "other": "Other"}
EDUCATION_WORDS = {
    "secondary": "Secondary (high school)",
    "vocational": "Vocational school",
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctorate": "Doctorate",
    "other": "Other",
}


def _field(
    key: str, control: Input | TextArea | Select[str] | SelectionList[str], hint: str = ""
) -> FormField:
    return FormField(key, FIELDS[key].label, control, hint=hint)


def _input(key: str, placeholder: str = "", hint: str = "") -> FormField:
    # Tabbing in must not select the value: the next key would replace it.
    return _field(key, Input(placeholder=placeholder, select_on_focus=False), hint)


def _select(
    key: str,
    values: tuple[str, ...],
    words: dict[str, str] | None = None,
    *,
    blank: bool = True,
    prompt: str = "Not set",
) -> FormField:
    return _field(key, Select(choices(values, words or {}), allow_blank=blank, prompt=prompt))


def _prefecture(key: str) -> FormField:
    return _select(key, PREFECTURES, prompt="Choose a prefecture")


NAME_HIDDEN = "Optional. Never shown in the resume bank; hidden wherever you write it."
"""The hint under each other spelling of the name: the leak guard hides all of them."""


class ContactSection(Section):
    def __init__(self) -> None:
        super().__init__(
            "Contact details — private: never shown in the resume bank",
            "An employer receives your name and e-mail only when you apply (phone and"
            " address only if you tick them then).",
            id="section-contact",
        )

    def compose_fields(self) -> ComposeResult:
        yield _input("full_name")
        yield _input("name_japanese", "e.g. 田中 美咲", NAME_HIDDEN)
        yield _input("name_reading", "e.g. たなか みさき", NAME_HIDDEN)
        yield _input("email", "e.g. you@example.com")
        yield _input("phone", "e.g. 090-1234-5678, or +44 20 7946 0958")
        yield _input("current_company", hint="Never shown in the resume bank.")
        yield _input("address_country")
        yield _input("postal_code", "e.g. 150-0001")
        yield _prefecture("address_prefecture")
        yield _input("address_city")
        yield _input("street")
        yield _input("building")


class AboutSection(Section):
    def __init__(self) -> None:
        super().__init__(
            "About you",
            "Shown to employers in the resume bank when your resume is searchable."
            " Your name, phone or e-mail written here are hidden from them.",
            id="section-about",
        )

    def compose_fields(self) -> ComposeResult:
        yield _input("headline", "e.g. Backend engineer, 6 years of Python")
        yield _field("summary", TextArea(soft_wrap=True, tab_behavior="focus"))
        yield _input("skills", "e.g. Python, SQL, customer support", "Separate skills with commas.")
        yield _input("location_country")
        yield _prefecture("location_prefecture")
        yield _input(
            "location_city", hint="Employers searching see your prefecture or country only."
        )


EXPERIENCE = EntryKind(
    noun="job",
    fields=(
        EntryField("title", EXPERIENCE_LABELS["title"]),
        EntryField("company", EXPERIENCE_LABELS["company"]),
        EntryField("industry", EXPERIENCE_LABELS["industry"]),
        EntryField("start", EXPERIENCE_LABELS["start"], placeholder="YYYY-MM, e.g. 2019-04"),
        EntryField("end", EXPERIENCE_LABELS["end"], placeholder="YYYY-MM; empty if current"),
        EntryField("description", EXPERIENCE_LABELS["description"], kind="textarea"),
    ),
    describe=lambda entry: describe_experience(ExperienceForm(**entry)),
    check=lambda entry: entry_errors("experience", entry),
)

EDUCATION = EntryKind(
    noun="school",
    fields=(
        EntryField(
            "level",
            EDUCATION_LABELS["level"],
            kind="select",
            options=tuple((level, EDUCATION_WORDS[level]) for level in get_args(EducationLevel)),
        ),
        EntryField("school", EDUCATION_LABELS["school"]),
        EntryField("field", EDUCATION_LABELS["field"]),
        EntryField("graduation_year", EDUCATION_LABELS["graduation_year"], placeholder="e.g. 2015"),
    ),
    describe=lambda entry: describe_education(EducationForm(**entry)),
    check=lambda entry: entry_errors("education", entry),
)


def experience_section() -> EntryList:
    return EntryList(
        "experience",
        EXPERIENCE,
        "Experience",
        "Past company names are hidden in the resume bank unless you allow them on the"
        " Privacy screen.",
    )


def education_section() -> EntryList:
    return EntryList("education", EDUCATION, "Education")


class LanguagesSection(Section):
    def __init__(self) -> None:
        super().__init__("Languages and visa", id="section-languages")

    def compose_fields(self) -> ComposeResult:
        yield _select("japanese", JAPANESE_LEVELS, JAPANESE_WORDS, blank=False)
        yield _select("english", ENGLISH_LEVELS, ENGLISH_WORDS, blank=False)
        yield _input(
            "other_languages", "e.g. Korean, Portuguese", "Separate languages with commas."
        )
        yield _select("visa_status", get_args(VisaStatus), VISA_WORDS)


class PreferencesSection(Section):
    def __init__(self) -> None:
        super().__init__("What you are looking for", id="section-preferences")

    def compose_fields(self) -> ComposeResult:
        yield _input("desired_jobs", "e.g. English teacher, QA engineer", "Separate with commas.")
        yield _field(
            "job_types",
            TickList(*choices(JOB_TYPES, JOB_TYPE_WORDS)),
            "Space ticks or unticks the highlighted line.",
        )
        yield _field("remote", TickList(*choices(get_args(RemotePolicy), REMOTE_WORDS)))
        yield _field(
            "prefectures",
            TickList(*choices(PREFECTURES, {})),
            "Where you would work; tick as many as you like.",
        )
        yield _input("min_salary", "e.g. 4500000 or 450万", "Per year, in yen.")
        yield _input("start_date", "YYYY-MM-DD, e.g. 2025-04-01")
        yield _input("interests", "e.g. education, games, travel", "Separate with commas.")


class DemographicsSection(Section):
    def __init__(self) -> None:
        super().__init__(
            "Demographics (optional)",
            "Hidden from employers unless you choose to show them on the Privacy screen"
            " (your age is shown as a band, never your birth date).",
            id="section-demographics",
        )

    def compose_fields(self) -> ComposeResult:
        yield _input("birth_date", "YYYY-MM-DD, e.g. 1990-05-17")
        yield _select("gender", get_args(Gender), GENDER_WORDS, prompt="Prefer not to say")
        yield _input("nationality", "e.g. Brazilian")
