"""Fill a platform database for the load test: 10k jobs and 100k searchable candidates.

    .venv/bin/python bench/load_data.py --db /tmp/gpload/load.sqlite3
    psql -h 127.0.0.1 -U postgres -d test -c 'CREATE SCHEMA gpseeker_bench'
    .venv/bin/python bench/load_data.py \\
        --db 'postgresql://postgres@127.0.0.1:5432/test?schema=gpseeker_bench'

The schema comes from the platform itself (`Platform.start()` on the empty database),
then the rows go in with bulk inserts through SQLAlchemy Core: signing 100k people up
over HTTP would spend an hour in argon2. The rows are the ones the server writes:
`job_row` for jobs, and for a candidate what signup, a profile save and "make me
searchable" leave behind (user, profile, visibility, the automatic block of the
current company, and the masked search text built by the same `employer_view` /
`searchable_text` / `bank_hit` as `candidates.refresh_resume_document`). The jobs and
profiles are `gpseeker.server.demo`'s generators, so searches meet the same mix of
common and rare words as everywhere else. Masking a profile costs ~4 ms, so by
default 10,000 distinct profiles are each used by 10 accounts that differ in e-mail
(the masked text holds no identity, so theirs is the same text; --copies 1 makes
every one distinct, at ~4x the time). One unusable password hash serves every bulk
account: nobody signs in as them.

Refuses a database that already has bulk rows (use a new file or schema). A SQLite
file is created; a PostgreSQL schema must exist (`?schema=` sets the search_path).
Runs ANALYZE at the end on either store.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import secrets
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select, text

from gpseeker.core.models import Profile, Visibility
from gpseeker.core.privacy import (
    company_key,
    company_keys,
    employer_view,
    normalize_company,
    searchable_text,
)
from gpseeker.server.candidates import INDEX_REF, bank_hit
from gpseeker.server.db import async_url
from gpseeker.server.demo import synthetic_jobs, synthetic_profiles
from gpseeker.server.jobs import job_row
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings
from gpseeker.server.tables import (
    BlockedCompanyKey,
    BlockedCompanyRow,
    Employer,
    JobRow,
    OrganisationKey,
    OrganisationName,
    OrganisationRow,
    ProfileRow,
    ResumeDocument,
    User,
    VisibilityRow,
)

BULK_DOMAIN = "bulk.example"
CHUNK = 5000
JOB_SPREAD_DAYS = 60
PROFILE_SPREAD_DAYS = 180
COMPANY_WORDS = (
    "Sakura", "Fuji", "Kawasaki", "Minato", "Hikari", "Aozora", "Tsubasa", "Midori",
    "Yamato", "Kaze", "Hoshi", "Umi", "Nishi", "Higashi", "Kita", "Minami", "Asahi",
)  # fmt: skip
COMPANY_KINDS = (
    "Systems", "Trading", "Logistics", "Foods", "Academy", "Medical", "Hotels",
    "Engineering", "Translation", "Marketing", "Finance", "Works",
)  # fmt: skip


def company_name(index: int) -> str:
    word = COMPANY_WORDS[index % len(COMPANY_WORDS)]
    kind = COMPANY_KINDS[(index // len(COMPANY_WORDS)) % len(COMPANY_KINDS)]
    return f"{word} {kind} {index} K.K."


def candidate_rows(
    first_id: int, count: int, copies: int, seed: int, now: dt.datetime, password_hash: str
) -> dict[str, list[dict[str, Any]]]:
    """The rows of `count` searchable candidates with ids from `first_id`: `count //
    copies` distinct profiles, each used by `copies` accounts.

    Runs in a worker process. Masking a profile (the leak guard over every text
    field) costs ~4 ms, so 100k distinct ones would take minutes on two cores; the
    masked text never contains identity, so accounts that differ only in identity
    have the same text, and reusing the masked view is exact for them.
    """
    searchable = Visibility(resume="searchable")
    today = now.date()
    rows: dict[str, list[dict[str, Any]]] = {
        "users": [],
        "profiles": [],
        "visibility": [],
        "blocked": [],
        "block_keys": [],
        "documents": [],
    }
    distinct = max(1, count // copies)
    for template_index, template in enumerate(synthetic_profiles(distinct, seed=seed)):
        view = employer_view(template, searchable, "search", INDEX_REF, today=today)
        document = {
            "body": searchable_text(view),
            "hit": bank_hit(view).model_dump(mode="json", exclude={"candidate_ref"}),
        }
        for copy in range(copies):
            offset = copy * distinct + template_index
            if offset >= count:
                break
            user_id = first_id + offset
            # The generator numbers e-mails within one call and every chunk has its
            # own seed, so the account name is made unique here, as signup insists.
            email = f"c{user_id}@{BULK_DOMAIN}"
            profile = template.model_copy(
                update={"identity": template.identity.model_copy(update={"email": email})}
            )
            add_candidate(rows, user_id, email, profile, document, now, password_hash)
    return rows


def add_candidate(
    rows: dict[str, list[dict[str, Any]]],
    user_id: int,
    email: str,
    profile: Profile,
    document: dict[str, Any],
    now: dt.datetime,
    password_hash: str,
) -> None:
    created = now - dt.timedelta(minutes=(user_id * 7919) % (PROFILE_SPREAD_DAYS * 24 * 60))
    rows["users"].append(
        {
            "id": user_id,
            "email": email,
            "password_hash": password_hash,
            "role": "seeker",
            "display_name": profile.identity.full_name,
            "created_at": created,
            "ref_secret": secrets.token_hex(32),
        }
    )
    rows["profiles"].append(
        {
            "user_id": user_id,
            "data": profile.model_dump(mode="json"),
            "version": 2,
            "updated_at": created,
        }
    )
    rows["visibility"].append(
        {
            "user_id": user_id,
            "resume": "searchable",
            "searchable_until": None,
            "show_past_companies": False,
            "show_age": False,
            "show_gender": False,
            "show_nationality": False,
        }
    )
    company = profile.identity.current_company
    if company and (key := company_key(company)):
        # One block per candidate at most: its id can be the candidate's.
        rows["blocked"].append(
            {
                "id": user_id,
                "user_id": user_id,
                "ident": f"name:{key}",
                "name": company,
                "automatic": True,
                "dismissed": False,
            }
        )
        rows["block_keys"].extend(
            {"block_id": user_id, "key": spelling, "user_id": user_id}
            for spelling in company_keys(company)
        )
    rows["documents"].append({"candidate_id": user_id, **document, "updated_at": created})


def job_chunks(
    employer_ids: list[int], count: int, seed: int, now: dt.datetime
) -> Iterator[list[dict[str, Any]]]:
    columns = [column.key for column in JobRow.__table__.columns if column.key != "id"]
    drafts = synthetic_jobs(count, seed=seed)
    index = 0
    while batch := list(islice(drafts, CHUNK)):
        rows = []
        for draft in batch:
            posted = now - dt.timedelta(minutes=(index * 7919) % (JOB_SPREAD_DAYS * 24 * 60))
            row = job_row(employer_ids[index % len(employer_ids)], draft, posted)
            rows.append({key: getattr(row, key) for key in columns})
            index += 1
        yield rows


async def fill(
    url: str,
    *,
    jobs: int,
    candidates: int,
    copies: int,
    employers: int,
    seed: int,
    processes: int,
) -> dict[str, float]:
    """Fill `url`; returns seconds per phase."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    platform = Platform(url, ServerSettings())
    await platform.start()
    dialect = platform.engine.dialect.name
    now = platform.settings.now()
    password_hash = platform.passwords.unusable()
    async with platform.engine.begin() as connection:
        bulk = await connection.scalar(
            select(func.count()).select_from(User).where(User.email.like(f"%@{BULK_DOMAIN}"))
        )
        if bulk:
            raise SystemExit(f"{url} has {bulk} bulk accounts already: use a new database")
        first_id = (await connection.scalar(select(func.max(User.id))) or 0) + 1
        users = [
            {
                "id": first_id + number,
                "email": f"hr{number}@{BULK_DOMAIN}",
                "password_hash": password_hash,
                "role": "employer",
                "display_name": company_name(number),
                "created_at": now,
            }
            for number in range(employers)
        ]
        await connection.execute(insert(User), users)
        # Each bulk employer is an organisation of its own, verified.
        organisation_ids = []
        for user in users:
            name = str(user["display_name"])
            keys = sorted(company_keys(name))
            organisation_id = await connection.scalar(
                insert(OrganisationRow)
                .values(
                    legal_name=name,
                    status="verified",
                    match_keys=keys,
                    created_at=now,
                    verified_at=now,
                )
                .returning(OrganisationRow.id)
            )
            organisation_ids.append(organisation_id)
            await connection.execute(
                insert(OrganisationName).values(
                    organisation_id=organisation_id, name=name, kind="legal", key=company_key(name)
                )
            )
            if keys:
                await connection.execute(
                    insert(OrganisationKey),
                    [{"key": key, "organisation_id": organisation_id} for key in keys],
                )
        await connection.execute(
            insert(Employer),
            [
                {
                    "user_id": user["id"],
                    "organisation_id": organisation_id,
                    "org_role": "admin",
                    "approved": True,
                    "company_name": user["display_name"],
                    "typed_company_name": user["display_name"],
                    "normalized_name": normalize_company(str(user["display_name"])),
                    "about": "",
                    "created_at": now,
                }
                for user, organisation_id in zip(users, organisation_ids, strict=True)
            ],
        )
        employer_ids = list(
            await connection.scalars(
                select(Employer.id)
                .join(User, User.id == Employer.user_id)
                .where(User.email.like(f"%@{BULK_DOMAIN}"))
                .order_by(Employer.id)
            )
        )
        for chunk in job_chunks(employer_ids, jobs, seed, now):
            await connection.execute(insert(JobRow), chunk)
    timings["jobs"] = time.perf_counter() - started

    started = time.perf_counter()
    first_candidate = first_id + employers
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=processes) as pool:
        futures = [
            loop.run_in_executor(
                pool,
                candidate_rows,
                first_candidate + start,
                min(CHUNK, candidates - start),
                copies,
                seed * 100_003 + start,
                now,
                password_hash,
            )
            for start in range(0, candidates, CHUNK)
        ]
        # One transaction per chunk, inserted in id order as the chunks come back.
        for future in futures:
            rows = await future
            async with platform.engine.begin() as connection:
                await connection.execute(insert(User), rows["users"])
                await connection.execute(insert(ProfileRow), rows["profiles"])
                await connection.execute(insert(VisibilityRow), rows["visibility"])
                if rows["blocked"]:
                    await connection.execute(insert(BlockedCompanyRow), rows["blocked"])
                    await connection.execute(insert(BlockedCompanyKey), rows["block_keys"])
                await connection.execute(insert(ResumeDocument), rows["documents"])
    timings["candidates"] = time.perf_counter() - started

    started = time.perf_counter()
    async with platform.engine.begin() as connection:
        if dialect == "postgresql":
            # The explicit ids above did not advance the sequence: the next signup
            # would collide with a bulk account.
            for table in ("users", "company_blocks"):
                await connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
        await connection.execute(text("ANALYZE"))
    timings["analyze"] = time.perf_counter() - started
    await platform.aclose()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join((__doc__ or "").splitlines()[1:]),
    )
    parser.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="a SQLite file path or URL, or a PostgreSQL URL (…?schema=NAME)",
    )
    parser.add_argument("--jobs", type=int, default=10_000, help="jobs (default 10,000)")
    parser.add_argument(
        "--candidates", type=int, default=100_000, help="searchable candidates (default 100,000)"
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=10,
        help="accounts per distinct profile (default 10: 10,000 distinct at 100k; see "
        "candidate_rows for why this is exact)",
    )
    parser.add_argument(
        "--employers", type=int, default=50, help="employers owning the jobs (default 50)"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--processes",
        type=int,
        default=os.cpu_count() or 1,
        help="processes building candidate rows (default: one per core)",
    )
    args = parser.parse_args()
    url = async_url(args.db)
    started = time.perf_counter()
    timings = asyncio.run(
        fill(
            url,
            jobs=args.jobs,
            candidates=args.candidates,
            copies=args.copies,
            employers=args.employers,
            seed=args.seed,
            processes=args.processes,
        )
    )
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
    print(
        f"{args.jobs:,} jobs and {args.candidates:,} searchable candidates in "
        f"{time.perf_counter() - started:.1f} s ({phases})"
    )


if __name__ == "__main__":
    main()
