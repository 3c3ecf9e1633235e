"""`gpseeker employer requests [answer ...]` in this process on the local demo platform:
the employer lists candidates' requests to erase applications and answers them, and
the candidate reads the answer (a refusal's reason as text, never as terminal control)
in the disclosure log."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gpseeker.local_platform.in_process import database_url
from tests.cli import test_apply
from tests.cli.conftest import Gpseeker
from tests.cli.test_data_cli import applied, block_with
from tests.cli.test_jobs import CONTROL_BYTES, HOSTILE, SHOWN
from tests.planted import plant_in_database, stand_in

employer_cli = test_apply.employer_cli
__all__ = ["applied", "employer_cli"]  # fixtures, used by name


@pytest.fixture
def request_id(gpseeker: Gpseeker, applied: int) -> int:
    """The candidate asked Hostile KK to forget the application; the request's number."""
    result = gpseeker("data", "forget", str(applied), "--yes")
    assert result.code == 0, result.err
    found = re.search(r"^Erase request (\d+): ", result.out, re.M)
    assert found is not None
    return int(found[1])


@pytest.mark.usefixtures("employer_cli")
def test_no_requests_yet(gpseeker: Gpseeker) -> None:
    result = gpseeker("employer", "requests")
    assert result.code == 0, result.err
    assert result.out == "No candidate has asked you to erase an application.\n"
    assert gpseeker("employer", "requests", "--json").out == "[]\n"


@pytest.mark.usefixtures("employer_cli")
def test_the_employer_sees_the_request_and_erases(
    gpseeker: Gpseeker, applied: int, request_id: int
) -> None:
    listed = gpseeker("employer", "requests")
    assert listed.code == 0, listed.err
    block = block_with(listed.out, f"Erase request {request_id}:")
    assert block[0].startswith(f"Erase request {request_id}: application {applied}, job ")
    assert block[0].endswith(": Zig Compiler Engineer")
    assert "Candidate: Local Candidate" in block
    assert any(entry.startswith("State: waiting for your answer") for entry in block)
    [data] = json.loads(gpseeker("employer", "requests", "--json").out)
    assert data["id"] == request_id and data["state"] == "pending"

    done = gpseeker("employer", "requests", "answer", str(request_id), "done")
    assert done.code == 0, done.err
    assert done.out.startswith(f"Answered erase request {request_id}: done.")
    assert "State: you erased the application" in done.out

    log = gpseeker("data", "disclosures").out
    assert "Erase request: the employer says it erased it" in log

    twice = gpseeker("employer", "requests", "answer", str(request_id), "refused", "--reason", "x")
    assert twice.code == 1
    assert twice.err.startswith("error: ")


@pytest.mark.usefixtures("employer_cli", "request_id")
def test_a_refusal_needs_a_reason_before_anything_is_sent(gpseeker: Gpseeker) -> None:
    result = gpseeker("employer", "requests", "answer", "1", "refused")
    assert result.code == 1
    assert result.err == (
        "error: refused needs --reason TEXT: the candidate reads why you keep it\n"
    )
    assert json.loads(gpseeker("employer", "requests", "--json").out)[0]["state"] == "pending"


@pytest.mark.usefixtures("employer_cli")
def test_the_candidate_reads_a_hostile_reason_as_text(
    gpseeker: Gpseeker, request_id: int, home: Path
) -> None:
    reason = f"Kept for tax law {HOSTILE}"
    answer = ("employer", "requests", "answer", str(request_id), "refused", "--reason")
    # The platform refuses the ESC and BEL in it, naming the field; nothing is sent.
    raw = gpseeker(*answer, reason)
    assert raw.code == 1
    assert raw.err.startswith("error: ") and "reason" in raw.err
    assert "control character U+001B" in raw.err
    assert not CONTROL_BYTES.search(raw.err.encode())
    # As a server that is not this one could send it: planted in the store.
    refused = gpseeker(*answer, stand_in(reason))
    assert refused.code == 0, refused.err
    assert "Your reason: Kept for tax law " in refused.out
    plant_in_database(database_url(home / "data"))

    log = gpseeker("data", "disclosures")
    assert log.code == 0, log.err
    assert "Erase request: the employer refused to erase it (Kept for tax law " in log.out
    assert SHOWN in log.out
    assert not CONTROL_BYTES.search(log.out.encode())


def test_unknown_request(gpseeker: Gpseeker, employer_cli: None) -> None:
    result = gpseeker("employer", "requests", "answer", "999", "done")
    assert result.code == 1
    assert result.err == (
        "error: no erase request 999 for your company (gpseeker employer requests)\n"
    )
