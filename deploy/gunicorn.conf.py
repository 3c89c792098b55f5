"""gunicorn behind the front door (deploy/nginx): `gunicorn -c deploy/gunicorn.conf.py
kompetansebroen.wsgi` (scripts/frontdoor.sh gunicorn). Why these values:
docs/operations/front-door.md, "Workers".

- nginx reads each request body whole before passing it on and takes each answer whole into
  its buffers, and files go out through X-Accel-Redirect, so a worker is busy only while
  Django makes a page: slow phones and podcast downloads never hold one.
- One process per core (Python runs one thread at a time per process) with 4 threads each
  (gthread): while one thread waits on PostgreSQL, Redis or the search engine, another
  renders. Measured against sync workers (2 x cores + 1) in one run of benchmarks/load.sh:
  faster on every uncached page type, with less than half the memory.
- Recycled after a few thousand requests (with jitter, so not all at once) as a guard against
  slow memory growth; the soak test (benchmarks/load.sh --soak) measures growth without it.

Every value can be changed from the environment (GUNICORN_*), e.g. for the benchmarks.
"""

import multiprocessing
import os


def _whole(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit():
        raise SystemExit(f"{name} must be a whole number, got {value!r}.")
    return int(value)


# A unix socket beside nginx on one machine (FRONTDOOR_UPSTREAM=unix:/run/kompetansebroen/
# gunicorn.sock), or host:port; never a public address (nginx is the front door).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = _whole("GUNICORN_WORKERS", multiprocessing.cpu_count())
threads = _whole("GUNICORN_THREADS", 4)
# A request that takes longer is ended and logged (nginx waits a little longer: 40 s). Each
# thread keeps its own database connection: workers x threads connections (8 on two cores).
timeout = _whole("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 5
max_requests = _whole("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10
# The app is loaded once, before the workers fork: they share its memory pages and a recycled
# worker starts at once. No database connection is opened at import.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes", "on"}
# The workers' heartbeat files on tmpfs: a busy disk cannot make gunicorn kill healthy workers.
# (gunicorn creates them with mkstemp: private, randomly named.)
SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = SHARED_MEMORY if os.path.isdir(SHARED_MEMORY) else None
# nginx logs each request; gunicorn logs errors and worker restarts, to stderr (journald).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Only nginx on this machine may say which client and scheme a request came from.
forwarded_allow_ips = "127.0.0.1,::1"
proc_name = "kompetansebroen"
