"""Typed errors of the platform client, one class per thing a caller handles differently.

The server answers every failure with `{"error": {"code", "message", "fields"}}`;
`error_from_response` turns that into the matching class, and `field_errors` gives a
pydantic ValidationError raised on the client side the same shape, so a screen or a
command shows both in one way.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import ValidationError

from gpseeker.core.models import ErrorBody, FieldError, SignupStarted


class PlatformError(Exception):
    """Any failure the platform reported, or that prevented talking to it."""

    outcome_unknown: bool = False
    """True when a try may have reached the platform and been carried out although no
    answer says so (a timeout, a dropped connection, a 5xx other than the platform's
    own "busy"): a write is then neither saved nor refused as far as anyone knows.
    Sending it again with the same Idempotency-Key finds out without acting twice."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "error",
        status: int | None = None,
        fields: list[FieldError] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.fields: list[FieldError] = fields or []


class AuthError(PlatformError):
    """401: not signed in, the token was revoked, or the e-mail/password is wrong."""


class ForbiddenError(PlatformError):
    """403: signed in, but this account (e.g. its role) may not do that."""


class NotFoundError(PlatformError):
    """404: no such object, or one this account may not know exists."""


class ValidationFailed(PlatformError):
    """400/422 from the server, or the client's own model check: see `.fields`."""


class ConflictError(PlatformError):
    """409: e.g. the e-mail address already has an account."""


class PreconditionFailed(PlatformError):
    """412 (someone saved in between: reload) or 428 (the write needs If-Match)."""


class RateLimited(PlatformError):
    """429: too many requests of one kind (e.g. an employer's daily invitations).

    `retry_after` is the server's Retry-After in seconds, when it sent one.
    """

    def __init__(self, message: str, *, retry_after: int | None = None, **options: Any) -> None:
        super().__init__(message, **options)
        self.retry_after = retry_after


class CodeRequired(PlatformError):
    """The platform mailed a code to finish the sign-up: no account exists until it is
    typed back (`confirm_signup`). `started` is the platform's answer, in words too."""

    def __init__(self, started: SignupStarted) -> None:
        super().__init__(started.message, code="code_required", status=202)
        self.started = started


class Unavailable(PlatformError):
    """The platform could not be reached, timed out, or failed on its side (5xx)."""


_BY_STATUS: dict[int, type[PlatformError]] = {
    400: ValidationFailed,
    401: AuthError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailed,
    422: ValidationFailed,
    428: PreconditionFailed,
    429: RateLimited,
}


def error_from_response(response: httpx.Response) -> PlatformError:
    status = response.status_code
    try:
        detail = ErrorBody.model_validate_json(response.content).error
    except ValidationError:
        # Not our server's shape (a proxy's HTML page, say): keep the status line.
        message = f"the server answered {status} {response.reason_phrase}".rstrip()
        code, fields = f"http_{status}", []
    else:
        message, code, fields = detail.message, detail.code, detail.fields
    kind = _BY_STATUS.get(status, Unavailable if status >= 500 else PlatformError)
    if kind is RateLimited:
        return RateLimited(
            message,
            code=code,
            status=status,
            fields=fields,
            retry_after=_seconds(response.headers.get("Retry-After")),
        )
    return kind(message, code=code, status=status, fields=fields)


def _seconds(value: str | None) -> int | None:
    """Retry-After as seconds; the HTTP-date form is not used by our server."""
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def field_errors(error: ValidationError) -> list[FieldError]:
    """A client-side pydantic error as field errors, worded like the server's."""
    found = []
    for problem in error.errors():
        path = ".".join(str(part) for part in problem["loc"])
        # Our validators raise ValueError("is not a valid ..."); pydantic prefixes it.
        message = problem["msg"].removeprefix("Value error, ")
        found.append(FieldError(path=path, message=message))
    return found


def validation_failed(error: ValidationError) -> ValidationFailed:
    fields = field_errors(error)
    return ValidationFailed(
        "; ".join(f"{f.path}: {f.message}" if f.path else f.message for f in fields),
        code="validation",
        fields=fields,
    )


def unreachable(base_url: str, error: httpx.TransportError) -> Unavailable:
    """A transport failure in words a user can act on."""
    text = str(error) or type(error).__name__
    if isinstance(error, httpx.ConnectError):
        reason = "connection refused" if _refused(error) else text
    elif isinstance(error, httpx.TimeoutException):
        reason = "no answer in time (timed out)"
    else:
        reason = text
    return Unavailable(f"cannot reach {base_url}: {reason}", code="unreachable")


GATEWAY_STATUSES = frozenset({502, 504})
"""A proxy in front of the platform saying the platform behind it did not answer."""


def is_unreachable(error: BaseException) -> bool:
    """Whether `error` says the platform could not be reached at all, as opposed to a
    platform that answered with a refusal or a failure of its own.

    A refused or dropped connection, a timeout, and a gateway's 502/504 (or its own
    503, which is not in our error shape) count; the platform's own "busy" 503 and
    every 4xx do not: the platform is there, and a reconnect would not help.
    """
    if not isinstance(error, Unavailable):
        return False
    if error.code == "unreachable" or error.status in GATEWAY_STATUSES:
        return True
    return error.status == 503 and error.code.startswith("http_")


def _refused(error: BaseException) -> bool:
    """Whether a ConnectionRefusedError is among the causes (httpcore wraps it twice)."""
    seen: BaseException | None = error
    for _ in range(10):  # the chain is short; the bound only guards against a cycle
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
