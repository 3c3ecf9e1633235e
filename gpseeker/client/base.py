"""The part every platform client shares: one httpx.AsyncClient, auth, retries, errors.

Role-specific clients (seeker, employer) add one short typed method per endpoint on
top of `_get` / `_send`; a new endpoint is a three-line method, not new plumbing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from functools import cache
from types import TracebackType
from typing import Any, ClassVar, Self, TypeVar, cast

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from gpseeker.client.errors import (
    CodeRequired,
    ForbiddenError,
    PlatformError,
    error_from_response,
    is_unreachable,
    unreachable,
    validation_failed,
)
from gpseeker.client.retry import RETRY_STATUSES, RETRYABLE_ERRORS, RetryPolicy, never_sent
from gpseeker.core.models import (
    Account,
    LoginRequest,
    Role,
    Session,
    SignupCode,
    SignupCodeResend,
    SignupRequest,
    SignupStarted,
)
from gpseeker.local.local_files import FileNotice

API = "/api/v1"
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

Sleep = Callable[[float], Awaitable[None]]
CloseHook = Callable[[], Awaitable[None]]
ReachHook = Callable[[PlatformError | None], None]
"""Told after each request whether the platform was reached (see `ApiClient.on_reach`)."""


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def build(model: type[M], **values: Any) -> M:
    """Validate a request body on the client: bad input fails before any request."""
    try:
        return model(**values)
    except ValidationError as error:
        raise validation_failed(error) from None


class ApiClient:
    """A signed-in (or signing-in) connection to one platform."""

    ROLE: ClassVar[Role]

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 10.0,
        label: str | None = None,
        sleep: Sleep = asyncio.sleep,
        on_close: CloseHook | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, transport=transport, timeout=timeout)
        self._token = token
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._on_close = on_close
        self.session: Session | None = None
        """Set when this client signed in itself (signup/login); None for a stored token."""
        self.platform_label = label or httpx.URL(self.base_url).netloc.decode()
        """What to call this platform in a header: its host, or "Local demo platform"."""
        self.notices: list[FileNotice] = []
        """What opening this connection had to repair on this computer (a damaged
        local database set aside, a sign-in that could not be kept), for the caller
        to show the candidate."""
        self.on_reach: ReachHook | None = None
        """Called after every request, retries included: with None when the platform
        answered (a refusal is an answer too), with the error when it could not be
        reached at all (`is_unreachable`). The terminal app sets it, so that whichever
        screen's request first meets a platform that went away, the whole app learns
        it is disconnected and starts reconnecting (and learns when it is back)."""

    @property
    def token(self) -> str | None:
        return self._token

    # --- lifetime ---------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()
        if self._on_close is not None:
            hook, self._on_close = self._on_close, None
            await hook()

    # --- accounts ---------------------------------------------------------------------

    @classmethod
    async def _open_session(cls, base_url: str, path: str, body: BaseModel, **options: Any) -> Self:
        client = cls(base_url, **options)
        try:
            await client._sign_in(path, body)
        except BaseException:
            await client.aclose()
            raise
        return client

    async def _sign_in(self, path: str, body: BaseModel) -> Session:
        session = await self._send("POST", path, Session, body=body, idempotent=True)
        self._token, self.session = session.token, session
        if session.role != self.ROLE:
            # The account exists and the password was right, but a seeker command
            # cannot act for an employer (or the other way round): say so plainly.
            await self.logout()
            raise ForbiddenError(
                f"{session.email} is {_article(session.role)} {session.role} account, "
                f"not {_article(self.ROLE)} {self.ROLE} account",
                code="wrong_role",
                status=403,
            )
        return session

    @classmethod
    async def start_signup(
        cls, base_url: str, body: SignupRequest, **options: Any
    ) -> SignupStarted:
        """Ask for an account. The answer is the same whether or not the address has
        one; with `code_required`, a code mailed to the address finishes it
        (`confirm_signup`), else the account is ready to sign in to."""
        async with cls(base_url, **options) as client:
            # Not repeated after a timeout: the first request may have sent its mail,
            # and a second would only meet the limit on mails to one address.
            return await client._send("POST", "/auth/signup", SignupStarted, body=body)

    @classmethod
    async def confirm_signup(cls, base_url: str, email: str, code: str, **options: Any) -> Self:
        """Type back the mailed code: the account is made; returns a client signed in to it."""
        body = build(SignupCode, email=email, code=code)
        return await cls._open_session(base_url, "/auth/signup/verify", body, **options)

    @classmethod
    async def resend_code(cls, base_url: str, email: str, **options: Any) -> SignupStarted:
        """Mail a new code for a waiting sign-up (the earlier one stops working)."""
        body = build(SignupCodeResend, email=email)
        async with cls(base_url, **options) as client:
            return await client._send("POST", "/auth/signup/resend", SignupStarted, body=body)

    @classmethod
    async def _signup(cls, base_url: str, body: SignupRequest, **options: Any) -> Self:
        """Sign up, then in with the same password, where the platform mails no code
        (the embedded demo); raises `CodeRequired` where it does."""
        started = await cls.start_signup(base_url, body, **options)
        if started.code_required:
            raise CodeRequired(started)
        return await cls.login(base_url, str(body.email), body.password, **options)

    @classmethod
    async def login(cls, base_url: str, email: str, password: str, **options: Any) -> Self:
        """Sign in an existing account; returns a client carrying its token."""
        body = build(LoginRequest, email=email, password=password)
        return await cls._open_session(base_url, "/auth/login", body, **options)

    async def me(self) -> Account:
        return await self._get("/me", Account)

    async def logout(self) -> None:
        """Revoke this client's token on the server (logout is idempotent: no retry key)."""
        if self._token is None:
            return
        await self._send("POST", "/auth/logout", None)
        self._token = None

    # --- plumbing ---------------------------------------------------------------------

    async def _get(self, path: str, kind: type[T], params: dict[str, Any] | None = None) -> T:
        return await self._send("GET", path, kind, params=params)

    async def _send(
        self,
        method: str,
        path: str,
        kind: type[T] | None,
        *,
        body: BaseModel | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        idempotent: bool = False,
        partial: bool = False,
    ) -> T:
        """One API call: auth header, retries, typed errors, the answer parsed as `kind`.

        `partial=True` sends only the fields set on `body` (for PATCH).
        `idempotent=True` adds an Idempotency-Key, generated once and sent with every
        retry, so the server can recognise a repeat and act only once: on a POST, and
        on a PUT whose repeat is not harmless (a profile save, the resume switch).
        """
        all_headers = dict(headers or {})
        if self._token is not None:
            all_headers["Authorization"] = f"Bearer {self._token}"
        if idempotent:
            # A caller that passes its own key (the apply dialog, retrying after a
            # timeout) keeps it; otherwise one is made here for this call's retries.
            all_headers.setdefault("Idempotency-Key", str(uuid.uuid4()))
        may_repeat = method != "POST" or idempotent
        url = f"{API}{path}"
        # A partial body (a PATCH) sends only the fields the caller set: a field left
        # out means "unchanged", while an explicit null would mean "remove it".
        payload = None if body is None else body.model_dump(mode="json", exclude_unset=partial)
        try:
            response = await self._with_retries(
                lambda: self._http.request(
                    method, url, json=payload, params=params, headers=all_headers
                ),
                may_repeat,
                writes=method not in {"GET", "HEAD"},
            )
        except PlatformError as error:
            self._reached(error if is_unreachable(error) else None)
            raise
        self._reached(None)
        if kind is None:
            return None  # type: ignore[return-value]
        try:
            parsed: T = _adapter(cast(Any, kind)).validate_json(response.content)
        except ValidationError:
            raise PlatformError(
                f"{self.platform_label} sent an answer this gpseeker cannot read "
                "(is it a gpseeker platform, and of a compatible version?)",
                code="bad_response",
                status=response.status_code,
            ) from None
        return parsed

    async def _with_retries(
        self,
        attempt: Callable[[], Awaitable[httpx.Response]],
        may_repeat: bool,
        *,
        writes: bool = True,
    ) -> httpx.Response:
        tries = 0
        arrived = False  # some try of a write may have reached the platform and acted
        while True:
            tries += 1
            last_try = tries >= self._retry.attempts
            try:
                response = await attempt()
            except RETRYABLE_ERRORS as error:
                arrived = arrived or (writes and not never_sent(error))
                if last_try or not (may_repeat or never_sent(error)):
                    raise _unknown(unreachable(self.base_url, error), arrived) from None
            except httpx.TransportError as error:
                # Refused before sending (a bad URL, a proxy): only earlier tries count.
                raise _unknown(unreachable(self.base_url, error), arrived) from None
            else:
                if writes and response.status_code >= 500 and not nothing_changed(response):
                    arrived = True
                repeatable = may_repeat or nothing_changed(response)
                if response.status_code not in RETRY_STATUSES or last_try or not repeatable:
                    if response.is_error:
                        raise _unknown(error_from_response(response), arrived)
                    return response
            await self._sleep(self._retry.delay(tries))

    def _reached(self, error: PlatformError | None) -> None:
        if self.on_reach is not None:
            self.on_reach(error)


def _unknown(error: PlatformError, arrived: bool) -> PlatformError:
    """Mark a failure after which nobody knows whether the request was carried out.

    Only a failure without a definite answer is: a 4xx is the platform's verdict, and
    for a keyed write it is the verdict on every try (a landed first try would have
    been answered as such).
    """
    error.outcome_unknown = arrived and (error.status is None or error.status >= 500)
    return error


def nothing_changed(response: httpx.Response) -> bool:
    """The platform's own "busy" 503: it rolled the request back whole, so even a POST
    without an idempotency key may be sent again. Any other 503 (a proxy's, say) may
    come after the request arrived, and such a POST is not repeated."""
    if response.status_code != 503:
        return False
    try:
        return bool(response.json()["error"]["code"] == "busy")
    except (ValueError, KeyError, TypeError):
        return False


def _article(role: str) -> str:
    return "an" if role[0] in "aeiou" else "a"
