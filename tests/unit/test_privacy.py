"""The masking table of DESIGN.md, row by row, and the leak guard, kind by kind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gpseeker.core.models import (
    Demographics,
    Education,
    ExperienceEntry,
    Identity,
    Languages,
    Location,
    PostalAddress,
    Preferences,
    Profile,
    Visibility,
)
from gpseeker.core.privacy import (
    age_band,
    employer_view,
    leak_guard,
    normalize_company,
    preview,
    searchable_text,
)

TODAY = dt.date(2025, 6, 1)


def make_profile(**changes: Any) -> Profile:
    """A complete profile whose free text holds no identifying detail."""
    data: dict[str, Any] = {
        "identity": Identity(
            full_name="Maria Fernandez",
            email="maria.fernandez@example.jp",
            phone="090-1234-5678",
            address=PostalAddress(
                postal_code="150-0001",
                prefecture="Tokyo",
                city="Shibuya",
                street="1-2-3 Jingumae",
                building="Sakura Heights 301",
            ),
            current_company="Sakura Systems K.K.",
        ),
        "location": Location(prefecture="Kanagawa", city="Yokohama"),
        "headline": "Backend engineer, Python and Go",
        "summary": "Eight years building payment systems. Looking for a team in Kanto.",
        "skills": ["Python", "Go", "PostgreSQL", "ASP.NET"],
        "experience": [
            ExperienceEntry(
                title="Backend engineer",
                company="Sakura Systems",
                industry="Fintech",
                start="2021-04",
                description="Built the settlement service.",
            ),
            ExperienceEntry(
                title="Sales lead",
                company="Fuji Trading Co., Ltd.",
                industry="Trading",
                start="2017-04",
                end="2021-03",
                description="Led a team of five.",
            ),
        ],
        "education": [
            Education(
                level="master",
                school="Universidad de Sevilla",
                field="Computer Science",
                graduation_year=2016,
            )
        ],
        "languages": Languages(japanese="N2", english="fluent", other=["Spanish"]),
        "visa_status": "work_visa",
        "preferences": Preferences(
            desired_jobs=["Backend engineer"],
            job_types=["full_time"],
            prefectures=["Tokyo", "Kanagawa"],
            remote=["hybrid"],
            min_salary_jpy=8_000_000,
            start_date=dt.date(2025, 9, 1),
        ),
        "demographics": Demographics(
            birth_date=dt.date(1991, 7, 15), gender="female", nationality="Spanish"
        ),
    }
    data.update(changes)
    return Profile(**data)


def search_view(profile: Profile | None = None, **visibility: Any) -> Any:
    return employer_view(
        profile or make_profile(),
        Visibility(resume="searchable", **visibility),
        "search",
        "ref-1",
        today=TODAY,
    )


def application_view(profile: Profile | None = None, **options: Any) -> Any:
    visibility = options.pop("visibility", Visibility())
    return employer_view(
        profile or make_profile(), visibility, "application", "ref-1", today=TODAY, **options
    )


def guarded(text: str, profile: Profile | None = None, field: str = "summary") -> str:
    return leak_guard(text, profile or make_profile(), field)[0]


# --- the masking table, row by row ----------------------------------------------------


def test_resume_bank_never_shows_name_email_phone_or_address() -> None:
    view = search_view(show_past_companies=True, show_age=True)
    assert (view.full_name, view.email, view.phone, view.address) == (None, None, None, None)
    dumped = view.model_dump_json()
    for secret in ("Maria", "Fernandez", "maria.fernandez", "1234", "150-0001", "Jingumae"):
        assert secret not in dumped


def test_application_gives_name_and_email_but_not_phone_or_address_unticked() -> None:
    view = application_view()
    assert view.full_name == "Maria Fernandez"
    assert view.email == "maria.fernandez@example.jp"
    assert view.phone is None
    assert view.address is None


def test_application_gives_phone_when_ticked_in_the_apply_dialog() -> None:
    view = application_view(disclose=["phone"])
    assert view.phone == "+819012345678"
    assert view.address is None


def test_application_gives_address_when_ticked_in_the_apply_dialog() -> None:
    view = application_view(disclose=["address"])
    assert view.address == "150-0001, Tokyo, Shibuya, 1-2-3 Jingumae, Sakura Heights 301, Japan"
    assert view.phone is None


def test_resume_bank_never_shows_current_company_even_with_past_companies_opted_in() -> None:
    view = search_view(show_past_companies=True)
    assert view.current_company is None
    assert "Sakura" not in view.model_dump_json()


def test_application_shows_current_company() -> None:
    view = application_view()
    assert view.current_company == "Sakura Systems K.K."
    assert view.experience[0].company == "Sakura Systems"


def test_resume_bank_hides_past_companies_unless_opted_in() -> None:
    assert [entry.company for entry in search_view().experience] == [None, None]
    opted_in = search_view(show_past_companies=True)
    assert [entry.company for entry in opted_in.experience] == [None, "Fuji Trading Co., Ltd."]


def test_application_shows_past_companies_without_opt_in() -> None:
    companies = [entry.company for entry in application_view().experience]
    assert companies == ["Sakura Systems", "Fuji Trading Co., Ltd."]


def test_a_job_without_end_date_is_current_so_its_company_stays_hidden() -> None:
    profile = make_profile(
        identity=Identity(full_name="Maria Fernandez", email="m@example.jp"),
        experience=[
            ExperienceEntry(title="Engineer", company="Kumo Labs", start="2022-01"),
            ExperienceEntry(title="Intern", company="Fuji Trading", start="2021-01", end="2021-12"),
        ],
    )
    companies = [
        entry.company for entry in search_view(profile, show_past_companies=True).experience
    ]
    assert companies == [None, "Fuji Trading"]


def test_an_ended_job_at_the_current_company_stays_hidden_whatever_its_legal_suffix() -> None:
    profile = make_profile(
        experience=[
            ExperienceEntry(
                title="Support", company="株式会社 Sakura Systems", start="2015-01", end="2016-01"
            ),
        ],
    )
    view = search_view(profile, show_past_companies=True)
    assert view.experience[0].company is None


def test_free_text_and_experience_facts_reach_the_resume_bank() -> None:
    view = search_view()
    assert view.headline == "Backend engineer, Python and Go"
    assert view.summary.startswith("Eight years building payment systems.")
    assert view.skills == ["Python", "Go", "PostgreSQL", "ASP.NET"]
    assert [(e.title, e.industry, e.years) for e in view.experience] == [
        ("Backend engineer", "Fintech", 4.2),
        ("Sales lead", "Trading", 4.0),
    ]
    assert view.experience[1].description == "Led a team of five."
    assert [(e.level, e.field) for e in view.education] == [("master", "Computer Science")]


def test_resume_bank_shows_education_level_but_not_the_school() -> None:
    assert search_view().education[0].school is None
    assert application_view().education[0].school == "Universidad de Sevilla"


@pytest.mark.parametrize("context", ["search", "application"])
def test_languages_visa_and_preferences_reach_both_contexts(context: str) -> None:
    view = search_view() if context == "search" else application_view()
    assert (view.japanese, view.english, view.other_languages) == ("N2", "fluent", ["Spanish"])
    assert view.visa_status == "work_visa"
    assert view.desired_jobs == ["Backend engineer"]
    assert view.job_types == ["full_time"]
    assert view.preferred_prefectures == ["Tokyo", "Kanagawa"]
    assert view.remote == ["hybrid"]
    assert view.min_salary_jpy == 8_000_000
    assert view.start_date == dt.date(2025, 9, 1)


def test_resume_bank_location_is_region_and_country_only() -> None:
    location = search_view().location
    assert (location.country, location.region, location.prefecture, location.city) == (
        "Japan",
        "Kanto",
        None,
        None,
    )


def test_resume_bank_location_outside_japan_is_the_country_only() -> None:
    profile = make_profile(location=Location(country="Spain", city="Sevilla"))
    location = search_view(profile).location
    assert (location.country, location.region, location.city) == ("Spain", None, None)


def test_application_location_is_as_entered() -> None:
    location = application_view().location
    assert (location.country, location.prefecture, location.city) == (
        "Japan",
        "Kanagawa",
        "Yokohama",
    )


@pytest.mark.parametrize("context", ["search", "application"])
def test_age_gender_nationality_hidden_unless_opted_in(context: str) -> None:
    view = search_view() if context == "search" else application_view()
    assert (view.age_band, view.gender, view.nationality) == (None, None, None)


@pytest.mark.parametrize("context", ["search", "application"])
def test_age_gender_nationality_shown_per_field_when_opted_in(context: str) -> None:
    flags: dict[str, Any] = {"show_age": True, "show_gender": True, "show_nationality": True}
    if context == "search":
        view = search_view(**flags)
    else:
        view = application_view(visibility=Visibility(**flags))
    assert (view.age_band, view.gender, view.nationality) == ("30-34", "female", "Spanish")
    only_gender = search_view(show_gender=True)
    assert (only_gender.age_band, only_gender.gender, only_gender.nationality) == (
        None,
        "female",
        None,
    )


def test_candidate_reference_is_the_one_given() -> None:
    profile = make_profile()
    refs = {
        employer_view(profile, Visibility(), "search", ref, today=TODAY).candidate_ref
        for ref in ("for-employer-a", "for-employer-b")
    }
    assert refs == {"for-employer-a", "for-employer-b"}


def test_age_band_turns_on_the_birthday() -> None:
    assert age_band(dt.date(1990, 6, 2), dt.date(2025, 6, 1)) == "30-34"
    assert age_band(dt.date(1990, 6, 1), dt.date(2025, 6, 1)) == "35-39"
    assert age_band(dt.date(2005, 1, 1), dt.date(2025, 6, 1)) == "20-24"
    assert age_band(dt.date(1950, 1, 1), dt.date(2025, 6, 1)) == "65+"


# --- the leak guard, kind by kind -----------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "090-1234-5678",
        "090 1234 5678",
        "+81 90 1234 5678",
        "(090)1234-5678",
        "09012345678",
        "+81-90-1234-5678",
        "０９０ー１２３４ー５６７８",
        "０９０－１２３４－５６７８",
        "0 9 0 1 2 3 4 5 6 7 8",
    ],
)
def test_own_phone_number_is_hidden_in_any_format(written: str) -> None:
    text, redactions = leak_guard(f"Call me on {written} after six.", make_profile(), "summary")
    assert text == "Call me on [hidden] after six."
    assert [(r.kind, r.reason) for r in redactions] == [
        ("phone", "your summary contains your phone number")
    ]


def test_any_other_phone_number_is_hidden_because_of_the_relay() -> None:
    text, redactions = leak_guard(
        "My office: 03-3210-1234, or London +44 20 7946 0958.", make_profile(), "summary"
    )
    assert text == "My office: [hidden], or London [hidden]."
    assert all(r.kind == "phone" for r in redactions)
    assert all("only through the platform relay" in r.reason for r in redactions)
    assert len(redactions) == 2


def test_years_and_salaries_are_not_mistaken_for_phone_numbers() -> None:
    written = "From 2015-2019 I earned 5000000 yen; JLPT N2 in 2020/12/06."
    assert guarded(written) == written


@pytest.mark.parametrize(
    "written",
    [
        "Maria Fernandez",
        "MARIA FERNANDEZ",
        "maria   fernandez",
        "Maria\nFernandez",
        "maria_fernandez",
    ],
)
def test_full_name_is_hidden_in_any_case_and_spacing(written: str) -> None:
    text, redactions = leak_guard(f"I am {written}, an engineer.", make_profile(), "headline")
    assert text == "I am [hidden], an engineer."
    assert [r.reason for r in redactions] == ["your headline contains your name"]


def test_each_name_part_is_hidden_as_a_word() -> None:
    assert guarded("Fernandez family, Maria's code") == "[hidden] family, [hidden]'s code"


def test_name_parts_inside_other_words_stay() -> None:
    profile = make_profile(
        identity=Identity(full_name="Ann Lee", email="ann@example.jp"),
    )
    assert guarded("Annual planning, Leeds office", profile) == "Annual planning, Leeds office"
    assert guarded("Ann wrote it", profile) == "[hidden] wrote it"


def test_japanese_name_is_hidden_without_spaces() -> None:
    profile = make_profile(identity=Identity(full_name="山田 太郎", email="taro@example.jp"))
    assert guarded("山田太郎です。山田と呼んでください。", profile) == (
        "[hidden]です。[hidden]と呼んでください。"
    )


def test_own_email_is_hidden_whatever_its_case() -> None:
    text, redactions = leak_guard(
        "Write to Maria.Fernandez@Example.JP today", make_profile(), "summary"
    )
    assert text == "Write to [hidden] today"
    assert [(r.kind, r.reason) for r in redactions] == [
        ("email", "your summary contains your e-mail address")
    ]


def test_any_email_address_is_hidden_with_a_human_reason() -> None:
    text, redactions = leak_guard(
        "Ask boss@fuji.example.com.", make_profile(), "experience[1].description"
    )
    assert text == "Ask [hidden]."
    assert redactions[0].kind == "any_email"
    assert redactions[0].reason.startswith(
        "experience 2 (Sales lead) description contains an e-mail address"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/someone",
        "http://portfolio.example.org/works?id=3",
        "www.example.jp",
        "example.jp/about",
        "linkedin.com/in/someone",
        "someone.dev",
    ],
)
def test_urls_and_bare_domains_are_hidden(url: str) -> None:
    text, redactions = leak_guard(f"See {url} for more.", make_profile(), "summary")
    assert text == "See [hidden] for more."
    assert [r.kind for r in redactions] == ["url"]
    assert "web address" in redactions[0].reason


def test_contacts_inside_japanese_sentences_are_hidden_and_the_sentence_kept() -> None:
    written = "連絡はmaria.fernandez@example.jpまで。作品はexample.jp/worksです。"
    text, redactions = leak_guard(written, make_profile(), "summary")
    assert text == "連絡は[hidden]まで。作品は[hidden]です。"
    assert [r.kind for r in redactions] == ["email", "url"]


def test_tech_names_that_look_like_files_or_domains_stay() -> None:
    written = "ASP.NET, Node.js, socket.io, setup.py and README.md"
    assert guarded(written) == written


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("〒150-0001", "your summary contains your postal code"),
        ("1500001", "your summary contains your postal code"),
        ("1-2-3 jingumae", "your summary contains your street address"),
        ("１−２−３ Jingumae", "your summary contains your street address"),
        ("SAKURA HEIGHTS 301", "your summary contains your building"),
    ],
)
def test_postal_address_parts_are_hidden(written: str, reason: str) -> None:
    text, redactions = leak_guard(f"I live at {written} now", make_profile(), "summary")
    assert "[hidden]" in text
    assert "0001" not in text and "jingumae" not in text.casefold()
    assert "heights" not in text.casefold()
    assert reason in [r.reason for r in redactions]


@pytest.mark.parametrize(
    "written",
    [
        "Sakura Systems",
        "Sakura Systems K.K.",
        "sakura systems kk",
        "株式会社 Sakura Systems",
        "SAKURA-SYSTEMS",
        "Sakura Systems Co., Ltd.",
    ],
)
def test_current_company_is_hidden_with_or_without_legal_suffix(written: str) -> None:
    text, redactions = leak_guard(f"I work at {written} now.", make_profile(), "summary")
    assert "sakura" not in text.casefold()
    assert text.startswith("I work at [hidden]")
    assert [r.reason for r in redactions] == [
        "your summary contains the name of your current company"
    ]


def test_clean_text_is_returned_as_written() -> None:
    written = "Ｐｙｔｈｏｎ と Go で決済システムを作りました。"
    assert leak_guard(written, make_profile(), "summary") == (written, [])


def test_reasons_name_the_field_a_candidate_recognises() -> None:
    profile = make_profile(skills=["Python", "maria.fernandez@example.jp"])
    result = preview(profile, Visibility(), "search", today=TODAY)
    assert [(r.field, r.reason) for r in result.redactions] == [
        ("skills[1]", "item 2 of your skills contains your e-mail address")
    ]
    assert result.view.skills == ["Python", "[hidden]"]


# --- free text in the masked views ----------------------------------------------------


def leaky_profile() -> Profile:
    return make_profile(
        headline="Maria Fernandez, engineer at Sakura Systems",
        summary="Call 090-1234-5678 or see https://portfolio.example.org",
        experience=[
            ExperienceEntry(
                title="Backend engineer",
                company="Sakura Systems",
                start="2021-04",
                description="Reach my manager at boss@sakura.example.jp",
            )
        ],
    )


def test_resume_bank_free_text_is_guarded_everywhere() -> None:
    view = search_view(leaky_profile())
    assert view.headline == "[hidden], engineer at [hidden]"
    assert view.summary == "Call [hidden] or see [hidden]"
    assert view.experience[0].description == "Reach my manager at [hidden]"


def test_application_free_text_keeps_what_the_employer_is_given_anyway() -> None:
    view = application_view(leaky_profile())
    assert view.headline == "Maria Fernandez, engineer at Sakura Systems"
    # Phone not ticked: hidden; the link and other e-mail address: hidden regardless.
    assert view.summary == "Call [hidden] or see [hidden]"
    assert view.experience[0].description == "Reach my manager at [hidden]"


def test_application_free_text_keeps_the_phone_once_it_is_ticked() -> None:
    view = application_view(leaky_profile(), disclose=["phone"])
    assert view.summary == "Call 090-1234-5678 or see [hidden]"


def test_preview_is_the_employer_view_plus_the_reasons() -> None:
    profile = leaky_profile()
    visibility = Visibility(resume="searchable")
    result = preview(profile, visibility, "search", "ref-9", today=TODAY)
    assert result.view == employer_view(profile, visibility, "search", "ref-9", today=TODAY)
    assert [(r.field, r.kind) for r in result.redactions] == [
        ("headline", "name"),
        ("headline", "company"),
        ("summary", "phone"),
        ("summary", "url"),
        ("experience[0].description", "any_email"),
    ]
    assert result.redactions[2].reason == "your summary contains your phone number"


# --- search text and company names ----------------------------------------------------


def test_searchable_text_has_the_keywords_but_no_identity() -> None:
    indexed = searchable_text(search_view(leaky_profile()))
    assert "Backend engineer" in indexed
    assert "PostgreSQL" in indexed
    for secret in ("Maria", "Fernandez", "Sakura", "1234", "example"):
        assert secret not in indexed


def test_searchable_text_leaves_identity_out_even_of_an_application_view() -> None:
    indexed = searchable_text(application_view(disclose=["phone", "address"]))
    for secret in ("Maria", "maria.fernandez", "+81", "Jingumae", "Sakura Systems K.K."):
        assert secret not in indexed


@pytest.mark.parametrize(
    "name",
    [
        "Sakura Systems K.K.",
        "sakura systems",
        "株式会社 Sakura Systems",
        "Sakura Systems株式会社",
        "SAKURA SYSTEMS, INC.",
        "Sakura Systems Co., Ltd.",
        "(株)Sakura Systems",
        "Ｓａｋｕｒａ　Ｓｙｓｔｅｍｓ",
        "  Sakura   Systems  LLC ",
    ],
)
def test_normalize_company_sees_one_company(name: str) -> None:
    assert normalize_company(name) == "sakura systems"


def test_normalize_company_keeps_different_companies_apart() -> None:
    assert normalize_company("Sakura Systems") != normalize_company("Sakura Trading")
    assert normalize_company("Coco Ichibanya") == "coco ichibanya"
