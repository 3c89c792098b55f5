#!/usr/bin/env bash
# Install (from Debian's packages, when missing), configure and start the local PostgreSQL and
# Redis on 127.0.0.1, then wait until both answer. Idempotent: safe to run again at any time.
# Called by .ci/run; usable by hand (as root, or with sudo) for a PostgreSQL/Redis development set-up.
# Usage: scripts/services.sh
set -euo pipefail

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
apt_updated=""

apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  echo "==> Installing $* from Debian's packages"
  $SUDO apt-get install -y -qq "$@" >/dev/null
}

fail() { echo "services.sh: $*" >&2; exit 1; }

# --- PostgreSQL ----------------------------------------------------------------------------
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt_install postgresql
fi
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if [ ! -d "/etc/postgresql/$version/main" ]; then
  echo "==> Creating the PostgreSQL $version cluster"
  $SUDO pg_createcluster "$version" main >/dev/null
fi
hba="/etc/postgresql/$version/main/pg_hba.conf"
# Local trust for loopback TCP only: the tests connect as postgres@127.0.0.1 without a password.
if ! $SUDO grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
  echo "==> Allowing trusted connections from 127.0.0.1 and ::1"
  $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  reload=1
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "==> Starting PostgreSQL $version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
elif [ -n "${reload:-}" ]; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload
fi

# --- Redis ---------------------------------------------------------------------------------
if ! command -v redis-server >/dev/null; then
  apt_install redis-server
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  echo "==> Starting Redis"
  # Nothing on disk: the cache is disposable.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /tmp --logfile /tmp/kompetansebroen-redis.log
fi

# --- Wait for both -------------------------------------------------------------------------
for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p 5432 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL did not answer on 127.0.0.1:5432 within 60 s"
redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || fail "Redis did not answer on 127.0.0.1:6379 within 60 s"
psql -h 127.0.0.1 -U postgres -tAc 'SELECT 1' >/dev/null || fail "cannot log in to PostgreSQL as postgres@127.0.0.1"
echo "==> PostgreSQL $version and Redis are running on 127.0.0.1"
