"""Reconnecting, without a terminal: the schedule of tries, every sentence the app
shows about the link, which failures count as a platform out of reach, and the
client's hook that lets the app notice a loss from any request."""

from __future__ import annotations

import socket

import httpx
import pytest

from gpseeker.client import (
    PlatformClient,
    PlatformError,
    RetryPolicy,
    Unavailable,
    is_unreachable,
)
from gpseeker.client.errors import error_from_response, unreachable
from gpseeker.ui.reconnect import (
    Backoff,
    LinkStatus,
    change_notice,
    header_words,
    seconds_left,
    status_words,
)

NO_WAIT = RetryPolicy(attempts=2, base_delay=0)
REFUSED = "cannot reach http://127.0.0.1:9: connection refused"


# --- the schedule -----------------------------------------------------------------------


def test_waits_double_from_a_second_up_to_the_cap() -> None:
    backoff = Backoff()
    longest = [backoff.delay(failures, chance=lambda: 1.0) for failures in range(1, 10)]
    assert longest == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_jitter_keeps_each_wait_between_half_and_all_of_it() -> None:
    backoff = Backoff()
    assert backoff.delay(3, chance=lambda: 0.0) == 2.0
    assert all(2.0 <= backoff.delay(3) <= 4.0 for _ in range(200))
    # Two clients that failed together do not come back in the same instant.
    assert len({round(backoff.delay(5), 6) for _ in range(50)}) > 1


def test_a_lower_cap_from_the_settings_also_shortens_the_first_wait() -> None:
    assert Backoff.capped_at(30) == Backoff(first=1.0, cap=30)
    assert Backoff.capped_at(0.5) == Backoff(first=0.5, cap=0.5)
    assert Backoff.capped_at(-3).cap == 0.1  # nonsense in the file: as short as allowed


# --- the words --------------------------------------------------------------------------


def waiting(retry_at: float, *, reason: str = REFUSED, unreachable: bool = True) -> LinkStatus:
    return LinkStatus("waiting", reason=reason, unreachable=unreachable, retry_at=retry_at)


def test_the_status_line_counts_down_in_whole_seconds_and_names_the_key() -> None:
    status = waiting(retry_at=104.0)
    assert status_words(status, 100.0, "F8") == (
        f"Platform unreachable: reconnecting in 4 s — press F8 to retry now. ({REFUSED})"
    )
    assert seconds_left(status, 100.2) == 4  # rounded up: never "in 0 s" before the try
    assert seconds_left(status, 103.9) == 1
    assert seconds_left(status, 104.5) == 1


def test_a_platform_that_answers_unavailable_is_not_called_unreachable() -> None:
    status = waiting(100.0, reason="the server answered 503", unreachable=False)
    assert status_words(status, 99.0, "F8").startswith("Platform unavailable: reconnecting in 1 s")


def test_while_trying_and_when_stopped_the_line_says_so() -> None:
    trying = LinkStatus("trying", reason=REFUSED)
    assert status_words(trying, 0, "F8") == f"Platform unreachable: reconnecting now… ({REFUSED})"
    stopped = LinkStatus("stopped", reason="the database is damaged", unreachable=False)
    assert status_words(stopped, 0, "F8") == (
        "Could not open the platform (the database is damaged). Press F8 to try again."
    )


def test_connected_or_connecting_for_the_first_time_shows_no_status_line() -> None:
    assert status_words(LinkStatus("connected"), 0, "F8") == ""
    assert status_words(LinkStatus("connecting"), 0, "F8") == ""


def test_the_header_says_where_and_whether_connected() -> None:
    label = "platform.test · aiko@example.org"
    assert header_words(LinkStatus("connected", ever_connected=True), label) == label
    assert header_words(LinkStatus("connecting"), None) == "connecting to the platform…"
    assert header_words(waiting(1.0), None) == "not connected"
    assert header_words(waiting(1.0), label) == f"{label} · not connected"
    assert header_words(LinkStatus("trying"), label) == f"{label} · reconnecting…"


def test_only_the_turns_of_the_link_are_notified() -> None:
    connecting = LinkStatus()
    connected = LinkStatus("connected", ever_connected=True)
    lost = LinkStatus("waiting", reason=REFUSED, retry_at=1.0, ever_connected=True)
    never = waiting(1.0)

    first = change_notice(connecting, never)
    assert first is not None and first.title == "Cannot reach the platform"
    assert first.message == REFUSED and first.severity == "error"

    loss = change_notice(connected, lost)
    assert loss is not None and loss.title == "Connection lost" and loss.severity == "warning"
    assert "reconnects by itself" in loss.message

    back = change_notice(LinkStatus("trying", ever_connected=True), connected)
    assert back is not None and back.message == "Connected to the platform again."
    late = change_notice(LinkStatus("trying"), connected)
    assert late is not None and late.message == "Connected to the platform."

    assert change_notice(connecting, connected) is None  # the header says it
    assert change_notice(LinkStatus("trying", ever_connected=True), lost) is None  # one more try


# --- what counts as out of reach ----------------------------------------------------------


def answer(status: int, body: str = "", content_type: str = "application/json") -> PlatformError:
    response = httpx.Response(status, text=body, headers={"content-type": content_type})
    return error_from_response(response)


def ours(code: str) -> str:
    return f'{{"error": {{"code": "{code}", "message": "m", "fields": []}}}}'


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("dropped"),
    ],
)
def test_a_transport_failure_is_out_of_reach(error: httpx.TransportError) -> None:
    assert is_unreachable(unreachable("http://platform.test", error))


def test_a_gateway_without_its_platform_is_out_of_reach() -> None:
    assert is_unreachable(answer(502, "<html>Bad Gateway</html>", "text/html"))
    assert is_unreachable(answer(504, "<html>Gateway Timeout</html>", "text/html"))
    assert is_unreachable(answer(503, "<html>no upstream</html>", "text/html"))


def test_an_answer_of_the_platform_itself_is_not() -> None:
    assert not is_unreachable(answer(503, ours("busy")))
    assert not is_unreachable(answer(500, ours("internal")))
    assert not is_unreachable(answer(404, ours("not_found")))
    assert not is_unreachable(PlatformError("anything"))
    assert isinstance(answer(503, ours("busy")), Unavailable)  # still tried again by itself


# --- the client's hook ---------------------------------------------------------------------


async def test_the_client_tells_its_hook_when_the_platform_is_out_of_reach() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    heard: list[PlatformError | None] = []
    async with PlatformClient(f"http://127.0.0.1:{port}", "token", retry=NO_WAIT) as client:
        client.on_reach = heard.append
        with pytest.raises(Unavailable):
            await client.get_visibility()
    [error] = heard
    assert error is not None and "connection refused" in error.message


async def test_the_client_tells_its_hook_when_the_platform_answered_even_with_a_refusal() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/me"):
            return httpx.Response(404, text=ours("not_found"))
        return httpx.Response(200, json={"unread": 2})

    heard: list[PlatformError | None] = []
    transport = httpx.MockTransport(handler)
    async with PlatformClient("http://platform.test", "t", transport=transport) as client:
        client.on_reach = heard.append
        with pytest.raises(PlatformError):
            await client.me()
        await client.unread_count()
    assert heard == [None, None]
