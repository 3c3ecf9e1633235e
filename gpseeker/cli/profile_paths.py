"""`gpseeker profile set FIELD VALUE`: dotted paths into the profile, typed by the model.

The path is checked against `models.Profile` (so a typo names the fields that do
exist), list fields take comma-separated values, and an empty value clears a field.
Converting the text to a date, a number or a prefecture is left to pydantic, so the
messages are the same as the server's and the TUI's.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from gpseeker.cli.context import CliError
from gpseeker.core.models import Profile

# Lists of whole entries have their own commands, which keep their fields together.
ENTRY_COMMANDS = {
    "experience": "gpseeker profile add-experience / remove-experience",
    "education": "gpseeker profile add-education / remove-education",
}


def settable_paths(model: type[BaseModel] = Profile, prefix: str = "") -> list[str]:
    """Every path `profile set` accepts, for help and error messages."""
    paths = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        inner = _model_in(info.annotation)
        if path in ENTRY_COMMANDS:
            continue
        if inner is not None:
            paths.extend(settable_paths(inner, f"{path}."))
        else:
            paths.append(path)
    return paths


def set_value(data: dict[str, Any], path: str, raw: str) -> None:
    """Put `raw` at `path` in a profile dump (JSON mode); pydantic validates later."""
    if path in ENTRY_COMMANDS:
        raise CliError(f"{path} has entries of several fields: use {ENTRY_COMMANDS[path]}")
    model: type[BaseModel] = Profile
    target = data
    parts = path.split(".")
    for depth, name in enumerate(parts):
        info = model.model_fields.get(name)
        if info is None:
            here = ".".join(parts[:depth])
            choices = ", ".join(model.model_fields)
            where = f" in {here}" if here else ""
            raise CliError(f"no profile field {name!r}{where}; the fields are: {choices}")
        inner = _model_in(info.annotation)
        last = depth == len(parts) - 1
        if last:
            if inner is not None:
                example = settable_paths(inner, f"{path}.")[0]
                raise CliError(f"{path} is a section: set one of its fields, e.g. {example}")
            target[name] = _parse(raw, info.annotation)
            return
        if inner is None:
            raise CliError(f"{'.'.join(parts[: depth + 1])} has no fields inside it")
        if not isinstance(target.get(name), dict):
            target[name] = {}  # e.g. identity.address while no address is saved yet
        target = target[name]
        model = inner


def _parse(raw: str, annotation: Any) -> Any:
    text = raw.strip()
    if _is_list(annotation):
        return [item.strip() for item in text.split(",") if item.strip()]
    if text == "":
        return None if _allows_none(annotation) else ""
    return text


def _members(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return (annotation,)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def _is_list(annotation: Any) -> bool:
    return any(get_origin(member) is list for member in _members(annotation))


def _allows_none(annotation: Any) -> bool:
    return type(None) in _members(annotation)
