"""Company names as blocks compare them: the same company under every spelling a
person or an impostor would use, and different companies kept apart."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gpseeker.core.models import ExperienceEntry, Identity, Profile
from gpseeker.core.privacy import company_key, company_keys, current_companies


def match(first: str, second: str) -> bool:
    return bool(company_keys(first) & company_keys(second))


@pytest.mark.parametrize(
    "variant",
    [
        "Umbrella Corp",
        "Umbrellacorp Japan",
        "Umbrellacorp Holdings",
        "Umbrella\u200bcorp",
        "UMBRELLA-CORP",
        "Umbrellacorp K.K.",
        "株式会社Umbrellacorp",
        "Ｕｍｂｒｅｌｌａｃｏｒｐ",
        "Umbrellacorp Japan Limited",
    ],
)
def test_the_spellings_of_one_company_match(variant: str) -> None:
    assert match("Umbrellacorp Kabushiki", variant)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("アンブレラコープ株式会社", "ｱﾝﾌﾞﾚﾗｺｰﾌﾟ"),
        ("アンブレラコープ株式会社", "あんぶれらこーぷ"),
        ("アンブレラコープ", "アンブレラコープ・ジャパン"),
        ("アンブレラコープ", "アンブレラコープホールディングス"),
    ],
)
def test_katakana_matches_half_width_hiragana_and_group_names(first: str, second: str) -> None:
    assert match(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sakura Bank", "Sakura Systems"),
        ("Sakura Japan", "Sakura Bank"),
        ("アンブレラコープ", "アンフレラコープ"),  # ブ and フ are different sounds
        ("Umbrellacorp", "Umbrella Bank"),
    ],
)
def test_different_companies_do_not_match(first: str, second: str) -> None:
    assert not match(first, second)


def test_a_legal_form_alone_names_no_company() -> None:
    assert company_key("K.K.") == ""
    assert company_keys("株式会社") == frozenset()
    assert company_keys("Co., Ltd.") == frozenset()


@given(
    st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=3),
    st.sampled_from(["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"]),
)
def test_invisible_characters_and_width_never_make_a_new_name(name: str, invisible: str) -> None:
    keys = company_keys(name)
    hidden = invisible.join(name)
    wide = unicodedata.normalize("NFKC", name).upper()
    assert company_keys(hidden) == keys
    if wide.casefold() == name.casefold():
        assert company_keys(wide) == keys


def test_current_companies_come_from_the_identity_and_open_ended_jobs() -> None:
    profile = Profile(
        identity=Identity(
            full_name="Ana Souza", email="ana@example.com", current_company="Kaede Inc."
        ),
        experience=[
            ExperienceEntry(title="Engineer", company="Stark Widgets", start="2021-04"),
            ExperienceEntry(title="Lead", company="KAEDE INC", start="2020-04"),
            ExperienceEntry(title="Intern", company="Momiji Labs", start="2019-04", end="2020-03"),
        ],
    )
    assert current_companies(profile) == ["Kaede Inc.", "Stark Widgets"]
