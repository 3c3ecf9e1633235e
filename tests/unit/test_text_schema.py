"""The JSON Schema of each text type says exactly what its validator accepts (found
by schemathesis: padded text longer than maxLength was taken, and text the schema
allowed was refused), so a client can check a field before sending it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from gpseeker.core import models

SAMPLES = [
    "",
    "a",
    " a ",
    "  ",
    "\u3000",
    "a\nb",
    "a\r\nb",
    "a\rb",
    "a\tb",
    "\n a\t",
    "a\x00",
    "\x1ca",
    "\x1b[31m",
    "\u0085a\u0085",
    "a" * 60,
    "a" * 60 + " ",
    " " * 5 + "a" * 58,
    "a" * 120 + "\n",
]
TYPES: list[Any] = [models.ShortText, models.Name, models.Tag, models.LongText]


def schema_allows(schema: dict[str, Any], value: str) -> bool:
    """A string schema's own keywords (all these types use), as JSON Schema reads them."""
    return (
        schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", len(value))
        and re.search(schema.get("pattern", ""), value) is not None
    )


def accepted(adapter: TypeAdapter[Any], value: str) -> bool:
    try:
        adapter.validate_python(value)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("kind", TYPES, ids=["ShortText", "Name", "Tag", "LongText"])
def test_the_schema_accepts_what_the_validator_accepts(kind: Any) -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(kind)
    schema = adapter.json_schema()
    for value in SAMPLES:
        assert schema_allows(schema, value) == accepted(adapter, value), (value, schema)


def test_a_length_is_counted_before_stripping() -> None:
    assert not accepted(TypeAdapter(models.Tag), "a" * 60 + " ")
    assert TypeAdapter(models.Tag).validate_python(" a ") == "a"


def test_a_patch_offers_no_null_for_what_cannot_be_removed() -> None:
    properties = models.JobPatch.model_json_schema()["properties"]
    for name in ("title", "description", "status"):
        assert "anyOf" not in properties[name], properties[name]
    assert "anyOf" in properties["closes_at"]  # null removes the closing day


def test_the_schema_refuses_special_use_email_domains() -> None:
    schema = TypeAdapter(models.Email).json_schema()
    assert schema["format"] == "email"
    assert schema_allows(schema, "ana@example.com")
    assert schema_allows(schema, "ana@testing.jp")
    for address in ("ana@mail.test", "ana@host.LOCAL", "ana@x.onion", "ana@localhost"):
        assert not schema_allows(schema, address)
        assert not accepted(TypeAdapter(models.Email), address)
