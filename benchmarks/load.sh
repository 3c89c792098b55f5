#!/usr/bin/env bash
# Load, soak and fault test of the front door: nginx (deploy/nginx) + gunicorn
# (deploy/gunicorn.conf.py) on loopback, with the sample corpus in a private PostgreSQL and a
# private Redis (benchmarks/load_bench.py; docs/operations/front-door.md has figures).
#
#   benchmarks/load.sh                  per-page table: wrk -t2 -c8 -d10s, cached and uncached
#   benchmarks/load.sh --soak           + 10 minutes at 200 req/s mixed traffic: errors, memory
#   benchmarks/load.sh --faults         + Redis stopped, PostgreSQL restarted under load
#   benchmarks/load.sh --no-table --soak --soak-minutes 2     (see --help for the rest)
#
# Needs wrk, nginx with its cache-purge module (scripts/frontdoor.sh install), PostgreSQL's
# server binaries and redis-server (scripts/services.sh). Takes about 10 minutes for the table
# on two cores (mostly the corpus import), plus the soak's 10 and the faults' 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x .venv/bin/python ] || { echo "load.sh: no .venv (scripts/run.sh creates it)" >&2; exit 1; }
exec .venv/bin/python -u benchmarks/load_bench.py "$@"
