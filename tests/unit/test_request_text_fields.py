"""Every request model: each text field refuses control characters and has a length
cap, and each list has a cap. Checked over the models themselves, so that a field
added later cannot forget either (the API tests show the 422s it leads to)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError

from gpseeker.core import models
from gpseeker.core.models import Strict

NOT_CHECKED = {
    # The password of an existing account is only compared with its hash, never
    # stored or shown; refusing one would lock out an account made before the rule.
    ("LoginRequest", "password"),
}


def request_models() -> list[type[Strict]]:
    found: list[type[Strict]] = []
    pending = list(Strict.__subclasses__())
    while pending:
        model = pending.pop()
        if model.__module__ == models.__name__:
            found.append(model)
        pending.extend(model.__subclasses__())
    return sorted(found, key=lambda model: model.__name__)


def bounded(pattern: str) -> bool:
    """A whole-string pattern with no open-ended repeat: it caps the length itself."""
    return (
        pattern.startswith("^")
        and pattern.endswith("$")
        and not re.search(r"[*+]|\{\d*,\}", pattern)
    )


def schema_nodes(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (path, schema) below `node`, nested models by their $ref only."""
    if not isinstance(node, dict):
        return
    yield where, node
    for key in ("anyOf", "oneOf", "allOf"):
        for index, option in enumerate(node.get(key, [])):
            yield from schema_nodes(option, f"{where}|{index}")
    if "items" in node:
        yield from schema_nodes(node["items"], f"{where}[]")
    for name, child in node.get("properties", {}).items():
        yield from schema_nodes(child, f"{where}.{name}")


@pytest.mark.parametrize("model", request_models(), ids=lambda model: model.__name__)
def test_every_string_and_list_has_a_cap(model: type[Strict]) -> None:
    schema = model.model_json_schema()
    for definition in (schema, *schema.get("$defs", {}).values()):
        for where, node in schema_nodes(definition, model.__name__):
            if node.get("type") == "string":
                capped = "maxLength" in node or "enum" in node or "const" in node
                capped = capped or bounded(node.get("pattern", ""))
                assert capped or node.get("format") in {"email", "date", "date-time"}, where
            if node.get("type") == "array":
                assert "maxItems" in node, where


def text_fields(model: type[Strict]) -> Iterator[tuple[str, bool]]:
    """(name, is_list) of each field that takes text, as its own schema says."""
    properties = model.model_json_schema().get("properties", {})
    for name, node in properties.items():
        options = node.get("anyOf", [node])
        for option in options:
            if option.get("type") == "string" and not option.get("format"):
                yield name, False
                break
            items = option.get("items", {})
            if option.get("type") == "array" and any(
                choice.get("type") == "string" for choice in items.get("anyOf", [items])
            ):
                yield name, True
                break


@pytest.mark.parametrize("model", request_models(), ids=lambda model: model.__name__)
def test_every_text_field_refuses_a_control_character(model: type[Strict]) -> None:
    for name, is_list in text_fields(model):
        if (model.__name__, name) in NOT_CHECKED:
            continue
        value = "abcdefghij\x00"  # long enough for any minimum, short enough for any cap
        with pytest.raises(ValidationError) as raised:
            model.model_validate({name: [value] if is_list else value})
        at_field = [error for error in raised.value.errors() if error["loc"][0] == name]
        assert at_field, f"{model.__name__}.{name} took a NUL"
        # A field with a pattern or a vocabulary refuses it on those grounds.
        node = model.model_json_schema()["properties"][name]
        shaped = any(key in str(node) for key in ("pattern", "enum"))
        assert shaped or any("control character" in error["msg"] for error in at_field), (
            f"{model.__name__}.{name}: {at_field}"
        )


def test_the_models_checked_include_every_kind_of_request() -> None:
    names = {model.__name__ for model in request_models()}
    assert {"Profile", "Identity", "JobDraft", "JobQuery", "SignupRequest"} <= names
    assert {"InvitationRequest", "ReplyRequest", "BlockedCompanies", "EraseAnswer"} <= names
