#!/usr/bin/env bash
# Upgrade check: build a database with an older commit's code (migrate, demo data, the corpus),
# migrate it with this tree's code and check that every page, region, topic, group, collection,
# workflow, image and user is still there (scripts/upgrade_snapshot.py), that `check` and
# `makemigrations --check` pass and that pages render.
#
# Usage: scripts/check_upgrade.sh [--sqlite | --postgres | --all] [--limit N] [BASE_COMMIT]
#   --sqlite    a temporary SQLite file (the default)
#   --postgres  a fresh database on postgres://postgres@127.0.0.1:5432 (scripts/services.sh)
#   --all       both, SQLite first
#   --limit N   differences shown per section (default 10)
#   BASE_COMMIT defaults to a19c918, the last commit before home/resources were split into
#               regions/builder.
# Leaves nothing behind: the worktree, database, media and any extra virtualenv are removed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE_COMMIT=a19c918
BACKENDS=(sqlite)
LIMIT=10
while [ $# -gt 0 ]; do
  case "$1" in
    --sqlite) BACKENDS=(sqlite) ;;
    --postgres) BACKENDS=(postgres) ;;
    --all) BACKENDS=(sqlite postgres) ;;
    --limit) LIMIT="$2"; shift ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option $1" >&2; exit 2 ;;
    *) BASE_COMMIT="$1" ;;
  esac
  shift
done

PG_HOST=127.0.0.1
PG_USER=postgres
TMP="$(mktemp -d "${TMPDIR:-/tmp}/kb-upgrade.XXXXXX")"
BASE_TREE="$TMP/base"
PG_DATABASES=()

cleanup() {
  local status=$?
  for db in "${PG_DATABASES[@]}"; do
    dropdb -h "$PG_HOST" -U "$PG_USER" --if-exists "$db" 2>/dev/null || true
  done
  if [ -d "$BASE_TREE" ]; then
    git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true
  fi
  rm -rf "$TMP"
  git -C "$ROOT" worktree prune 2>/dev/null || true
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f s", end - start }'; }
TIMINGS=()
# step LABEL command…: run a step, print and remember how long it took.
step() {
  local label="$1" start
  shift
  local status=0
  echo "==> $label"
  start="$(now)"
  "$@" || status=$?
  TIMINGS+=("$(printf '%-52s %s' "$label" "$(elapsed "$start")")")
  return "$status"
}
# in_base command…: run in the base commit's worktree, with its code on the import path.
in_base() { (cd "$BASE_TREE" && "$@"); }

# Neither the caller's database, cache nor search engine: only what this script sets up.
unset DATABASE_URL REDIS_URL ELASTICSEARCH_URL OPENSEARCH_URL STATIC_ROOT
export DJANGO_SETTINGS_MODULE="${UPGRADE_SETTINGS:-kompetansebroen.settings.dev}"
export PYTHONDONTWRITEBYTECODE=1

total_start="$(now)"
base_sha="$(git -C "$ROOT" rev-parse --verify "$BASE_COMMIT^{commit}")"
echo "==> Upgrade check: $BASE_COMMIT ($(git -C "$ROOT" log -1 --format='%h %s' "$base_sha"))"
echo "    to the working tree at $ROOT ($(git -C "$ROOT" log -1 --format=%h HEAD)$(
  git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ', with uncommitted changes'))"

# The current tree's virtualenv (scripts/_env.sh), reused as it is when already installed for
# the current requirements; the base commit gets its own one only if its requirements differ.
if ! compgen -G "$ROOT/.venv/.installed-$(cat "$ROOT"/requirements*.txt | sha256sum | cut -c1-16)-*" >/dev/null; then
  (source "$ROOT/scripts/_env.sh" requirements.txt)
fi
PY="$ROOT/.venv/bin/python"
step "git worktree add $BASE_COMMIT" git -C "$ROOT" worktree add --quiet --detach "$BASE_TREE" "$base_sha"
if cmp -s "$BASE_TREE/requirements.txt" "$ROOT/requirements.txt"; then
  BASE_PY="$PY"
else
  echo "    requirements.txt differs at $BASE_COMMIT: installing it into a temporary virtualenv"
  step "virtualenv for $BASE_COMMIT" sh -c \
    "'$PY' -m venv '$TMP/venv' && '$TMP/venv/bin/python' -m pip install --quiet -r '$BASE_TREE/requirements.txt'"
  BASE_PY="$TMP/venv/bin/python"
fi
for required in tests/data/corpus.json manage.py; do
  if [ ! -f "$BASE_TREE/$required" ]; then
    echo "$BASE_COMMIT has no $required: cannot build the old database" >&2
    exit 2
  fi
done

failures=()
check_backend() {
  local backend="$1" work="$TMP/$1" db_name status=0
  mkdir -p "$work"
  export MEDIA_ROOT="$work/media"
  if [ "$backend" = postgres ]; then
    if ! pg_isready -q -h "$PG_HOST"; then
      echo "PostgreSQL is not answering on $PG_HOST:5432 (start it with scripts/services.sh)" >&2
      failures+=("$backend: no PostgreSQL")
      return
    fi
    db_name="kb_upgrade_$$_$RANDOM"
    PG_DATABASES+=("$db_name")
    createdb -h "$PG_HOST" -U "$PG_USER" "$db_name"
    export DATABASE_URL="postgres://$PG_USER@$PG_HOST:5432/$db_name"
  else
    export DATABASE_URL="sqlite:///$work/db.sqlite3"
  fi
  echo
  echo "######## $backend: $DATABASE_URL"
  local snap="$ROOT/scripts/upgrade_snapshot.py" built=false
  step "$backend: migrate ($BASE_COMMIT)" in_base "$BASE_PY" manage.py migrate --noinput -v0 &&
    step "$backend: load_demo_data ($BASE_COMMIT)" in_base "$BASE_PY" manage.py load_demo_data &&
    in_base "$BASE_PY" "$snap" corpus home/fixtures/demo_corpus.json tests/data/corpus.json \
      "$work/corpus.json" &&
    step "$backend: import_corpus ($BASE_COMMIT)" \
      in_base "$BASE_PY" manage.py import_corpus -v0 "$work/corpus.json" &&
    step "$backend: snapshot ($BASE_COMMIT)" in_base "$BASE_PY" "$snap" snapshot "$work/before.json" &&
    built=true
  if [ "$built" != true ]; then
    failures+=("$backend: building the database at $BASE_COMMIT failed")
    return
  fi
  cd "$ROOT"
  step "$backend: migrate (current tree)" "$PY" manage.py migrate --noinput || {
    failures+=("$backend: migrate with the current code failed")
    return
  }
  step "$backend: snapshot (current tree)" "$PY" "$snap" snapshot "$work/after.json" || status=$?
  if [ "$status" -eq 0 ]; then
    step "$backend: compare" "$PY" "$snap" compare "$work/before.json" "$work/after.json" \
      --limit "$LIMIT" || failures+=("$backend: data lost or changed by the upgrade (see above)")
  else
    failures+=("$backend: snapshot with the current code failed")
  fi
  step "$backend: manage.py check" "$PY" manage.py check --fail-level WARNING ||
    failures+=("$backend: manage.py check")
  step "$backend: makemigrations --check" "$PY" manage.py makemigrations --check --dry-run ||
    failures+=("$backend: models and migrations disagree (makemigrations --check)")
  step "$backend: render pages (current tree)" "$PY" "$snap" smoke ||
    failures+=("$backend: pages do not render")
}

for backend in "${BACKENDS[@]}"; do
  check_backend "$backend"
done

echo
echo "==> Timings"
printf '    %s\n' "${TIMINGS[@]}"
printf '    %-52s %s\n' "total" "$(elapsed "$total_start")"
if [ "${#failures[@]}" -gt 0 ]; then
  echo "==> UPGRADE CHECK FAILED:"
  printf '    %s\n' "${failures[@]}"
  exit 1
fi
echo "==> Upgrade check passed on ${BACKENDS[*]}: $BASE_COMMIT -> current tree keeps everything."
