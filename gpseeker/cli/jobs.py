"""`gpseeker jobs ...`: search, read and save jobs, and keep searches for JobMail.

Every job text (title, company, description) came from an employer, so it is shown
only through `output` (which cleans it) and `--json` (which escapes it).
"""

from __future__ import annotations

import argparse
import re
import shlex
from collections.abc import Callable, Sequence

from gpseeker.cli import output
from gpseeker.cli.context import seeker_client, server_option
from gpseeker.cli.output import field, line, when
from gpseeker.cli.registry import Commands, Handler
from gpseeker.cli.views import job_fields, show_job
from gpseeker.core.models import (
    ENGLISH_LEVELS,
    JAPANESE_LEVELS,
    JOB_CATEGORIES,
    JOB_TYPES,
    REGIONS,
    REMOTE_POLICIES,
    JobPage,
    JobQuery,
    normalize_prefecture,
)

SORTS = ("relevance", "newest", "salary")
MAX_SALARY = 100_000_000  # JobQuery's own bound, checked here to say it in yen
MAX_LIMIT = 100

MIN_SALARY_HELP = (
    "only jobs paying at least this much a year, in yen: 4000000, 4,000,000, 4M, 4.5M, "
    "400k or 400万 (monthly and hourly pay is converted to a year before comparing)"
)


def register(commands: Commands) -> None:
    group = commands.add_parser(
        "jobs",
        help="search and read jobs, save jobs and searches",
        description="Search and read jobs in Japan, save jobs, and keep searches (saved "
        "searches feed JobMail).",
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    server = server_option()
    as_json = output.json_option()

    def add(
        name: str, summary: str, handler: Handler, parents: Sequence[argparse.ArgumentParser]
    ) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, parents=list(parents), help=summary, description=summary)
        parser.set_defaults(handler=handler)
        return parser

    search = add("search", "find open jobs by keyword and filters", _search, [server, as_json])
    search.add_argument(
        "query", metavar="QUERY", nargs="?", default="", help="keywords, e.g. 'python backend'"
    )
    add_filters(search)
    search.add_argument(
        "--limit",
        type=_bounded_int(1, MAX_LIMIT),
        default=20,
        metavar="N",
        help=f"jobs per page (default 20, at most {MAX_LIMIT})",
    )
    pages = search.add_mutually_exclusive_group()
    pages.add_argument("--next", metavar="CURSOR", help="the next page, as printed after a page")
    pages.add_argument(
        "--page-all", action="store_true", help="print every page, not just the first"
    )

    show = add("show", "print one job in full, description included", _show, [server, as_json])
    show.add_argument("id", type=job_id, metavar="ID", help="the job's number, as in 'Job 12'")

    save = add("save", "keep a job on your saved list", _save, [server])
    save.add_argument("id", type=job_id, metavar="ID", help="the job's number")
    unsave = add("unsave", "take a job off your saved list", _unsave, [server])
    unsave.add_argument("id", type=job_id, metavar="ID", help="the job's number")
    add("saved", "list your saved jobs", _saved, [server, as_json])

    add("searches", "list your saved searches", _searches, [server, as_json])
    keep = add(
        "save-search",
        "save a search under a name (JobMail sends its new jobs)",
        _save_search,
        [server],
    )
    keep.add_argument("name", metavar="NAME", help="what to call it, e.g. 'Tokyo backend'")
    keep.add_argument("query", metavar="QUERY", nargs="?", default="", help="keywords")
    add_filters(keep)
    forget = add("delete-search", "delete a saved search", _delete_search, [server])
    forget.add_argument("id", type=job_id, metavar="ID", help="the number from jobs searches")


# --- filters ----------------------------------------------------------------------------


def add_filters(parent: argparse.ArgumentParser) -> None:
    """The search filters, shared by `jobs search` and `jobs save-search`.

    Each value is checked as it is parsed, so an impossible one (a prefecture that
    does not exist) is a usage error naming the option and the reason, before any
    request is made.
    """
    parent.add_argument(
        "--prefecture",
        action="append",
        type=_prefecture,
        default=[],
        metavar="P",
        help="only jobs in this prefecture, e.g. Tokyo (repeat for several)",
    )
    parent.add_argument(
        "--region",
        action="append",
        type=_choice(tuple(REGIONS)),
        default=[],
        metavar="R",
        help=f"only jobs in this region (repeatable): {', '.join(REGIONS)}",
    )
    parent.add_argument(
        "--remote",
        action="append",
        type=_choice(REMOTE_POLICIES),
        default=[],
        metavar="HOW",
        help=f"{' | '.join(REMOTE_POLICIES)} (repeatable)",
    )
    parent.add_argument(
        "--type",
        dest="job_type",
        action="append",
        type=_choice(JOB_TYPES),
        default=[],
        metavar="TYPE",
        help=f"{', '.join(JOB_TYPES)} (repeatable)",
    )
    parent.add_argument(
        "--category",
        action="append",
        type=_choice(JOB_CATEGORIES),
        default=[],
        metavar="C",
        help=f"{', '.join(JOB_CATEGORIES)} (repeatable)",
    )
    parent.add_argument("--visa", action="store_true", help="only jobs that sponsor a visa")
    parent.add_argument(
        "--overseas", action="store_true", help="only jobs you can apply to from abroad"
    )
    parent.add_argument(
        "--jlpt",
        type=_choice(JAPANESE_LEVELS),
        metavar="LEVEL",
        help="only jobs requiring at most this Japanese level: "
        f"{', '.join(JAPANESE_LEVELS)} (--jlpt N3 also finds N4, N5 and none)",
    )
    parent.add_argument(
        "--english",
        type=_choice(ENGLISH_LEVELS),
        metavar="LEVEL",
        help=f"only jobs requiring at most this English level: {', '.join(ENGLISH_LEVELS)}",
    )
    parent.add_argument(
        "--min-salary", type=yen_amount, metavar="YEN", default=None, help=MIN_SALARY_HELP
    )
    parent.add_argument(
        "--posted-within",
        type=_bounded_int(1, 365),
        metavar="DAYS",
        help="only jobs posted in the last DAYS days (1 to 365)",
    )
    parent.add_argument(
        "--sort", choices=SORTS, default="relevance", help="relevance (default), newest or salary"
    )


def query_of(args: argparse.Namespace) -> JobQuery:
    return JobQuery(
        q=args.query,
        prefecture=args.prefecture,
        region=args.region,
        remote=args.remote,
        job_type=args.job_type,
        category=args.category,
        min_salary_jpy=args.min_salary,
        japanese_max=args.jlpt,
        english_max=args.english,
        # Unticked means "any", not "only jobs without": None leaves the filter off.
        visa_sponsorship=True if args.visa else None,
        apply_from_overseas=True if args.overseas else None,
        posted_within_days=args.posted_within,
        sort=args.sort,
    )


def command_line(query: JobQuery, *extra: str) -> str:
    """The `gpseeker jobs search ...` that runs `query` again: for "More:" lines and for
    showing a saved search in a form the user can copy, edit and run."""
    words = ["gpseeker", "jobs", "search"]
    if query.q:
        words.append(query.q)
    for option, values in (
        ("--prefecture", query.prefecture),
        ("--region", query.region),
        ("--remote", query.remote),
        ("--type", query.job_type),
        ("--category", query.category),
    ):
        for value in values:
            words += [option, str(value)]
    if query.visa_sponsorship:
        words.append("--visa")
    if query.apply_from_overseas:
        words.append("--overseas")
    for option, value in (
        ("--jlpt", query.japanese_max),
        ("--english", query.english_max),
        ("--min-salary", query.min_salary_jpy),
        ("--posted-within", query.posted_within_days),
    ):
        if value is not None:
            words += [option, str(value)]
    if query.sort != "relevance":
        words += ["--sort", query.sort]
    return shlex.join([*words, *extra])


def _prefecture(text: str) -> str:
    try:
        return normalize_prefecture(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def _choice(allowed: Sequence[str]) -> Callable[[str], str]:
    """A type for one word of a vocabulary, matched whatever its case ("n3", "tokyo").

    argparse's own `choices` would refuse "n3" for "N3"; people type both.
    """
    by_fold = {value.casefold(): value for value in allowed}

    def parse(text: str) -> str:
        folded = text.strip().casefold()
        # "full-time" for full_time; but "Kyushu-Okinawa" keeps its hyphen.
        found = by_fold.get(folded) or by_fold.get(folded.replace("-", "_"))
        if found is None:
            raise argparse.ArgumentTypeError(f"{text!r} is not one of: {', '.join(allowed)}")
        return found

    return parse


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high}")
        return value

    return parse


def job_id(text: str) -> int:
    """A job, application or saved-search number: a positive whole number."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number like 12")
    return int(text)


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([km万]?)", re.IGNORECASE)
_SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "万": 10_000}


def yen_amount(text: str) -> int:
    """A yearly salary in yen as people write it: 4000000, 4,000,000, ¥4M, 4.5m, 400k,
    400万 (man, ten thousand: how salaries are quoted in Japan)."""
    compact = text.strip().removeprefix("¥").replace(",", "").replace("_", "").strip()
    found = _AMOUNT.fullmatch(compact)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an amount of yen (write 4000000, 4M, 400k or 400万)"
        )
    number, suffix = found.groups()
    amount = round(float(number) * _SCALE[suffix.lower()])
    if amount > MAX_SALARY:
        raise argparse.ArgumentTypeError(f"{text!r} is more than ¥{MAX_SALARY:,} a year")
    return amount


# --- commands ---------------------------------------------------------------------------


async def _search(args: argparse.Namespace) -> int:
    query = query_of(args)
    async with await seeker_client(args) as client:
        page = await client.search_jobs(query, cursor=args.next, limit=args.limit)
        if args.page_all:
            items = list(page.items)
            while page.next_cursor:
                page = await client.search_jobs(query, cursor=page.next_cursor, limit=args.limit)
                items += page.items
            page = JobPage(items=items, next_cursor=None, total=page.total)
    return output.listing(
        page.items,
        job_fields,
        as_json=args.json,
        empty="No open job matches this search.",
        whole=page,
        footer=[_summary(page, query, args)],
    )


def _summary(page: JobPage, query: JobQuery, args: argparse.Namespace) -> str:
    """ "Showing 20 of 48 jobs. More: gpseeker jobs search ... --next CURSOR" """
    shown = len(page.items)
    noun = "job" if shown == 1 and page.total in (None, 1) else "jobs"
    # A later page does not know its offset; "more" keeps the count from misleading.
    more = " more" if args.next else ""
    text = (
        f"Showing {shown}{more} of {page.total} {noun}."
        if page.total is not None
        else (f"Showing {shown}{more} {noun}.")
    )
    if page.next_cursor:
        extra: list[str] = []
        if args.limit != 20:
            extra += ["--limit", str(args.limit)]
        server = getattr(args, "server", None)
        if server:
            extra += ["--server", server]
        text += f" More: {command_line(query, *extra, '--next', page.next_cursor)}"
    return text


async def _show(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        job = await client.get_job(args.id)
    if args.json:
        output.print_json(job)
    else:
        show_job(job)
    return 0


async def _save(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        await client.save_job(args.id)
    line(f"Saved job {args.id}. Your saved jobs: gpseeker jobs saved")
    return 0


async def _unsave(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        await client.unsave_job(args.id)
    line(f"Job {args.id} is no longer saved.")
    return 0


async def _saved(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        jobs = await client.saved_jobs()
    return output.listing(jobs, job_fields, as_json=args.json, empty="You have no saved jobs.")


async def _searches(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        searches = await client.saved_searches()
    return output.listing(
        searches,
        lambda search: [
            (f"Saved search {search.id}", search.name),
            ("Runs as", command_line(search.query)),
            ("Saved", when(search.created_at)),
        ],
        as_json=args.json,
        empty="You have no saved searches. Save one: gpseeker jobs save-search NAME [filters]",
    )


async def _save_search(args: argparse.Namespace) -> int:
    query = query_of(args)
    async with await seeker_client(args) as client:
        saved = await client.save_search(args.name, query)
    field(f"Saved search {saved.id}", saved.name)
    field("Runs as", command_line(saved.query))
    line("JobMail sends new jobs that match it, if you subscribed to JobMail.")
    return 0


async def _delete_search(args: argparse.Namespace) -> int:
    async with await seeker_client(args) as client:
        await client.delete_saved_search(args.id)
    line(f"Deleted saved search {args.id}.")
    return 0
