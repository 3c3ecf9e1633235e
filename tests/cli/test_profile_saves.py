"""`gpseeker profile ...` and `gpseeker privacy ...` tell the truth about a save whose
answer was lost, and a 412 says what to do in the command line.

The commands reach the local platform through a transport that lets a request arrive
and then loses its answer, as a timeout or a dropped connection does against a
served platform (`--server`), with that platform's retries.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from gpseeker.cli import context
from gpseeker.cli import privacy as privacy_commands
from gpseeker.cli import profile as profile_commands
from gpseeker.client import PlatformClient, RetryPolicy
from gpseeker.client.embedded import BASE_URL
from gpseeker.core.models import ProfileEnvelope
from gpseeker.local.config import TokenStore
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import create_app
from tests.cli.conftest import Gpseeker
from tests.lost_answers import LosesAnswers

Lossy = Callable[[httpx.AsyncBaseTransport], LosesAnswers]


def lose_answers(home: Path, monkeypatch: pytest.MonkeyPatch, lossy: Lossy) -> list[LosesAnswers]:
    """Make the profile and privacy commands' client lose answers as `lossy` says."""
    stored = TokenStore.default().get(None, "seeker")
    assert stored is not None, "run a command first: it signs the local account in"
    made: list[LosesAnswers] = []

    async def client(args: argparse.Namespace) -> PlatformClient:
        app = create_app(database_url(home / "data"))
        platform = app.state.platform
        await platform.start()
        made.append(lossy(httpx.ASGITransport(app=app)))
        return PlatformClient(
            BASE_URL,
            stored.token,
            transport=made[-1],
            retry=RetryPolicy(attempts=3, base_delay=0.001),
            on_close=platform.aclose,
        )

    monkeypatch.setattr(profile_commands, "seeker_client", client)
    monkeypatch.setattr(privacy_commands, "seeker_client", client)
    return made


def answers_flow_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands' own client again (not monkeypatch.undo: that would also undo the
    test's GPSEEKER_HOME)."""
    monkeypatch.setattr(profile_commands, "seeker_client", context.seeker_client)
    monkeypatch.setattr(privacy_commands, "seeker_client", context.seeker_client)


def version(gpseeker: Gpseeker) -> int:
    etag: str = ProfileEnvelope.model_validate_json(gpseeker("profile", "show", "--json").out).etag
    return int(etag.strip('"'))


@pytest.mark.parametrize("lost_by", [httpx.ReadTimeout, httpx.RemoteProtocolError])
def test_a_set_whose_first_answer_was_lost_says_saved_and_saves_once(
    gpseeker: Gpseeker,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    lost_by: type[httpx.TransportError],
) -> None:
    before = version(gpseeker)
    made = lose_answers(home, monkeypatch, lambda inner: LosesAnswers(inner, error=lost_by))

    result = gpseeker("profile", "set", "headline", "Saved on the first try")
    [transport] = made

    assert result.code == 0, result.err
    assert result.out == "Saved headline: Saved on the first try\n"
    assert "nothing was saved" not in result.err
    assert len(transport.sent) == 2 and transport.keys[0] == transport.keys[1]
    answers_flow_again(monkeypatch)
    assert version(gpseeker) == before + 1


def test_a_lock_whose_first_answer_was_lost_says_locked(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert gpseeker("privacy", "searchable").code == 0
    made = lose_answers(home, monkeypatch, lambda inner: LosesAnswers(inner, path="/me/visibility"))
    result = gpseeker("privacy", "lock")
    [transport] = made
    assert result.code == 0, result.err
    assert "Resume: LOCKED" in result.out.splitlines()
    assert len(transport.sent) == 2 and transport.keys[0] == transport.keys[1]


def test_with_no_answer_at_all_it_says_the_change_may_be_saved(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = version(gpseeker)
    lose_answers(home, monkeypatch, lambda inner: LosesAnswers(inner, lost=3))

    result = gpseeker("profile", "add-experience", "--title", "Welder", "--start", "2020-04")

    assert result.code == 1
    assert "nothing was saved" not in result.err
    assert result.err.splitlines() == [
        "error: cannot reach http://gpseeker.local: no answer in time (timed out); your "
        "change may have been saved all the same. Check with gpseeker profile show before "
        "running this command again"
    ]
    answers_flow_again(monkeypatch)
    # It was: running the command again blindly would have added the job twice.
    assert "Title: Welder" in gpseeker("profile", "show").out
    assert version(gpseeker) == before + 1


def test_a_change_made_elsewhere_meanwhile_says_how_to_apply_it_again(
    gpseeker: Gpseeker, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpseeker("profile", "show")
    real_read = PlatformClient.get_profile

    async def read_then_edited_elsewhere(self: PlatformClient) -> ProfileEnvelope:
        read = await real_read(self)
        # Another window saves between this command's read and its save.
        other = read.profile.model_copy(update={"headline": "From the app"})
        await PlatformClient.put_profile(self, other, read.etag)
        return read

    monkeypatch.setattr(PlatformClient, "get_profile", read_then_edited_elsewhere)
    result = gpseeker("profile", "set", "headline", "From the terminal")
    monkeypatch.setattr(PlatformClient, "get_profile", real_read)

    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [
        "error: not saved: your profile was changed elsewhere (in the app, in another "
        "terminal, or by an earlier command whose answer was lost) while this command ran, "
        "and saving would have overwritten that change. "
        "Run the same gpseeker profile set command again: it reads your profile afresh and "
        "applies your change to it (gpseeker profile show shows what is saved now)"
    ]
    assert "Headline: From the app" in gpseeker("profile", "show").out.splitlines()
    # As the message says: the same command again applies the change.
    assert gpseeker("profile", "set", "headline", "From the terminal").code == 0
    assert "Headline: From the terminal" in gpseeker("profile", "show").out.splitlines()
