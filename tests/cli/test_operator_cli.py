"""`gpseeker operator ...` and the employer's organisation, in this process on the local
demo platform: the first operator added on the database, the verification queue,
verify / merge / suspend / approve, candidates' reports, and every refusal said in the
platform's own sentence on one line, never as a traceback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gpseeker.client import EmployerClient
from gpseeker.local.config import Paths
from gpseeker.local_platform.in_process import database_url
from tests.cli.conftest import Gpseeker
from tests.cli.platform_side import OPERATOR_EMAIL, SERVER, mail_dir, serve_in_process
from tests.cli.test_inbox import SKILL, invite
from tests.cli.test_jobs import as_employer, post_job
from tests.signup_mail import signup_code

PENDING_SENTENCE = "Your organisation is waiting for verification by the platform"


@pytest.fixture
def sides(gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The local platform exists (with its demo employers), and operator and employer
    commands reach it in process."""
    assert gpseeker("privacy", "status").code == 0
    serve_in_process(home, monkeypatch)


@pytest.fixture
def operator(gpseeker: Gpseeker, home: Path, sides: None) -> None:
    """The first operator, added on the database and signed in."""
    added = gpseeker("operator", "add", OPERATOR_EMAIL, "--db", database_url(home / "data"))
    # A fixture that set up an invitation may have needed the operator already.
    assert added.code == 0 or "already has an account" in added.err, added.err
    signed_in = gpseeker("operator", "login", "--email", OPERATOR_EMAIL, "--server", SERVER)
    assert signed_in.code == 0, signed_in.err


def on(*argv: str) -> tuple[str, ...]:
    """A command's words, told which platform to act on."""
    return (*argv, "--server", SERVER)


def block_with(out: str, first: str) -> list[str]:
    for block in out.split("\n\n"):
        if block.startswith(first):
            return block.splitlines()
    raise AssertionError(f"no block starting {first!r} in:\n{out}")


def signup(gpseeker: Gpseeker, email: str, company: str) -> str:
    """An employer signs up, finishes with the code mailed to it, and stays signed in;
    what the command printed when it finished."""
    asked = gpseeker(*on("employer", "signup", "--email", email, "--company", company))
    assert asked.code == 0, asked.err
    assert f"--email {email} --code CODE" in asked.out
    code = signup_code(mail_dir(Paths.current().data_dir.parent), email)
    result = gpseeker(*on("employer", "signup", "--email", email, "--code", code))
    assert result.code == 0, result.err
    return result.out


def organisation_id(gpseeker: Gpseeker) -> int:
    """The signed-in employer's organisation's number."""
    return int(json.loads(gpseeker(*on("employer", "organisation", "--json")).out)["id"])


# --- adding and signing in ----------------------------------------------------------------


@pytest.mark.usefixtures("sides")
def test_the_first_operator_is_added_on_the_database(
    gpseeker: Gpseeker, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = database_url(home / "data")
    added = gpseeker("operator", "add", OPERATOR_EMAIL, "--db", db)
    assert added.code == 0, added.err
    assert added.out == (
        f"Added the operator {OPERATOR_EMAIL} to the database {db}.\n"
        "Sign in on the platform that runs on it: "
        f"gpseeker operator login --server URL --email {OPERATOR_EMAIL}\n"
    )

    again = gpseeker("operator", "add", OPERATOR_EMAIL, "--db", db)
    assert again.code == 1
    assert again.err == (
        f"error: {OPERATOR_EMAIL} already has an account on {db}; an operator needs an "
        "address of its own\n"
    )
    assert gpseeker("operator", "add", "not-an-address", "--db", db).err == (
        "error: 'not-an-address' is not an e-mail address\n"
    )
    monkeypatch.setenv("GPSEEKER_PASSWORD", "short")
    short = gpseeker("operator", "add", "second@platform.example", "--db", db)
    assert short.code == 1
    assert short.err == "error: the password is too short: use at least 10 characters\n"


@pytest.mark.usefixtures("sides")
def test_operator_sign_in_and_out(gpseeker: Gpseeker, home: Path) -> None:
    not_yet = gpseeker(*on("operator", "orgs"))
    assert not_yet.code == 1
    assert not_yet.err == (
        f"error: no operator signed in to {SERVER}: run gpseeker operator login "
        f"--server {SERVER} --email ADDRESS\n"
    )
    gpseeker("operator", "add", OPERATOR_EMAIL, "--db", database_url(home / "data"))
    signed_in = gpseeker(*on("operator", "login", "--email", OPERATOR_EMAIL))
    assert signed_in.code == 0, signed_in.err
    assert signed_in.out == f"Signed in to {SERVER} as the operator {OPERATOR_EMAIL}.\n"
    assert gpseeker(*on("operator", "orgs")).code == 0

    # An employer's address and password are not an operator's sign-in.
    signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    wrong = gpseeker(*on("operator", "login", "--email", "hr@umbrella.example"))
    assert wrong.code == 1
    assert wrong.err == (
        "error: hr@umbrella.example is an employer account, not an operator account\n"
    )

    out = gpseeker(*on("operator", "logout"))
    assert out.out == f"Signed out of {SERVER} ({OPERATOR_EMAIL}).\n"
    assert gpseeker(*on("operator", "orgs")).err.startswith("error: no operator signed in")


# --- the queue, verification, and what each status may do ----------------------------------


@pytest.mark.usefixtures("operator")
def test_a_new_employer_waits_for_verification_then_reaches_candidates(
    gpseeker: Gpseeker,
) -> None:
    signed_up = signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    assert signed_up.startswith(
        f"Signed up and signed in to {SERVER} as hr@umbrella.example (Umbrella Corp).\n\n"
    )
    assert "Status: waiting for verification by the platform\n" in signed_up
    assert f"What you may do: {PENDING_SENTENCE}" in signed_up
    number = organisation_id(gpseeker)

    # The refusal is the platform's sentence, on one line, and no traceback.
    refused = gpseeker(*on("employer", "search", "python"))
    assert refused.code == 1
    assert refused.out == ""
    assert refused.err.startswith(f"error: {PENDING_SENTENCE}")
    assert refused.err.count("\n") == 1 and "Traceback" not in refused.err

    queue = gpseeker(*on("operator", "orgs", "--pending"))
    assert queue.code == 0, queue.err
    lines = block_with(queue.out, f"Organisation {number}:")
    assert lines[:4] == [
        f"Organisation {number}: Umbrella Corp",
        "Status: pending: waiting for verification",
        "Also known as: none",
        "Domains: umbrella.example",
    ]
    assert lines[4] == "Accounts:"
    assert re.fullmatch(
        r"  Account \d+: hr@umbrella\.example, admin, waiting for approval "
        r"\(signed up as 'Umbrella Corp'\)",
        lines[5],
    )
    assert queue.out.endswith(
        "\nVerify one: gpseeker operator verify ID --legal-name NAME "
        "[--also-known-as NAME]... [--domain DOMAIN]...\n"
    )
    [data] = [
        o for o in json.loads(gpseeker(*on("operator", "orgs", "--json")).out) if o["id"] == number
    ]
    assert data["status"] == "pending" and data["domains"] == ["umbrella.example"]
    # The demo employers are verified already: the queue holds only the newcomer.
    pending = json.loads(gpseeker(*on("operator", "orgs", "--pending", "--json")).out)
    assert [o["id"] for o in pending] == [number]

    verified = gpseeker(
        *on(
            "operator", "verify", str(number),
            "--legal-name", "Umbrellacorp Kabushiki",
            "--also-known-as", "Umbrella Corp",
            "--also-known-as", "アンブレラコープ株式会社",
            "--domain", "umbrella.example",
        )
    )  # fmt: skip
    assert verified.code == 0, verified.err
    assert verified.out.startswith(
        f"Verified organisation {number} as Umbrellacorp Kabushiki.\n"
        "Its approved accounts may search the resume bank and invite candidates, its "
        "jobs are listed, and candidates see it under this name.\n\n"
        f"Organisation {number}: Umbrellacorp Kabushiki\n"
    )
    assert re.search(r"^Status: verified on \d{4}-\d\d-\d\d \d\d:\d\d", verified.out, re.M)
    assert "Also known as: Umbrella Corp, アンブレラコープ株式会社\n" in verified.out
    assert gpseeker(*on("operator", "orgs", "--pending")).out == (
        "No organisation is waiting for verification.\n"
    )

    mine = gpseeker(*on("employer", "organisation"))
    assert mine.code == 0, mine.err
    assert mine.out.startswith(
        f"Organisation {number}: Umbrellacorp Kabushiki\n"
        "Status: verified by the platform\n"
        "Your role: admin (approves the organisation's accounts)\n"
        "Your account: approved\n"
        "Resume bank and invitations: yes\n"
        "Jobs listed: yes\n"
        "What you may do: Umbrellacorp Kabushiki is verified by the platform"
    )
    assert gpseeker(*on("employer", "search", "python")).code == 0


@pytest.mark.usefixtures("operator")
def test_verify_checks_domains_before_sending_and_names_are_kept_apart(
    gpseeker: Gpseeker,
) -> None:
    signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    number = organisation_id(gpseeker)
    bad = gpseeker(
        *on("operator", "verify", str(number), "--legal-name", "U", "--domain", "not a domain")
    )
    assert bad.code == 1
    assert bad.err.startswith("error: domains.0: ")

    # A demo employer's verified name cannot be given to anyone else.
    taken = gpseeker(*on("operator", "verify", str(number), "--legal-name", "Sakura Systems K.K."))
    assert taken.code == 1
    assert re.fullmatch(
        r"error: 'Sakura Systems K\.K\.' is already a name of organisation (\d+) \(Sakura "
        rf"Systems K\.K\.\); if they are one legal entity, merge them \(gpseeker operator "
        rf"merge {number} --into \1\)\.\n",
        taken.err,
    ), taken.err

    unknown = gpseeker(*on("operator", "show", "999999"))
    assert unknown.err == (
        "error: there is no organisation 999999 (gpseeker operator orgs lists them)\n"
    )


@pytest.mark.usefixtures("operator")
def test_merge_a_duplicate(gpseeker: Gpseeker) -> None:
    signup(gpseeker, "hr@umbrella.example", "Umbrellacorp Kabushiki")
    kept = organisation_id(gpseeker)
    signup(gpseeker, "jobs@umbrella-holdings.example", "Umbrellacorp Holdings")
    duplicate = organisation_id(gpseeker)

    listed = gpseeker(*on("operator", "orgs"))
    similar = block_with(listed.out, f"Organisation {duplicate}:")
    assert "Similar names:" in similar
    assert f"  Organisation {kept}: Umbrellacorp Kabushiki (pending)" in similar

    merged = gpseeker(*on("operator", "merge", str(duplicate), "--into", str(kept)))
    assert merged.code == 0, merged.err
    assert merged.out.startswith(
        f"Merged organisation {duplicate} into organisation {kept} (Umbrellacorp Kabushiki).\n\n"
        f"Organisation {kept}: Umbrellacorp Kabushiki\n"
    )
    assert "jobs@umbrella-holdings.example" in merged.out
    shown = gpseeker(*on("operator", "show", str(duplicate)))
    assert f"Status: merged into organisation {kept}\n" in shown.out
    assert (
        json.loads(gpseeker(*on("operator", "show", str(duplicate), "--json")).out)["merged_into"]
        == kept
    )

    itself = gpseeker(*on("operator", "merge", str(kept), "--into", str(kept)))
    assert itself.err == "error: an organisation cannot be merged into itself\n"


@pytest.mark.usefixtures("operator")
def test_suspend_takes_the_resume_bank_away_and_says_why(gpseeker: Gpseeker) -> None:
    signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    number = organisation_id(gpseeker)
    gpseeker(*on("operator", "verify", str(number), "--legal-name", "Umbrella Corp"))
    assert gpseeker(*on("employer", "search", "python")).code == 0

    suspended = gpseeker(
        *on("operator", "suspend", str(number), "--reason", "Invitations asking for money")
    )
    assert suspended.code == 0, suspended.err
    assert suspended.out.startswith(
        f"Suspended organisation {number} (Umbrella Corp).\n"
        "Its accounts can no longer search the resume bank, open profiles or send "
        "invitations; its jobs are unlisted, and its open invitations are marked in "
        "candidates' inboxes.\n\n"
    )
    assert "Status: suspended: Invitations asking for money\n" in suspended.out

    refused = gpseeker(*on("employer", "search", "python"))
    assert refused.code == 1
    assert refused.err.startswith(
        "error: Your organisation has been suspended by the platform (Invitations asking for money)"
    )
    mine = gpseeker(*on("employer", "organisation")).out
    assert "Status: suspended by the platform\n" in mine
    assert "Resume bank and invitations: not yet\n" in mine
    assert (
        json.loads(gpseeker(*on("operator", "orgs", "--status", "suspended", "--json")).out)[0][
            "suspended_reason"
        ]
        == "Invitations asking for money"
    )


@pytest.mark.usefixtures("operator")
def test_colleagues_join_by_domain_and_wait_for_approval(gpseeker: Gpseeker) -> None:
    signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    number = organisation_id(gpseeker)
    gpseeker(
        *on(
            "operator", "verify", str(number), "--legal-name", "Umbrella Corp",
            "--domain", "umbrella.example",
        )
    )  # fmt: skip

    # A colleague joins by the address's domain, whatever name they type.
    joined = signup(gpseeker, "jo@umbrella.example", "Umbrella (Tokyo office)")
    assert f"Organisation {number}: Umbrella Corp\n" in joined
    assert "Your role: member\nYour account: waiting for approval\n" in joined
    colleague = json.loads(gpseeker(*on("employer", "organisation", "--json")).out)
    assert colleague["approved"] is False and colleague["members"] == []
    refused = gpseeker(*on("employer", "search", "python"))
    assert refused.code == 1
    assert refused.err.startswith(
        "error: Your account is waiting for approval by an admin of Umbrella Corp"
    )
    # Only an admin approves.
    not_admin = gpseeker(*on("employer", "approve", "1"))
    assert not_admin.code == 1 and not_admin.err.startswith("error: ")

    # The organisation's admin sees both accounts and approves the colleague.
    assert gpseeker(*on("employer", "login", "--email", "hr@umbrella.example")).code == 0
    admin_view = gpseeker(*on("employer", "organisation"))
    found = re.search(
        r"^  Account (\d+): jo@umbrella\.example, member, waiting for approval "
        r"\(signed up as 'Umbrella \(Tokyo office\)'\)$",
        admin_view.out,
        re.M,
    )
    assert found, admin_view.out
    assert admin_view.out.endswith("\nApprove an account: gpseeker employer approve ACCOUNT_ID\n")
    approved = gpseeker(*on("employer", "approve", found[1]))
    assert approved.code == 0, approved.err
    assert approved.out.startswith(
        f"Approved account {found[1]}: it may now act for your organisation.\n"
    )
    assert f"  Account {found[1]}: jo@umbrella.example, member, approved" in approved.out

    # A third colleague, approved by the operator this time.
    signup(gpseeker, "kai@umbrella.example", "Umbrella Corp")
    kai = json.loads(gpseeker(*on("operator", "show", str(number), "--json")).out)
    [account] = [a for a in kai["accounts"] if a["email"] == "kai@umbrella.example"]
    by_operator = gpseeker(*on("operator", "approve", str(account["id"])))
    assert by_operator.code == 0, by_operator.err
    assert by_operator.out.startswith(
        f"Approved account {account['id']} of organisation {number} (Umbrella Corp).\n"
    )
    assert gpseeker(*on("employer", "search", "python")).code == 0


@pytest.mark.usefixtures("operator")
def test_free_mail_never_joins_an_organisation(gpseeker: Gpseeker) -> None:
    signup(gpseeker, "recruit.tokyo@gmail.com", "Sakura Systems K.K.")
    mine = json.loads(gpseeker(*on("employer", "organisation", "--json")).out)
    assert mine["status"] == "pending"
    shown = json.loads(gpseeker(*on("operator", "show", str(mine["id"]), "--json")).out)
    assert shown["domains"] == []


@pytest.mark.usefixtures("operator")
def test_a_pending_employers_jobs_stay_unlisted(gpseeker: Gpseeker, tmp_path: Path) -> None:
    signup(gpseeker, "hr@umbrella.example", "Umbrella Corp")
    job = tmp_path / "job.json"
    job.write_text(
        json.dumps({"title": "Quokka Wrangler", "description": "Wrangle quokkas.",
                    "category": "other", "job_type": "full_time", "prefecture": "Tokyo"}),
        encoding="utf-8",
    )  # fmt: skip
    posted = gpseeker(*on("employer", "post-job", str(job)))
    assert posted.code == 0, posted.err
    assert posted.out.splitlines()[1] == (
        "It stays unlisted (nobody finds it) until the platform verifies your "
        "organisation: gpseeker employer organisation"
    )
    assert "Listed: no: your organisation is not verified" in gpseeker(*on("employer", "jobs")).out
    assert "Quokka Wrangler" not in gpseeker("jobs", "search", "quokka").out


# --- reports --------------------------------------------------------------------------------


@pytest.fixture
def invited(gpseeker: Gpseeker, home: Path) -> int:
    """A verified employer invited the candidate; the invitation's number."""
    for argv in (
        ("profile", "set", "skills", f"{SKILL}, Rust"),
        ("privacy", "searchable"),
    ):
        assert gpseeker(*argv).code == 0
    return invite(home, subject="Easy money", body="Pay a 30,000 yen fee to register.").id


@pytest.mark.usefixtures("operator")
def test_a_report_reaches_the_operator_and_its_outcome_the_candidate(
    gpseeker: Gpseeker, invited: int
) -> None:
    reported = gpseeker("inbox", "report", str(invited), "--reason", "Asks me to pay a fee")
    assert reported.code == 0, reported.err
    assert reported.out.startswith(
        f"Reported invitation {invited} from Hostile KK to the platform.\n"
        "The platform's operator reads it with your reason; its state shows in "
        f"gpseeker inbox read {invited}\n\n"
        f"Invitation {invited}: Easy money\n"
        "From: Hostile KK (verified by the platform)\n"
        "Your report: Asks me to pay a fee\n"
        "Reported: open — the platform is looking at it\n"
        "Report sent: "
    )
    listed = block_with(gpseeker("inbox").out, f"Invitation {invited}:")
    assert "Reported: open — the platform is looking at it" in listed

    again = gpseeker("inbox", "report", str(invited), "--reason", "Again")
    assert again.code == 0, again.err
    assert again.out.startswith(
        f"You already reported invitation {invited}; nothing new was sent.\n"
    )
    assert "Your report: Asks me to pay a fee\n" in again.out
    as_json = json.loads(gpseeker("inbox", "report", str(invited), "--reason", "x", "--json").out)
    assert as_json["report"]["state"] == "open"

    queue = gpseeker(*on("operator", "reports"))
    assert queue.code == 0, queue.err
    found = re.match(r"Report (\d+): open: waiting for you\n", queue.out)
    assert found, queue.out
    report = found[1]
    lines = block_with(queue.out, f"Report {report}:")
    assert lines[1] == "Reason: Asks me to pay a fee"
    assert re.fullmatch(r"From: Hostile KK \(organisation \d+, verified\)", lines[3])
    assert lines[4] == "Sender account: hr@hostile.example"
    assert lines[5] == f"Invitation {invited}: Easy money"
    assert "Message: Pay a 30,000 yen fee to register." in lines
    assert queue.out.endswith(
        "\nClose one: gpseeker operator close-report ID --resolved|--dismissed [--outcome TEXT]\n"
    )
    [data] = json.loads(gpseeker(*on("operator", "reports", "--json")).out)
    assert data["invitation_id"] == invited and data["state"] == "open"

    closed = gpseeker(
        *on("operator", "close-report", report, "--resolved", "--outcome", "The sender is gone.")
    )
    assert closed.code == 0, closed.err
    assert closed.out.startswith(
        f"Closed report {report}: resolved. The candidate sees this beside the invitation.\n\n"
        f"Report {report}: resolved\n"
    )
    assert "Outcome: The sender is gone.\n" in closed.out
    assert gpseeker(*on("operator", "reports")).out == "No open reports.\n"
    assert f"Report {report}: resolved" in gpseeker(*on("operator", "reports", "--all")).out

    read = gpseeker("inbox", "read", str(invited))
    assert "Reported: resolved by the platform: The sender is gone.\n" in read.out
    assert "Report it to the platform" not in read.out


@pytest.mark.usefixtures("sides", "invited")
def test_report_needs_a_reason_and_an_invitation(gpseeker: Gpseeker) -> None:
    missing = gpseeker("inbox", "report", "999999", "--reason", "Spam")
    assert missing.code == 1
    assert missing.err == "error: you have no invitation 999999 (gpseeker inbox lists them)\n"
    blank = gpseeker("inbox", "report", "1", "--reason", "  ")
    assert blank.err == "error: say why with --reason TEXT: the platform's operator reads it\n"
    assert gpseeker("inbox", "report", "1").code == 2  # --reason is required


@pytest.mark.usefixtures("operator")
def test_a_suspended_senders_invitation_is_marked(gpseeker: Gpseeker, invited: int) -> None:
    orgs = json.loads(gpseeker(*on("operator", "orgs", "--status", "verified", "--json")).out)
    [hostile] = [o for o in orgs if o["legal_name"] == "Hostile KK"]
    gpseeker(*on("operator", "suspend", str(hostile["id"]), "--reason", "Scam"))

    lines = block_with(gpseeker("inbox").out, f"Invitation {invited}:")
    assert lines[1] == "From: Hostile KK (suspended by the platform)"
    assert lines[2].startswith("Warning: The platform has suspended this employer")


# --- who wrote: the verified name, marked in words, wherever the candidate reads it -------


@pytest.mark.usefixtures("operator")
def test_views_and_disclosures_name_the_verified_organisation(
    gpseeker: Gpseeker, home: Path
) -> None:
    assert gpseeker("profile", "set", "skills", f"{SKILL}, Rust").code == 0
    assert gpseeker("privacy", "searchable").code == 0

    async def look(client: EmployerClient) -> None:
        [hit] = (await client.search_resumes(SKILL.lower())).items
        await client.view_candidate(hit.candidate_ref)

    as_employer(home, look)
    applied = gpseeker("apply", str(post_job(home).id), "--yes")
    assert applied.code == 0, applied.err

    views = gpseeker("privacy", "views").out
    assert "Employer: Hostile KK (verified by the platform)\n" in views
    log = gpseeker("data", "disclosures")
    assert log.code == 0, log.err
    assert log.out.count("Employer: Hostile KK (verified by the platform)\n") == 2
    sent = gpseeker("privacy", "disclosures").out
    assert "Employer: Hostile KK (verified by the platform)\n" in sent
    entries = json.loads(gpseeker("data", "disclosures", "--json").out)
    assert {entry["employer_status"] for entry in entries} == {"verified"}

    # Once the platform suspends it, every place says so.
    orgs = json.loads(gpseeker(*on("operator", "orgs", "--status", "verified", "--json")).out)
    [hostile] = [o for o in orgs if o["legal_name"] == "Hostile KK"]
    gpseeker(*on("operator", "suspend", str(hostile["id"]), "--reason", "Scam"))
    assert "Employer: Hostile KK (suspended by the platform)\n" in gpseeker("privacy", "views").out
    assert "Company: Hostile KK (suspended by the platform)\n" in gpseeker("applications").out
