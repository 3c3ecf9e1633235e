"""An employer's jobs: posting, editing its own only, and hostile text kept as data."""

from __future__ import annotations

from .conftest import PlatformUsers, job_draft

# Terminal sequences in their 8-bit spellings (OSC, ST and CSI are C1 characters):
# text to the platform, which refuses only C0 controls such as ESC and BEL.
HOSTILE_TITLE = "Engineer \x9d52;c;aGVsbG8=\x9c [@click=app.quit]"
HOSTILE_DESCRIPTION = "[link=https://evil.example]click[/link] \x9b2J\x9b31m [b]bold[/b]"


async def test_a_posted_job_is_open_and_searchable_at_once(users: PlatformUsers) -> None:
    employer = await users.employer("Fuji Robotics Inc.")
    seeker = await users.seeker()
    response = await users.client.post(
        "/api/v1/employer/jobs",
        json=job_draft(
            "Robot programmer", salary_min=300_000, salary_max=None, salary_period="month"
        ),
        headers=employer.auth,
    )
    assert response.status_code == 201
    job = response.json()
    assert job["status"] == "open"
    assert job["company_name"] == "Fuji Robotics Inc."
    assert job["salary_yearly_min_jpy"] == 3_600_000
    assert await users.titles(seeker, q="robot") == ["Robot programmer"]
    mine = (await users.client.get("/api/v1/employer/jobs", headers=employer.auth)).json()
    assert mine == [job]


async def test_posting_twice_with_one_key_posts_once(users: PlatformUsers) -> None:
    employer = await users.employer()
    headers = {**employer.auth, "Idempotency-Key": "post-1"}
    first = await users.client.post("/api/v1/employer/jobs", json=job_draft(), headers=headers)
    second = await users.client.post("/api/v1/employer/jobs", json=job_draft(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert len((await users.client.get("/api/v1/employer/jobs", headers=employer.auth)).json()) == 1
    other = await users.client.post(
        "/api/v1/employer/jobs", json=job_draft("Other"), headers=headers
    )
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"


async def test_editing_changes_what_seekers_find(users: PlatformUsers) -> None:
    employer = await users.employer()
    seeker = await users.seeker()
    job_id = await users.post_job(employer, "Welder")
    response = await users.client.patch(
        f"/api/v1/employer/jobs/{job_id}",
        json={"title": "Senior welder", "salary_min": 7_000_000, "salary_max": 9_000_000},
        headers=employer.auth,
    )
    assert response.status_code == 200
    job = response.json()
    assert job["title"] == "Senior welder"
    assert job["salary_yearly_min_jpy"] == 7_000_000
    assert job["description"] == job_draft("Welder")["description"]  # left out: unchanged
    assert await users.titles(seeker, q="senior") == ["Senior welder"]
    assert await users.titles(seeker, min_salary_jpy=6_500_000) == ["Senior welder"]


async def test_an_edit_that_makes_no_sense_is_refused(users: PlatformUsers) -> None:
    employer = await users.employer()
    job_id = await users.post_job(employer)  # 6M to 8M
    for body, path in (
        ({"salary_min": 9_000_000}, "salary_max"),
        ({"title": None}, "title"),
        ({"status": "archived"}, "status"),
        ({"salary_min": "lots"}, "salary_min"),
        ({"company_name": "Renamed"}, "company_name"),
    ):
        response = await users.client.patch(
            f"/api/v1/employer/jobs/{job_id}", json=body, headers=employer.auth
        )
        assert response.status_code == 422, body
        assert response.json()["error"]["fields"][0]["path"] == path


async def test_an_employer_cannot_edit_another_employers_job(users: PlatformUsers) -> None:
    owner = await users.employer("Owner K.K.")
    rival = await users.employer("Rival K.K.")
    job_id = await users.post_job(owner, "Original")
    for target in (job_id, 999):
        response = await users.client.patch(
            f"/api/v1/employer/jobs/{target}", json={"title": "Hijacked"}, headers=rival.auth
        )
        assert response.status_code == 404
    assert (await users.client.get("/api/v1/employer/jobs", headers=rival.auth)).json() == []
    (job,) = (await users.client.get("/api/v1/employer/jobs", headers=owner.auth)).json()
    assert job["title"] == "Original"


async def test_only_employers_post_jobs(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.post(
        "/api/v1/employer/jobs", json=job_draft(), headers=seeker.auth
    )
    assert response.status_code == 403
    response = await users.client.get("/api/v1/employer/jobs", headers=seeker.auth)
    assert response.status_code == 403


async def test_hostile_text_is_stored_and_returned_exactly_as_sent(users: PlatformUsers) -> None:
    employer = await users.employer("[red]Evil[/red] \x9b31mCorp")
    seeker = await users.seeker()
    job_id = await users.post_job(
        employer, HOSTILE_TITLE, description=HOSTILE_DESCRIPTION, skills=["[b]x[/b]"]
    )
    job = (await users.client.get(f"/api/v1/jobs/{job_id}", headers=seeker.auth)).json()
    assert job["title"] == HOSTILE_TITLE
    assert job["description"] == HOSTILE_DESCRIPTION
    assert job["company_name"] == "[red]Evil[/red] \x9b31mCorp"
    assert job["skills"] == ["[b]x[/b]"]
    (found,) = (await users.jobs(seeker, q="engineer click"))["items"]
    assert found["title"] == HOSTILE_TITLE
