"""A control character in a profile field, as the client handles it: named in words
on its own field, whether the client's check or the platform's 422 finds it, and
kept in the draft exactly as typed (issue 14)."""

from __future__ import annotations

from pathlib import Path

from gpseeker.core.models import FieldError
from gpseeker.local.profile_draft import DraftStore, ProfileForm, build_profile, place_server_errors

FORM = ProfileForm(
    full_name="Mika\x1b[2J Tanaka",
    email="mika@example.com",
    headline="Backend\x00 developer",
    summary="Line one\n\tLine two",  # a multi-line field keeps its lines and tabs
)


def test_the_form_names_each_field_that_is_not_text() -> None:
    built = build_profile(FORM)
    assert built.profile is None
    assert built.errors == {
        "full_name": "Full name: must be text: it contains the control character U+001B",
        "headline": "Headline: must be text: it contains the control character U+0000",
    }


def test_the_platforms_422_lands_on_the_same_fields() -> None:
    placed, elsewhere = place_server_errors(
        [
            FieldError(
                path="identity.full_name",
                message="must be text: it contains the control character U+001B",
            ),
            FieldError(path="headline", message="must be one line (it contains a tab)"),
        ]
    )
    assert placed == {
        "full_name": "Full name: must be text: it contains the control character U+001B",
        "headline": "Headline: must be one line (it contains a tab)",
    }
    assert elsewhere == []


def test_the_draft_keeps_what_was_typed(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(FORM, '"3"')
    loaded = store.load()
    assert loaded is not None
    assert loaded.form == FORM
