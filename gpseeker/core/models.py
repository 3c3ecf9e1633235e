"""The API's wire format, shared by the client, the TUI and the server.

Every request body forbids unknown fields, so a typo in a client or a script is an
error instead of a silently dropped value. Validation lives here (and not in the
screens or the routes) so that both sides give the same field-level messages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

# The vocabularies live in their own light module; re-exported here (explicitly, for
# mypy) so that `from gpseeker.core.models import PREFECTURES` keeps working.
from gpseeker.core.vocabulary import (
    APPLICATION_STATUSES as APPLICATION_STATUSES,
)
from gpseeker.core.vocabulary import (
    ENGLISH_LEVELS as ENGLISH_LEVELS,
)
from gpseeker.core.vocabulary import (
    JAPANESE_LEVELS as JAPANESE_LEVELS,
)
from gpseeker.core.vocabulary import (
    JOB_CATEGORIES as JOB_CATEGORIES,
)
from gpseeker.core.vocabulary import (
    JOB_TYPES as JOB_TYPES,
)
from gpseeker.core.vocabulary import (
    PREFECTURES as PREFECTURES,
)
from gpseeker.core.vocabulary import (
    REGION_OF_PREFECTURE as REGION_OF_PREFECTURE,
)
from gpseeker.core.vocabulary import (
    REGIONS as REGIONS,
)
from gpseeker.core.vocabulary import (
    REMOTE_POLICIES as REMOTE_POLICIES,
)
from gpseeker.core.vocabulary import (
    VISA_STATUSES as VISA_STATUSES,
)
from gpseeker.core.vocabulary import (
    ApplicationStatus as ApplicationStatus,
)
from gpseeker.core.vocabulary import (
    EducationLevel as EducationLevel,
)
from gpseeker.core.vocabulary import (
    EnglishLevel as EnglishLevel,
)
from gpseeker.core.vocabulary import (
    Gender as Gender,
)
from gpseeker.core.vocabulary import (
    JapaneseLevel as JapaneseLevel,
)
from gpseeker.core.vocabulary import (
    JobCategory as JobCategory,
)
from gpseeker.core.vocabulary import (
    JobType as JobType,
)
from gpseeker.core.vocabulary import (
    OptionalDisclosure as OptionalDisclosure,
)
from gpseeker.core.vocabulary import (
    OrganisationRole as OrganisationRole,
)
from gpseeker.core.vocabulary import (
    OrganisationStatus as OrganisationStatus,
)
from gpseeker.core.vocabulary import (
    RemotePolicy as RemotePolicy,
)
from gpseeker.core.vocabulary import (
    ReportState as ReportState,
)
from gpseeker.core.vocabulary import (
    ResumeState as ResumeState,
)
from gpseeker.core.vocabulary import (
    Role as Role,
)
from gpseeker.core.vocabulary import (
    SalaryPeriod as SalaryPeriod,
)
from gpseeker.core.vocabulary import (
    SignupRole as SignupRole,
)
from gpseeker.core.vocabulary import (
    ViewContext as ViewContext,
)
from gpseeker.core.vocabulary import (
    VisaStatus as VisaStatus,
)


class WireModel(BaseModel):
    """The base of every model here. A process uses a handful of its eighty models (a
    plain command one or two), so each builds its validator on first use rather than
    all of them at import, which was most of a plain command's start."""

    model_config = ConfigDict(defer_build=True)


def build_every_model() -> None:
    """Build every model's validator now, and stop deferring: for the server, which
    uses them all. A TypeAdapter over a model that still says `defer_build` defers
    too, and FastAPI makes one per request body under a warning filter that is gone
    by the time a deferred one builds."""
    waiting: list[type[WireModel]] = [WireModel]
    while waiting:
        model = waiting.pop()
        model.model_rebuild()
        model.model_config["defer_build"] = False
        waiting.extend(model.__subclasses__())


# --- text: what a field may hold -------------------------------------------------------
# A C0 control character (NUL, ESC, BEL, backspace, ...) is not text anyone types: it
# is a paste gone wrong or an attack, PostgreSQL cannot store a NUL at all, and a
# terminal acts on the others. Every text field of a request refuses them, naming the
# field; one-line fields (names, titles, queries) refuse line breaks and tabs too,
# while multi-line fields (summaries, descriptions, message bodies) keep newline and
# tab. Response models stay plain `str`: a client reads whatever a server sends and
# shows it through text.py's sanitizer.

_NOT_ONE_LINE = re.compile("[\x00-\x1f]")
_NOT_MULTI_LINE = re.compile("[\x00-\x08\x0b-\x1f]")


def control_problem(text: str, *, multi_line: bool = False) -> str | None:
    """Why `text` is not acceptable text for a field, or None if it is."""
    found = (_NOT_MULTI_LINE if multi_line else _NOT_ONE_LINE).search(text)
    if found is None:
        return None
    character = found.group()
    if character == "\r" and multi_line:
        return "contains a carriage return (U+000D) that does not end a line"
    if character in "\n\r":
        return "must be one line (it contains a line break)"
    if character == "\t":
        return "must be one line (it contains a tab)"
    return f"must be text: it contains the control character U+{ord(character):04X}"


def one_line_text(value: str) -> str:
    problem = control_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def multi_line_text(value: str) -> str:
    # A Windows line break (CR LF) is a line break; a lone CR is not, since a terminal
    # would move back over the line with it.
    value = value.replace("\r\n", "\n")
    problem = control_problem(value, multi_line=True)
    if problem is not None:
        raise ValueError(problem)
    return value


# The same rules as JSON Schema patterns, so that the OpenAPI schema tells a client
# (and a fuzzer) exactly what is refused. Explicit classes only (no "\\s"), which
# Python's `re` and ECMAScript read alike.
_C0 = "\\x00-\\x1f"
_MULTI_LINE = "(?:[^\\x00-\\x08\\x0b-\\x1f]|\\r\\n)"
# What stripping removes first: Unicode White_Space (tab to CR, NEL, the spaces).
_WHITE_SPACE = "\\t-\\r\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


def text_pattern(*, multi_line: bool, stripped: bool, required: bool) -> str:
    """The JSON Schema pattern of a text field's rule (`one_line_text` or
    `multi_line_text`), after the stripping its field may do first; `required`: the
    stripped text must keep a character (a minimum length)."""
    body = _MULTI_LINE if multi_line else f"[^{_C0}]"
    if not stripped:
        return f"^{body}*$"
    edge = f"[{_WHITE_SPACE}]*"
    if required:
        # Something that stripping keeps, with only allowed text around it.
        return f"^{edge}{body}*[^{_C0}{_WHITE_SPACE}]{body}*{edge}$"
    return f"^{edge}{body}*{edge}$"


ONE_LINE_PATTERN = text_pattern(multi_line=False, stripped=False, required=False)
"""A query parameter's rule (`text_params`): one line, not stripped."""


@dataclass(frozen=True)
class _Text:
    """A text field's rule: run by pydantic, and written into the JSON Schema."""

    check: Callable[[str], str]
    multi_line: bool

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        text: Any = handler(source)
        if text.get("type") == "str" and text.get("strip_whitespace") and "max_length" in text:
            # The longest text is counted as sent, before stripping, as the schema's
            # maxLength counts it; the shortest after, as what is kept must say something.
            stripped = {key: value for key, value in text.items() if key != "max_length"}
            text = core_schema.chain_schema(
                [core_schema.str_schema(max_length=text["max_length"]), stripped]
            )
        return core_schema.no_info_after_validator_function(self.check, text)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        text: Any = schema.get("schema", {})  # the string schema this rule runs after
        if text.get("type") == "chain":
            text = text["steps"][1]  # (JSON Schema shows the first step only)
            if text.get("min_length"):
                json_schema["minLength"] = text["min_length"]
        json_schema["pattern"] = text_pattern(
            multi_line=self.multi_line,
            stripped=bool(text.get("strip_whitespace")),
            required=bool(text.get("min_length")),
        )
        return json_schema


OneLine = _Text(one_line_text, multi_line=False)
"""Marks a text field that holds one line: no control character, line break or tab."""
MultiLine = _Text(multi_line_text, multi_line=True)
"""Marks a text field that may hold lines and tabs, and no other control character."""


MAX_ID = 2**31 - 1
"""The largest id a request body may name: ids are 32-bit INTEGER columns on PostgreSQL,
which fails to even bind a bigger number (a server error instead of "no such thing")."""


def at_most_one_each(vocabulary: object) -> int:
    """The longest sensible list of a Literal's values: each once."""
    return len(get_args(vocabulary))


# --- reusable field types -------------------------------------------------------------

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120), OneLine]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), OneLine
]
LongText = Annotated[str, StringConstraints(max_length=5000), MultiLine]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60), OneLine]


def normalize_prefecture(value: str) -> str:
    """Accept a prefecture however it is capitalised ("tokyo", "TOKYO") or suffixed."""
    key = value.strip().casefold().removesuffix("-ken").removesuffix("-fu").removesuffix("-to")
    for prefecture in PREFECTURES:
        if prefecture.casefold() == key:
            return prefecture
    raise ValueError(f"{value.strip()!r} is not one of Japan's 47 prefectures (e.g. Tokyo, Osaka)")


Prefecture = Annotated[
    str,
    StringConstraints(max_length=40),  # the longest prefecture with a suffix, and room
    AfterValidator(normalize_prefecture),
    Field(json_schema_extra={"enum": list(PREFECTURES)}),
]
YearMonth = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),  # seven characters, or refused
]


def normalize_phone(value: str) -> str:
    """Parse any common way of writing a phone number and store it as E.164.

    Japanese numbers are the default ("090-1234-5678"); numbers from elsewhere
    need their country code ("+44 20 7946 0958").
    """
    # Imported on first use: a process that never reads a phone number (most plain
    # commands) skips its tables.
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, "JP")
    except phonenumbers.NumberParseException as error:
        raise ValueError("is not a phone number") from error
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(
            "is not a valid phone number (write it as 090-1234-5678, or with its country code)"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


Phone = Annotated[str, StringConstraints(max_length=64), OneLine, AfterValidator(normalize_phone)]


def _any_case(word: str) -> str:
    return "".join(f"[{letter}{letter.upper()}]" for letter in word)


def special_use_email_pattern() -> str:
    """An address no mail can reach (RFC 6761's special-use names: `.test`, `.local`,
    ...) is refused though it is well formed; the schema says so, as a pattern beside
    the format. (The names are email-validator's, which does the refusing; imported
    here, when a schema is made or an address checked, not by every process.)"""
    import email_validator

    names = "|".join(_any_case(name) for name in email_validator.SPECIAL_USE_DOMAIN_NAMES)
    return f"^(?!.*[@.](?:{names})\\.?$)"


def _special_use_pattern(schema: dict[str, Any]) -> None:
    schema["pattern"] = special_use_email_pattern()


Email = Annotated[EmailStr, Field(json_schema_extra=_special_use_pattern)]
"""An e-mail address that mail can reach."""


class Strict(WireModel):
    """A request body: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


# --- the candidate's profile ----------------------------------------------------------


class PostalAddress(Strict):
    country: Name = "Japan"
    postal_code: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=12), OneLine
    ] = ""
    prefecture: Prefecture | None = None
    city: ShortText = ""
    street: ShortText = ""
    building: ShortText = ""

    @model_validator(mode="after")
    def _japanese_postal_code(self) -> PostalAddress:
        if self.country.casefold() == "japan" and self.postal_code:
            digits = self.postal_code.replace("-", "").replace("〒", "").strip()
            if len(digits) != 7 or not digits.isdigit():
                raise ValueError("a Japanese postal code has seven digits, like 150-0001")
            self.postal_code = f"{digits[:3]}-{digits[3:]}"
        return self

    def one_line(self) -> str:
        parts = [
            self.postal_code,
            self.prefecture or "",
            self.city,
            self.street,
            self.building,
            self.country,
        ]
        return ", ".join(part for part in parts if part)


class Identity(Strict):
    """What identifies the candidate. Never in the resume bank."""

    full_name: Name
    name_japanese: ShortText | None = Field(
        default=None,
        description="the name as a Japanese resume writes it, in kanji or katakana "
        '("田中 美咲", "ゼベディー・キホーテ"); hidden like the full name',
    )
    name_reading: ShortText | None = Field(
        default=None,
        description='its furigana reading in kana ("たなか みさき"); hidden like the full name',
    )
    email: Email
    phone: Phone | None = None
    address: PostalAddress | None = None
    current_company: ShortText | None = None

    def names(self) -> list[str]:
        """Every spelling of the name the candidate gave."""
        return [name for name in (self.full_name, self.name_japanese, self.name_reading) if name]


class Location(Strict):
    """Where the candidate lives now; employers searching see the region only."""

    country: Name = "Japan"
    prefecture: Prefecture | None = None
    city: ShortText = ""


class ExperienceEntry(Strict):
    title: Name
    company: ShortText = ""
    industry: ShortText = ""
    start: YearMonth
    end: YearMonth | None = Field(default=None, description="None while the job is current")
    description: LongText = ""

    @model_validator(mode="after")
    def _ends_after_start(self) -> ExperienceEntry:
        if self.end is not None and self.end < self.start:
            raise ValueError("the end month is before the start month")
        return self

    def years(self, today: dt.date) -> float:
        start_year, start_month = (int(part) for part in self.start.split("-"))
        if self.end is None:
            end_year, end_month = today.year, today.month
        else:
            end_year, end_month = (int(part) for part in self.end.split("-"))
        months = (end_year - start_year) * 12 + (end_month - start_month) + 1
        return round(max(months, 0) / 12, 1)


class Education(Strict):
    level: EducationLevel
    school: ShortText = ""
    field: ShortText = ""
    graduation_year: int | None = Field(default=None, ge=1950, le=2100)


class Languages(Strict):
    japanese: JapaneseLevel = "none"
    english: EnglishLevel = "none"
    other: list[Tag] = Field(default_factory=list, max_length=10)


class Preferences(Strict):
    desired_jobs: list[Tag] = Field(default_factory=list, max_length=10)
    job_types: list[JobType] = Field(default_factory=list, max_length=at_most_one_each(JobType))
    prefectures: list[Prefecture] = Field(default_factory=list, max_length=len(PREFECTURES))
    remote: list[RemotePolicy] = Field(
        default_factory=list, max_length=at_most_one_each(RemotePolicy)
    )
    min_salary_jpy: int | None = Field(
        default=None, ge=0, le=100_000_000, description="yearly, in yen"
    )
    start_date: dt.date | None = None
    interests: list[Tag] = Field(default_factory=list, max_length=20)


class Demographics(Strict):
    birth_date: dt.date | None = None
    gender: Gender | None = None
    nationality: ShortText | None = None

    @field_validator("birth_date")
    @classmethod
    def _plausible_birth_date(cls, value: dt.date | None) -> dt.date | None:
        if value is None:
            return value
        today = dt.date.today()
        if value > today.replace(year=today.year - 15):
            raise ValueError("a candidate must be at least 15 years old")
        if value.year < 1900:
            raise ValueError("is too far in the past")
        return value


class Profile(Strict):
    """The whole profile, as the candidate (and only the candidate) sees it."""

    identity: Identity
    location: Location = Field(default_factory=Location)
    headline: ShortText = ""
    summary: LongText = ""
    skills: list[Tag] = Field(default_factory=list, max_length=50)
    experience: list[ExperienceEntry] = Field(default_factory=list, max_length=30)
    education: list[Education] = Field(default_factory=list, max_length=10)
    languages: Languages = Field(default_factory=Languages)
    visa_status: VisaStatus | None = None
    preferences: Preferences = Field(default_factory=Preferences)
    demographics: Demographics = Field(default_factory=Demographics)


class ProfileEnvelope(WireModel):
    """A profile with the version it was read at; PUT it back with `If-Match: etag`."""

    profile: Profile
    etag: str
    updated_at: dt.datetime


# --- who may see what -----------------------------------------------------------------


class Visibility(Strict):
    resume: ResumeState = "locked"
    searchable_until: dt.date | None = Field(
        default=None, description="After this day the resume locks itself again."
    )
    show_past_companies: bool = False
    show_age: bool = False
    show_gender: bool = False
    show_nationality: bool = False


class ViewExperience(WireModel):
    title: str
    industry: str
    years: float
    company: str | None = None
    description: str = ""


class ViewEducation(WireModel):
    level: EducationLevel
    field: str = ""
    school: str | None = None


class ViewLocation(WireModel):
    country: str
    region: str | None = None
    prefecture: str | None = None
    city: str | None = None


class EmployerView(WireModel):
    """Everything an employer may receive about a candidate: an allow-list.

    A field that is not declared here cannot reach an employer. Identity fields are
    filled only in the application context (and phone and address only when the
    candidate ticked them in the apply dialog).
    """

    model_config = ConfigDict(extra="forbid")

    candidate_ref: str
    context: ViewContext
    headline: str
    summary: str
    skills: list[str]
    experience: list[ViewExperience]
    education: list[ViewEducation]
    japanese: JapaneseLevel
    english: EnglishLevel
    other_languages: list[str]
    visa_status: VisaStatus | None
    desired_jobs: list[str]
    job_types: list[JobType]
    preferred_prefectures: list[str]
    remote: list[RemotePolicy]
    min_salary_jpy: int | None
    start_date: dt.date | None
    location: ViewLocation
    age_band: str | None = None
    gender: Gender | None = None
    nationality: str | None = None
    full_name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    current_company: str | None = None


class Redaction(WireModel):
    """One leak-guard replacement, told to the candidate (never to an employer)."""

    field: str = Field(description="where, e.g. 'summary' or 'experience[0].description'")
    kind: Literal["name", "email", "phone", "address", "company", "any_email", "url", "handle"]
    reason: str = Field(description="e.g. 'your summary contains your phone number'")


class EmployerPreview(WireModel):
    """What the candidate sees: the view an employer gets, and what was hidden why."""

    view: EmployerView
    redactions: list[Redaction]


class ResumeBankHit(WireModel):
    candidate_ref: str
    headline: str
    skills: list[str]
    japanese: JapaneseLevel
    visa_status: VisaStatus | None
    region: str | None


class ResumeBankPage(WireModel):
    items: list[ResumeBankHit]
    next_cursor: str | None = None


CompanyName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), OneLine
]


class BlockedCompany(WireModel):
    """One block: an organisation the candidate picked, or a name they typed.

    A typed name blocks every verified organisation whose legal or other names match
    it (now, and any verified later); a picked organisation is blocked under every
    name it goes by, for every account it has, even after a merge.
    """

    name: str = Field(description="what the candidate typed or picked")
    automatic: bool = Field(
        default=False,
        description="added because it is the candidate's current company (identity or an "
        "experience entry with no end date)",
    )
    organisation_id: int | None = Field(
        default=None, description="the verified organisation picked; None for a typed name"
    )
    organisation_name: str | None = Field(
        default=None, description="that organisation's verified legal name"
    )
    matches: list[str] = Field(
        default_factory=list,
        description="legal names of the verified organisations this block holds today",
    )


class BlockEntry(Strict):
    name: CompanyName
    organisation_id: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="a verified organisation from blockable-organisations",
    )


class BlockedCompanies(Strict):
    """The whole block list. A plain string is a typed name (as before organisations)."""

    companies: list[BlockEntry | CompanyName] = Field(default_factory=list, max_length=200)

    def entries(self) -> list[BlockEntry]:
        return [
            item if isinstance(item, BlockEntry) else BlockEntry(name=item)
            for item in self.companies
        ]


class BlockedCompanyList(WireModel):
    companies: list[BlockedCompany]


class OrganisationMatch(WireModel):
    """A verified organisation whose names match what the candidate typed."""

    id: int
    legal_name: str
    also_known_as: list[str]
    matched_name: str = Field(description="the name of it that matched")


class ProfileViewEvent(WireModel):
    """An organisation's opens of the profile in one context on one day, merged: the
    platform keeps one entry a day with a count, not one per open."""

    at: dt.datetime = Field(description="the latest open that day")
    employer_name: str = Field(description="the organisation's verified legal name")
    employer_status: OrganisationStatus = "verified"
    context: ViewContext
    count: int = Field(default=1, ge=1, description="how many times it was opened that day")
    first_at: dt.datetime | None = Field(
        default=None, description="the first open that day (None: as `at`)"
    )
    day: dt.date | None = Field(
        default=None, description="the platform's calendar day (in Japan) the opens count in"
    )


EraseState = Literal["pending", "done", "refused"]


class DisclosureEvent(WireModel):
    id: int
    at: dt.datetime
    employer_name: str = Field(description="the organisation's verified legal name")
    employer_status: OrganisationStatus = "verified"
    fields: list[str]
    reason: str
    job_id: int | None = None
    application_id: int | None = None
    job_title: str | None = None
    erase_state: EraseState | None = Field(
        default=None, description="the candidate's request that the employer forget this"
    )
    erase_reason: str = Field(default="", description="the employer's reason for a refusal")


# --- accounts -------------------------------------------------------------------------


class SignupRequest(Strict):
    # An employer's company name is required: said in the schema too.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "if": {"properties": {"role": {"const": "employer"}}, "required": ["role"]},
            "then": {
                "properties": {"company_name": {"type": "string"}},
                "required": ["company_name"],
            },
        },
    )

    email: Email
    password: Annotated[str, StringConstraints(min_length=10, max_length=256), OneLine]
    role: SignupRole = "seeker"
    full_name: Name | None = Field(default=None, description="seekers: starts the profile")
    company_name: Name | None = Field(default=None, description="employers: required")

    @model_validator(mode="after")
    def _employer_has_company(self) -> SignupRequest:
        if self.role == "employer" and not self.company_name:
            raise ValueError("an employer account needs a company name")
        return self


class SignupStarted(WireModel):
    """The answer to a sign-up (202) or a request for a new code: the same whether or
    not the address has an account, so it tells nobody which addresses do."""

    email: str
    code_required: bool = Field(
        description="whether a code mailed to the address finishes the sign-up "
        "(POST /auth/signup/verify); if not, sign in with the password"
    )
    code_minutes: int | None = Field(default=None, description="how long a mailed code works")
    message: str


SignupCodeText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32), OneLine
]


class SignupCode(Strict):
    email: Email
    code: SignupCodeText


class SignupCodeResend(Strict):
    email: Email


class LoginRequest(Strict):
    email: Email
    password: Annotated[str, StringConstraints(min_length=1, max_length=256)]


class Session(WireModel):
    token: str
    role: Role
    email: str
    display_name: str


class Account(WireModel):
    email: str
    role: Role
    display_name: str


# --- organisations and the operator -----------------------------------------------------

Domain = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_lower=True,
        min_length=3,
        max_length=253,
        pattern=r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$",
    ),
]


class OrganisationMember(WireModel):
    """An employer account of an organisation, as its admins and the operator see it."""

    id: int
    email: str
    role: OrganisationRole
    approved: bool = Field(description="may act for the organisation once it is verified")
    typed_company_name: str = Field(description="what the account typed at signup")
    created_at: dt.datetime


class EmployerOrganisation(WireModel):
    """The signed-in employer's organisation, and what the account may do now."""

    id: int
    legal_name: str = Field(description="verified legal name, or the name typed at signup")
    status: OrganisationStatus
    role: OrganisationRole
    approved: bool
    can_search: bool = Field(description="resume bank, masked profiles and invitations")
    jobs_listed: bool
    message: str = Field(description="what the account may do now, in a sentence")
    members: list[OrganisationMember] = Field(
        default_factory=list, description="admins only: every account of the organisation"
    )


class OrganisationSummary(WireModel):
    id: int
    legal_name: str
    status: OrganisationStatus


class Organisation(WireModel):
    """An organisation as the platform's operator sees it."""

    id: int
    legal_name: str
    status: OrganisationStatus
    also_known_as: list[str]
    domains: list[str]
    accounts: list[OrganisationMember]
    suspended_reason: str | None = None
    merged_into: int | None = None
    similar: list[OrganisationSummary] = Field(
        default_factory=list,
        description="other organisations with a matching name: candidates for a merge",
    )
    created_at: dt.datetime
    verified_at: dt.datetime | None = None


class OrganisationVerify(Strict):
    legal_name: CompanyName
    also_known_as: list[CompanyName] = Field(default_factory=list, max_length=50)
    domains: list[Domain] = Field(default_factory=list, max_length=50)


class OrganisationMerge(Strict):
    into: int = Field(ge=1, le=MAX_ID)


class OrganisationSuspend(Strict):
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000), MultiLine
    ]


class ReportRequest(Strict):
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), MultiLine
    ]


class InvitationReport(WireModel):
    """The candidate's report of an invitation, and where the operator has got with it."""

    id: int
    reason: str
    state: ReportState
    outcome: str = Field(default="", description="the operator's words when it was closed")
    reported_at: dt.datetime
    closed_at: dt.datetime | None = None


class OperatorReport(WireModel):
    """A report in the operator's queue: the invitation as the candidate received it."""

    id: int
    reason: str
    state: ReportState
    outcome: str = ""
    reported_at: dt.datetime
    closed_at: dt.datetime | None = None
    invitation_id: int
    subject: str
    body: str
    sent_at: dt.datetime
    organisation: OrganisationSummary
    sender_email: str = Field(description="the employer account that sent it")


class ReportDecision(Strict):
    state: Literal["resolved", "dismissed"]
    outcome: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=2000), MultiLine
    ] = ""


# --- jobs -----------------------------------------------------------------------------


class JobDraft(Strict):
    """A job as an employer posts it."""

    title: Name
    description: Annotated[str, StringConstraints(min_length=1, max_length=20000), MultiLine]
    category: JobCategory
    job_type: JobType
    remote: RemotePolicy = "onsite"
    prefecture: Prefecture | None = None
    city: ShortText = ""
    salary_min: int | None = Field(default=None, ge=0, le=100_000_000)
    salary_max: int | None = Field(default=None, ge=0, le=100_000_000)
    salary_period: SalaryPeriod = "year"
    japanese_required: JapaneseLevel = "none"
    english_required: EnglishLevel = "none"
    visa_sponsorship: bool = False
    apply_from_overseas: bool = False
    skills: list[Tag] = Field(default_factory=list, max_length=30)
    closes_at: dt.date | None = None

    @model_validator(mode="after")
    def _salary_range(self) -> JobDraft:
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_max < self.salary_min
        ):
            raise ValueError("the highest salary is below the lowest")
        return self


KEPT_JOB_FIELDS = ("title", "description", "status")
"""What an edit may change but never remove (the route refuses null for them)."""


def _no_null(*names: str) -> Callable[[dict[str, Any]], None]:
    """A model's json_schema_extra: `names` may be left out but are never null."""

    def edit(schema: dict[str, Any]) -> None:
        for name in names:
            field = schema["properties"][name]
            choices = [choice for choice in field.pop("anyOf", []) if choice != {"type": "null"}]
            if len(choices) == 1:
                field.update(choices[0])
            field.pop("default", None)

    return edit


class JobPatch(Strict):
    """The fields of a job an employer may change after posting; absent means unchanged."""

    # Left out, these stay; null cannot remove them (a 422), so the schema offers none.
    model_config = ConfigDict(extra="forbid", json_schema_extra=_no_null(*KEPT_JOB_FIELDS))

    title: Name | None = None
    description: (
        Annotated[str, StringConstraints(min_length=1, max_length=20000), MultiLine] | None
    ) = None
    status: Literal["open", "closed"] | None = None
    closes_at: dt.date | None = None
    salary_min: int | None = Field(default=None, ge=0, le=100_000_000)
    salary_max: int | None = Field(default=None, ge=0, le=100_000_000)


class Job(WireModel):
    id: int
    employer_id: int
    company_name: str
    title: str
    description: str
    category: JobCategory
    job_type: JobType
    remote: RemotePolicy
    prefecture: str | None
    city: str
    salary_min: int | None
    salary_max: int | None
    salary_period: SalaryPeriod
    salary_yearly_min_jpy: int | None = Field(
        description="salary_min normalised to a year, for comparing jobs"
    )
    japanese_required: JapaneseLevel
    english_required: EnglishLevel
    visa_sponsorship: bool
    apply_from_overseas: bool
    skills: list[str]
    status: Literal["open", "closed"]
    listed: bool = Field(
        default=True,
        description="employers: False while the organisation is not verified (or is "
        "suspended): the job is kept but nobody finds it",
    )
    posted_at: dt.datetime
    closes_at: dt.date | None
    saved: bool = False
    applied: bool = False


class JobPage(WireModel):
    items: list[Job]
    next_cursor: str | None = None
    total: int | None = None


JobSort = Literal["relevance", "newest", "salary"]


class JobQuery(Strict):
    """A job search: keywords plus the filters a job seeker in Japan combines.

    Sent as query parameters (lists repeated: `prefecture=Tokyo&prefecture=Osaka`) and
    stored as-is in a saved search. Every filter is optional; an empty query lists the
    newest open jobs.
    """

    q: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), OneLine] = ""
    prefecture: list[Prefecture] = Field(default_factory=list, max_length=47)
    region: list[Literal[tuple(REGIONS)]] = Field(  # type: ignore[valid-type]
        default_factory=list, max_length=8
    )
    remote: list[RemotePolicy] = Field(
        default_factory=list, max_length=at_most_one_each(RemotePolicy)
    )
    job_type: list[JobType] = Field(default_factory=list, max_length=at_most_one_each(JobType))
    category: list[JobCategory] = Field(
        default_factory=list, max_length=at_most_one_each(JobCategory)
    )
    min_salary_jpy: int | None = Field(
        default=None,
        ge=0,
        le=100_000_000,
        description="yearly yen; monthly and hourly "
        "salaries are normalised to a year before comparing",
    )
    japanese_max: JapaneseLevel | None = Field(
        default=None, description="only jobs requiring at most this Japanese level"
    )
    english_max: EnglishLevel | None = Field(
        default=None, description="only jobs requiring at most this English level"
    )
    visa_sponsorship: bool | None = None
    apply_from_overseas: bool | None = None
    posted_within_days: int | None = Field(default=None, ge=1, le=365)
    sort: JobSort = "relevance"

    @field_validator("visa_sponsorship", "apply_from_overseas", mode="before")
    @classmethod
    def _true_or_false(cls, value: object) -> object:
        """A yes/no filter is true or false: in JSON a boolean, in a query string the
        word. Pydantic would also take 0, "yes" or "on", which the schema does not
        promise and which would make a typo mean something."""
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str) and value.casefold() in {"true", "false"}:
            return value.casefold() == "true"
        raise ValueError("must be true or false")


class SavedSearchRequest(Strict):
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80), OneLine
    ]
    query: JobQuery


class SavedSearch(WireModel):
    id: int
    name: str
    query: JobQuery
    created_at: dt.datetime


# --- applications, invitations, mail --------------------------------------------------


class ApplicationRequest(Strict):
    cover_note: Annotated[str, StringConstraints(max_length=5000), MultiLine] = ""
    disclose: list[OptionalDisclosure] = Field(
        default_factory=list,
        max_length=at_most_one_each(OptionalDisclosure),
        description="optional fields sent besides name and e-mail",
    )


class StatusChange(WireModel):
    status: ApplicationStatus
    at: dt.datetime
    note: str = ""


class Application(WireModel):
    id: int
    job_id: int
    job_title: str
    company_name: str
    employer_status: OrganisationStatus = "verified"
    status: ApplicationStatus
    cover_note: str
    disclosed: list[str]
    timeline: list[StatusChange]
    created_at: dt.datetime


class EmployerApplication(WireModel):
    id: int
    job_id: int
    job_title: str
    status: ApplicationStatus
    candidate: EmployerView
    cover_note: str
    created_at: dt.datetime


class ApplicationStatusUpdate(Strict):
    status: ApplicationStatus
    note: Annotated[str, StringConstraints(max_length=1000), MultiLine] = ""


class InvitationRequest(Strict):
    subject: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), OneLine
    ]
    body: Annotated[str, StringConstraints(min_length=1, max_length=10000), MultiLine]
    job_id: int | None = Field(default=None, ge=1, le=MAX_ID)


class TriageWarning(WireModel):
    """Why an invitation looks like a scam, in words the candidate can check."""

    rule: Literal[
        "off_platform_contact",
        "phone_in_body",
        "messaging_handle",
        "asks_for_money",
        "asks_for_documents",
        "hired_without_interview",
    ]
    message: str = Field(
        description='e.g. "It asks you to write to a free-mail address '
        '(recruit.tokyo@gmail.com) instead of replying here."'
    )


class Invitation(WireModel):
    """An employer's message relayed to the candidate (the employer never learns who)."""

    id: int
    employer_name: str = Field(description="the organisation's verified legal name")
    employer_status: OrganisationStatus = Field(
        default="verified",
        description='"suspended": the platform has since suspended the sender',
    )
    subject: str
    body: str
    job_id: int | None
    sent_at: dt.datetime
    read: bool
    state: Literal["open", "replied", "declined"]
    warnings: list[TriageWarning] = Field(default_factory=list)
    reply: str | None = Field(default=None, description="what the candidate answered")
    decline_reason: str | None = None
    report: InvitationReport | None = Field(
        default=None, description="the candidate's report of it to the platform, if any"
    )


class UnreadCount(WireModel):
    unread: int


class SentInvitation(WireModel):
    """An invitation as its employer sees it: under the candidate reference only."""

    id: int
    candidate_ref: str
    subject: str
    job_id: int | None
    sent_at: dt.datetime
    state: Literal["open", "replied", "declined"]


class ReplyRequest(Strict):
    body: Annotated[str, StringConstraints(min_length=1, max_length=10000), MultiLine]
    share_email: bool = False
    share_phone: bool = False


class DeclineRequest(Strict):
    reason: Annotated[str, StringConstraints(max_length=2000), MultiLine] = ""


class RelayedMessage(WireModel):
    """A candidate's reply as the employer receives it: under the reference only."""

    id: int
    invitation_id: int
    candidate_ref: str
    kind: Literal["reply", "declined"]
    body: str
    shared_email: str | None = None
    shared_phone: str | None = None
    at: dt.datetime


MailList = Literal["jobmail", "newsletters"]
JobMailFrequency = Literal["daily", "weekly"]
ConsentSource = Literal["app", "command", "api", "signup"]


class Subscription(WireModel):
    subscribed: bool
    consented_at: dt.datetime | None = Field(
        default=None, description="when the candidate last said yes to this list"
    )
    consent_method: str | None = Field(
        default=None, description='how they said yes, in words: "in the gpseeker app"'
    )
    unsubscribed_at: dt.datetime | None = None


class Subscriptions(WireModel):
    email: str = Field(description="the address the mail goes to")
    jobmail: Subscription
    jobmail_frequency: JobMailFrequency = "weekly"
    newsletters: Subscription


class SubscriptionsUpdate(Strict):
    """Only the fields given change; `via` is recorded as the way consent was given."""

    jobmail: bool | None = None
    jobmail_frequency: JobMailFrequency | None = None
    newsletters: bool | None = None
    via: ConsentSource = "api"


class UnsubscribeResult(WireModel):
    """The answer to a one-click unsubscribe link: which list, for which address."""

    mail_list: MailList
    email: str
    unsubscribed: bool = True


# --- your data: erasure requests, export, deletion, policy ----------------------------


class EraseRequest(WireModel):
    """The candidate's request that an employer forget an application, as relayed."""

    id: int
    application_id: int
    employer_name: str
    job_title: str
    state: EraseState
    reason: str = Field(default="", description="the employer's reason for a refusal")
    requested_at: dt.datetime
    answered_at: dt.datetime | None = None


class EmployerEraseRequest(WireModel):
    """An erasure request as the employer that received the application sees it."""

    id: int
    application_id: int
    job_id: int
    job_title: str
    candidate_name: str = Field(description="as disclosed in the application")
    state: EraseState
    reason: str = ""
    requested_at: dt.datetime
    answered_at: dt.datetime | None = None


class EraseAnswer(Strict):
    # A refusal needs a reason: said in the schema too, so clients see it.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "if": {"properties": {"state": {"const": "refused"}}, "required": ["state"]},
            "then": {
                "properties": {
                    "reason": {
                        "pattern": text_pattern(multi_line=True, stripped=True, required=True)
                    }
                },
                "required": ["reason"],
            },
        },
    )

    state: Literal["done", "refused"]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000), MultiLine] = (
        ""
    )

    @model_validator(mode="after")
    def _refusal_has_reason(self) -> EraseAnswer:
        if self.state == "refused" and not self.reason:
            raise ValueError("a refusal needs a reason the candidate can read")
        return self


class SavedJobRecord(WireModel):
    job_id: int
    job_title: str
    company_name: str
    saved_at: dt.datetime


class ExportedAccount(WireModel):
    email: str
    display_name: str
    created_at: dt.datetime


class DataExport(WireModel):
    """Everything the platform holds about one candidate (GET /me/export)."""

    schema_version: Literal[1] = 1
    exported_at: dt.datetime
    account: ExportedAccount
    profile: Profile
    visibility: Visibility
    blocked_companies: list[BlockedCompany]
    applications: list[Application]
    invitations: list[Invitation]
    disclosures: list[DisclosureEvent]
    profile_views: list[ProfileViewEvent]
    erase_requests: list[EraseRequest]
    subscriptions: Subscriptions
    saved_jobs: list[SavedJobRecord]
    saved_searches: list[SavedSearch]


class AccountDeletion(Strict):
    confirm_email: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=320), OneLine
    ] = Field(description="the account's e-mail address, typed again")


class DeletionReceipt(WireModel):
    deleted_at: dt.datetime
    email: str
    employers_with_applications: list[str] = Field(
        description="employers that received an application and may keep their copy as "
        "the law allows"
    )


class PolicyContact(WireModel):
    """Who answers questions about personal information (APPI: 個人情報の問い合わせ窓口)."""

    operator: str
    address: str
    email: str
    hours: str


class PrivacyPolicy(WireModel):
    version: str
    effective_date: dt.date
    text: str
    changes: list[str] = Field(description="what this version changed from the one before")
    contact: PolicyContact


# --- errors ---------------------------------------------------------------------------


class FieldError(WireModel):
    path: str = Field(description="dotted path into the request body, e.g. identity.email")
    message: str


class ErrorDetail(WireModel):
    code: str
    message: str
    fields: list[FieldError] = Field(default_factory=list)


class ErrorBody(WireModel):
    error: ErrorDetail
