"""`gpseeker serve --set NAME=VALUE`: the platform settings an operator may tune that
have no option of their own (the throttles, the password hasher's line, sign-up codes,
what is kept how long), checked before anything starts.

The names are `ServerSettings`' own, as the README's settings table gives them, so
there is one list of what can be tuned; a setting with an option of its own is set
with that option, so that one value never has two spellings.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import re
import typing
from collections.abc import Iterable

from gpseeker.cli.context import CliError

OWN_OPTIONS = {
    "max_body_bytes": "--max-body",
    "invitations_per_day": "--invitations-per-day",
    "invitations_per_organisation_per_day": "--invitations-per-organisation-per-day",
    "invitations_per_candidate_per_day": "--invitations-per-candidate-per-day",
    "invitations_per_candidate_per_organisation_per_day": (
        "--invitations-per-candidate-per-organisation-per-day"
    ),
    "require_email_verification": "--no-email-verification",
    "public_url": "--public-url",
    "smtp_url": "--smtp-url",
    "mail_dir": "--mail-dir",
    "policy_operator": "--policy-operator",
    "policy_address": "--policy-address",
    "policy_email": "--policy-email",
    "policy_hours": "--policy-hours",
}
"""Settings set by an option of their own, and that option."""

ZERO_ALLOWED = {
    "sign_in_free_failures",
    "sign_in_client_free_failures",
    "password_hashes_for_clean_tries",
    "password_hash_queue",
}
"""Counts for which 0 means something ("no free tries", "no waiting line"); every
other number must be at least 1 (a page of 0 hits, a code that works for 0 minutes)."""

LEAST = {"password_memory_cost_kib": 19_456}
"""argon2id below OWASP's least recommended memory (19 MiB with 2 iterations) would
make stolen password hashes cheap to guess."""

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def setting_pair(text: str) -> tuple[str, str]:
    """argparse `type=` for `--set NAME=VALUE`; the name is checked later, against the
    settings themselves, so that building the parser imports no server code."""
    name, equals, value = text.partition("=")
    if not equals or not re.fullmatch(r"[a-z][a-z0-9_]*", name.strip()):
        raise argparse.ArgumentTypeError(
            f"write NAME=VALUE, such as sign_in_free_failures=10, not {text!r}"
        )
    return name.strip(), value.strip()


def tunable_types() -> dict[str, type]:
    """Every setting `--set` takes, with the type of its value."""
    from gpseeker.server.settings import ServerSettings

    hints = typing.get_type_hints(ServerSettings)
    simple = (bool, int, float, str)
    return {
        field.name: hints[field.name]
        for field in dataclasses.fields(ServerSettings)
        if hints[field.name] in simple and field.name not in OWN_OPTIONS
    }


def settings_from(pairs: Iterable[tuple[str, str]]) -> dict[str, object]:
    """The `ServerSettings` fields the pairs set, converted; a `CliError` naming the
    first one that is unknown, has an option of its own, or holds a wrong value."""
    types = tunable_types()
    fields: dict[str, object] = {}
    for name, text in pairs:
        if name in OWN_OPTIONS:
            raise CliError(f"--set {name}: set it with {OWN_OPTIONS[name]}")
        kind = types.get(name)
        if kind is None:
            raise CliError(
                f"--set {name}: no such setting; these can be set: {', '.join(sorted(types))}"
            )
        fields[name] = _value(name, text, kind)
    return fields


def _value(name: str, text: str, kind: type) -> object:
    if kind is bool:
        word = text.casefold()
        if word not in _TRUE | _FALSE:
            raise CliError(f"--set {name}={text}: write true or false")
        return word in _TRUE
    if kind is str:
        if not text:
            raise CliError(f"--set {name}: give a value")
        return text
    number = _number(name, text, kind)
    least = LEAST.get(name, 0 if name in ZERO_ALLOWED else 1)
    if number < least:
        raise CliError(f"--set {name}={text}: needs at least {least}")
    return number


def _number(name: str, text: str, kind: type) -> int | float:
    # ASCII digits only: int() would also take "٣" or "1_000", which nobody means here.
    if kind is int and re.fullmatch(r"[0-9]+", text, re.ASCII):
        return int(text)
    if kind is float and re.fullmatch(r"[0-9]+(\.[0-9]+)?", text, re.ASCII):
        number = float(text)
        if math.isfinite(number):
            return number
    whole = "a whole number" if kind is int else "a number"
    raise CliError(f"--set {name}={text}: give {whole}")
