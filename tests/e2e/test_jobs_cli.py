"""The installed `gpseeker` on both sides of a job, against `gpseeker serve` on
127.0.0.1: an employer posts a job from a JSON file, a candidate finds it and applies,
the employer reads the application and moves it to interview, and the candidate sees
"interview" in their applications."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e import test_serve_cli

COMPANY = "Sakura Systems K.K."

pytestmark = pytest.mark.e2e

# The same fixture and helper as the serve test: one server per test, one home per person.
server = test_serve_cli.server
person = test_serve_cli.person
signed_up = test_serve_cli.signed_up

JOB = {
    "title": "Zig Compiler Engineer",
    "description": "Work on a Zig compiler in Shibuya.\n\nTeam of five; English at work.",
    "category": "it",
    "job_type": "full_time",
    "remote": "hybrid",
    "prefecture": "Tokyo",
    "city": "Shibuya",
    "salary_min": 6000000,
    "salary_max": 8000000,
    "japanese_required": "N3",
    "english_required": "business",
    "visa_sponsorship": True,
    "apply_from_overseas": True,
    "skills": ["Zig", "LLVM"],
}


def test_post_find_apply_and_follow_the_status(server: str, tmp_path: Path) -> None:
    candidate = person(tmp_path, "candidate")
    employer = person(tmp_path, "employer")

    signed_up(employer, tmp_path, "employer", "signup", "--server", server,
              "--email", "hr@sakura.example", "--company", "Sakura Systems KK")  # fmt: skip
    # The operator admits the account into the verified Sakura Systems K.K.
    test_serve_cli.operator_admits(tmp_path, server, "hr@sakura.example", into=COMPANY)
    ad = tmp_path / "job.json"
    ad.write_text(json.dumps(JOB), encoding="utf-8")
    posted = employer("employer", "post-job", str(ad), "--server", server).stdout
    found = re.search(r"^Posted job (\d+)\.$", posted, re.MULTILINE)
    assert found is not None, posted
    job_id = found.group(1)

    signed_up(candidate, tmp_path, "signup", "--server", server, "--email", "mika@example.com",
              "--name", "Mika Tanaka")  # fmt: skip
    candidate("profile", "set", "identity.phone", "090-1234-5678", "--server", server)
    results = candidate(
        "jobs", "search", "zig", "--prefecture", "Tokyo", "--visa", "--jlpt", "N2",
        "--min-salary", "5M", "--server", server,
    ).stdout  # fmt: skip
    assert f"Job {job_id}: Zig Compiler Engineer\nCompany: Sakura Systems K.K.\n" in results
    assert "Salary: ¥6,000,000–¥8,000,000 a year\n" in results
    assert "Japanese: N3 or better\n" in results
    # A filter that excludes it, and one that is impossible.
    assert (
        f"Job {job_id}:"
        not in candidate("jobs", "search", "zig", "--jlpt", "N4", "--server", server).stdout
    )
    narnia = candidate("jobs", "search", "--prefecture", "Narnia", "--server", server, ok=False)
    assert narnia.returncode == 2
    assert "'Narnia' is not one of Japan's 47 prefectures" in narnia.stderr

    shown = candidate("jobs", "show", job_id, "--server", server).stdout
    assert "Description:\n  Work on a Zig compiler in Shibuya.\n" in shown

    # No terminal and no --yes: nothing goes.
    unsent = candidate("apply", job_id, "--server", server, ok=False)
    assert unsent.returncode == 1
    assert "nothing was sent" in unsent.stderr
    assert "Sakura Systems K.K. will receive, for this job only:" in unsent.stdout
    assert employer("employer", "applications", "--server", server).stdout == (
        "No applications yet.\n"
    )

    applied = candidate("apply", job_id, "--yes", "--note", "I write Zig.", "--server", server)
    assert "Sent your application to Sakura Systems K.K." in applied.stdout
    twice = candidate("apply", job_id, "--yes", "--server", server, ok=False)
    assert twice.returncode == 1
    assert "already applied" in twice.stderr

    received = employer("employer", "applications", "--server", server).stdout
    assert "Name: Mika Tanaka\nE-mail: mika@example.com\nPhone: not shared\n" in received
    assert "1234" not in received
    assert "Cover note: I write Zig.\n" in received
    number = re.search(r"^Application (\d+): job " + job_id + ":", received, re.MULTILINE)
    assert number is not None, received
    as_json = json.loads(employer("employer", "applications", "--json", "--server", server).stdout)
    assert [a["candidate"]["phone"] for a in as_json] == [None]

    moved = employer("employer", "set-status", number.group(1), "interview", "--server", server)
    assert moved.stdout.endswith("Status: interview\n")

    mine = candidate("applications", "--server", server).stdout
    assert "Company: Sakura Systems K.K. (verified by the platform)\n" in mine
    assert "Status: interview\n" in mine
    assert re.search(r"^  .+ submitted$", mine, re.MULTILINE)
    assert re.search(r"^  .+ interview$", mine, re.MULTILINE)
    mine_json = json.loads(candidate("applications", "--json", "--server", server).stdout)
    assert mine_json[0]["status"] == "interview"
