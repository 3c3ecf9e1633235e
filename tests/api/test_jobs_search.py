"""A seeker's job search: keywords, every filter alone and combined, every sort."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Clock, PlatformUsers, User

# Five jobs that differ in every filter, posted in this order, days apart.
JOBS: dict[str, dict[str, Any]] = {
    "Hotel front desk": {
        "category": "hospitality",
        "job_type": "full_time",
        "remote": "onsite",
        "prefecture": "Hokkaido",
        "salary_min": 250_000,
        "salary_max": 300_000,
        "salary_period": "month",  # 3,000,000 a year
        "japanese_required": "N2",
        "english_required": "conversational",
        "visa_sponsorship": True,
        "apply_from_overseas": False,
        "skills": ["Customer service"],
    },
    "English teacher": {
        "category": "teaching",
        "job_type": "part_time",
        "remote": "onsite",
        "prefecture": "Osaka",
        "salary_min": 2_000,
        "salary_max": 2_500,
        "salary_period": "hour",  # 4,000,000 a year at 2,000 hours
        "japanese_required": "none",
        "english_required": "native",
        "visa_sponsorship": False,
        "apply_from_overseas": False,
        "skills": ["Teaching"],
    },
    "Translator": {
        "category": "translation",
        "job_type": "freelance",
        "remote": "hybrid",
        "prefecture": "Kyoto",
        "salary_min": 5_000_000,
        "salary_max": 5_500_000,
        "salary_period": "year",
        "japanese_required": "native",
        "english_required": "business",
        "visa_sponsorship": False,
        "apply_from_overseas": False,
        "skills": ["Translation"],
    },
    "Remote data engineer": {
        "category": "it",
        "job_type": "contract",
        "remote": "remote",
        "prefecture": None,
        "city": "",
        "salary_min": None,
        "salary_max": None,
        "japanese_required": "none",
        "english_required": "fluent",
        "visa_sponsorship": False,
        "apply_from_overseas": True,
        "skills": ["SQL", "Spark"],
    },
    "Python developer": {
        "category": "it",
        "job_type": "full_time",
        "remote": "hybrid",
        "prefecture": "Tokyo",
        "salary_min": 6_000_000,
        "salary_max": 8_000_000,
        "salary_period": "year",
        "japanese_required": "N3",
        "english_required": "business",
        "visa_sponsorship": True,
        "apply_from_overseas": True,
        "skills": ["Python", "Django"],
    },
}
POSTED_DAYS_AGO = {
    "Hotel front desk": 30,
    "English teacher": 20,
    "Translator": 10,
    "Remote data engineer": 5,
    "Python developer": 1,
}
NEWEST_FIRST = [
    "Python developer",
    "Remote data engineer",
    "Translator",
    "English teacher",
    "Hotel front desk",
]


@pytest.fixture
async def board(users: PlatformUsers, clock: Clock) -> User:
    """The five jobs, posted over 30 days; returns a seeker, on the 30th day."""
    employer = await users.employer("Fuji Robotics Inc.")
    previous = 30
    for title, fields in JOBS.items():
        clock.advance(days=previous - POSTED_DAYS_AGO[title])
        previous = POSTED_DAYS_AGO[title]
        await users.post_job(employer, title, **fields)
    clock.advance(days=previous)
    return await users.seeker()


def in_order(titles: list[str]) -> list[str]:
    """`titles` in newest-first order: how an unranked search lists them."""
    return [title for title in NEWEST_FIRST if title in titles]


FILTERS: list[tuple[dict[str, Any], list[str]]] = [
    ({"prefecture": "Osaka"}, ["English teacher"]),
    ({"prefecture": "osaka"}, ["English teacher"]),
    ({"region": "Kansai"}, ["English teacher", "Translator"]),
    (
        {"region": "Kansai", "prefecture": "Hokkaido"},
        ["English teacher", "Translator", "Hotel front desk"],
    ),
    ({"remote": "remote"}, ["Remote data engineer"]),
    ({"remote": ["hybrid", "remote"]}, ["Python developer", "Remote data engineer", "Translator"]),
    ({"job_type": "part_time"}, ["English teacher"]),
    ({"job_type": ["contract", "freelance"]}, ["Remote data engineer", "Translator"]),
    ({"category": "it"}, ["Python developer", "Remote data engineer"]),
    # 2,000 yen an hour is 4,000,000 a year; a job stating no salary never qualifies.
    ({"min_salary_jpy": 4_000_000}, ["Python developer", "Translator", "English teacher"]),
    ({"min_salary_jpy": 4_000_001}, ["Python developer", "Translator"]),
    ({"min_salary_jpy": 0}, [t for t in NEWEST_FIRST if t != "Remote data engineer"]),
    ({"japanese_max": "none"}, ["Remote data engineer", "English teacher"]),
    ({"japanese_max": "N3"}, ["Python developer", "Remote data engineer", "English teacher"]),
    ({"japanese_max": "N2"}, [t for t in NEWEST_FIRST if t != "Translator"]),
    ({"japanese_max": "native"}, NEWEST_FIRST),
    ({"english_max": "business"}, ["Python developer", "Translator", "Hotel front desk"]),
    ({"english_max": "none"}, []),
    ({"visa_sponsorship": "true"}, ["Python developer", "Hotel front desk"]),
    ({"visa_sponsorship": "false"}, ["Remote data engineer", "Translator", "English teacher"]),
    ({"apply_from_overseas": "true"}, ["Python developer", "Remote data engineer"]),
    ({"posted_within_days": 7}, ["Python developer", "Remote data engineer"]),
    ({"posted_within_days": 3}, ["Python developer"]),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS)
async def test_each_filter_alone(
    users: PlatformUsers, board: User, params: dict[str, Any], expected: list[str]
) -> None:
    assert await users.titles(board, sort="newest", **params) == in_order(expected)


async def test_filters_combine(users: PlatformUsers, board: User) -> None:
    # A seeker with N3 Japanese and business English who needs at least 4M yen.
    assert await users.titles(
        board, min_salary_jpy=4_000_000, japanese_max="N3", english_max="business"
    ) == ["Python developer"]
    assert await users.titles(
        board, q="engineer", remote=["hybrid", "remote"], visa_sponsorship="false"
    ) == ["Remote data engineer"]
    assert await users.titles(
        board,
        region="Kanto",
        job_type="full_time",
        category="it",
        visa_sponsorship="true",
        apply_from_overseas="true",
        posted_within_days=7,
        english_max="native",
    ) == ["Python developer"]
    assert await users.titles(board, prefecture="Osaka", category="it") == []


async def test_the_total_counts_every_match_not_only_the_page(
    users: PlatformUsers, board: User
) -> None:
    page = await users.jobs(board, remote=["hybrid", "remote"], limit=1)
    assert len(page["items"]) == 1
    assert page["total"] == 3


async def test_keywords_search_title_company_description_and_skills(
    users: PlatformUsers, board: User
) -> None:
    assert await users.titles(board, q="translator") == ["Translator"]
    assert await users.titles(board, q="django") == ["Python developer"]  # a skill
    assert await users.titles(board, q="friendly team python") == ["Python developer"]
    # The company name, in any case; every job matches it alike, in ranked order.
    assert sorted(await users.titles(board, q="FUJI robotics")) == sorted(NEWEST_FIRST)
    assert await users.titles(board, q="kubernetes") == []


async def test_the_last_word_matches_as_typed_so_far(users: PlatformUsers, board: User) -> None:
    assert await users.titles(board, q="pyth") == ["Python developer"]
    assert await users.titles(board, q="py") == ["Python developer"]
    assert await users.titles(board, q="data eng") == ["Remote data engineer"]
    # Only the last word: "pyth" alone inside a query must be a whole word.
    assert await users.titles(board, q="pyth developer") == []
    # A lone letter after other words is the next word being typed: it does not
    # empty the list for that keystroke ("data e" on its way to "data engineer").
    assert await users.titles(board, q="data e") == await users.titles(board, q="data")
    assert await users.titles(board, q="data e") != []


@pytest.mark.parametrize(
    "typed",
    ['"', "AND", "python OR", "NEAR(a b)", "title:python", "pyth*", "-python", "^py", "(", "a'b"],
)
async def test_search_syntax_in_what_the_user_types_is_just_text(
    users: PlatformUsers, board: User, typed: str
) -> None:
    page = await users.jobs(board, q=typed)
    assert isinstance(page["items"], list)


async def test_relevance_puts_a_title_match_before_a_description_match(
    users: PlatformUsers, board: User
) -> None:
    employer = await users.employer("Kobe Steelworks")
    await users.post_job(
        employer,
        "Plant operator",
        description="Python scripting helps, and a python mindset. Python!",
        skills=["Welding"],
    )
    titles = await users.titles(board, q="python")
    assert titles == ["Python developer", "Plant operator"]


async def test_sort_newest_salary_and_relevance_without_words(
    users: PlatformUsers, board: User
) -> None:
    assert await users.titles(board, sort="newest") == NEWEST_FIRST
    assert await users.titles(board) == NEWEST_FIRST  # relevance with no words
    # Highest yearly minimum first (6M, 5M, 4M hourly, 3M monthly), unstated last.
    assert await users.titles(board, sort="salary") == [
        "Python developer",
        "Translator",
        "English teacher",
        "Hotel front desk",
        "Remote data engineer",
    ]


async def test_jobs_carry_the_yearly_salary_they_were_compared_by(
    users: PlatformUsers, board: User
) -> None:
    items = (await users.jobs(board, sort="salary"))["items"]
    yearly = {job["title"]: job["salary_yearly_min_jpy"] for job in items}
    assert yearly == {
        "Python developer": 6_000_000,
        "Translator": 5_000_000,
        "English teacher": 4_000_000,
        "Hotel front desk": 3_000_000,
        "Remote data engineer": None,
    }


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"prefecture": "Atlantis"}, "prefecture.0"),
        ({"region": "Mars"}, "region.0"),
        ({"japanese_max": "N6"}, "japanese_max"),
        ({"posted_within_days": 0}, "posted_within_days"),
        ({"min_salary_jpy": -1}, "min_salary_jpy"),
        ({"visa_sponsorship": "maybe"}, "visa_sponsorship"),
        ({"sort": "cheapest"}, "sort"),
        ({"prefectures": "Tokyo"}, "prefectures"),  # a typo is not a wider search
        ({"limit": 0}, "limit"),
    ],
)
async def test_an_impossible_filter_is_refused_with_the_reason(
    users: PlatformUsers, board: User, params: dict[str, Any], path: str
) -> None:
    response = await users.client.get("/api/v1/jobs", params=params, headers=board.auth)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert [field["path"] for field in error["fields"]] == [path]


async def test_closed_and_expired_jobs_leave_the_search_but_stay_readable(
    users: PlatformUsers, clock: Clock
) -> None:
    employer = await users.employer()
    seeker = await users.seeker()
    open_id = await users.post_job(employer, "Open job")
    closed_id = await users.post_job(employer, "Closed job")
    expiring_id = await users.post_job(employer, "Expiring job", closes_at="2025-04-02")
    response = await users.client.patch(
        f"/api/v1/employer/jobs/{closed_id}", json={"status": "closed"}, headers=employer.auth
    )
    assert response.status_code == 200
    assert await users.titles(seeker) == ["Expiring job", "Open job"]

    clock.advance(days=1)  # 2 April in Tokyo: the last day still counts
    assert await users.titles(seeker) == ["Expiring job", "Open job"]
    clock.advance(days=1)
    assert await users.titles(seeker) == ["Open job"]

    for job_id in (closed_id, expiring_id):
        job = await users.client.get(f"/api/v1/jobs/{job_id}", headers=seeker.auth)
        assert job.status_code == 200
        assert job.json()["status"] == "closed"
    job = await users.client.get(f"/api/v1/jobs/{open_id}", headers=seeker.auth)
    assert job.json()["status"] == "open"


async def test_an_unknown_job_is_404(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.get("/api/v1/jobs/999", headers=seeker.auth)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_only_seekers_search_jobs(users: PlatformUsers, board: User) -> None:
    employer = await users.employer("Other K.K.")
    for path in ("/api/v1/jobs", "/api/v1/jobs/1"):
        response = await users.client.get(path, headers=employer.auth)
        assert response.status_code == 403
    assert (await users.client.get("/api/v1/jobs")).status_code == 401


@pytest.mark.parametrize(
    "typed",
    ["-python", "!python", "python!", '"python', "python:*", "python&", "(python)", "python|"],
)
async def test_a_word_typed_with_query_syntax_finds_what_the_word_finds(
    users: PlatformUsers, board: User, typed: str
) -> None:
    # To a full-text engine these are NOT, prefix, AND, OR, phrase and grouping
    # marks; typed by a seeker they are punctuation around the word.
    assert await users.titles(board, q=typed) == ["Python developer"]


async def test_operator_words_are_words(users: PlatformUsers, board: User) -> None:
    # As operators: "not Django" would drop the only Python job, "or" would add the
    # translator. As words, every one must match, and Django is one of its skills.
    assert await users.titles(board, q="python -django") == ["Python developer"]
    assert await users.titles(board, q="python or translator") == []
    assert await users.titles(board, q="python OR translator") == []


async def test_accents_are_folded_both_ways(users: PlatformUsers, board: User) -> None:
    employer = await users.employer("Kobe Steelworks")
    await users.post_job(employer, "Café barista", skills=["Crème brûlée"])
    assert await users.titles(board, q="cafe") == ["Café barista"]
    assert await users.titles(board, q="Café") == ["Café barista"]
    assert await users.titles(board, q="creme brul") == ["Café barista"]


async def test_skills_outrank_the_company_which_outranks_the_description(
    users: PlatformUsers, board: User
) -> None:
    # Posted in the opposite order, so newest-first would list them reversed.
    in_description = await users.employer("Kobe Steelworks")
    await users.post_job(in_description, "Welder", description="Our office cat is named Ruby.")
    in_company = await users.employer("Ruby Works")
    await users.post_job(in_company, "Accountant")
    in_skills = await users.employer("Nara Foods")
    await users.post_job(in_skills, "Web developer", skills=["Ruby"])
    assert await users.titles(board, q="ruby") == ["Web developer", "Accountant", "Welder"]
