"""The employer's resume bank: found by skills, never by identity; references that
mean something to one employer only; every opening logged for the candidate."""

from __future__ import annotations

from typing import Any, cast

import httpx
import pytest
from fastapi import FastAPI

from .conftest import PlatformUsers, User, full_profile

LEAKY_SUMMARY = (
    "I am Ana Souza, reach me at ana.souza@example.com or 090-1234-5678. "
    "Currently at Sakura Systems K.K., living at 1-2-3 Jingumae."
)


async def test_employers_find_candidates_by_skill(users: PlatformUsers) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", skills=["Kubernetes", "Rust"])
    await users.searchable_seeker("Ben Okafor", skills=["Photoshop"])
    hits = await users.search(employer, "rust")
    assert [hit["skills"] for hit in hits] == [["Kubernetes", "Rust"]]
    assert hits[0]["region"] == "Kanto"
    assert len(await users.search(employer, "")) == 2


@pytest.mark.parametrize(
    "query",
    ["Ana", "Souza", "ana.souza@example.com", "09012345678", "090-1234-5678", "Sakura", "Jingumae"],
)
async def test_identity_never_finds_a_candidate_even_when_written_in_the_summary(
    client: httpx.AsyncClient, users: PlatformUsers, query: str
) -> None:
    employer = await users.employer()
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    profile = full_profile("Ana Souza", ana.email, summary=LEAKY_SUMMARY, skills=["Haskell"])
    await users.save_profile(ana, profile)
    await users.set_visibility(ana, resume="searchable")
    assert len(await users.search(employer, "haskell")) == 1
    assert await users.search(employer, query) == []


async def test_an_opened_profile_shows_no_identity(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    profile = full_profile("Ana Souza", ana.email, summary=LEAKY_SUMMARY, skills=["Haskell"])
    await users.save_profile(ana, profile)
    await users.set_visibility(ana, resume="searchable")
    ref = await users.ref_of(employer, "haskell")
    response = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    assert response.status_code == 200
    view = response.json()
    assert view["candidate_ref"] == ref
    assert view["skills"] == ["Haskell"]
    for secret in ("Souza", "ana.souza", "1234", "Sakura", "Jingumae"):
        assert secret not in response.text, secret


async def test_references_differ_per_employer_and_are_useless_to_another(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    first = await users.employer("Fuji Robotics")
    second = await users.employer("Momiji Labs")
    await users.searchable_seeker(skills=["Haskell"])
    first_ref = await users.ref_of(first, "haskell")
    second_ref = await users.ref_of(second, "haskell")
    assert first_ref != second_ref
    assert first_ref == await users.ref_of(first, "haskell")  # stable for one employer

    own = await client.get(f"/api/v1/employer/resume-bank/{first_ref}", headers=first.auth)
    assert own.status_code == 200
    borrowed = await client.get(f"/api/v1/employer/resume-bank/{first_ref}", headers=second.auth)
    never_issued = await client.get(
        "/api/v1/employer/resume-bank/c_aaaaaaaaaaaaaaaaaaaa", headers=second.auth
    )
    assert borrowed.status_code == never_issued.status_code == 404
    assert borrowed.json() == never_issued.json()


async def test_a_locked_candidate_answers_like_a_reference_that_never_existed(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    ana = await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    await users.set_visibility(ana, resume="locked")
    locked = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    unknown = await client.get("/api/v1/employer/resume-bank/c_nothing", headers=employer.auth)
    assert locked.status_code == unknown.status_code == 404
    assert locked.json() == unknown.json()


async def test_opening_a_profile_is_logged_for_that_candidate_only(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    fuji = await users.employer("Fuji Robotics")
    momiji = await users.employer("Momiji Labs")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ben = await users.searchable_seeker("Ben Okafor", skills=["Photoshop"])
    for employer in (fuji, momiji):
        ref = await users.ref_of(employer, "haskell")
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    views = (await client.get("/api/v1/me/profile-views", headers=ana.auth)).json()
    assert [view["employer_name"] for view in views] == ["Momiji Labs", "Fuji Robotics"]
    assert {view["context"] for view in views} == {"search"}
    assert (await client.get("/api/v1/me/profile-views", headers=ben.auth)).json() == []
    # Searching is not opening: only the two openings above were logged.
    assert len(views) == 2


async def test_search_syntax_in_keywords_is_just_text(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    await users.searchable_seeker(skills=["Haskell"])
    for query in ['"', "haskell OR", "NEAR(haskell", "*", "haskell AND -rust", "^haskell", "'"]:
        response = await client.get(
            "/api/v1/employer/resume-bank", params={"q": query}, headers=employer.auth
        )
        assert response.status_code == 200, query


async def test_pages_follow_the_cursor_without_repeats(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    for number in range(5):
        await users.searchable_seeker(f"Candidate {number}", skills=["Haskell"])
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"q": "haskell", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (
            await client.get("/api/v1/employer/resume-bank", params=params, headers=employer.auth)
        ).json()
        seen.extend(hit["candidate_ref"] for hit in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5


async def test_a_made_up_cursor_is_a_bad_cursor(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    response = await client.get(
        "/api/v1/employer/resume-bank", params={"cursor": "garbage"}, headers=employer.auth
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_cursor"
    assert response.json()["error"]["fields"][0]["path"] == "cursor"


@pytest.mark.parametrize(
    "typed", ["-haskell", "!haskell", "haskell!", '"haskell', "haskell:*", "(haskell)", "haskell|"]
)
async def test_a_word_typed_with_query_syntax_finds_what_the_word_finds(
    users: PlatformUsers, typed: str
) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    await users.searchable_seeker("Ben Okafor", skills=["Photoshop"])
    hits = await users.search(employer, typed)
    assert [hit["skills"] for hit in hits] == [["Haskell"]]


async def test_operator_words_are_words(users: PlatformUsers) -> None:
    employer = await users.employer()
    await users.searchable_seeker(
        "Ana Souza", skills=["Haskell", "Rust"], summary="Haskell or Rust."
    )
    await users.searchable_seeker("Ben Okafor", skills=["Haskell"], summary="Haskell only.")
    # As operators, "-rust" would find Ben only and "or" would find both.
    assert [hit["skills"] for hit in await users.search(employer, "haskell -rust")] == [
        ["Haskell", "Rust"]
    ]
    assert [hit["skills"] for hit in await users.search(employer, "haskell or")] == [
        ["Haskell", "Rust"]
    ]
    assert await users.search(employer, "haskell & photoshop") == []


async def test_the_better_match_comes_first_not_the_newer(users: PlatformUsers) -> None:
    employer = await users.employer()
    await users.searchable_seeker(
        "Ana Souza",
        headline="Kubernetes platform engineer",
        skills=["Kubernetes", "Go"],
        summary="Kubernetes operators, Kubernetes upgrades.",
    )
    await users.searchable_seeker("Ben Okafor", skills=["Kubernetes", "Java"])
    hits = await users.search(employer, "kubernetes")
    assert [hit["skills"] for hit in hits] == [["Kubernetes", "Go"], ["Kubernetes", "Java"]]
    # Without words, newest first: the ranking above is not the insertion order.
    newest = [hit["skills"] for hit in await users.search(employer)]
    assert newest == [["Kubernetes", "Java"], ["Kubernetes", "Go"]]


async def test_accents_are_folded_both_ways(users: PlatformUsers) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", summary="Ran the café's Crème brûlée line.")
    for query in ("cafe", "Café", "creme brulee", "CRÈME"):
        assert len(await users.search(employer, query)) == 1, query


async def test_a_kept_masked_view_never_outlives_the_profile_it_was_masked_from(
    client: httpx.AsyncClient, users: PlatformUsers, app: FastAPI
) -> None:
    # Masked views are kept per profile revision (issue 13: a long profile is masked
    # once, not once per open): every change the candidate makes shows at once, and
    # each organisation still gets its own reference.
    fuji = await users.employer("Fuji Robotics")
    momiji = await users.employer("Momiji Labs")
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    first = full_profile("Ana Souza", ana.email, summary="Ledger work.", skills=["Haskell"])
    past = {**first["experience"][0], "company": "Kaede Foods", "start": "2015-04"}
    first["experience"].append({**past, "end": "2019-03"})
    await users.save_profile(ana, first)
    await users.set_visibility(ana, resume="searchable")
    fuji_ref = await users.ref_of(fuji, "haskell")
    momiji_ref = await users.ref_of(momiji, "haskell")

    async def opened(employer: User, ref: str) -> dict[str, Any]:
        response = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
        assert response.status_code == 200
        return cast(dict[str, Any], response.json())

    fuji_view, momiji_view = await opened(fuji, fuji_ref), await opened(momiji, momiji_ref)
    assert (fuji_view["candidate_ref"], momiji_view["candidate_ref"]) == (fuji_ref, momiji_ref)
    assert {**fuji_view, "candidate_ref": ""} == {**momiji_view, "candidate_ref": ""}
    assert len(app.state.platform.masked_views) == 1  # masked once for both

    second = {**first, "summary": "Ledger work; I am Ana Souza at Sakura Systems K.K."}
    await users.save_profile(ana, second)
    summary = (await opened(fuji, fuji_ref))["summary"]
    assert summary.startswith("Ledger work; I am [hidden]")
    assert "Souza" not in summary and "Sakura" not in summary

    hidden = [entry["company"] for entry in (await opened(fuji, fuji_ref))["experience"]]
    assert hidden == [None, None]
    await users.set_visibility(ana, resume="searchable", show_past_companies=True)
    shown = [entry["company"] for entry in (await opened(fuji, fuji_ref))["experience"]]
    assert shown == [None, "Kaede Foods"]  # the past employer the candidate now shows

    await users.set_visibility(ana, resume="locked")
    gone = await client.get(f"/api/v1/employer/resume-bank/{fuji_ref}", headers=fuji.auth)
    assert gone.status_code == 404
    assert len(app.state.platform.masked_views) == 0
