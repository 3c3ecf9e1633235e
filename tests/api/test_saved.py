"""Saved jobs and saved searches: the candidate's own lists, nobody else's."""

from __future__ import annotations

from typing import Any

from .conftest import Clock, PlatformUsers

QUERY: dict[str, Any] = {
    "q": "python",
    "prefecture": ["Tokyo"],
    "japanese_max": "N3",
    "visa_sponsorship": True,
    "sort": "newest",
}


async def test_saving_a_job_marks_it_and_lists_it(users: PlatformUsers, clock: Clock) -> None:
    employer = await users.employer()
    seeker = await users.seeker()
    first = await users.post_job(employer, "First")
    second = await users.post_job(employer, "Second")
    for job_id in (first, second, first):  # saving twice changes nothing
        clock.advance(minutes=1)
        response = await users.client.put(f"/api/v1/me/saved-jobs/{job_id}", headers=seeker.auth)
        assert response.status_code == 204
    saved = (await users.client.get("/api/v1/me/saved-jobs", headers=seeker.auth)).json()
    assert [job["title"] for job in saved] == ["Second", "First"]
    assert all(job["saved"] for job in saved)
    page = await users.jobs(seeker)
    assert {job["title"]: job["saved"] for job in page["items"]} == {"First": True, "Second": True}

    response = await users.client.delete(f"/api/v1/me/saved-jobs/{first}", headers=seeker.auth)
    assert response.status_code == 204
    again = await users.client.delete(f"/api/v1/me/saved-jobs/{first}", headers=seeker.auth)
    assert again.status_code == 204
    saved = (await users.client.get("/api/v1/me/saved-jobs", headers=seeker.auth)).json()
    assert [job["title"] for job in saved] == ["Second"]
    job = await users.client.get(f"/api/v1/jobs/{first}", headers=seeker.auth)
    assert job.json()["saved"] is False


async def test_saved_jobs_are_per_seeker(users: PlatformUsers) -> None:
    employer = await users.employer()
    ana, ben = await users.seeker("Ana"), await users.seeker("Ben")
    job_id = await users.post_job(employer)
    await users.client.put(f"/api/v1/me/saved-jobs/{job_id}", headers=ana.auth)
    assert (await users.client.get("/api/v1/me/saved-jobs", headers=ben.auth)).json() == []
    assert (await users.jobs(ben))["items"][0]["saved"] is False


async def test_a_saved_job_that_closes_stays_saved_and_reads_closed(
    users: PlatformUsers,
) -> None:
    employer = await users.employer()
    seeker = await users.seeker()
    job_id = await users.post_job(employer)
    await users.client.put(f"/api/v1/me/saved-jobs/{job_id}", headers=seeker.auth)
    await users.client.patch(
        f"/api/v1/employer/jobs/{job_id}", json={"status": "closed"}, headers=employer.auth
    )
    (saved,) = (await users.client.get("/api/v1/me/saved-jobs", headers=seeker.auth)).json()
    assert saved["status"] == "closed"


async def test_saving_an_unknown_job_is_404(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.put("/api/v1/me/saved-jobs/999", headers=seeker.auth)
    assert response.status_code == 404


async def test_a_saved_search_keeps_its_query(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Python in Tokyo", "query": QUERY},
        headers={**seeker.auth, "Idempotency-Key": "s1"},
    )
    assert response.status_code == 201
    saved = response.json()
    assert saved["name"] == "Python in Tokyo"
    assert {key: saved["query"][key] for key in QUERY} == QUERY
    # A retry of the same request does not save it twice.
    retry = await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Python in Tokyo", "query": QUERY},
        headers={**seeker.auth, "Idempotency-Key": "s1"},
    )
    assert retry.content == response.content
    listed = (await users.client.get("/api/v1/me/saved-searches", headers=seeker.auth)).json()
    assert listed == [saved]

    other = await users.seeker("Ben")
    assert (await users.client.get("/api/v1/me/saved-searches", headers=other.auth)).json() == []
    # Another seeker's delete leaves it alone.
    await users.client.delete(f"/api/v1/me/saved-searches/{saved['id']}", headers=other.auth)
    assert (
        len((await users.client.get("/api/v1/me/saved-searches", headers=seeker.auth)).json()) == 1
    )

    response = await users.client.delete(
        f"/api/v1/me/saved-searches/{saved['id']}", headers=seeker.auth
    )
    assert response.status_code == 204
    assert (await users.client.get("/api/v1/me/saved-searches", headers=seeker.auth)).json() == []


async def test_a_saved_search_with_an_impossible_filter_is_refused(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Bad", "query": {"prefecture": ["Atlantis"], "min_salary_jpy": "lots"}},
        headers=seeker.auth,
    )
    assert response.status_code == 422
    paths = {field["path"] for field in response.json()["error"]["fields"]}
    assert paths == {"query.prefecture.0", "query.min_salary_jpy"}
