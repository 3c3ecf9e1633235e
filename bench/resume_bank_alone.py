"""One employer alone searching the resume bank: the latency of the search itself,
without the queueing of a load test. For the goal "resume-bank search p95 under
20 ms at 100k profiles on PostgreSQL" (docs/benchmarks.md, Load).

    # a platform filled by bench/load_data.py, served on its own
    .venv/bin/gpseeker serve --port 8766 --mail-every 0 --no-email-verification \\
        --db 'postgresql://postgres@127.0.0.1:5432/test?schema=gpseeker_bench'
    .venv/bin/python bench/resume_bank_alone.py --url http://127.0.0.1:8766

Signs up one employer, runs one warm-up round over the words, then --rounds rounds
over them on one keep-alive connection, and prints p50/p95/p99 in ms, overall and
per query. Loopback only; bounded by --rounds.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import time

import httpx

# The queries of bench/load.py's employers: common, rare, two words, none (newest).
WORDS = (
    "teaching",
    "customer service",
    "sales",
    "kaiseki",
    "python",
    "aegisub",
    "spectroscopy",
    "python aws",
    "erlang",
    "",
)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return statistics.median(samples), cuts[94], cuts[98]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8766", help="a running gpseeker serve")
    parser.add_argument("--rounds", type=int, default=30, help="rounds over the words (30)")
    args = parser.parse_args()
    with httpx.Client(base_url=args.url, timeout=30) as http:
        # The server makes accounts without a mailed code (serve --no-email-verification).
        account = {
            "email": f"bench-{secrets.token_hex(4)}@employer.example",
            "password": secrets.token_urlsafe(16),
        }
        signup = http.post(
            "/api/v1/auth/signup",
            json={**account, "role": "employer", "company_name": "Bench Search KK"},
        )
        signup.raise_for_status()
        login = http.post("/api/v1/auth/login", json=account)
        login.raise_for_status()
        http.headers["Authorization"] = f"Bearer {login.json()['token']}"
        for word in WORDS:  # warm-up: plans, caches, the connection
            http.get("/api/v1/employer/resume-bank", params={"q": word}).raise_for_status()
        by_word: dict[str, list[float]] = {word: [] for word in WORDS}
        for _ in range(args.rounds):
            for word in WORDS:
                started = time.perf_counter()
                http.get("/api/v1/employer/resume-bank", params={"q": word}).raise_for_status()
                by_word[word].append((time.perf_counter() - started) * 1000)
    every = [sample for samples in by_word.values() for sample in samples]
    p50, p95, p99 = percentiles(every)
    print(f"{len(every)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")
    for word, samples in by_word.items():
        p50, p95, _ = percentiles(samples)
        print(f"  {word or '(newest first)':<18} p50 {p50:6.1f}  p95 {p95:6.1f}")


if __name__ == "__main__":
    main()
