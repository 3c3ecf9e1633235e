"""`gpseeker apply`, `gpseeker applications` and the employer's side of them, in this
process on the local demo platform: consent before sending, exactly what is sent,
one application however often it is retried, and the status coming back."""

from __future__ import annotations

import argparse
import io
import json
import re
from pathlib import Path

import httpx
import pytest

from gpseeker.cli import apply as apply_commands
from gpseeker.cli import employer as employer_commands
from gpseeker.client import EmployerClient, PlatformClient, RetryPolicy
from gpseeker.client.embedded import BASE_URL
from gpseeker.core.models import EmployerApplication, Job
from gpseeker.local.config import TokenStore
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import create_app
from tests.cli.conftest import Gpseeker
from tests.cli.test_jobs import (
    CONTROL_BYTES,
    HOSTILE,
    SHOWN,
    as_employer,
    draft,
    post_job,
)
from tests.planted import plant_in_database, stand_in

PHONE = "+819012345678"


class Terminal(io.StringIO):
    """Standard input as a person at a terminal answering one question."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def job(gpseeker: Gpseeker, home: Path) -> Job:
    gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    return post_job(home)


def received(home: Path) -> list[EmployerApplication]:
    async def act(client: EmployerClient) -> list[EmployerApplication]:
        return await client.applications()

    return as_employer(home, act)


# --- apply ------------------------------------------------------------------------------


def test_apply_with_yes_and_a_shared_phone(gpseeker: Gpseeker, home: Path, job: Job) -> None:
    result = gpseeker("apply", str(job.id), "--yes", "--share-phone", "--note", "Hello!")
    assert result.code == 0, result.err
    before, after = result.out.split("Sent your application to Hostile KK.\n")
    # First the job, then exactly what goes, then what is optional.
    assert before.startswith(
        f"Job {job.id}: Zig Compiler Engineer\nCompany: Hostile KK\n"
        "Where: Shibuya, Tokyo (hybrid)\n\nHostile KK will receive, for this job only:\n"
    )
    assert "Name: Local Candidate\nE-mail: you@example.com\n" in before
    assert f"Phone: {PHONE}\nAddress: not shared\n" in before
    assert "Cover note: Hello!\n" in before
    assert (
        "Optional details:\nPhone: included (--share-phone)\n"
        "Address: not included (add --share-address to include it)\n"
    ) in before
    assert "Application " in after and "Status: submitted" in after
    assert "Details sent: name, e-mail, " in after and "phone" in after

    [sent] = received(home)
    assert sent.job_id == job.id
    assert sent.candidate.full_name == "Local Candidate"
    assert sent.candidate.phone == PHONE
    assert sent.candidate.address is None
    assert sent.cover_note == "Hello!"

    listed = gpseeker("jobs", "show", str(job.id))
    assert "Marked: Applied" in listed.out
    disclosures = gpseeker("privacy", "disclosures").out
    assert "Employer: Hostile KK" in disclosures and "phone" in disclosures


def test_without_share_phone_the_phone_stays_home(gpseeker: Gpseeker, home: Path, job: Job) -> None:
    result = gpseeker("apply", str(job.id), "--yes")
    assert result.code == 0, result.err
    assert "Phone: not shared" in result.out
    assert "1234" not in result.out
    [sent] = received(home)
    assert sent.candidate.phone is None
    assert sent.candidate.email == "you@example.com"


def test_without_a_terminal_or_yes_nothing_is_sent(
    gpseeker: Gpseeker, home: Path, job: Job
) -> None:
    result = gpseeker("apply", str(job.id), "--share-phone")
    assert result.code == 1
    assert result.err == (
        "error: nothing was sent: there is no terminal to confirm in; add --yes to go "
        "ahead without asking\n"
    )
    assert "Hostile KK will receive" in result.out  # the user still saw what would go
    assert received(home) == []
    assert gpseeker("applications").out.startswith("You have not applied to any job yet.")
    assert gpseeker("privacy", "disclosures").out == (
        "Your details have not been sent to any employer.\n"
    )


@pytest.mark.parametrize("answer", ["n\n", "\n", "", "maybe\n"])
def test_anything_but_yes_at_the_prompt_sends_nothing(
    gpseeker: Gpseeker, home: Path, job: Job, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("apply", str(job.id))
    assert result.code == 1
    assert result.out.endswith("\nSend your application to Hostile KK? [y/N] Nothing was sent.\n")
    assert received(home) == []


def test_yes_at_the_prompt_sends(
    gpseeker: Gpseeker, home: Path, job: Job, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    result = gpseeker("apply", str(job.id))
    assert result.code == 0, result.err
    assert "Send your application to Hostile KK? [y/N] Sent your application" in result.out
    assert len(received(home)) == 1


def test_applying_twice_is_refused_and_sends_nothing_new(
    gpseeker: Gpseeker, home: Path, job: Job, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert gpseeker("apply", str(job.id), "--yes").code == 0
    again = gpseeker("apply", str(job.id), "--yes")
    assert again.code == 1
    assert again.err == (
        "error: you have already applied to this job; nothing new was sent "
        "(gpseeker applications)\n"
    )
    # The same refusal when the platform is the one to notice (two commands racing):
    # the job read a moment earlier did not say "applied" yet.
    original = PlatformClient.get_job

    async def stale(self: PlatformClient, job_id: int) -> Job:
        return (await original(self, job_id)).model_copy(update={"applied": False})

    monkeypatch.setattr(PlatformClient, "get_job", stale)
    raced = gpseeker("apply", str(job.id), "--yes")
    assert raced.code == 1
    assert raced.err == again.err
    assert len(received(home)) == 1


class LosesFirstAnswer(httpx.AsyncBaseTransport):
    """The platform gets the first application, but its answer is lost (a timeout)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.keys: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.method == "POST" and request.url.path.endswith("/applications"):
            self.keys.append(request.headers["Idempotency-Key"])
            if len(self.keys) == 1:
                await response.aread()
                raise httpx.ReadTimeout("the answer was lost", request=request)
        return response


def test_a_retry_after_a_timeout_applies_once(
    gpseeker: Gpseeker, home: Path, job: Job, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = TokenStore.default().get(None, "seeker")
    assert stored is not None
    transports: list[LosesFirstAnswer] = []

    async def flaky_client(args: argparse.Namespace) -> PlatformClient:
        app = create_app(database_url(home / "data"))
        platform = app.state.platform
        await platform.start()
        transports.append(LosesFirstAnswer(httpx.ASGITransport(app=app)))
        return PlatformClient(
            BASE_URL,
            stored.token,
            transport=transports[-1],
            retry=RetryPolicy(attempts=3, base_delay=0.001),
            on_close=platform.aclose,
        )

    monkeypatch.setattr(apply_commands, "seeker_client", flaky_client)
    result = gpseeker("apply", str(job.id), "--yes")
    assert result.code == 0, result.err
    assert "Status: submitted" in result.out
    [transport] = transports
    # The retry carried the invocation's one key, so the platform answered it as a
    # repeat of the first application instead of refusing or applying again.
    assert len(transport.keys) == 2 and transport.keys[0] == transport.keys[1]
    assert len(received(home)) == 1


def test_a_closed_job_is_refused_before_asking(gpseeker: Gpseeker, home: Path, job: Job) -> None:
    async def close(client: EmployerClient) -> Job:
        from gpseeker.core.models import JobPatch

        return await client.edit_job(job.id, JobPatch(status="closed"))

    as_employer(home, close)
    result = gpseeker("apply", str(job.id), "--yes", "--note", "My note")
    assert result.code == 1
    assert result.err == "error: this job is closed to applications; nothing was sent\n"
    assert result.out == ""
    assert "Marked: Closed" in gpseeker("jobs", "show", str(job.id)).out


def test_a_job_past_its_closing_day_names_the_day(gpseeker: Gpseeker, home: Path) -> None:
    import datetime as dt

    from gpseeker.cli.apply import closed_message

    job = post_job(home)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    closed = job.model_copy(update={"status": "closed", "closes_at": yesterday})
    assert closed_message(closed) == (
        f"this job closed on {yesterday.isoformat()}; nothing was sent"
    )


def test_sharing_a_phone_the_profile_does_not_have(gpseeker: Gpseeker, home: Path) -> None:
    gpseeker("privacy", "status")
    job = post_job(home)
    result = gpseeker("apply", str(job.id), "--yes", "--share-phone")
    assert result.code == 1
    assert result.err.startswith("error: --share-phone: your profile has no phone number;")
    assert received(home) == []


def test_a_cover_note_from_a_file(gpseeker: Gpseeker, home: Path, job: Job, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Dear Hostile KK,\nI write Zig.\n", encoding="utf-8")
    result = gpseeker("apply", str(job.id), "--yes", "--note-file", str(note))
    assert result.code == 0, result.err
    assert "Cover note:\n  Dear Hostile KK,\n  I write Zig.\n" in result.out
    missing = gpseeker("apply", str(job.id), "--yes", "--note-file", str(tmp_path / "nope"))
    assert missing.code == 1
    assert missing.err.startswith("error: cannot read the cover note from ")


def test_a_note_too_long_is_refused_before_anything_is_shown(gpseeker: Gpseeker, job: Job) -> None:
    result = gpseeker("apply", str(job.id), "--yes", "--note", "x" * 5001)
    assert result.code == 1
    assert result.err.startswith("error: cover_note: ")
    assert result.out == ""


# --- the send-check: what the leak guard hides from the cover note, asked once -----------

NOTE_WITH_PHONE = "I write Zig. Call me on 090-1234-5678 after six."
NOTE_AS_SENT = "I write Zig. Call me on [hidden] after six."
NOTE_HIDDEN = (
    f"Cover note: {NOTE_AS_SENT}\n\n"
    "Hidden from your cover note by the leak guard (1 replacement, shown as [hidden]):\n"
    "  - "
)


def test_a_note_giving_the_phone_number_is_shown_and_sent_as_the_employer_gets_it(
    gpseeker: Gpseeker, home: Path, job: Job
) -> None:
    result = gpseeker("apply", str(job.id), "--yes", "--note", NOTE_WITH_PHONE)
    assert result.code == 0, result.err
    assert NOTE_HIDDEN in result.out
    hidden = result.out.split(NOTE_HIDDEN)[1].splitlines()[0]
    assert hidden.endswith("contains your phone number")
    assert "1234" not in result.out
    assert "[y/N]" not in result.out  # --yes: nothing asked
    [sent] = received(home)
    assert sent.cover_note == NOTE_AS_SENT
    assert sent.candidate.phone is None


@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("\n", 1)])
def test_at_the_prompt_the_one_question_asks_to_send_it_as_shown(
    gpseeker: Gpseeker,
    home: Path,
    job: Job,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    code: int,
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    result = gpseeker("apply", str(job.id), "--note", NOTE_WITH_PHONE)
    assert result.code == code, result.err
    assert NOTE_HIDDEN in result.out
    assert result.out.count("[y/N]") == 1
    assert "\nSend your application to Hostile KK as shown? [y/N] " in result.out
    assert [a.cover_note for a in received(home)] == ([NOTE_AS_SENT] if code == 0 else [])


def test_a_note_with_hidden_parts_and_no_terminal_sends_nothing(
    gpseeker: Gpseeker, home: Path, job: Job
) -> None:
    result = gpseeker("apply", str(job.id), "--note", NOTE_WITH_PHONE)
    assert result.code == 1
    assert result.err == (
        "error: nothing was sent: there is no terminal to confirm in; add --yes to go "
        "ahead without asking\n"
    )
    assert NOTE_HIDDEN in result.out  # the user still saw what would have gone, and why
    assert received(home) == []


# --- applications -----------------------------------------------------------------------


def test_applications_show_status_and_timeline(gpseeker: Gpseeker, job: Job) -> None:
    assert gpseeker("apply", str(job.id), "--yes").code == 0
    result = gpseeker("applications")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert re.fullmatch(r"Application \d+: Zig Compiler Engineer", lines[0])
    assert lines[1:4] == [
        "Company: Hostile KK (verified by the platform)",
        f"Job: {job.id}",
        "Status: submitted",
    ]
    timeline = lines[lines.index("Timeline:") + 1 :]
    assert len(timeline) == 1
    assert re.fullmatch(r"  \d{4}-\d\d-\d\d \d\d:\d\d( \S+)? submitted", timeline[0])
    data = json.loads(gpseeker("applications", "--json").out)
    assert [a["status"] for a in data] == ["submitted"]


def test_withdraw_asks_first_and_then_withdraws(gpseeker: Gpseeker, home: Path, job: Job) -> None:
    gpseeker("apply", str(job.id), "--yes")
    number = json.loads(gpseeker("applications", "--json").out)[0]["id"]

    refused = gpseeker("applications", "withdraw", str(number))
    assert refused.code == 1
    assert refused.err.startswith("error: nothing was changed: there is no terminal")
    assert "Status: submitted" in gpseeker("applications").out

    done = gpseeker("applications", "withdraw", str(number), "--yes")
    assert done.code == 0, done.err
    assert done.out == "Withdrew your application to Hostile KK.\nStatus: withdrawn\n"
    listed = gpseeker("applications").out
    assert "Status: withdrawn" in listed
    assert re.search(r"^  .+ submitted\n  .+ withdrawn$", listed, re.M)
    assert [a.status for a in received(home)] == ["withdrawn"]

    again = gpseeker("applications", "withdraw", str(number), "--yes")
    assert again.out == f"Application {number} is already withdrawn.\n"
    unknown = gpseeker("applications", "withdraw", "999999", "--yes")
    assert unknown.code == 1
    assert (
        unknown.err == "error: you have no application 999999 (gpseeker applications lists them)\n"
    )


def test_withdraw_at_the_prompt_names_company_and_job(
    gpseeker: Gpseeker, job: Job, monkeypatch: pytest.MonkeyPatch
) -> None:
    gpseeker("apply", str(job.id), "--yes")
    number = json.loads(gpseeker("applications", "--json").out)[0]["id"]
    monkeypatch.setattr("sys.stdin", Terminal("no\n"))
    result = gpseeker("applications", "withdraw", str(number))
    assert result.code == 1
    assert result.out == (
        "Withdraw your application to Hostile KK for Zig Compiler Engineer? [y/N] "
        "Nothing was changed.\n"
    )


# --- the employer's commands, in process ------------------------------------------------


@pytest.fixture
def employer_cli(gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gpseeker employer ...` on the local platform's own database.

    Employer commands insist on a remote platform; here their client is handed the
    same app over ASGI, so the commands' own code runs without a server process
    (tests/e2e/test_jobs_cli.py runs them against a real one).
    """
    gpseeker("privacy", "status")

    async def token_of(client: EmployerClient) -> str:
        assert client.token is not None
        return client.token

    token = as_employer(home, token_of)

    async def client(args: argparse.Namespace) -> EmployerClient:
        app = create_app(database_url(home / "data"))
        platform = app.state.platform
        await platform.start()
        return EmployerClient(
            BASE_URL,
            token,
            transport=httpx.ASGITransport(app=app),
            retry=RetryPolicy(attempts=1),
            on_close=platform.aclose,
        )

    monkeypatch.setattr(employer_commands, "employer_client", client)


def test_post_job_checks_the_file_field_by_field_before_sending(
    gpseeker: Gpseeker, tmp_path: Path
) -> None:
    bad = tmp_path / "job.json"
    bad.write_text(
        json.dumps({"title": "", "description": "x", "category": "wizardry",
                    "job_type": "full_time", "prefecture": "Narnia", "colour": "red"}),
        encoding="utf-8",
    )  # fmt: skip
    # No server is configured: the file is refused before one would be needed.
    result = gpseeker("employer", "post-job", str(bad))
    assert result.code == 1
    errors = result.err.splitlines()
    assert all(line.startswith("error: ") for line in errors)
    assert any(line.startswith("error: title: ") for line in errors)
    assert any(line.startswith("error: category: ") for line in errors)
    assert (
        "error: prefecture: 'Narnia' is not one of Japan's 47 prefectures (e.g. Tokyo, Osaka)"
        in errors
    )
    assert any(line.startswith("error: colour: ") for line in errors)

    not_json = tmp_path / "broken.json"
    not_json.write_text("{", encoding="utf-8")
    broken = gpseeker("employer", "post-job", str(not_json))
    assert broken.code == 1
    assert broken.err.startswith(f"error: {not_json} is not JSON: ")


@pytest.mark.usefixtures("employer_cli")
def test_the_employer_side_in_process(gpseeker: Gpseeker, tmp_path: Path) -> None:
    ad = tmp_path / "job.json"
    ad.write_text(draft().model_dump_json(), encoding="utf-8")
    posted = gpseeker("employer", "post-job", str(ad))
    assert posted.code == 0, posted.err
    found = re.search(r"^Posted job (\d+)\.$", posted.out, re.M)
    assert found is not None
    job_id = found[1]
    assert f"Job {job_id}: Zig Compiler Engineer" in gpseeker("employer", "jobs").out

    gpseeker("profile", "set", "identity.phone", "090-1234-5678")
    assert gpseeker("apply", job_id, "--yes").code == 0
    listed = gpseeker("employer", "applications", "--job", job_id)
    assert listed.code == 0, listed.err
    assert "Name: Local Candidate\nE-mail: you@example.com\nPhone: not shared\n" in listed.out
    assert "1234" not in listed.out
    number = re.search(r"^Application (\d+): job ", listed.out, re.M)
    assert number is not None

    moved = gpseeker("employer", "set-status", number[1], "interview", "--note", "Tue 10:00")
    assert moved.code == 0, moved.err
    assert moved.out.endswith("Status: interview\n")
    mine = gpseeker("applications").out
    assert "Status: interview" in mine
    assert re.search(r"^  .+ interview: Tue 10:00$", mine, re.M)

    closed = gpseeker("employer", "close-job", job_id)
    assert closed.code == 0, closed.err
    assert closed.out.startswith(f"Closed job {job_id}: Zig Compiler Engineer\n")
    assert "Status: closed" in gpseeker("employer", "jobs").out
    assert gpseeker("employer", "set-status", number[1], "hired").code == 2


# --- hostile text on the way back -------------------------------------------------------


def test_hostile_job_text_in_apply_and_applications(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from gpseeker.cli import main

    def run(*argv: str) -> bytes:
        capsysbinary.readouterr()
        code = main(list(argv))
        out, err = capsysbinary.readouterr()
        assert code == 0, err.decode()
        return out

    run("privacy", "status")

    async def act(client: EmployerClient) -> Job:
        return await client.post_job(draft(title=stand_in(f"Job {HOSTILE}")))

    # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
    job = as_employer(home, act, email="hr@evil.example", company=stand_in(f"Evil {HOSTILE}"))
    plant_in_database(database_url(home / "data"))
    for out in (
        run("apply", str(job.id), "--yes"),
        run("applications"),
        run("applications", "--json"),
    ):
        assert CONTROL_BYTES.search(out) is None, out
        assert b"\x1b" not in out
    assert f"Company: Evil {SHOWN} (verified by the platform)\n".encode() in run("applications")
