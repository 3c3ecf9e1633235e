"""A job search as pages: JobQuery filters, the three sort orders, and keyset cursors.

Portable SQLAlchemy only; the keyword matching comes from a `JobTextSearch`.

A cursor is opaque to clients (base64 of a small JSON object) and holds the sort key
and id of the last job on the page, plus the highest job id that existed when page
one was read. Pages continue strictly after that key, so a walk over all pages never
repeats or skips a job, and jobs posted during the walk wait for the next search
instead of shifting the pages under the reader.

One limit, in relevance order only: bm25 scores depend on the whole index (how many
jobs contain a word), so a job posted or edited mid-walk moves every score a little.
Jobs whose scores are that close to the page boundary may swap sides, showing one
twice or not at all; newest and salary order are exact.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, and_, func, literal, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.core.models import ENGLISH_LEVELS, JAPANESE_LEVELS, REGIONS, JobQuery
from gpseeker.server.errors import bad_cursor, invalid
from gpseeker.server.job_search import JobTextSearch, keywords
from gpseeker.server.jobs import YEARLY_FACTOR, open_condition
from gpseeker.server.tables import JobRow

TOTAL_CAP = 5_000
"""Counting every match costs a pass over them; past this many, `total` stays None
("more than 5,000"), and relevance ranking is given up for the same reason."""


MAX_INTEGER = 2**31 - 1
"""The largest id a cursor may carry: PostgreSQL keeps ids in 32-bit INTEGER columns
and fails to even bind a bigger number (SQLite's are 64-bit)."""
MAX_YEARLY_SALARY = 100_000_000 * max(YEARLY_FACTOR.values())
"""The largest yearly salary a job can have (an amount of at most ¥100,000,000, by the
hour): more than 32 bits, so a cursor's salary is compared as a BIGINT."""


@dataclass(frozen=True)
class Cursor:
    sort: str  # the order actually used: "relevance", "newest", "salary" or "recent"
    key: Any  # score (float), posted_at (ISO text), yearly salary (int | None), job id
    last_id: int
    max_id: int
    query: str  # fingerprint of the JobQuery the cursor belongs to


@dataclass(frozen=True)
class Found:
    job_ids: list[int]
    next_cursor: str | None
    total: int | None


def fingerprint(query: JobQuery) -> str:
    canonical = json.dumps(query.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps(
        {
            "s": cursor.sort,
            "k": cursor.key,
            "i": cursor.last_id,
            "m": cursor.max_id,
            "q": cursor.query,
        },
        separators=(",", ":"),
    )
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(text: str, query: JobQuery) -> Cursor:
    """The cursor in `text`, checked strictly; 400 `bad_cursor` for anything this server
    would not have handed out, 422 for a real cursor of another search."""
    cursor = _parse_cursor(text)
    if cursor is None:
        raise bad_cursor()
    if cursor.query != fingerprint(query):
        raise invalid("cursor", "belongs to another search; start again from the first page")
    return cursor


_BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")  # as encode_cursor writes it, or padded
_FIELDS = frozenset({"s", "k", "i", "m", "q"})
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


def _parse_cursor(text: str) -> Cursor | None:
    """A forged cursor is refused here, whole, instead of failing deep in a query:
    base64url of a JSON object with exactly the fields encode_cursor writes, each of
    the type it writes (a boolean is not a number), numbers in the stores' range."""
    if not _BASE64URL.fullmatch(text):
        return None
    text = text.rstrip("=")
    if len(text) % 4 == 1:
        return None
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        fields = json.loads(raw, parse_constant=_no_constant)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(fields, dict) or fields.keys() != _FIELDS:
        return None
    sort, key, last_id, max_id, query = (fields[name] for name in ("s", "k", "i", "m", "q"))
    if not (_an_id(last_id) and _an_id(max_id)):
        return None
    if not (isinstance(query, str) and _FINGERPRINT.fullmatch(query)):
        return None
    key = _checked_key(sort, key, last_id)
    if key is _REFUSED:
        return None
    return Cursor(sort=sort, key=key, last_id=last_id, max_id=max_id, query=query)


_REFUSED = object()


def _no_constant(name: str) -> None:
    """json.loads would take NaN and Infinity, which no sort key is."""
    raise ValueError(name)


def _an_id(value: object) -> bool:
    # `type(...) is int`: True and False are ints to Python, but not ids.
    return type(value) is int and 0 <= value <= MAX_INTEGER


def _checked_key(sort: object, key: object, last_id: int) -> Any:
    """The sort key as the query needs it, or _REFUSED if it is not one of `sort`."""
    if sort == "relevance":
        # A score; json.dumps writes a float as 0.0 or -1.5e-06, never as an int.
        if type(key) is float and math.isfinite(key):
            return key
    elif sort == "newest":
        return _posted_at_key(key)
    elif sort == "salary":
        if key is None or (type(key) is int and 0 <= key <= MAX_YEARLY_SALARY):
            return key
    elif sort == "recent" and type(key) is int and key == last_id:
        return key
    return _REFUSED


def _posted_at_key(key: object) -> Any:
    """A posting time as the cursor writes it: ISO 8601 with an offset, which the store
    can compare in UTC (a naive time or a year 1 pushed below it by its offset cannot)."""
    if not isinstance(key, str) or not key.isascii():
        return _REFUSED
    try:
        posted = dt.datetime.fromisoformat(key)
        if posted.tzinfo is None:
            return _REFUSED
        return posted.astimezone(dt.UTC).isoformat()
    except (ValueError, OverflowError):
        return _REFUSED


def filters(query: JobQuery, now: dt.datetime, today: dt.date) -> list[ColumnElement[bool]]:
    """Every filter of the query, to be ANDed; prefectures and regions add up (Tokyo or
    anywhere in Kansai)."""
    conditions: list[ColumnElement[bool]] = [open_condition(today)]
    prefectures = set(query.prefecture)
    for region in query.region:
        prefectures.update(REGIONS[region])
    if prefectures:
        conditions.append(JobRow.prefecture.in_(sorted(prefectures)))
    if query.remote:
        conditions.append(JobRow.remote.in_(query.remote))
    if query.job_type:
        conditions.append(JobRow.job_type.in_(query.job_type))
    if query.category:
        conditions.append(JobRow.category.in_(query.category))
    if query.min_salary_jpy is not None:
        # A job that states no salary cannot be shown to meet a minimum: left out.
        conditions.append(JobRow.salary_yearly_min_jpy >= query.min_salary_jpy)
    if query.japanese_max is not None:
        allowed = JAPANESE_LEVELS[: JAPANESE_LEVELS.index(query.japanese_max) + 1]
        conditions.append(JobRow.japanese_required.in_(allowed))
    if query.english_max is not None:
        allowed_en = ENGLISH_LEVELS[: ENGLISH_LEVELS.index(query.english_max) + 1]
        conditions.append(JobRow.english_required.in_(allowed_en))
    if query.visa_sponsorship is not None:
        conditions.append(JobRow.visa_sponsorship.is_(query.visa_sponsorship))
    if query.apply_from_overseas is not None:
        conditions.append(JobRow.apply_from_overseas.is_(query.apply_from_overseas))
    if query.posted_within_days is not None:
        conditions.append(JobRow.posted_at >= now - dt.timedelta(days=query.posted_within_days))
    return conditions


async def find_jobs(
    session: AsyncSession,
    text_search: JobTextSearch,
    query: JobQuery,
    *,
    cursor: str | None,
    limit: int,
    now: dt.datetime,
    today: dt.date,
) -> Found:
    words = keywords(query.q)
    # Relevance needs words to rank by; without any, the newest jobs come first.
    sort: str = "newest" if query.sort == "relevance" and not words else query.sort
    after = decode_cursor(cursor, query) if cursor else None
    if after is not None:
        # Page one may have given up ranking (see below); later pages keep its order.
        if after.sort != sort and not (sort == "relevance" and after.sort == "recent"):
            raise invalid("cursor", "belongs to another search; start again from the first page")
        sort = after.sort
    conditions = filters(query, now, today)

    def matching(ranked: bool) -> Select[Any]:
        base: Select[Any] = select(JobRow.id)
        if words:
            matches = text_search.matches(words, ranked=ranked)
            base = base.add_columns(matches.c.score, matches.c.job_id).join(
                matches, matches.c.job_id == JobRow.id
            )
        return base.where(*conditions)

    total = None
    if after is None:
        # The newest id comes with the count, read in the same statement: every job
        # that statement sees is at most that id, so the count needs no id bound.
        capped = matching(ranked=False).limit(TOTAL_CAP + 1).subquery()
        newest = select(func.max(JobRow.id)).scalar_subquery()
        count, newest_id = (
            await session.execute(select(func.count(), newest).select_from(capped))
        ).one()
        max_id = newest_id or 0
        total = count if count <= TOTAL_CAP else None
        # bm25 costs about 1.5 ms per thousand matches at 100k jobs, and a word
        # that thousands of jobs contain ranks them nearly alike anyway: past the
        # cap, the most recently posted matches come first, in the text index's
        # own order, which needs no sorting. More words or a filter bring the
        # ranking back, which is what typing on does.
        if sort == "relevance" and total is None:
            sort = "recent"
    else:
        max_id = after.max_id

    # `id + 0`: the bound is true of nearly every job, and written plainly SQLite
    # would pick the id index to enforce it, scanning all jobs in id order instead
    # of walking the index that serves the filters and the sort.
    statement = matching(ranked=sort == "relevance").where((JobRow.id + 0) <= max_id)
    page = statement.with_only_columns(JobRow.id, _sort_key(statement, sort))
    page = page.order_by(*_order(statement, sort))
    if after is not None:
        page = page.where(_after(statement, after))
    rows = (await session.execute(page.limit(limit + 1))).all()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last_id, last_key = rows[-1]
        if isinstance(last_key, dt.datetime):
            last_key = last_key.isoformat()
        next_cursor = encode_cursor(Cursor(sort, last_key, last_id, max_id, fingerprint(query)))
    return Found(job_ids=[row[0] for row in rows], next_cursor=next_cursor, total=total)


def _match_column(statement: Select[Any], name: str) -> Any:
    return statement.selected_columns[name]


def _sort_key(statement: Select[Any], sort: str) -> Any:
    if sort == "relevance":
        return _match_column(statement, "score")
    if sort == "recent":
        return _match_column(statement, "job_id")
    if sort == "salary":
        return JobRow.salary_yearly_min_jpy
    return JobRow.posted_at


def _order(statement: Select[Any], sort: str) -> list[Any]:
    """The order of a sort, ties broken by the newer job id, so it is total."""
    if sort == "relevance":
        return [_match_column(statement, "score"), JobRow.id.desc()]
    if sort == "recent":
        # The text index's own id (same as the job's) so the index serves the order.
        return [_match_column(statement, "job_id").desc()]
    if sort == "salary":
        return [JobRow.salary_yearly_min_jpy.desc().nulls_last(), JobRow.id.desc()]
    return [JobRow.posted_at.desc(), JobRow.id.desc()]


def _after(statement: Select[Any], after: Cursor) -> ColumnElement[bool]:
    """Jobs strictly after the cursor's job in its sort order."""
    if after.sort == "relevance":
        score = _match_column(statement, "score")
        return or_(score > after.key, and_(score == after.key, JobRow.id < after.last_id))
    if after.sort == "recent":
        return _match_column(statement, "job_id") < after.last_id  # type: ignore[no-any-return]
    if after.sort == "salary":
        return _after_salary(after)
    posted = dt.datetime.fromisoformat(after.key)
    return tuple_(JobRow.posted_at, JobRow.id) < tuple_(posted, after.last_id)


def _after_salary(after: Cursor) -> ColumnElement[bool]:
    """Jobs after the cursor in "highest salary first, unstated salaries last"."""
    salary = JobRow.salary_yearly_min_jpy
    if after.key is None:
        return and_(salary.is_(None), JobRow.id < after.last_id)
    key = literal(after.key, BigInteger)  # PostgreSQL would bind it as a 32-bit INTEGER
    return or_(
        salary < key,
        and_(salary == key, JobRow.id < after.last_id),
        salary.is_(None),
    )
