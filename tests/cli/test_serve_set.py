"""`gpseeker serve --set NAME=VALUE`: the settings without an option of their own reach
the platform, and a wrong one stops the command with a sentence before it serves."""

from __future__ import annotations

import pytest

from gpseeker.cli import build_parser
from gpseeker.cli.serve import _settings_fields
from gpseeker.server import ServerSettings
from tests.cli.conftest import Gpseeker

ADDRESS = "http://127.0.0.1:8000"


@pytest.mark.usefixtures("home")  # the mail options' default Maildir is in the home
def test_tuned_settings_reach_the_platform() -> None:
    args = build_parser().parse_args(
        [
            "serve",
            "--set", "sign_in_free_failures=0",
            "--set", "sign_in_max_wait_seconds=120",
            "--set", "masked_view_cache_seconds=30.5",
            "--set", "mail_from=Jobs <jobs@example.org>",
        ]
    )  # fmt: skip
    settings = ServerSettings(**_settings_fields(args, ADDRESS))
    assert settings.sign_in_free_failures == 0
    assert settings.sign_in_max_wait_seconds == 120
    assert settings.masked_view_cache_seconds == 30.5
    assert settings.mail_from == "Jobs <jobs@example.org>"
    # Left out, each is the platform's default.
    untouched = ServerSettings(**_settings_fields(build_parser().parse_args(["serve"]), ADDRESS))
    assert untouched.sign_in_free_failures == ServerSettings().sign_in_free_failures


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ("sign_in_free_failure=3", "no such setting; these can be set: "),
        ("max_body_bytes=2048", "set it with --max-body"),
        ("signup_code_minutes=0", "needs at least 1"),
        ("signup_code_minutes=ten", "give a whole number"),
        ("signup_code_minutes=٣", "give a whole number"),  # an Arabic-Indic digit
        ("password_memory_cost_kib=1024", "needs at least 19456"),
        ("masked_view_cache_seconds=inf", "give a number"),
        ("mail_from=", "give a value"),
        ("now=1", "no such setting"),  # a function, not a setting anyone types
    ],
)
def test_a_wrong_setting_is_named_and_nothing_is_served(
    gpseeker: Gpseeker, setting: str, says: str
) -> None:
    result = gpseeker("serve", "--port", "0", "--set", setting)
    assert result.code != 0
    assert f"--set {setting.partition('=')[0]}" in result.err
    assert says in result.err
    assert "listening" not in result.out
    assert "Traceback" not in result.err


def test_a_setting_without_a_value_is_a_usage_error(gpseeker: Gpseeker) -> None:
    result = gpseeker("serve", "--port", "0", "--set", "sign_in_free_failures")
    assert result.code == 2
    assert "write NAME=VALUE" in result.err
