"""`gpseeker jobs ...` on the local demo platform: search and its filters, show, save,
saved searches, and hostile job text reaching stdout only as text."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from gpseeker.client import AuthError, EmployerClient, RetryPolicy
from gpseeker.client.embedded import BASE_URL
from gpseeker.core.models import Job, JobDraft
from gpseeker.local_platform.in_process import database_url
from gpseeker.server import create_app
from tests.cli.conftest import Gpseeker
from tests.cli.platform_side import mail_dir, platform_settings, verify_own_organisation
from tests.planted import plant_in_database, stand_in
from tests.signup_mail import signup_code

T = TypeVar("T")
EMPLOYER_EMAIL = "hr@hostile.example"
EMPLOYER_PASSWORD = "correct horse battery staple"

# Every employer-controlled text below carries these. A terminal acts on ESC, on the
# 8-bit CSI/OSC introducers and on BEL; Textual would act on the click markup. The
# platform refuses ESC and BEL (C0 controls) in a request, so the tests plant them in
# the store (tests/planted.py), as a server that is not this one could send them.
HOSTILE = (
    "\x1b]52;c;ZXZpbA==\x07"  # OSC 52: write the clipboard
    "\x1bc"  # reset the terminal
    "\x9b2J"  # 8-bit CSI: clear the screen
    "\x9d0;owned\x07"  # 8-bit OSC: set the title
    "\x1b[6n"  # ask the terminal to type its cursor position
    "\u202eexe.jpg"  # bidi override
    "[@click=app.quit]quit[/] [link=https://evil.example]x[/link]"
)
SHOWN = "exe.jpg[@click=app.quit]quit[/] [link=https://evil.example]x[/link]"
"""HOSTILE as it must print: every sequence gone whole, the markup left as characters."""
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]")
"""C0 (but tab and newline), DEL, C1 and the bidi overrides, as UTF-8 bytes."""


# --- an employer on the same local platform ---------------------------------------------
# Employer commands need a remote platform; in these in-process tests the employer acts
# through its client on the very SQLite file the candidate's commands open.


def as_employer(
    home: Path,
    act: Callable[[EmployerClient], Awaitable[T]],
    *,
    email: str = EMPLOYER_EMAIL,
    company: str = "Hostile KK",
    verified: bool = True,
) -> T:
    """Run `act` as an employer (signed up on first use) on the local platform in `home`.

    Its organisation is verified by the platform's operator first (under the name it
    signed up with), since only a verified organisation's jobs are listed and only it
    reaches candidates; `verified=False` leaves a new one waiting for verification.
    """

    async def run() -> T:
        # The local platform's database (Paths.current().data_dir), served as a remote one.
        app = create_app(database_url(home / "data"), settings=platform_settings(home))
        platform = app.state.platform
        await platform.start()
        await platform.seed_demo()
        options: dict[str, Any] = {
            "transport": httpx.ASGITransport(app=app),
            "retry": RetryPolicy(attempts=1),
        }
        try:
            try:
                client = await EmployerClient.login(BASE_URL, email, EMPLOYER_PASSWORD, **options)
            except AuthError:  # the first use: sign up, with the code mailed to the address
                await EmployerClient.request_signup(
                    BASE_URL, email, EMPLOYER_PASSWORD, company, **options
                )
                code = signup_code(mail_dir(home), email)
                client = await EmployerClient.confirm_signup(BASE_URL, email, code, **options)
            async with client:
                if verified:
                    await verify_own_organisation(home, client, options)
                return await act(client)
        finally:
            await platform.aclose()

    return asyncio.run(run())


def draft(**changes: Any) -> JobDraft:
    values: dict[str, Any] = {
        "title": "Zig Compiler Engineer",
        "description": "Work on a Zig compiler.\n\nTeam of five.",
        "category": "it",
        "job_type": "full_time",
        "remote": "hybrid",
        "prefecture": "Tokyo",
        "city": "Shibuya",
        "salary_min": 5_000_000,
        "salary_max": 7_000_000,
        "japanese_required": "N2",
        "english_required": "business",
        "visa_sponsorship": True,
        "skills": ["Zig", "LLVM"],
    }
    return JobDraft(**(values | changes))


def post_job(home: Path, **changes: Any) -> Job:
    return as_employer(home, lambda client: client.post_job(draft(**changes)))


def block_of(out: str, job_id: int) -> str:
    """The lines of one job's block in plain output."""
    for block in out.split("\n\n"):
        if block.startswith(f"Job {job_id}: "):
            return block.rstrip("\n")
    raise AssertionError(f"no block for job {job_id} in:\n{out}")


# --- search ------------------------------------------------------------------------------


def test_search_prints_one_labelled_block_per_job(gpseeker: Gpseeker, home: Path) -> None:
    gpseeker("privacy", "status")  # creates the local platform and its demo jobs
    job = post_job(home)
    result = gpseeker("jobs", "search", "zig")
    assert result.code == 0, result.err
    assert block_of(result.out, job.id).splitlines() == [
        f"Job {job.id}: Zig Compiler Engineer",
        "Company: Hostile KK",
        "Where: Shibuya, Tokyo (hybrid)",
        "Salary: ¥5,000,000–¥7,000,000 a year",
        "Type: full time, IT",
        "Japanese: N2 or better",
        "English: business or better",
        "Visa sponsorship: yes",
        "Apply from overseas: no",
        f"Posted: {job.posted_at.astimezone().date().isoformat()}",
    ]
    assert result.out.endswith("\nShowing 1 of 1 job.\n")


def test_the_demo_jobs_page_with_a_command_for_the_next_page(gpseeker: Gpseeker) -> None:
    first = gpseeker("jobs", "search", "--limit", "5", "--sort", "newest")
    assert first.code == 0, first.err
    assert first.out.count("\nCompany: ") == 5
    found = re.search(r"^Showing 5 of (\d+) jobs\. More: (.+) --next (\S+)$", first.out, re.M)
    assert found is not None, first.out
    assert int(found.group(1)) >= 80
    assert found.group(2) == "gpseeker jobs search --sort newest --limit 5"

    second = gpseeker("jobs", "search", "--limit", "5", "--sort", "newest", "--next", found[3])
    assert second.code == 0, second.err
    # A later page cannot know its place in the list; the server may not count again.
    assert re.search(r"^Showing 5 more (of \d+ )?jobs\. More: ", second.out, re.M)
    ids = {int(i) for i in re.findall(r"^Job (\d+): ", first.out + second.out, re.M)}
    assert len(ids) == 10


def test_filters_narrow_the_demo_jobs(gpseeker: Gpseeker) -> None:
    result = gpseeker(
        "jobs", "search", "--prefecture", "tokyo", "--visa", "--jlpt", "n3",
        "--min-salary", "4M", "--json", "--page-all",
    )  # fmt: skip
    assert result.code == 0, result.err
    jobs = json.loads(result.out)["items"]
    assert jobs, "the demo platform has visa-sponsoring Tokyo jobs for N3 speakers"
    allowed_japanese = {"none", "N5", "N4", "N3"}
    for job in jobs:
        assert job["prefecture"] == "Tokyo"
        assert job["visa_sponsorship"] is True
        assert job["japanese_required"] in allowed_japanese
        assert job["salary_yearly_min_jpy"] is None or job["salary_yearly_min_jpy"] >= 4_000_000

    everything = json.loads(gpseeker("jobs", "search", "--json", "--page-all").out)
    assert len(everything["items"]) > len(jobs)
    assert everything["next_cursor"] is None


def test_remote_and_type_filters(gpseeker: Gpseeker) -> None:
    result = gpseeker("jobs", "search", "--remote", "remote", "--type", "freelance", "--json")
    assert result.code == 0, result.err
    for job in json.loads(result.out)["items"]:
        assert (job["remote"], job["job_type"]) == ("remote", "freelance")


def test_nothing_found_says_so(gpseeker: Gpseeker) -> None:
    result = gpseeker("jobs", "search", "xyzzyplugh")
    assert result.code == 0, result.err
    assert result.out == "No open job matches this search.\n"


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (
            ["--prefecture", "Narnia"],
            "argument --prefecture: 'Narnia' is not one of Japan's 47 prefectures "
            "(e.g. Tokyo, Osaka)",
        ),
        (["--jlpt", "N6"], "argument --jlpt: 'N6' is not one of: none, N5, N4, N3, N2, N1, native"),
        (["--min-salary", "lots"], "argument --min-salary: 'lots' is not an amount of yen"),
        (["--min-salary", "200M"], "'200M' is more than ¥100,000,000 a year"),
        (["--posted-within", "0"], "argument --posted-within: 0 is not between 1 and 365"),
        (["--region", "Atlantis"], "argument --region: 'Atlantis' is not one of: Hokkaido"),
        (["--next", "x", "--page-all"], "not allowed with argument"),
    ],
)
def test_an_impossible_filter_is_refused_with_the_reason(
    gpseeker: Gpseeker, argv: list[str], reason: str
) -> None:
    result = gpseeker("jobs", "search", *argv)
    assert result.code == 2  # a usage error, like every other bad option of gpseeker
    assert reason in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    ("written", "yen"),
    [("4000000", 4_000_000), ("4,000,000", 4_000_000), ("¥4M", 4_000_000),
     ("4.5m", 4_500_000), ("400k", 400_000), ("400万", 4_000_000)],
)  # fmt: skip
def test_salaries_are_read_as_people_write_them(written: str, yen: int) -> None:
    from gpseeker.cli.jobs import yen_amount

    assert yen_amount(written) == yen


# --- one job -----------------------------------------------------------------------------


def test_show_prints_the_whole_description(gpseeker: Gpseeker, home: Path) -> None:
    gpseeker("privacy", "status")
    job = post_job(home, closes_at=None)
    result = gpseeker("jobs", "show", str(job.id))
    assert result.code == 0, result.err
    assert result.out.startswith(f"Job {job.id}: Zig Compiler Engineer\nCompany: Hostile KK\n")
    assert "Skills: Zig, LLVM\nCloses: open until filled\n" in result.out
    assert result.out.endswith("\nDescription:\n  Work on a Zig compiler.\n  \n  Team of five.\n")
    assert json.loads(gpseeker("jobs", "show", str(job.id), "--json").out)["id"] == job.id


def test_a_job_that_does_not_exist(gpseeker: Gpseeker) -> None:
    result = gpseeker("jobs", "show", "999999")
    assert result.code == 1
    assert result.err.startswith("error: ")
    assert gpseeker("jobs", "show", "twelve").code == 2


def test_save_and_unsave_a_job(gpseeker: Gpseeker, home: Path) -> None:
    gpseeker("privacy", "status")
    job = post_job(home)
    assert gpseeker("jobs", "saved").out == "You have no saved jobs.\n"

    saved = gpseeker("jobs", "save", str(job.id))
    assert saved.code == 0, saved.err
    assert saved.out == f"Saved job {job.id}. Your saved jobs: gpseeker jobs saved\n"
    listed = gpseeker("jobs", "saved")
    assert block_of(listed.out, job.id).endswith("\nMarked: Saved")
    assert "Marked: Saved" in block_of(gpseeker("jobs", "search", "zig").out, job.id)
    assert [j["id"] for j in json.loads(gpseeker("jobs", "saved", "--json").out)] == [job.id]

    assert gpseeker("jobs", "unsave", str(job.id)).out == f"Job {job.id} is no longer saved.\n"
    assert gpseeker("jobs", "saved").out == "You have no saved jobs.\n"


def test_saved_searches(gpseeker: Gpseeker) -> None:
    assert gpseeker("jobs", "searches").out.startswith("You have no saved searches.")
    saved = gpseeker(
        "jobs", "save-search", "Tokyo backend", "python backend",
        "--prefecture", "Tokyo", "--visa", "--min-salary", "400万",
    )  # fmt: skip
    assert saved.code == 0, saved.err
    runs_as = (
        "Runs as: gpseeker jobs search 'python backend' --prefecture Tokyo --visa "
        "--min-salary 4000000"
    )
    assert runs_as in saved.out
    found = re.search(r"^Saved search (\d+): Tokyo backend$", saved.out, re.M)
    assert found is not None
    listed = gpseeker("jobs", "searches")
    assert f"Saved search {found[1]}: Tokyo backend\n{runs_as}\n" in listed.out
    as_json = json.loads(gpseeker("jobs", "searches", "--json").out)
    assert as_json[0]["query"]["min_salary_jpy"] == 4_000_000

    assert gpseeker("jobs", "delete-search", found[1]).out == f"Deleted saved search {found[1]}.\n"
    assert gpseeker("jobs", "searches").out.startswith("You have no saved searches.")


# --- hostile text ------------------------------------------------------------------------


def _stdout_bytes(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> bytes:
    from gpseeker.cli import main

    capsysbinary.readouterr()
    code = main(list(argv))
    captured = capsysbinary.readouterr()
    assert code == 0, captured.err.decode()
    return captured.out


def test_hostile_job_text_reaches_stdout_only_as_text(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdout_bytes(capsysbinary, "privacy", "status")
    job = post_job(
        home,
        title=stand_in(f"Title {HOSTILE}"),
        description=stand_in(f"Line one {HOSTILE}\nLine two\r{HOSTILE}"),
        city=stand_in(f"City {HOSTILE}"[:120]),
        skills=["ok"],
    )
    plant_in_database(database_url(home / "data"))
    for argv in (
        ("jobs", "search", "--sort", "newest", "--limit", "3"),
        ("jobs", "show", str(job.id)),
        ("jobs", "show", str(job.id), "--json"),
        ("jobs", "search", "--sort", "newest", "--limit", "3", "--json"),
    ):
        out = _stdout_bytes(capsysbinary, *argv)
        assert CONTROL_BYTES.search(out) is None, (argv, out)
        assert b"\x1b" not in out and b"\x9b" not in out and b"\x07" not in out
        # Markup stays characters: nothing interprets the brackets.
        text = out.decode()
        assert "[@click=app.quit]quit[/]" in text
        assert "[link=https://evil.example]x[/link]" in text
    shown = _stdout_bytes(capsysbinary, "jobs", "show", str(job.id)).decode()
    # The sequences go whole: no litter of their parameters ("52;c;", "2J") is left.
    assert shown.startswith(f"Job {job.id}: Title {SHOWN}\n")
    assert f"  Line one {SHOWN}\n  Line two\n  {SHOWN}\n" in shown
    # A carriage return cannot pull the next text over the start of a line.
    assert "\r" not in shown
    # JSON keeps the data, escaped, for a script.
    data = json.loads(_stdout_bytes(capsysbinary, "jobs", "show", str(job.id), "--json"))
    assert data["title"] == f"Title {HOSTILE}"


def test_hostile_company_name_and_a_title_posing_as_a_field(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _stdout_bytes(capsysbinary, "privacy", "status")

    async def act(client: EmployerClient) -> Job:
        return await client.post_job(draft(title=stand_in("Zig lead\nVisa sponsorship: yes")))

    job = as_employer(home, act, email="hr@evil.example", company=stand_in(f"Evil {HOSTILE}"))
    plant_in_database(database_url(home / "data"))
    out = _stdout_bytes(capsysbinary, "jobs", "search", "zig").decode()
    assert CONTROL_BYTES.search(out.encode()) is None
    assert f"Company: Evil {SHOWN}" in out
    # A line break in a title is indented under its label: it cannot pose as a field.
    assert f"Job {job.id}:\n  Zig lead\n  Visa sponsorship: yes\nCompany: " in out
