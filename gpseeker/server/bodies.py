"""JSON request bodies checked strictly: a number is a number, a boolean a boolean.

FastAPI validates bodies in pydantic's lax mode, which would take `false` as a salary
of 0 or `0` as "no". The wire contract (and its OpenAPI schema) says otherwise, and a
client that sends the wrong type has a bug worth hearing about. The models stay lax
for Python callers and query strings; routes re-read their JSON body strictly here.
"""

from __future__ import annotations

import json
from typing import TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


# JSON has one number type: 32000000.0 is the integer 32000000 to JSON Schema (and
# to JavaScript, which may well write it so), and strict mode would refuse it as an
# int. Integral numbers are read as integers first, up to where a float is exact.
_EXACT = 2**53


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and abs(value) <= _EXACT else value


def integral_numbers(body: bytes) -> bytes:
    """`body` with each integral JSON number written as an integer (32000000.0 as
    32000000); anything that is not JSON is returned as it came, for the parser to
    report."""
    try:
        data = json.loads(body, parse_float=_number)
    except ValueError:
        return body
    return json.dumps(data, ensure_ascii=False).encode()


async def strictly(request: Request, model: type[M]) -> M:
    """The request's JSON body as `model`, in strict mode; a 422 like FastAPI's own."""
    try:
        return model.model_validate_json(integral_numbers(await request.body()), strict=True)
    except ValidationError as error:
        errors = [{**problem, "loc": ("body", *problem["loc"])} for problem in error.errors()]
        raise RequestValidationError(errors) from None
