"""Every error the platform answers is an `ErrorBody`, whatever raised it.

Routes raise `ApiError`; FastAPI's validation errors, Starlette's HTTP errors (unknown
path, wrong method) and unexpected exceptions are translated here, so a client needs
exactly one error parser and a user never sees a traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gpseeker.core.models import ErrorBody, ErrorDetail, FieldError
from gpseeker.server.db_faults import damaged, first_line, lost_connection, storage_full
from gpseeker.server.db_state import DatabaseState
from gpseeker.server.request_commits import counting_commits

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        fields: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = list(fields)
        self.headers = dict(headers or {})


def unauthorized(message: str = "Sign in first: this needs a valid bearer token.") -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})


def forbidden(role: str) -> ApiError:
    return ApiError(403, "forbidden", f"Only {role} accounts may do this.")


def not_found(what: str = "That") -> ApiError:
    return ApiError(404, "not_found", f"{what} does not exist or is not yours to see.")


def invalid(path: str, message: str) -> ApiError:
    return ApiError(
        422,
        "validation_failed",
        f"{path}: {message}",
        fields=[FieldError(path=path, message=message)],
    )


def bad_cursor() -> ApiError:
    """A page cursor the server did not hand out (or one tampered with): 400, not 422,
    since no edit of a field fixes it; the client starts again from the first page."""
    message = "is not a cursor this server handed out; start again from the first page"
    return ApiError(
        400, "bad_cursor", f"cursor: {message}", fields=[FieldError(path="cursor", message=message)]
    )


def error_response(
    status: int,
    code: str,
    message: str,
    fields: Sequence[FieldError] = (),
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, fields=list(fields)))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` for the errors an operation can answer."""
    return {
        status: {"model": ErrorBody, "description": HTTPStatus(status).phrase}
        for status in statuses
    }


def field_errors(errors: Iterable[Any]) -> list[FieldError]:
    """Pydantic's errors as dotted paths relative to the body, with human messages."""
    fields = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        if location and location[0] in {"body", "query", "header", "path", "cookie"}:
            location = location[1:]
        if error.get("type") == "json_invalid":
            location = []  # the location is a character offset, not a field
        fields.append(FieldError(path=".".join(location), message=_human(error)))
    return fields


# A regular expression means nothing to a candidate; say what is expected instead.
PATTERN_MESSAGES = {
    r"^\d{4}-(0[1-9]|1[0-2])$": "must be a month written YYYY-MM, like 2021-04",
}


def _human(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "missing":
        return "is required"
    if kind == "json_invalid":
        return "the request body is not valid JSON"
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        return PATTERN_MESSAGES.get(pattern, "is not in the expected format")
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def install(app: FastAPI, database: DatabaseState | None = None) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return error_response(error.status, error.code, error.message, error.fields, error.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, error: RequestValidationError) -> JSONResponse:
        fields = field_errors(error.errors())
        summary = "; ".join(
            f"{field.path}: {field.message}" if field.path else field.message for field in fields
        )
        return error_response(422, "validation_failed", summary or "invalid request", fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        status = HTTPStatus(error.status_code)
        code = status.phrase.lower().replace(" ", "_").replace("-", "_")
        message = error.detail if isinstance(error.detail, str) else status.phrase
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        return error_response(error.status_code, code, message, headers=headers)

    app.add_middleware(CatchAll, database=database)


def allowed_methods(request: Request) -> list[str]:
    """Every method the API documents for this path, for a 405's Allow header.

    Starlette would list only the methods of the first route matching the path, so a
    405 on /me/profile would hide that PUT exists beside GET. The OpenAPI document is
    the contract, so the answer is read from it.
    """
    path = request.url.path
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            methods |= {method.upper() for method in operations if method.upper() in HTTP_METHODS}
    return sorted(methods)


HTTP_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"})


BUSY_RETRY_AFTER_SECONDS = 1
BUSY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
"""PostgreSQL's serialization failure, deadlock and lock timeout: the transaction was
rolled back whole, so the same request may simply be sent again."""
BUSY_MESSAGE = "The platform is busy; nothing was changed. Try again in a moment."
INTERRUPTED_MESSAGE = (
    "The platform lost its connection to its database while saving, so it cannot tell "
    "whether this was saved. Look before sending it again."
)
STORAGE_FULL_MESSAGE = (
    "The platform has run out of storage space, so this could not be saved. "
    "Nothing you already saved is lost; try again later."
)
DAMAGED_MESSAGE = (
    "Part of the platform's data is damaged and cannot be read; its operator has to "
    "repair it. Try again later."
)


def busy(error: Exception) -> bool:
    """A write that lost a wait for a lock: rolled back, safe to repeat. Clients retry a
    503 (an idempotent POST with its key), so the user sees a pause, not an error."""
    if not isinstance(error, DBAPIError):
        return False
    cause = error.orig
    if getattr(cause, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    return isinstance(error, OperationalError) and "database is locked" in str(cause)


def database_fault_response(
    error: Exception, commits_sent: int, database: DatabaseState | None, where: str
) -> JSONResponse | None:
    """The answer for a fault of the database itself, or None for any other error.

    A lost connection is 503 "busy" while the request had sent no COMMIT (its
    transaction died with the connection: nothing changed, any client may repeat
    it), and 503 "interrupted" once it had (the database may have kept the write:
    only a request that is safe to repeat, like a POST with its Idempotency-Key,
    may be sent again). Either way the pool's next checkout pings and reconnects.
    """
    if lost_connection(error):
        log.warning("%s lost its database connection: %s", where, first_line(error))
        if commits_sent:
            return error_response(
                503,
                "interrupted",
                INTERRUPTED_MESSAGE,
                headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
            )
        return busy_response()
    if busy(error):
        log.warning("busy: %s: %s", where, first_line(error))
        return busy_response()
    if storage_full(error):
        if database is not None:
            database.storage_full_met(error)
        return error_response(507, "storage_full", STORAGE_FULL_MESSAGE)
    if damaged(error):
        if database is not None:
            database.damage_met(error)
        return error_response(500, "database_damaged", DAMAGED_MESSAGE)
    return None


def busy_response() -> JSONResponse:
    return error_response(
        503, "busy", BUSY_MESSAGE, headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)}
    )


class CatchAll:
    """Turn an unexpected exception into an `ErrorBody` and a log line.

    Faults of the database get their own answers (`database_fault_response`);
    anything else is a 500. Starlette's own last-resort handler re-raises after
    answering, which would throw the exception into an embedded client's event loop
    (httpx.ASGITransport); the TUI should get a 500 like from any remote server.
    """

    def __init__(self, app: ASGIApp, database: DatabaseState | None = None) -> None:
        self.app = app
        self.database = database

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        finished = False

        async def tracking_send(message: Message) -> None:
            nonlocal started, finished
            if message["type"] == "http.response.start":
                started = True
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                finished = True
            await send(message)

        where = f"{scope.get('method')} {scope.get('path')}"
        with counting_commits() as commits:
            try:
                await self.app(scope, receive, tracking_send)
            except Exception as error:
                if finished:
                    # The answer is out (an error while cleaning up after it, such as a
                    # rollback on a connection that broke): the client has what it
                    # asked for, and raising would only drop its keep-alive connection.
                    if lost_connection(error):
                        log.warning("after answering %s: %s", where, first_line(error))
                    else:
                        log.exception("after answering %s", where)
                    return
                response = (
                    None
                    if started
                    else database_fault_response(error, commits.sent, self.database, where)
                )
                if response is None:
                    log.exception("unhandled error in %s", where)
                    if started:
                        raise
                    response = error_response(
                        500,
                        "internal_error",
                        "Something went wrong on the platform; try again later.",
                    )
                await response(scope, receive, send)
                return
        if commits.sent and self.database is not None:
            self.database.write_succeeded()
