#!/usr/bin/env python
"""Load, soak and fault test of the front door (run by benchmarks/load.sh).

Builds a private PostgreSQL cluster and Redis on loopback, imports the sample corpus, starts
gunicorn (deploy/gunicorn.conf.py, production settings with a full safe environment) and
nginx (deploy/nginx), then:
- the table: wrk against each page type through nginx (cached) and straight to gunicorn
  (uncached), with requests/s, p50/p99 and the queries per page (Django's test client);
- --soak: mixed traffic at a fixed rate through nginx for ten minutes: errors and the
  gunicorn workers' memory growth (workers are not recycled during the soak);
- --faults: mixed traffic while Redis is stopped, then while PostgreSQL restarts: errors,
  straight to gunicorn and through nginx.
Loopback only; every service is stopped and removed at the end. Figures, no pass/fail.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from load_services import (
    REPO,
    PrivatePostgres,
    PrivateRedis,
    answers,
    free_port,
    front_door,
    gunicorn,
    run,
    worker_memory,
)
from load_wrk import HOST, cache_status, wrk

CORPUS = REPO / "tests" / "data" / "corpus.json"
ACCEL_URL = "/_kb_protected/"
PAGES = [  # (label, path); None: looked up after the import
    ("front page", "/"),
    ("region page", "/ahus/"),
    ("course list", "/ahus/e-kurs/"),
    ("course page", None),
    ("theme page", "/fagtema/demens/"),
    ("search page", "/sok/?q=demens"),
    ("search API", "/api/search/?q=demens"),
]
SEARCH_WORDS = ["demens", "legemidler", "barn", "kols", "diabetes", "smerte", "ernæring"]


def gunicorn_config(text):
    """ "sync:5" or "gthread:2:4" -> (workers, class, threads)."""
    parts = text.split(":")
    if (
        parts[0] not in ("sync", "gthread")
        or not all(p.isdigit() for p in parts[1:3])
        or len(parts) < 2
    ):
        raise argparse.ArgumentTypeError(
            f"expected sync:WORKERS or gthread:WORKERS:THREADS, got {text!r}"
        )
    return int(parts[1]), parts[0], int(parts[2]) if len(parts) > 2 else 1


def describe(config):
    if config is None:
        return "as in deploy/gunicorn.conf.py"
    workers, kind, threads = config
    return f"{kind} -w {workers}" + (f" --threads {threads}" if kind == "gthread" else "")


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--gunicorn",
        action="append",
        type=gunicorn_config,
        metavar="CLASS:WORKERS[:THREADS]",
        help="gunicorn's worker class and count (default: deploy/gunicorn.conf.py's); give it "
        "again to repeat the table with another (e.g. --gunicorn sync:5 --gunicorn gthread:2:4)",
    )
    parser.add_argument("--no-table", action="store_true", help="skip the per-page table")
    parser.add_argument("--soak", action="store_true", help="mixed traffic at --soak-rate")
    parser.add_argument("--soak-minutes", type=float, default=10)
    parser.add_argument("--soak-rate", type=int, default=200)
    parser.add_argument("--faults", action="store_true", help="stop Redis, restart PostgreSQL")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--count-queries", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.gunicorn = args.gunicorn or [None]  # None: deploy/gunicorn.conf.py as it is
    return args


# --- In a child process with the benchmark's environment -----------------------------------


def count_queries():
    """Queries per page with a warm cache, and the addresses the mixed traffic uses."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wagtail.models import Page

    from resources.models import CoursePage, ThemePage
    from resources.registry import section_index_models

    courses = [page.url for page in CoursePage.objects.live().order_by("pk")[:20]]
    client = Client(HTTP_HOST=HOST)
    pages = []
    for label, path in PAGES:
        path = path or courses[0]
        client.get(path)  # fills the caches, as on a server that has run a while
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        pages.append({"label": label, "path": path, "status": status, "queries": len(queries)})
    lists = Page.objects.live().type(*section_index_models()).order_by("path")[:30]
    listings = [page.url for page in lists]
    themes = [page.url for page in ThemePage.objects.live().order_by("path")]
    print(json.dumps({"pages": pages, "courses": courses, "listings": listings, "themes": themes}))


# --- The runs --------------------------------------------------------------------------------


def environment(workdir, postgres, redis, purge_port):
    secret = secrets.token_urlsafe(48)  # 64 characters
    env = {key: value for key, value in os.environ.items() if not key.endswith("SEARCH_URL")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "kompetansebroen.settings.production",
            "DATABASE_URL": postgres.url,
            "REDIS_URL": redis.url,
            "SECRET_KEY": secret,
            "DEBUG": "false",
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PAGE_CACHE_PURGE_URL": f"http://127.0.0.1:{purge_port}",
            "MEDIA_ACCEL_REDIRECT_URL": ACCEL_URL,
            "DATABASE_STATEMENT_TIMEOUT": "0",  # the import is one long transaction
            # Every request here comes from one address: the per-visitor limits (429 after 120
            # searches a minute) would measure the limiter, not the pages.
            "RATE_LIMIT_SEARCH": "0",
            "RATE_LIMIT_AUTOCOMPLETE": "0",
            "RATE_LIMIT_API": "0",
            "PYTHONPATH": str(REPO),
        }
    )
    return env


def static_css(workdir):
    manifest = json.loads((workdir / "static" / "staticfiles.json").read_text())["paths"]
    return "/static/" + next(hashed for name, hashed in manifest.items() if name.endswith(".css"))


def table(args, measured, door_url, app_url, css, static=True):
    rows = []
    for page in measured["pages"]:
        status = cache_status(door_url, page["path"])
        cached = wrk(door_url + page["path"], args.duration, args)
        uncached = wrk(app_url + page["path"], args.duration, args)
        rows.append((page, status, cached, uncached))
        print(f"   {page['label']}: {cached['rps']:.0f} / {uncached['rps']:.0f} req/s", flush=True)
    if static:
        css_page = {"label": "static CSS", "path": css, "queries": 0}
        door, app = (
            wrk(door_url + css, args.duration, args),
            wrk(app_url + css, args.duration, args),
        )
        rows.append((css_page, "-", door, app))
    header = (
        f"{'page':<12} {'path':<36} {'queries':>7} {'cache':>5} | {'nginx req/s':>11} "
        f"{'p50 ms':>7} {'p99 ms':>7} | {'gunicorn req/s':>14} {'p50 ms':>7} {'p99 ms':>7} | errors"
    )
    print("\n" + header + "\n" + "-" * len(header))
    for page, status, cached, uncached in rows:
        path = page["path"] if len(page["path"]) <= 36 else page["path"][:33] + "..."
        print(
            f"{page['label']:<12} {path:<36} {page['queries']:>7} {status:>5} | "
            f"{cached['rps']:>11.1f} {cached['p50']:>7.1f} {cached['p99']:>7.1f} | "
            f"{uncached['rps']:>14.1f} {uncached['p50']:>7.1f} {uncached['p99']:>7.1f} | "
            f"{cached['errors'] + uncached['errors']}"
        )
    if static:
        print("(static CSS: nginx from disk vs WhiteNoise in gunicorn)")


def mixed_paths(workdir, measured, css):
    """The soak's and fault run's traffic: mostly pages, lists' later pages (kept a minute),
    search suggestions, a few searches, a stylesheet."""
    lines = ["30 /", "10 /ahus/", "5 /innlandet/", "5 /oslo/"]
    lines += [f"2 {url}" for url in measured["courses"]]
    lines += [f"2 {url}" for url in measured["listings"]]
    lines += [f"1 {url}?page=2" for url in measured["listings"]]
    lines += [f"2 {url}" for url in measured["themes"][:10]]
    # Searches are never cached (each counts in the search statistics): about one in a hundred.
    lines += [f"1 /sok/?q={quote(word)}" for word in SEARCH_WORDS[:2]]
    lines += [f"1 /api/search/autocomplete/?q={quote(word[:3])}" for word in SEARCH_WORDS]
    lines += [f"5 {css}"]
    path = workdir / "mixed.txt"
    path.write_text("\n".join(lines) + "\n")
    return {"LOAD_PATHS_FILE": str(path)}


def checked_paths(mixed, app_url):
    """Leave out (and name) any address of the mix that does not answer 200."""
    path = Path(mixed["LOAD_PATHS_FILE"])
    kept = []
    for line in path.read_text().splitlines():
        if answers(app_url + line.split(" ", 1)[1]):
            kept.append(line)
        else:
            print(f"   left out of the mix (not 200): {line.split(' ', 1)[1]}")
    path.write_text("\n".join(kept) + "\n")


SOAK_CONNECTIONS = 32


def soak(args, mixed, door_url, master_pid):
    seconds, rate = int(args.soak_minutes * 60), args.soak_rate
    print(f"\n== Soak: {rate} req/s mixed traffic through nginx for {seconds} s", flush=True)
    # Warm-up at the nominal wait; then the wait is shortened by the time answers took, so
    # the rate is reached although a few answers (misses, searches) take a while.
    wait = SOAK_CONNECTIONS * 1000 / rate
    for _ in range(2):  # the first fills the cache, the second measures
        warm = wrk(door_url, 20, args, {**mixed, "LOAD_RATE": str(rate)}, SOAK_CONNECTIONS)
    answer_ms = SOAK_CONNECTIONS * 1000 / warm["rps"] - wait
    load = {**mixed, "LOAD_DELAY_MS": f"{max(wait - answer_ms, 0):.1f}"}
    before, samples = worker_memory(master_pid), []
    stop = threading.Event()

    def sample():
        while not stop.wait(30):
            samples.append(sum(worker_memory(master_pid).values()))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result = wrk(door_url, seconds, args, load, SOAK_CONNECTIONS)
    stop.set()
    after = worker_memory(master_pid)
    print(
        f"   {result['requests']} requests, {result['rps']:.1f} req/s reached, p50 "
        f"{result['p50']:.1f} ms, p99 {result['p99']:.1f} ms, errors {result['errors']} "
        f"({result.get('statuses', '')}{'; ' + result['socket'] if 'socket' in result else ''})"
    )
    for pid, start in sorted(before.items()):
        end = after.get(pid)
        growth = f"{(end - start) / start * 100:+.1f} %" if end else "recycled"
        print(f"   worker {pid}: {start:.0f} MiB -> {end or 0:.0f} MiB ({growth})")
    if samples:
        print("   all workers, every 30 s (MiB): " + ", ".join(f"{value:.0f}" for value in samples))


def faults(args, mixed, targets, redis, postgres):
    print("\n== Faults: mixed traffic while Redis is stopped, then while PostgreSQL restarts")
    for fault, action in (
        (
            "Redis stopped 8 s in, started 14 s later",
            lambda: (redis.stop(), time.sleep(14), redis.start()),
        ),
        ("PostgreSQL restarted 8 s in", postgres.restart),
    ):
        for target, url, rate in targets:
            wrk(url, 10, args, {**mixed, "LOAD_RATE": str(rate)}, connections=4)  # warm-up
            took = []

            def timed(action=action, took=took):
                started = time.perf_counter()
                action()
                took.append(time.perf_counter() - started)

            timer = threading.Timer(8, timed)
            timer.start()
            result = wrk(url, 30, args, {**mixed, "LOAD_RATE": str(rate)}, connections=4)
            timer.join()
            # The fault's own length: a request that arrives while the service is down fails
            # (the static 500 page); more errors than rate x this would be the fault's fault.
            print(
                f"   {fault} (for {took[0]:.1f} s), {target} at {rate} req/s: "
                f"{result['requests']} requests, errors {result['errors']} "
                f"({result.get('statuses', '')})",
                flush=True,
            )


def prepare(args, workdir, env):
    """Static files, schema and corpus; then the queries per page and the mixed traffic."""
    started = time.perf_counter()
    manage = [sys.executable, "manage.py"]
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env, "collectstatic")
    run([*manage, "migrate", "--noinput", "-v", "0"], env, "migrate")
    run([*manage, "import_corpus", "-v", "0", str(args.corpus)], env, "import_corpus")
    print(f"   collectstatic, migrate, import: {time.perf_counter() - started:.0f} s", flush=True)
    output = run([sys.executable, __file__, "--count-queries"], env, "query count")
    measured = json.loads(output.splitlines()[-1])
    css = static_css(workdir)
    return measured, css, mixed_paths(workdir, measured, css)


def runs(args, workdir, env, ports, services):
    measured, css, mixed = prepare(args, workdir, env)
    app_port, door_port, purge_port = ports
    app_url = f"http://127.0.0.1:{app_port}"
    upstream = f"127.0.0.1:{app_port}"
    with front_door(workdir / "nginx", door_port, purge_port, upstream, env) as door_url:
        for number, workers in enumerate(args.gunicorn if not args.no_table else []):
            with gunicorn(env, workdir / "gunicorn.log", app_port, workers, 5000):
                print(
                    f"\n== Pages, gunicorn {describe(workers)}: wrk -t{args.threads} "
                    f"-c{args.connections} -d{args.duration}s",
                    flush=True,
                )
                table(args, measured, door_url, app_url, css, static=number == 0)
        if args.faults or args.soak:
            with gunicorn(env, workdir / "gunicorn.log", app_port, args.gunicorn[0], 5000):
                checked_paths(mixed, app_url)
                if args.faults:
                    targets = [
                        ("straight to gunicorn", app_url, 15),
                        ("through nginx", door_url, 100),
                    ]
                    faults(args, mixed, targets, *services)
        if args.soak:
            # Workers are not recycled here, so their growth shows.
            with gunicorn(
                env, workdir / "gunicorn-soak.log", app_port, args.gunicorn[0], 0
            ) as started:
                soak(args, mixed, door_url, started[0].pid)


def main():
    args = parse_args()
    if args.count_queries:
        count_queries()
        return
    workdir = Path(tempfile.mkdtemp(prefix="kb-load-"))
    redis, postgres = PrivateRedis(), PrivatePostgres()
    ports = (free_port(), free_port(), free_port())
    print(f"== Setting up in {workdir} (PostgreSQL :{postgres.port}, Redis :{redis.port})")
    try:
        postgres.start()
        redis.start()
        runs(
            args, workdir, environment(workdir, postgres, redis, ports[2]), ports, (redis, postgres)
        )
    finally:
        redis.stop()
        postgres.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\nPython {platform.python_version()}, {os.cpu_count()} CPUs shared with wrk, nginx, "
        f"PostgreSQL and Redis (load average at the end {load})"
    )


if __name__ == "__main__":
    main()
