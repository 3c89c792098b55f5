#!/usr/bin/env python
"""Page benchmark: queries, time and throughput of every page type, rendered without a page
cache.

For each database (SQLite, PostgreSQL) it builds a fresh database, imports the sample corpus,
counts queries per page with Django's test client (the second request: warm caches), then
serves the same pages from a real gunicorn on loopback: the median time of one request after
another, and requests per second with --clients at once. With --compare it measures a second
checkout (e.g. /work/main) the same way, one after the other, and prints the two side by side:
compare a change with the commit before it in the same run, on the same machine. Figures
only, no pass/fail.

    python benchmarks/pages_bench.py [--database sqlite|postgres|both] [--compare PATH]
                                     [--clients 4] [--requests 200] [--sequential 30]
                                     [--workers 2] [--corpus FILE] [--postgres-url URL]
"""

import argparse
import concurrent.futures
import contextlib
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from pages_report import print_report  # beside this script (sys.path[0])
from search_words import corpus_words, url_source

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "tests" / "data" / "corpus.json"  # copy of ../shared/corpus/
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/kb_bench"
# (label, path or the page model whose first published page is measured).
PAGES = [
    ("front page", "/"),
    ("region page", "/ahus/"),
    ("course list", "/ahus/e-kurs/"),
    ("course page", "resources.CoursePage"),
    ("article page", "resources.ArticlePage"),
    ("theme page", "/fagtema/demens/"),
    ("podcast series", "resources.PodcastSeriesPage"),
    ("podcast episode", "resources.PodcastEpisodePage"),
    ("film page", "resources.FilmPage"),
    ("event list", "/kurs-og-moteplasser/"),
    ("event page", "resources.EventPage"),
    ("news list", "/aktuelt/"),
    ("project page", "projects.ProjectPage"),
    ("search page", "/sok/?q=demens"),
    ("search API", "/api/search/?q=demens"),
    # A word not searched before on every request (from the corpus's titles and summaries, in
    # the same order for every checkout): no kept match or result helps.
    ("search API, new words", "/api/search/?q={word}"),
]
# Engines and caches that would make the figures depend on this machine's services.
UNSET_VARIABLES = ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "REDIS_URL")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--compare", type=Path, help="another checkout to measure the same way (e.g. /work/main)"
    )
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (threads)")
    parser.add_argument("--requests", type=int, default=200, help="requests per page under load")
    parser.add_argument(
        "--sequential", type=int, default=30, help="requests per page one after another"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--measure-queries", type=Path, help=argparse.SUPPRESS)  # a checkout
    return parser.parse_args(argv)


# --- In a child process with the benchmark's environment: import and count queries. ---


def summarise(summary):
    """'created 230, updated 0, skipped 0' from an ImportSummary (or its repr if unknown)."""
    counts = getattr(summary, "counts", None)
    if not isinstance(counts, dict):
        return str(summary)
    totals = {}
    for per_type in counts.values():
        for key, value in per_type.items():
            totals[key] = totals.get(key, 0) + value
    return ", ".join(f"{key} {value}" for key, value in totals.items())


def measure_queries(checkout, corpus_path):
    """Import the corpus with ``checkout``'s code and count queries per page; prints one JSON
    line."""
    sys.path.insert(0, str(checkout))
    import django

    django.setup()
    from django.apps import apps
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from builder.importer import import_corpus, load_corpus_file

    data = load_corpus_file(corpus_path)
    started = time.perf_counter()
    summary = import_corpus(data, stdout=None, source_name=Path(corpus_path).name)
    import_seconds = time.perf_counter() - started

    client = Client()
    pages = []
    # Words for the query count only (the server's requests start from the first word again).
    words = reversed(corpus_words(corpus_path))
    for label, where in PAGES:
        path = where
        if not where.startswith("/"):
            page = apps.get_model(where).objects.live().order_by("pk").first()
            if page is None:
                continue
            path = page.url
        next_path = url_source(path, words)
        client.get(next_path())  # fills caches, as on a server that has been running a while
        with CaptureQueriesContext(connection) as queries:
            status = client.get(next_path()).status_code
        pages.append({"label": label, "path": path, "status": status, "queries": len(queries)})
    result = {
        "items": len(data.get("items", [])),
        "import_seconds": import_seconds,
        "import_summary": summarise(summary),
        "pages": pages,
    }
    print(json.dumps(result))


# --- In the parent: checkouts, databases, gunicorn and the load generator. ---


def describe(checkout):
    """'queries @ 1a2b3c4' for a git checkout (its directory name otherwise)."""
    try:
        branch, commit = (
            subprocess.run(
                ["git", "-C", str(checkout), "rev-parse", *args, "HEAD"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            for args in (["--abbrev-ref"], ["--short"])
        )
    except (OSError, subprocess.CalledProcessError):
        return checkout.name
    return f"{branch} @ {commit}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_environment(checkout, database_url, static_root, media_root):
    env = {key: value for key, value in os.environ.items() if key not in UNSET_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": secrets.token_urlsafe(48),
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "SECURE_SSL_REDIRECT": "false",
            # Production refuses to start without these; the benchmark sends no e-mail.
            "EMAIL_HOST": "127.0.0.1",
            "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
            # One client asks for the search page hundreds of times a minute here.
            "RATE_LIMIT_SEARCH": "0",
            "LOG_LEVEL": "WARNING",  # no line per request in the figures
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "PYTHONPATH": str(checkout),
        }
    )
    return env


def run(command, env, what, cwd):
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{what} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}")
    return result.stdout, time.perf_counter() - started


def _postgres_admin(url, statements):
    """Run ``statements`` (templates for the database name) from the postgres database."""
    import psycopg
    from psycopg import sql

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
        for statement in statements:
            conn.execute(sql.SQL(statement).format(sql.Identifier(name)))


DROP_DATABASE = "DROP DATABASE IF EXISTS {} WITH (FORCE)"


def recreate_postgres(url):
    """Drop and create the benchmark database; False (with a note) if PostgreSQL is away."""
    try:
        import psycopg
    except ImportError:
        print("PostgreSQL skipped: psycopg is not installed.")
        return False
    try:
        _postgres_admin(url, [DROP_DATABASE, "CREATE DATABASE {}"])
    except psycopg.OperationalError as error:
        print(f"PostgreSQL skipped: cannot reach {url} ({str(error).strip()})")
        return False
    return True


def drop_postgres(url):
    _postgres_admin(url, [DROP_DATABASE])


@contextlib.contextmanager
def gunicorn(checkout, env, workers, log_path):
    port = free_port()
    executable = Path(sys.executable).with_name("gunicorn")
    command = [
        str(executable) if executable.exists() else "gunicorn",
        "kompetansebroen.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        "warning",
    ]
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=checkout, env=env, stdout=log, stderr=log)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"gunicorn did not start:\n{Path(log_path).read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(base_url + "/", timeout=2) as response:
                    response.read()
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(url):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        status = 0
    return time.perf_counter() - started, status


def one_by_one(next_url, count):
    """Median ms of ``count`` requests sent one after another (after a few to warm up)."""
    for _ in range(5):
        fetch(next_url())
    return statistics.median(fetch(next_url())[0] * 1000 for _ in range(count))


def load(next_url, clients, requests):
    """(p50 ms, p95 ms, requests/s, errors) for ``requests`` GETs from ``clients`` threads."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(fetch, [next_url() for _ in range(max(10, 2 * clients))]))  # warm-up
        urls = [next_url() for _ in range(requests)]
        started = time.perf_counter()
        results = list(pool.map(fetch, urls))
        elapsed = time.perf_counter() - started
    latencies = sorted(latency * 1000 for latency, _ in results)
    cut_points = statistics.quantiles(latencies, n=100, method="inclusive")
    errors = sum(1 for _, status in results if status != 200)
    return statistics.median(latencies), cut_points[94], requests / elapsed, errors


def bench_database(checkout, name, database_url, args, workdir):
    print(f"\n== {describe(checkout)} ({checkout}), {name}: {database_url}", flush=True)
    tag = f"{name}-{len(list(workdir.glob(name + '-*')))}"  # one directory per measurement
    env = bench_environment(checkout, database_url, workdir / tag / "static", workdir / tag)
    _, seconds = run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        env,
        "collectstatic",
        checkout,
    )
    _, migrate_seconds = run(
        [sys.executable, "manage.py", "migrate", "--noinput"], env, "migrate", checkout
    )
    print(f"   collectstatic {seconds:.1f} s, migrate {migrate_seconds:.1f} s", flush=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--measure-queries", str(checkout)]
    output, _ = run(
        [*command, "--corpus", str(args.corpus)], env, "import and query count", checkout
    )
    measured = json.loads(output.strip().splitlines()[-1])
    print(
        f"   import: {measured['items']} items in {measured['import_seconds']:.1f} s "
        f"(pages: {measured['import_summary']})",
        flush=True,
    )
    rows = []
    words = corpus_words(args.corpus)
    with gunicorn(checkout, env, args.workers, workdir / f"gunicorn-{tag}.log") as base_url:
        for page in measured["pages"]:
            next_url = url_source(base_url + page["path"], words)
            median = one_by_one(next_url, args.sequential)
            p50, p95, rps, errors = load(next_url, args.clients, args.requests)
            rows.append(
                {**page, "median": median, "p50": p50, "p95": p95, "rps": rps, "errors": errors}
            )
            print(f"   {page['label']}: {median:.1f} ms, {rps:.0f} req/s", flush=True)
    return {
        "checkout": describe(checkout),
        "name": name,
        "migrate": migrate_seconds,
        "import": measured["import_seconds"],
        "items": measured["items"],
        "rows": rows,
    }


def main():
    args = parse_args()
    if args.measure_queries:
        measure_queries(args.measure_queries, args.corpus)
        return
    if not args.corpus.is_file():
        sys.exit(f"Corpus not found: {args.corpus} (use --corpus FILE)")
    args.corpus = args.corpus.resolve()
    checkouts = [REPO]
    if args.compare:
        if not (args.compare / "manage.py").is_file():
            sys.exit(f"Not a checkout of the project: {args.compare} (no manage.py)")
        checkouts = [args.compare.resolve(), REPO]  # the one before first, then this one
    results = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        workdir = Path(tmp)
        for checkout in checkouts:
            if args.database in ("sqlite", "both"):
                url = f"sqlite:///{workdir / f'bench-{len(results)}.sqlite3'}"
                results.append(bench_database(checkout, "sqlite", url, args, workdir))
            if args.database in ("postgres", "both") and recreate_postgres(args.postgres_url):
                try:
                    results.append(
                        bench_database(checkout, "postgres", args.postgres_url, args, workdir)
                    )
                finally:
                    drop_postgres(args.postgres_url)
    print_report(results, args)


if __name__ == "__main__":
    main()
