"""The leak guard against details written the ways people really write them
(issue 13): spelled-out e-mail addresses, Japanese phone separators and numerals,
handles, look-alike and invisible letters, names in brackets and short names beside
a title; and the ordinary sentences around them left exactly as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gpseeker.core.models import Identity, PostalAddress, Profile
from gpseeker.core.privacy import leak_guard


def profile(name: str = "Zebedee Quixote", **identity: object) -> Profile:
    details: dict[str, object] = {
        "full_name": name,
        "email": "zebedee.q@probe-mail.example",
        "phone": "090-1234-5678",
        "address": PostalAddress(
            postal_code="150-0001",
            prefecture="Tokyo",
            city="Shibuya",
            street="1-2-3 Jingumae",
        ),
        "current_company": "Umbrella Corp",
    }
    details.update(identity)
    return Profile(identity=Identity.model_validate(details))


def kinds(text: str, person: Profile | None = None) -> tuple[str, list[str]]:
    masked, redactions = leak_guard(text, person or profile(), "summary")
    return masked, [redaction.kind for redaction in redactions]


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("zebedee dot q at probe-mail dot example", "email"),
        ("zebedee.q [at] probe-mail [dot] example", "email"),
        ("zebedee.q＠probe-mail.example", "email"),
        ("zebedee.q\u200b@probe-mail.example", "email"),
        ("aiko [at] example [dot] org", "any_email"),
        ("someone.else@gmail.com", "any_email"),
        ("090・1234・5678", "phone"),
        ("〇九〇-一二三四-五六七八", "phone"),
        ("09O-1234-5678", "phone"),
        ("０９０ー１２３４ー５６７８", "phone"),
        ("03-5555-0123", "phone"),
        ("github: zquixote", "handle"),
        ("LINE ID: zq_88", "handle"),
        ("@zquixote", "handle"),
        ("https://github.com/zquixote", "url"),
        ("quixote.dev/cv", "url"),
        ("zebedee.q @ probe-mail . example", "email"),
        ("080の4417の2093", "phone"),
        ("IG: zq.draws", "handle"),
        ("インスタ：zq.draws", "handle"),
        ("discord: zq_cad#4821", "handle"),
    ],
)
def test_contact_routes_as_people_write_them_are_hidden(written: str, kind: str) -> None:
    masked, found = kinds(f"Reach me: {written} (evenings).")
    assert masked == "Reach me: [hidden] (evenings)."
    assert found == [kind]


@pytest.mark.parametrize(
    "written",
    [
        "Zebedee Quixote",
        "ZEBEDEE  QUIXOTE",
        "Quixote Zebedee",  # family name first
        "Zebedee Quixоte",  # a Cyrillic "о"
        "Zebe\u200bdee Quixote",  # a zero-width space inside
        "Zébedee Quixote",  # an accent the name does not have
        "Ｚｅｂｅｄｅｅ Ｑｕｉｘｏｔｅ",
    ],
)
def test_the_name_is_hidden_however_it_is_disguised(written: str) -> None:
    masked, found = kinds(f"I am {written}, a backend engineer.")
    assert masked == "I am [hidden], a backend engineer."
    assert set(found) == {"name"}


def test_a_name_with_its_japanese_spelling_in_brackets_hides_each_part() -> None:
    person = profile("Zebedee Quixote (ゼベディー・キホーテ)")
    masked, _ = kinds("キホーテです。ｾﾞﾍﾞﾃﾞｨｰとも呼ばれます。", person)
    assert "キホーテ" not in masked and "ｾﾞﾍﾞﾃﾞｨｰ" not in masked
    assert masked == "[hidden]です。[hidden]とも呼ばれます。"


def test_a_two_letter_name_is_hidden_beside_a_title_or_the_other_part() -> None:
    person = profile("Li Wei")
    for written in ("Mr. Li", "Li Wei", "Wei Li", "Ask Ms Li", "Liさん", "Dr.Li"):
        masked, _ = kinds(f"{written} will call you.", person)
        assert "Li" not in masked, written
    # Alone, "li" is a syllable of other words and an HTML tag: left as written.
    assert kinds("Use <li> items; Lisbon", person)[0] == "Use <li> items; Lisbon"


def test_an_address_that_contains_the_name_is_reported_as_an_address() -> None:
    masked, found = kinds("Write to zebedee.quixote@gmail.com")
    assert masked == "Write to [hidden]"
    assert found == ["any_email"]


@pytest.mark.parametrize(
    "clean",
    [
        "I was at the office at 9 and met the team at 3.30.",
        "The dot-com boom taught me to ship at scale.",
        "Job reference REQ-2024-0917; JLPT N2 in 2019; salary 6,000,000 yen.",
        "Built services in Node.js, ASP.NET and Python 3.12.",
        "Worked in Shibuya and Osaka for 2019-2023.",
        "Note: I lead a team of 5. Line managers report to me.",
        "[@click=app.quit] is not a handle, and x @ the conference is not one either.",
        "東京で5年間、決済システムを開発しました。",
        "I speak English, Japanese (N2) and a little Korean.",
    ],
)
def test_ordinary_sentences_stay_exactly_as_written(clean: str) -> None:
    assert kinds(clean) == (clean, [])


def test_a_hostile_run_of_digits_is_one_scan_and_hides_nothing_it_should_not() -> None:
    hostile = "(0) " * 1250
    assert kinds(hostile) == (hostile, [])
    # The candidate's own number is still found inside a long run of digits.
    masked, found = kinds("0 " * 30 + "090-1234-5678 " + "0 " * 30)
    assert "1234" not in masked and "phone" in found


def test_every_spelling_of_the_name_the_candidate_gave_is_hidden() -> None:
    person = profile("Misaki Tanaka", name_japanese="田中 美咲", name_reading="たなか みさき")
    for written in (
        "田中美咲",
        "田中 美咲",
        "美咲",
        "タナカ ミサキ",
        "たなか",
        "ﾀﾅｶ",
        "Tanaka Misaki",
    ):
        masked, found = kinds(f"{written}です。よろしくお願いします。", person)
        assert masked == "[hidden]です。よろしくお願いします。", written
        assert set(found) == {"name"}
    # An honorific after the name is not the name: it stays.
    assert kinds("たなかさんです。", person)[0] == "[hidden]さんです。"


def test_a_short_name_in_kana_is_not_hidden_inside_a_longer_word() -> None:
    person = profile("Li Wei", name_japanese="リー・ウェイ")
    assert kinds("チームリーダーとして働きました。", person) == (
        "チームリーダーとして働きました。",
        [],
    )
    assert kinds("リーさんに聞いてください。", person)[0] == "[hidden]さんに聞いてください。"


@pytest.mark.parametrize(
    "written",
    ["Jingumae 1-2-3", "1-2-3 Jingumae", "Jingumae, 1-2-3"],
)
def test_the_street_is_hidden_in_any_order(written: str) -> None:
    masked, found = kinds(f"I live at {written} near the station.")
    assert masked == "I live at [hidden] near the station."
    assert found == ["address"]


def test_the_place_with_its_unit_and_the_building_without_its_room_are_hidden() -> None:
    person = profile(
        address=PostalAddress(
            postal_code="150-0002",
            prefecture="Tokyo",
            city="Shibuya",
            street="7-7-7 Quixotic-cho",
            building="Windmill Tower 1201",
        )
    )
    assert kinds("Walk to Quixotic cho, then ask.", person)[0] == "Walk to [hidden], then ask."
    assert kinds("Windmill Tower, lobby.", person)[0] == "[hidden], lobby."
    # Another tower, and a neighbourhood named without its unit, stay.
    assert kinds("I can see Tokyo Tower.", person) == ("I can see Tokyo Tower.", [])


_LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9)
_DISGUISES = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])


@settings(max_examples=150, deadline=None)
@given(first=_LETTERS, last=_LETTERS, disguise=_DISGUISES, data=st.data())
def test_no_invisible_character_or_width_lets_the_name_through(
    first: str, last: str, disguise: str, data: st.DataObject
) -> None:
    name = f"{first.capitalize()} {last.capitalize()}"
    at = data.draw(st.integers(min_value=1, max_value=len(name) - 1))
    written = name[:at] + disguise + name[at:]
    wide = data.draw(st.booleans())
    if wide:
        written = written.translate({code: code + 0xFEE0 for code in range(0x21, 0x7F)})
    masked, _ = leak_guard(f"Hello, I am {written}. Nice to meet you.", profile(name), "reply")
    assert masked == "Hello, I am [hidden]. Nice to meet you."


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_the_guard_never_adds_or_loses_text_outside_what_it_hides(text: str) -> None:
    masked, redactions = leak_guard(text, profile(), "summary")
    # Whatever it does not hide stays character for character, in order.
    pieces = masked.split("[hidden]")
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        assert found >= 0
        position = found + len(piece)
    assert len(redactions) == masked.count("[hidden]") - text.count("[hidden]")


def test_a_cover_note_keeps_what_the_application_hands_over_and_hides_the_rest() -> None:
    from gpseeker.core.privacy import application_guard

    note = "I am Zebedee Quixote (zebedee.q@probe-mail.example), call 090-1234-5678 or x@gmail.com"
    masked, found = application_guard(note, profile(), "cover note")
    assert masked == (
        "I am Zebedee Quixote (zebedee.q@probe-mail.example), call [hidden] or [hidden]"
    )
    assert [item.reason.split(" contains ")[0] for item in found] == ["your cover note"] * 2
    ticked, _ = application_guard(note, profile(), "cover note", ["phone"])
    assert "090-1234-5678" in ticked and "x@gmail.com" not in ticked


@pytest.mark.parametrize("name", ["ааб", "Глеб Бабаев", "Зоя Бойко"])
def test_a_name_whose_letters_fold_to_digits_is_still_hidden(name: str) -> None:
    # Unicode lists Cyrillic "б" as confusable with "6": the folded name holds a
    # digit, which must not stop it from being a name (hypothesis found "ааб").
    person = profile(name)
    for part in name.split():
        masked, found = kinds(f"python {part} and more", person)
        assert masked == "python [hidden] and more", part
        assert found == ["name"]


@pytest.mark.parametrize(
    ("street", "written"),
    [
        ("1-11-6 Hyakunincho", "Hyakunin-cho 1-11-6"),
        ("1-4-16 Nambanaka", "Namba-naka 1-4-16"),
        ("基町10-3", "基町10番3号"),
    ],
)
def test_a_street_is_hidden_with_its_place_name_split_or_its_numbers_as_lot_and_house(
    street: str, written: str
) -> None:
    address = PostalAddress(postal_code="150-0001", prefecture="Tokyo", city="X", street=street)
    masked, found = kinds(f"Home: {written}.", profile(address=address))
    assert (masked, found) == ("Home: [hidden].", ["address"])


def test_a_hyphenated_given_name_is_hidden_run_together_too() -> None:
    masked, found = kinds("Meiling Lin, translator", profile("Lin Mei-ling"))
    assert (masked, set(found)) == ("[hidden], translator", {"name"})


def test_the_company_is_hidden_with_its_legal_form_in_japanese_text() -> None:
    masked, found = kinds("現在はUmbrella Corpで開発を担当。")
    assert (masked, found) == ("現在は[hidden]で開発を担当。", ["company"])
    masked, _ = kinds("Senior engineer at UMBRELLA-CORP since 2021.")
    assert masked == "Senior engineer at [hidden] since 2021."
