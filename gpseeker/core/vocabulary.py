"""The words of the job board: prefectures, regions, levels, job types and statuses.

Plain tuples and Literals with no dependencies, so the first screen can build its
filter choices without importing pydantic models (STYLE: paint first).
"""

from __future__ import annotations

from typing import Literal, get_args

PREFECTURES: tuple[str, ...] = (
    "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima",
    "Ibaraki", "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa",
    "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu",
    "Shizuoka", "Aichi", "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara",
    "Wakayama", "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi",
    "Tokushima", "Kagawa", "Ehime", "Kochi", "Fukuoka", "Saga", "Nagasaki",
    "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa",
)  # fmt: skip

REGIONS: dict[str, tuple[str, ...]] = {
    "Hokkaido": ("Hokkaido",),
    "Tohoku": ("Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima"),
    "Kanto": ("Ibaraki", "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa"),
    "Chubu": (
        "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu",
        "Shizuoka", "Aichi",
    ),
    "Kansai": ("Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama"),
    "Chugoku": ("Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi"),
    "Shikoku": ("Tokushima", "Kagawa", "Ehime", "Kochi"),
    "Kyushu-Okinawa": (
        "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima",
        "Okinawa",
    ),
}  # fmt: skip

REGION_OF_PREFECTURE: dict[str, str] = {
    prefecture: region for region, members in REGIONS.items() for prefecture in members
}

JapaneseLevel = Literal["none", "N5", "N4", "N3", "N2", "N1", "native"]
JAPANESE_LEVELS: tuple[JapaneseLevel, ...] = ("none", "N5", "N4", "N3", "N2", "N1", "native")

EnglishLevel = Literal["none", "basic", "conversational", "business", "fluent", "native"]
ENGLISH_LEVELS: tuple[EnglishLevel, ...] = (
    "none",
    "basic",
    "conversational",
    "business",
    "fluent",
    "native",
)

VisaStatus = Literal[
    "needs_sponsorship",
    "work_visa",
    "highly_skilled_professional",
    "spouse_or_long_term_resident",
    "permanent_resident",
    "working_holiday",
    "student",
    "japanese_citizen",
    "other",
]

JobType = Literal["full_time", "part_time", "contract", "temporary", "internship", "freelance"]
JOB_TYPES: tuple[JobType, ...] = (
    "full_time",
    "part_time",
    "contract",
    "temporary",
    "internship",
    "freelance",
)

RemotePolicy = Literal["onsite", "hybrid", "remote"]

JobCategory = Literal[
    "teaching",
    "it",
    "hospitality",
    "engineering",
    "sales",
    "translation",
    "marketing",
    "finance",
    "healthcare",
    "manufacturing",
    "logistics",
    "research",
    "design",
    "customer_support",
    "other",
]

SalaryPeriod = Literal["hour", "month", "year"]

EducationLevel = Literal[
    "secondary",
    "vocational",
    "associate",
    "bachelor",
    "master",
    "doctorate",
    "other",
]

Gender = Literal["female", "male", "non_binary", "other"]

ResumeState = Literal["locked", "searchable"]

ViewContext = Literal["search", "application"]

Role = Literal["seeker", "employer", "operator"]
"""Who an account is. Operators run the platform and are never created by a signup."""

SignupRole = Literal["seeker", "employer"]

OrganisationStatus = Literal["pending", "verified", "suspended", "merged"]
"""An employer organisation as the platform's operator judged it. Only "verified" may
search the resume bank, open masked profiles, send invitations and list jobs."""

OrganisationRole = Literal["admin", "member"]

ReportState = Literal["open", "resolved", "dismissed"]

ApplicationStatus = Literal[
    "submitted", "viewed", "shortlisted", "interview", "offer", "rejected", "withdrawn"
]

OptionalDisclosure = Literal["phone", "address"]

JOB_CATEGORIES: tuple[JobCategory, ...] = get_args(JobCategory)
REMOTE_POLICIES: tuple[RemotePolicy, ...] = get_args(RemotePolicy)
VISA_STATUSES: tuple[VisaStatus, ...] = get_args(VisaStatus)
APPLICATION_STATUSES: tuple[ApplicationStatus, ...] = get_args(ApplicationStatus)


_SPECIAL_WORDS = {"it": "IT", "onsite": "on site"}

SENDER_MARK = {
    "verified": "verified by the platform",
    "suspended": "suspended by the platform",
    "pending": "not verified by the platform",
    "merged": "verified by the platform",
}
"""How an employer's organisation status is told beside its name, in words (never by
colour alone), in the app and in plain output alike."""


def sender_words(name: str, status: str) -> str:
    """ "Hakata Pixel Works K.K. (verified by the platform)": the name the platform
    verified, and what the platform says of it. `name` must already be clean text."""
    return f"{name} ({SENDER_MARK.get(status, SENDER_MARK['pending'])})"


DISCLOSED_FIELD_WORDS = {
    "full_name": "your name",
    "email": "your e-mail address",
    "phone": "your phone number",
    "address": "your postal address",
    "profile": "your profile",
}
"""The disclosure log's field keys (server/applications.py) as the candidate reads them."""


def in_a_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": a list read aloud."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def words(value: str) -> str:
    """A vocabulary value read aloud, the same in the app and in plain output:
    "needs_sponsorship" -> "needs sponsorship", "it" -> "IT". Only for these values:
    a user's own text keeps its underscores."""
    return _SPECIAL_WORDS.get(value, value.replace("_", " "))
