"""The demo data must be valid and spread widely enough to exercise every job filter.

A searching user filters by prefecture, remote policy, job type, category, Japanese
and English level, visa sponsorship, applying from abroad and salary in any pay
period; if the demo lacked a value, that filter would look broken on a fresh install.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest

from gpseeker.core.models import (
    JAPANESE_LEVELS,
    JOB_TYPES,
    REGION_OF_PREFECTURE,
    JobDraft,
    Profile,
)
from gpseeker.server.demo import (
    DemoEmployer,
    demo_employers,
    synthetic_jobs,
    synthetic_profiles,
)

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def employers() -> list[DemoEmployer]:
    return demo_employers(TODAY)


@pytest.fixture(scope="module")
def jobs(employers: list[DemoEmployer]) -> list[JobDraft]:
    return [job for employer in employers for job, _ in employer.jobs]


def test_about_ten_employers_and_eighty_jobs(
    employers: list[DemoEmployer], jobs: list[JobDraft]
) -> None:
    assert 9 <= len(employers) <= 12
    assert 70 <= len(jobs) <= 90
    assert all(len(employer.jobs) >= 4 for employer in employers)
    assert len({employer.company_name for employer in employers}) == len(employers)


def test_every_demo_job_round_trips_through_validation(jobs: list[JobDraft]) -> None:
    # The server stores and the API sends these, so they must pass the request model
    # exactly as an employer's POST would.
    for job in jobs:
        assert JobDraft.model_validate(job.model_dump(mode="json")) == job


def test_company_emails_are_under_the_reserved_example_tld(
    employers: list[DemoEmployer],
) -> None:
    emails = [employer.email for employer in employers]
    assert all(email.endswith(".example") and email.count("@") == 1 for email in emails)
    assert len(set(emails)) == len(emails)


def test_demo_is_labelled_as_a_local_demo() -> None:
    from gpseeker.server import demo

    assert demo.__doc__ is not None and "LOCAL DEMO" in demo.__doc__
    assert "demo" in demo.DEMO_LABEL.casefold()


def test_posted_days_span_the_last_two_months(employers: list[DemoEmployer]) -> None:
    days = [days for employer in employers for _, days in employer.jobs]
    assert all(0 <= d <= 60 for d in days)
    assert min(days) <= 1 and max(days) >= 55
    # "Posted within 7 days" must return some but not all jobs.
    assert 5 <= sum(d <= 7 for d in days) <= len(days) // 2


def test_closing_dates_lie_in_the_future_on_any_day(jobs: list[JobDraft]) -> None:
    closing = [job.closes_at for job in jobs if job.closes_at is not None]
    assert 3 <= len(closing) <= len(jobs) // 4
    assert all(day > TODAY for day in closing)


def test_categories_and_job_types_are_all_covered(jobs: list[JobDraft]) -> None:
    needed = {
        "teaching", "it", "hospitality", "engineering", "sales", "translation",
        "marketing", "finance", "design", "logistics", "manufacturing",
        "customer_support",
    }  # fmt: skip
    assert needed <= {job.category for job in jobs}
    assert {job.job_type for job in jobs} == set(JOB_TYPES)
    types = Counter(job.job_type for job in jobs)
    assert all(count >= 3 for count in types.values())


def test_places_reach_well_beyond_tokyo(jobs: list[JobDraft]) -> None:
    prefectures = Counter(job.prefecture for job in jobs if job.prefecture is not None)
    assert len(prefectures) >= 10
    assert prefectures["Tokyo"] <= len(jobs) // 3
    regions = {REGION_OF_PREFECTURE[p] for p in prefectures}
    assert len(regions) >= 6
    remote = Counter(job.remote for job in jobs)
    assert remote.keys() == {"onsite", "hybrid", "remote"}
    assert min(remote.values()) >= 5


def test_language_requirements_range_from_none_to_native(jobs: list[JobDraft]) -> None:
    assert {job.japanese_required for job in jobs} == set(JAPANESE_LEVELS)
    # A candidate with N3 or below must still find plenty to apply to.
    low = {"none", "N5", "N4", "N3"}
    assert sum(job.japanese_required in low for job in jobs) >= 20
    assert sum(job.japanese_required == "none" for job in jobs) >= 5
    assert len({job.english_required for job in jobs}) == 6


def test_visa_and_overseas_flags_are_mixed(jobs: list[JobDraft]) -> None:
    combos = Counter((job.visa_sponsorship, job.apply_from_overseas) for job in jobs)
    # All four combinations: e.g. working-holiday seasonal jobs are (False, True).
    assert len(combos) == 4
    assert 0.3 <= sum(job.visa_sponsorship for job in jobs) / len(jobs) <= 0.8
    assert sum(job.apply_from_overseas for job in jobs) >= 15


def test_salaries_are_realistic_in_every_period(jobs: list[JobDraft]) -> None:
    bounds = {"hour": (1_100, 3_500), "month": (200_000, 600_000), "year": (3_000_000, 15_000_000)}
    periods = Counter(job.salary_period for job in jobs)
    assert periods.keys() == bounds.keys()
    assert min(periods.values()) >= 10
    for job in jobs:
        low, high = bounds[job.salary_period]
        assert job.salary_min is not None and job.salary_max is not None
        assert low <= job.salary_min <= job.salary_max <= high, job.title


def test_ads_are_real_text_not_one_template(jobs: list[JobDraft]) -> None:
    for job in jobs:
        assert job.skills, job.title
        paragraphs = job.description.split("\n\n")
        assert 2 <= len(paragraphs) <= 5, job.title
        assert 200 <= len(job.description) <= 2_000, job.title
        assert "  " not in job.description, job.title
    # No two ads share an opening sentence.
    openings = [job.description.split(".")[0] for job in jobs]
    assert len(set(openings)) == len(openings)
    assert len({job.title for job in jobs}) == len(jobs)


def test_demo_employers_is_stable_for_a_day() -> None:
    assert demo_employers(TODAY) == demo_employers(TODAY)


# --- synthetic generators -------------------------------------------------------------


def test_synthetic_jobs_are_deterministic_valid_and_counted() -> None:
    first = list(synthetic_jobs(300, seed=7))
    assert len(first) == 300
    assert first == list(synthetic_jobs(300, seed=7))
    assert first != list(synthetic_jobs(300, seed=8))
    for job in first:
        assert JobDraft.model_validate(job.model_dump(mode="json")) == job


def test_synthetic_jobs_vary_enough_for_search_benchmarks() -> None:
    jobs = list(synthetic_jobs(2_000, seed=1))
    assert len({job.title for job in jobs}) >= 300
    assert len({job.category for job in jobs}) >= 14
    assert len({job.prefecture for job in jobs}) >= 40
    assert {job.job_type for job in jobs} == set(JOB_TYPES)
    assert {job.japanese_required for job in jobs} == set(JAPANESE_LEVELS)
    assert {job.salary_period for job in jobs} == {"hour", "month", "year"}
    words = {word for job in jobs for word in job.description.lower().split()}
    assert len(words) >= 800
    # A skill keyword must be selective, not in every job.
    python = sum("Python" in job.skills for job in jobs)
    assert 0 < python < len(jobs) // 10


def test_synthetic_jobs_is_lazy() -> None:
    # The benchmark streams 100k jobs into the database; taking a few must be instant.
    assert len(list(itertools.islice(synthetic_jobs(10**9), 3))) == 3


def test_synthetic_profiles_are_deterministic_valid_and_counted() -> None:
    first = list(synthetic_profiles(200, seed=3))
    assert len(first) == 200
    assert first == list(synthetic_profiles(200, seed=3))
    assert first != list(synthetic_profiles(200, seed=4))
    for profile in first:
        assert Profile.model_validate(profile.model_dump(mode="json")) == profile


def test_synthetic_profiles_look_like_people_from_many_places() -> None:
    profiles = list(synthetic_profiles(1_000, seed=0))
    emails = [p.identity.email for p in profiles]
    assert len(set(emails)) == len(emails)
    assert all(email.endswith(".example") for email in emails)
    phones = [p.identity.phone for p in profiles if p.identity.phone is not None]
    assert len(phones) >= 300
    assert all(phone.startswith(("+8190", "+8180", "+8170")) for phone in phones)
    assert len(phones[0]) == len("+819012345678")
    assert len({p.demographics.nationality for p in profiles}) >= 10
    assert len({p.headline for p in profiles}) >= 500
    assert len({skill for p in profiles for skill in p.skills}) >= 150
    assert {p.languages.japanese for p in profiles} == set(JAPANESE_LEVELS)
    assert len({p.visa_status for p in profiles}) >= 8
    assert len({p.location.prefecture for p in profiles}) >= 30
    assert any(p.location.country != "Japan" for p in profiles)
    for profile in profiles:
        assert profile.experience
        for entry in profile.experience:
            assert entry.end is None or entry.start <= entry.end
        current = profile.experience[0]
        if profile.identity.current_company is not None:
            assert current.end is None and current.company == profile.identity.current_company
