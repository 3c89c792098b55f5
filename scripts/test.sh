#!/usr/bin/env bash
# Lint, check and run the test suite (SQLite by default; DATABASE_URL=postgres://… for PostgreSQL).
# Usage: scripts/test.sh [pytest arguments]
# shellcheck source=scripts/_env.sh
source "$(dirname "$0")/_env.sh" requirements-dev.txt

export DJANGO_SETTINGS_MODULE=kompetansebroen.settings.test
# SKIP_LINT=1 leaves out ruff and lint-imports (they read only the code: .ci/run runs them once).
if [ "${SKIP_LINT:-0}" != "1" ]; then
  echo "==> ruff check / ruff format --check"
  ruff check .
  ruff format --check .
  echo "==> lint-imports (apps import only the floors below them: docs/architecture.md)"
  lint-imports --no-cache
fi
echo "==> manage.py check and missing migrations"
python manage.py check --fail-level WARNING
python manage.py makemigrations --check --dry-run
echo "==> Tests on ${DATABASE_URL:-SQLite}"
# One worker per CPU (pytest-xdist), a test file per worker so module-scoped content (the
# imported corpus, the demo site) is built once; PYTEST_WORKERS=0 runs in one process.
# The 15 slowest tests are listed at the end, for whoever next needs to shorten CI.
python -m pytest -n "${PYTEST_WORKERS:-auto}" --dist loadfile --durations=15 "$@"
