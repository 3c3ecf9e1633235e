"""`gpseeker serve`'s invitation caps (issue 14): each cap per target is an option that
reaches the platform's settings, and the defaults its help states are the settings'."""

from __future__ import annotations

import dataclasses

import pytest

from gpseeker.cli import build_parser
from gpseeker.cli.serve import INVITATION_CAPS, _settings_fields
from gpseeker.server import ServerSettings


def test_the_defaults_in_the_help_are_the_platforms() -> None:
    defaults = {field.name: field.default for field in dataclasses.fields(ServerSettings)}
    for option, default, _meaning in INVITATION_CAPS:
        assert defaults[option.replace("-", "_")] == default, option


@pytest.mark.usefixtures("home")  # the mail options' default Maildir is in the home
def test_each_cap_reaches_the_settings() -> None:
    args = build_parser().parse_args(
        [
            "serve",
            "--invitations-per-day", "40",
            "--invitations-per-organisation-per-day", "80",
            "--invitations-per-candidate-per-day", "12",
            "--invitations-per-candidate-per-organisation-per-day", "2",
        ]
    )  # fmt: skip
    fields = _settings_fields(args, "http://127.0.0.1:8000")
    settings = ServerSettings(**fields)
    assert (
        settings.invitations_per_day,
        settings.invitations_per_organisation_per_day,
        settings.invitations_per_candidate_per_day,
        settings.invitations_per_candidate_per_organisation_per_day,
    ) == (40, 80, 12, 2)
    # Left out, a cap is the platform's default.
    unset = _settings_fields(build_parser().parse_args(["serve"]), "http://127.0.0.1:8000")
    assert not {name for name in unset if name.startswith("invitations")}


def test_a_cap_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["serve", "--invitations-per-candidate-per-day", "0"])
    assert exited.value.code == 2
    assert "--invitations-per-candidate-per-day" in capsys.readouterr().err
