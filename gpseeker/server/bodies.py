"""JSON request bodies checked strictly: a number is a number, a boolean a boolean.

FastAPI validates bodies in pydantic's lax mode, which would take `false` as a salary
of 0 or `0` as "no". The wire contract (and its OpenAPI schema) says otherwise, and a
client that sends the wrong type has a bug worth hearing about. The models stay lax
for Python callers and query strings; routes re-read their JSON body strictly here.
"""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


async def strictly(request: Request, model: type[M]) -> M:
    """The request's JSON body as `model`, in strict mode; a 422 like FastAPI's own."""
    try:
        return model.model_validate_json(await request.body(), strict=True)
    except ValidationError as error:
        errors = [{**problem, "loc": ("body", *problem["loc"])} for problem in error.errors()]
        raise RequestValidationError(errors) from None
