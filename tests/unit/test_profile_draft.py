"""The profile editor's rules without a terminal: form <-> Profile, errors, the draft file."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from gpseeker.core.models import (
    Demographics,
    Education,
    ExperienceEntry,
    FieldError,
    Identity,
    Languages,
    Location,
    PostalAddress,
    Preferences,
    Profile,
)
from gpseeker.local.profile_draft import (
    FIELDS,
    DraftFile,
    DraftStore,
    ExperienceForm,
    ProfileForm,
    build_profile,
    differences,
    entry_errors,
    form_from_profile,
    lenient_profile,
    locate,
    parse_yen,
    place_server_errors,
)

FULL = Profile(
    identity=Identity(
        full_name="Ana Souza",
        name_japanese="ソウザ アナ",
        name_reading="そうざ あな",
        email="ana@example.com",
        phone="+819012345678",
        address=PostalAddress(
            postal_code="150-0001", prefecture="Tokyo", city="Shibuya", street="1-2-3 Jingumae"
        ),
        current_company="Acme English",
    ),
    location=Location(prefecture="Tokyo", city="Shibuya"),
    headline="English teacher moving into QA",
    summary="Eight years of teaching.\nLearning test automation.",
    skills=["Teaching", "Python"],
    experience=[
        ExperienceEntry(title="Teacher", company="Acme English", start="2017-04"),
        ExperienceEntry(title="Tutor", start="2015-01", end="2017-03", industry="Education"),
    ],
    education=[Education(level="bachelor", school="USP", field="Letters", graduation_year=2014)],
    languages=Languages(japanese="N2", english="native", other=["Portuguese"]),
    visa_status="spouse_or_long_term_resident",
    preferences=Preferences(
        desired_jobs=["QA engineer"],
        job_types=["part_time", "full_time"],
        prefectures=["Osaka", "Tokyo"],
        remote=["remote", "hybrid"],
        min_salary_jpy=4_500_000,
        start_date=dt.date(2026, 4, 1),
        interests=["games"],
    ),
    demographics=Demographics(
        birth_date=dt.date(1990, 5, 17), gender="female", nationality="Brazilian"
    ),
)


def test_every_field_survives_the_round_trip_through_the_form() -> None:
    built = build_profile(form_from_profile(FULL))

    assert built.errors == {}
    assert built.profile is not None
    # Choices come back in the form's order; everything else exactly as it was.
    assert built.profile.preferences.job_types == ["full_time", "part_time"]
    assert built.profile.preferences.prefectures == ["Tokyo", "Osaka"]
    assert built.profile.model_dump(exclude={"preferences"}) == FULL.model_dump(
        exclude={"preferences"}
    )


def test_typed_values_are_read_the_way_people_write_them() -> None:
    form = ProfileForm(
        full_name="Ana",
        email=" ana@example.com ",
        phone="090-1234-5678",
        skills="Python, , SQL,",
        min_salary="450万円",
    )

    profile = build_profile(form).profile

    assert profile is not None
    assert profile.identity.phone == "+819012345678"
    assert profile.skills == ["Python", "SQL"]
    assert profile.preferences.min_salary_jpy == 4_500_000
    assert profile.identity.address is None  # a country alone is not an address


def test_the_name_in_japanese_and_its_reading_are_optional_contact_fields() -> None:
    # Right after the full name, in the form and in a list of differences.
    assert list(FIELDS)[:3] == ["full_name", "name_japanese", "name_reading"]
    assert {FIELDS["name_japanese"].section, FIELDS["name_reading"].section} == {"Contact"}
    form = ProfileForm(
        full_name="Misaki Tanaka", email="m@example.com", name_japanese=" 田中 美咲 "
    )

    profile = build_profile(form).profile

    assert profile is not None
    assert profile.identity.name_japanese == "田中 美咲"
    assert profile.identity.name_reading is None  # left empty: not set, not ""
    again = form_from_profile(profile)
    assert (again.name_japanese, again.name_reading) == ("田中 美咲", "")


def test_a_too_long_japanese_name_is_named_beside_its_field() -> None:
    form = form_from_profile(FULL).model_copy(
        update={"name_japanese": "田" * 121, "name_reading": "た" * 121}
    )

    built = build_profile(form)

    assert built.profile is None
    assert built.errors == {
        "name_japanese": "Name in Japanese (kanji or katakana): is too long (at most 120 "
        "characters)",
        "name_reading": "Reading (furigana, in kana): is too long (at most 120 characters)",
    }
    # The preview meanwhile hides the saved spellings (the guard needs them).
    draft = lenient_profile(form, FULL)
    assert draft is not None
    assert draft.identity.names() == FULL.identity.names()


@pytest.mark.parametrize(
    ("text", "yen"),
    [("4,500,000", 4_500_000), ("¥4500000", 4_500_000), ("450万", 4_500_000), ("", None)],
)
def test_salary_in_yen(text: str, yen: int | None) -> None:
    assert parse_yen(text) == yen


def test_each_bad_field_gets_its_own_error_in_words() -> None:
    form = ProfileForm(
        full_name="",
        email="ana@",
        phone="12345",
        postal_code="1500",
        min_salary="a lot",
        start_date="April",
        experience=[ExperienceForm(title="Teacher", start="2020-04", end="2019-01")],
    )

    built = build_profile(form)

    assert built.profile is None
    assert built.errors["full_name"] == "Full name: is required"
    assert built.errors["email"].startswith("E-mail: ")
    assert built.errors["phone"].startswith("Phone: is not a valid phone number")
    assert built.errors["postal_code"] == (
        "Postal code: a Japanese postal code has seven digits, like 150-0001"
    )
    assert built.errors["min_salary"].startswith("Minimum yearly salary (yen): write a whole")
    assert built.errors["start_date"] == (
        "Earliest start date: write the date as YYYY-MM-DD, like 2025-04-01"
    )
    assert built.errors["experience"] == (
        "Experience 1, end month: the end month is before the start month"
    )


@pytest.mark.parametrize(
    ("path", "field", "message"),
    [
        ("identity.phone", "phone", "Phone: is not a valid phone number"),
        ("identity.address.prefecture", "address_prefecture", "Prefecture: unknown"),
        ("identity.address", "postal_code", "Postal code: a Japanese postal code has"),
        ("preferences.prefectures.2", "prefectures", "Prefectures: unknown"),
        ("experience.1.start", "experience", "Experience 2, start month: bad"),
        ("body.headline", "headline", "Headline: too long"),
        ("identity.name_japanese", "name_japanese", "Name in Japanese (kanji or katakana): bad"),
        ("identity.name_reading", "name_reading", "Reading (furigana, in kana): bad"),
    ],
)
def test_server_field_paths_land_on_the_field_that_shows_them(
    path: str, field: str, message: str
) -> None:
    words = message.split(": ", 1)[1]

    located = locate(path, f"Value error, {words}")

    assert located is not None
    assert located[0] == field
    assert located[1].startswith(message)


def test_an_unknown_path_is_not_pinned_on_a_wrong_field() -> None:
    placed, elsewhere = place_server_errors(
        [
            FieldError(path="identity.phone", message="Value error, is not a phone number"),
            FieldError(path="identity.phone", message="a second complaint"),
            FieldError(path="visibility.resume", message="Value error, nope"),
        ]
    )

    assert placed == {"phone": "Phone: is not a phone number"}  # the first one, in words
    assert elsewhere == ["visibility.resume: nope"]


def test_entry_errors_name_the_entry_field() -> None:
    assert entry_errors("experience", {"title": "", "start": "April"}) == {
        "title": "Job title: is required",
        "start": "Start month: write the month as YYYY-MM, like 2021-04",
    }
    assert entry_errors("education", {"level": "bachelor", "graduation_year": "2014"}) == {}


def test_the_preview_profile_keeps_the_saved_value_of_a_field_being_fixed() -> None:
    form = form_from_profile(FULL).model_copy(update={"phone": "090-12", "headline": "New"})

    draft = lenient_profile(form, FULL)

    assert draft is not None
    assert draft.headline == "New"  # what parses is shown at once
    assert draft.identity.phone == FULL.identity.phone  # what does not yet, is the saved one


def test_differences_list_each_field_with_both_values() -> None:
    theirs = form_from_profile(FULL)
    mine = theirs.model_copy(update={"name_reading": "", "headline": "Mine", "skills": "Teaching"})

    found = differences(theirs, mine)

    assert [(d.where, d.theirs, d.mine) for d in found] == [
        ("Contact, Reading (furigana, in kana)", "そうざ あな", "(empty)"),
        ("About, Headline", "English teacher moving into QA", "Mine"),
        ("About, Skills", "Teaching, Python", "Teaching"),
    ]


# --- the draft file -------------------------------------------------------------------


def test_the_draft_keeps_invalid_values_and_the_etag_it_was_typed_over(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    form = ProfileForm(full_name="Ana", phone="not a phone", min_salary="lots")
    when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)

    store.save(form, '"7"', now=when)
    draft = store.load()

    assert draft is not None
    assert (draft.form, draft.etag, draft.saved_at) == (form, '"7"', when)
    assert store.path == tmp_path / "drafts" / "profile.json"


def test_a_draft_written_before_the_japanese_name_fields_still_loads() -> None:
    old = DraftFile(saved_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC), etag=None, form=ProfileForm())
    data = old.model_dump(mode="json")
    for key in ("name_japanese", "name_reading"):
        del data["form"][key]

    draft = DraftFile.model_validate(data)

    assert (draft.form.name_japanese, draft.form.name_reading) == ("", "")


def test_the_draft_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(ProfileForm(full_name="Ana"), None)

    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700


def test_a_failed_write_leaves_the_previous_draft_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path)
    store.save(ProfileForm(full_name="First"), None)

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        store.save(ProfileForm(full_name="Second"), None)
    monkeypatch.undo()

    draft = store.load()
    assert draft is not None
    assert draft.form.full_name == "First"
    assert [path.name for path in store.path.parent.iterdir()] == ["profile.json"]


@pytest.mark.parametrize(
    "content, why",
    [
        (b"{ half a draft", "not in the form gpseeker writes"),
        (b'{"form": "\xff\xfe"}', "not text (it holds bytes that are not UTF-8)"),
        (None, "it is a folder, not a file"),
    ],
    ids=["cut short", "not UTF-8", "a folder"],
)
def test_a_damaged_draft_is_set_aside_not_deleted_and_named(
    tmp_path: Path, content: bytes | None, why: str
) -> None:
    store = DraftStore(tmp_path)
    if content is None:
        store.path.mkdir(parents=True)
    else:
        store.path.parent.mkdir(parents=True)
        store.path.write_bytes(content)

    assert store.load() is None

    assert not store.exists()
    [moved] = store.path.parent.glob("profile.json.damaged-*")
    if content is not None:
        assert moved.read_bytes() == content
    [notice] = store.notices
    assert notice.message.startswith(f"Your unsaved profile changes in {store.path} could not")
    assert why in notice.message
    assert f"It was moved to {moved}" in notice.message
    # Drafting goes on: the next draft is written and read back.
    store.save(ProfileForm(full_name="Ana"), None)
    draft = store.load()
    assert draft is not None and draft.form.full_name == "Ana"


def test_discard_removes_the_draft(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(ProfileForm(full_name="Ana"), None)

    store.discard()
    store.discard()  # twice is fine: there is nothing left to lose

    assert store.load() is None
