"""The masked view of a candidate as text: shared by `privacy preview` (what employers
would see of me) and `employer view` (what I, an employer, see)."""

from __future__ import annotations

from gpseeker.cli.output import field, line, term, terms, yen
from gpseeker.models import EmployerView, ResumeBankHit


def show_employer_view(view: EmployerView) -> None:
    field("Reference", view.candidate_ref)
    if view.context == "application":
        # Present only when the candidate applied: said explicitly, so nobody mistakes
        # an application's details for something the resume bank shows.
        field("Name", view.full_name)
        field("E-mail", view.email)
        field("Phone", view.phone or "not shared")
        field("Address", view.address or "not shared")
        field("Current company", view.current_company)
    field("Headline", view.headline)
    field("Summary", view.summary)
    field("Skills", view.skills)
    place = view.location
    field(
        "Location",
        ", ".join(p for p in (place.city, place.prefecture, place.region, place.country) if p),
    )
    field("Japanese", view.japanese)
    field("English", view.english)
    field("Other languages", view.other_languages)
    field("Visa status", term(view.visa_status))
    field("Desired jobs", view.desired_jobs)
    field("Job types", terms(view.job_types))
    field("Preferred prefectures", view.preferred_prefectures)
    field("Remote", view.remote)
    field("Minimum salary", yen(view.min_salary_jpy))
    field("Start date", view.start_date)
    if view.age_band is not None:
        field("Age", view.age_band)
    if view.gender is not None:
        field("Gender", term(view.gender))
    if view.nationality is not None:
        field("Nationality", view.nationality)
    for number, job in enumerate(view.experience, start=1):
        line()
        line(f"Experience {number}")
        field("Title", job.title)
        if job.company is not None:
            field("Company", job.company)
        field("Industry", job.industry)
        field("Years", job.years)
        field("Description", job.description)
    for number, school in enumerate(view.education, start=1):
        line()
        line(f"Education {number}")
        field("Level", school.level)
        field("Field", school.field)
        if school.school is not None:
            field("School", school.school)


def hit_fields(hit: ResumeBankHit) -> list[tuple[str, object]]:
    return [
        ("Reference", hit.candidate_ref),
        ("Headline", hit.headline),
        ("Skills", hit.skills),
        ("Japanese", hit.japanese),
        ("Visa status", term(hit.visa_status)),
        ("Region", hit.region),
    ]
