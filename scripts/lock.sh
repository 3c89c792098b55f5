#!/usr/bin/env bash
# Pin every runtime dependency, transitive ones included: a clean virtualenv installs
# requirements.txt and `pip freeze` writes requirements.lock. Run it after changing
# requirements.txt and commit both. Install with the lock as constraints:
#   pip install -r requirements.txt -c requirements.lock
# scripts/audit.sh checks the lock for known vulnerabilities (and that it matches).
# Usage: scripts/lock.sh   (PYTHON=python3.11 to choose the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/kb-lock.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

echo "==> Installing requirements.txt into a clean virtualenv"
"$PYTHON" -m venv "$TMP/venv"
"$TMP/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
{
  echo "# Every runtime dependency, pinned (scripts/lock.sh from requirements.txt; do not edit)."
  echo "# Made with $("$TMP/venv/bin/python" --version) on $(uname -s) $(uname -m)."
  "$TMP/venv/bin/python" -m pip freeze --disable-pip-version-check
} > requirements.lock
echo "==> Wrote requirements.lock ($(grep -vc '^#' requirements.lock) packages)"
