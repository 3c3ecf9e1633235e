"""Property tests: whatever the profile, the resume bank never learns who it is.

Identity values are drawn from scripts (Cyrillic, Greek, hiragana), an e-mail shape
("@") and digit strings that the rest of the generated profile never uses: the other
text comes from a Latin vocabulary without digits. So if a normalised identity value
shows up in the masked view, it leaked; it cannot have been put together by chance.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import phonenumbers
from hypothesis import HealthCheck, assume, given, reject, settings
from hypothesis import strategies as st

from gpseeker.core.models import (
    PREFECTURES,
    Demographics,
    ExperienceEntry,
    Identity,
    Location,
    OptionalDisclosure,
    PostalAddress,
    Profile,
    Visibility,
)
from gpseeker.core.privacy import employer_view, normalize_company

TODAY = dt.date(2025, 6, 1)

ALPHABETS = (
    "абвгдежзиклмнопрстуфхцчшэюя",
    "αβγδεζηθικλμνξοπρστυφχψω",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめも",
)
VOCABULARY = (
    "python",
    "sales",
    "team",
    "lead",
    "backend",
    "teaching",
    "english",
    "design",
    "cloud",
    "data",
    "support",
    "project",
    "customer",
    "manager",
    "engineer",
    "tourism",
    "translation",
    "and",
    "with",
    "for",
    "the",
    "of",
    "years",
    "building",
    "systems",
    "hotel",
    "kitchen",
    "research",
    "marketing",
)
LEGAL_FORMS = ("", " K.K.", " Co., Ltd.", " Inc.", " LLC")
PHONE_REGIONS = ("JP", "JP", "JP", "US", "GB", "DE", "FR", "AU", "KR", "BR", "CA")
PHONE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
FULL_WIDTH = str.maketrans("0123456789-+", "０１２３４５６７８９ー＋")
WHITESPACE = (" ", "  ", "\t", "\n", " \n ")


@dataclass
class Secrets:
    """The identity values and the ways the candidate wrote them into free text."""

    identity: Identity
    writings: list[str]


def words(alphabet: str, min_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=min_size, max_size=8)


@st.composite
def phone_numbers(draw: st.DrawFn) -> phonenumbers.PhoneNumber:
    region = draw(st.sampled_from(PHONE_REGIONS))
    example = phonenumbers.example_number_for_type(region, draw(st.sampled_from(PHONE_TYPES)))
    if example is None:
        reject()
    national = phonenumbers.national_significant_number(example)
    tail = draw(st.text(alphabet="0123456789", min_size=4, max_size=4))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
    assume(phonenumbers.is_valid_number(number))
    return number


def write_phone(draw: st.DrawFn, number: phonenumbers.PhoneNumber) -> str:
    formats = phonenumbers.PhoneNumberFormat
    written = phonenumbers.format_number(
        number,
        draw(
            st.sampled_from(
                (formats.E164, formats.INTERNATIONAL, formats.NATIONAL, formats.RFC3966)
            )
        ),
    )
    style = draw(st.sampled_from(("as is", "full width", "dashes", "no separators")))
    if style == "full width":
        return written.translate(FULL_WIDTH)
    if style == "dashes":
        return written.replace(" ", "-")
    if style == "no separators":
        return "".join(char for char in written if char.isdigit() or char == "+")
    return written


def random_case(draw: st.DrawFn, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(
        char.upper() if flip else char.lower() for char, flip in zip(text, flips, strict=True)
    )


def spaced(draw: st.DrawFn, parts: list[str]) -> str:
    return draw(st.sampled_from(WHITESPACE)).join(random_case(draw, part) for part in parts)


@st.composite
def secrets(draw: st.DrawFn) -> Secrets:
    alphabet = draw(st.sampled_from(ALPHABETS))
    # A name part shorter than this is matched only as part of the whole name, so
    # the property writes names whose every part is long enough to be hidden alone.
    min_part = 2 if alphabet == ALPHABETS[2] else 3
    name_parts = draw(st.lists(words(alphabet, min_part), min_size=1, max_size=3))
    company_words = draw(st.lists(words(alphabet, min_part), min_size=1, max_size=2))
    street_words = draw(st.lists(words(alphabet, 3), min_size=1, max_size=2))
    building_words = draw(st.lists(words(alphabet, 3), min_size=1, max_size=2))
    local = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10))
    domain = draw(st.sampled_from(("example.jp", "mail.example.com", "example.org")))
    number = draw(phone_numbers())
    postal = draw(st.text(alphabet="0123456789", min_size=7, max_size=7))
    block = f"{draw(st.integers(1, 9))}-{draw(st.integers(1, 30))}"
    legal = draw(st.sampled_from(LEGAL_FORMS))

    identity = Identity(
        full_name=" ".join(name_parts),
        email=f"{local}@{domain}",
        phone=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        address=PostalAddress(
            postal_code=f"{postal[:3]}-{postal[3:]}",
            prefecture="Tokyo",
            street=" ".join([*street_words, block]),
            building=" ".join(building_words),
        ),
        current_company=" ".join(company_words) + legal,
    )
    company_as_written = draw(
        st.sampled_from(
            (
                " ".join(company_words),
                " ".join(company_words) + legal,
                "株式会社 " + " ".join(company_words),
            )
        )
    )
    writings = [
        spaced(draw, name_parts),
        random_case(draw, identity.email),
        write_phone(draw, number),
        draw(
            st.sampled_from((f"〒{postal[:3]}-{postal[3:]}", postal, f"{postal[:3]} {postal[3:]}"))
        ),
        spaced(draw, [*street_words, block]),
        spaced(draw, building_words),
        random_case(draw, company_as_written),
    ]
    return Secrets(identity=identity, writings=writings)


def prose(draw: st.DrawFn, writings: list[str], min_writings: int) -> str:
    chosen = draw(
        st.lists(st.sampled_from(writings), min_size=min_writings, max_size=len(writings) + 2)
    )
    filler = draw(st.lists(st.sampled_from(VOCABULARY), min_size=0, max_size=len(chosen) + 3))
    pieces = draw(st.permutations([*chosen, *filler])) if chosen or filler else []
    separators = draw(
        st.lists(
            st.sampled_from((" ", ", ", ". ", "\n", " (", ") ")),
            min_size=len(pieces),
            max_size=len(pieces),
        )
    )
    return "".join(piece + sep for piece, sep in zip(pieces, separators, strict=True))


def one_line(text: str) -> str:
    """A writing as a one-line field can hold it: the platform refuses a tab or a line
    break in a headline or a skill, so those spell a name with spaces only."""
    return text.replace("\t", " ").replace("\n", " ")


@st.composite
def leaky_profiles(draw: st.DrawFn) -> Profile:
    found = draw(secrets())
    writings = found.writings
    assert found.identity.current_company is not None
    entries = []
    for index in range(draw(st.integers(0, 3))):
        # Past jobs, some at the current company under another spelling, which must
        # stay hidden even when past company names are shown.
        company = draw(
            st.sampled_from(
                (
                    "Fuji Trading",
                    found.identity.current_company,
                    random_case(draw, found.identity.current_company),
                )
            )
        )
        ended = draw(st.booleans())
        entries.append(
            ExperienceEntry(
                title=draw(st.sampled_from(VOCABULARY)),
                company=company,
                industry=draw(st.sampled_from(VOCABULARY)),
                start=f"{2010 + index}-04",
                end=f"{2010 + index}-12" if ended else None,
                description=prose(draw, writings, 1),
            )
        )
    headline_piece = one_line(draw(st.sampled_from(writings)))
    headline = f"{draw(st.sampled_from(VOCABULARY))} {headline_piece}"
    skills = [
        *draw(st.lists(st.sampled_from(VOCABULARY), max_size=3)),
        *[
            one_line(w)
            for w in draw(st.lists(st.sampled_from(writings), max_size=2))
            if len(w) <= 60
        ],
    ]
    return Profile(
        identity=found.identity,
        location=Location(
            prefecture=draw(st.sampled_from(PREFECTURES)), city=draw(st.sampled_from(VOCABULARY))
        ),
        headline=headline,
        summary=prose(draw, writings, len(writings)),
        skills=[skill.strip() for skill in skills if skill.strip()],
        experience=entries,
        demographics=Demographics(
            birth_date=draw(st.dates(dt.date(1950, 1, 1), dt.date(2005, 1, 1))),
            gender=draw(st.sampled_from(("female", "male", None))),
            nationality=draw(st.sampled_from((*VOCABULARY, None))),
        ),
    )


visibilities = st.builds(
    Visibility,
    resume=st.sampled_from(("locked", "searchable")),
    show_past_companies=st.booleans(),
    show_age=st.booleans(),
    show_gender=st.booleans(),
    show_nationality=st.booleans(),
)
disclosures = st.lists(st.sampled_from(("phone", "address")), unique=True)


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def normal(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if not char.isspace())


def digits(text: str) -> str:
    return "".join(str(unicodedata.digit(char)) for char in text if char.isdigit())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile=leaky_profiles(), visibility=visibilities)
def test_no_identity_value_reaches_the_resume_bank(
    profile: Profile, visibility: Visibility
) -> None:
    view = employer_view(profile, visibility, "search", "ref", today=TODAY)
    fields = list(strings_in(view.model_dump()))
    fields.append(view.model_dump_json())
    identity = profile.identity
    assert identity.address is not None and identity.current_company and identity.phone
    secrets_ = {
        "name": normal(identity.full_name),
        "e-mail": normal(str(identity.email)),
        "postal code": normal(identity.address.postal_code),
        "street": normal(identity.address.street),
        "building": normal(identity.address.building),
        "company": normal(identity.current_company),
        "company core": normal(normalize_company(identity.current_company)),
    }
    secrets_.update({f"name part {part}": part for part in normal_parts(identity.full_name)})
    phone = phonenumbers.national_significant_number(phonenumbers.parse(identity.phone))
    postal_digits = digits(identity.address.postal_code)
    for field in fields:
        normalised = normal(field)
        for what, secret in secrets_.items():
            assert secret not in normalised, f"{what} leaked in {field!r}"
        assert phone not in digits(field), f"phone leaked in {field!r}"
        assert postal_digits not in digits(field), f"postal code leaked in {field!r}"


def normal_parts(full_name: str) -> list[str]:
    return [normal(part) for part in full_name.split()]


@settings(max_examples=200, deadline=None)
@given(profile=leaky_profiles(), visibility=visibilities, disclose=disclosures)
def test_search_view_never_carries_identity_fields(
    profile: Profile, visibility: Visibility, disclose: list[OptionalDisclosure]
) -> None:
    view = employer_view(profile, visibility, "search", "ref", disclose=disclose, today=TODAY)
    assert view.full_name is None
    assert view.email is None
    assert view.phone is None
    assert view.address is None
    assert view.current_company is None
    assert view.location.prefecture is None and view.location.city is None
