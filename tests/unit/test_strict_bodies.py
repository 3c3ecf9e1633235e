"""Strict request bodies still read JSON's numbers as JSON Schema does: 32000000.0 is
an integer (schemathesis found saved searches and jobs refusing it)."""

from __future__ import annotations

import json

from gpseeker.core.models import JobPatch
from gpseeker.server.bodies import integral_numbers


def test_an_integral_number_is_an_integer() -> None:
    body = integral_numbers(b'{"salary_min": 32000000.0, "salary_max": 3.2e7}')
    assert json.loads(body) == {"salary_min": 32000000, "salary_max": 32000000}
    patch = JobPatch.model_validate_json(body, strict=True)
    assert (patch.salary_min, patch.salary_max) == (32000000, 32000000)


def test_fractions_huge_numbers_and_non_json_are_left_to_the_parser() -> None:
    assert json.loads(integral_numbers(b'{"a": 0.5, "b": 1e300}')) == {"a": 0.5, "b": 1e300}
    assert integral_numbers(b'{"a": 1.0,') == b'{"a": 1.0,'
    assert integral_numbers(b"\xff") == b"\xff"
