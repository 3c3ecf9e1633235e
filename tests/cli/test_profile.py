"""`gpseeker profile ...` on the local demo platform, read as a user reads it."""

from __future__ import annotations

import json

from tests.cli.conftest import Gpseeker


def test_show_lists_labelled_fields_one_per_line(gpseeker: Gpseeker) -> None:
    result = gpseeker("profile", "show")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "Contact details (private: never shown in the resume bank)" in lines
    assert "E-mail: you@example.com" in lines
    assert "Phone: not set" in lines
    # Linear text: no box drawing, no escape sequences (colour, cursor movement).
    assert not any("\u2500" <= char <= "\u259f" or char == "\x1b" for char in result.out)
    assert lines[lines.index("About") - 1] == ""  # blocks are separated by a blank line


def test_set_saves_the_normalised_value(gpseeker: Gpseeker) -> None:
    result = gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    assert result.code == 0, result.err
    assert result.out == "Saved identity.phone: +819012345678\n"
    assert "Phone: +819012345678" in gpseeker("profile", "show").out.splitlines()


def test_show_prints_the_name_in_japanese_and_its_reading_once_they_are_set(
    gpseeker: Gpseeker,
) -> None:
    assert "Name in Japanese" not in gpseeker("profile", "show").out  # optional: no line
    assert gpseeker("profile", "set", "identity.name_japanese", "田中 美咲").code == 0
    assert gpseeker("profile", "set", "identity.name_reading", "たなか みさき").code == 0

    lines = gpseeker("profile", "show").out.splitlines()

    contact = lines[: lines.index("About")]
    assert contact[:4] == [
        "Contact details (private: never shown in the resume bank)",
        "Name: Local Candidate",
        "Name in Japanese: 田中 美咲",
        "Reading: たなか みさき",
    ]
    identity = json.loads(gpseeker("profile", "show", "--json").out)["profile"]["identity"]
    assert (identity["name_japanese"], identity["name_reading"]) == ("田中 美咲", "たなか みさき")


def test_list_fields_take_comma_separated_values(gpseeker: Gpseeker) -> None:
    assert gpseeker("profile", "set", "skills", "Python, SQL ,, Go").code == 0
    assert gpseeker("profile", "set", "location.prefecture", "osaka").code == 0
    shown = gpseeker("profile", "show").out.splitlines()
    assert "Skills: Python, SQL, Go" in shown
    assert "Location: Osaka, Japan" in shown


def test_a_bad_phone_is_one_line_on_stderr_and_nothing_is_saved(gpseeker: Gpseeker) -> None:
    gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    result = gpseeker("profile", "set", "identity.phone", "12345")
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        "error: identity.phone: is not a valid phone number "
        "(write it as 090-1234-5678, or with its country code)"
    ]
    assert "Phone: +819012345678" in gpseeker("profile", "show").out


def test_an_unknown_field_names_the_fields_that_exist(gpseeker: Gpseeker) -> None:
    result = gpseeker("profile", "set", "identity.fone", "090-1234-5678")
    assert result.code == 1
    assert result.err.startswith("error: no profile field 'fone' in identity; the fields are:")
    assert "phone" in result.err
    assert len(result.err.splitlines()) == 1


def test_an_empty_value_clears_a_field(gpseeker: Gpseeker) -> None:
    gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    assert gpseeker("profile", "set", "identity.phone", "").code == 0
    assert "Phone: not set" in gpseeker("profile", "show").out


def test_experience_entries_are_added_and_removed_by_number(gpseeker: Gpseeker) -> None:
    added = gpseeker(
        "profile", "add-experience", "--title", "Backend developer", "--company", "Acme KK",
        "--start", "2021-04", "--industry", "IT",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.out == "Added experience entry 1.\n"
    shown = gpseeker("profile", "show").out
    assert "Experience 1\nTitle: Backend developer\nCompany: Acme KK" in shown
    assert "To: now" in shown

    assert gpseeker("profile", "remove-experience", "1").code == 0
    assert "Experience 1" not in gpseeker("profile", "show").out
    missing = gpseeker("profile", "remove-experience", "1")
    assert missing.code == 1
    assert missing.err.startswith("error: there is no experience entry 1")


def test_an_end_before_the_start_is_refused(gpseeker: Gpseeker) -> None:
    result = gpseeker(
        "profile", "add-experience", "--title", "Teacher", "--start", "2022-04", "--end", "2021-03"
    )
    assert result.code == 1
    assert "the end month is before the start month" in result.err
    assert len(result.err.splitlines()) == 1


def test_show_json_is_the_model(gpseeker: Gpseeker) -> None:
    result = gpseeker("profile", "show", "--json")
    data = json.loads(result.out)
    assert data["profile"]["identity"]["email"] == "you@example.com"
    assert data["etag"]


def test_terminal_control_in_text_never_reaches_the_terminal(gpseeker: Gpseeker) -> None:
    hostile = "\x1b]52;c;ZXZpbA==\x07Engineer\x1b[2J\x9b31m"
    # Refused (a pasted control is no text), in one clean line naming the field.
    refused = gpseeker("profile", "set", "headline", hostile)
    assert refused.code == 1
    assert refused.err == (
        "error: headline: must be text: it contains the control character U+001B\n"
    )
    # The 8-bit sequence alone is text to the platform, and shown as text.
    assert gpseeker("profile", "set", "headline", "Engineer\x9b31m").code == 0
    for output in (gpseeker("profile", "show").out, gpseeker("profile", "show", "--json").out):
        assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
        assert "Engineer" in output
