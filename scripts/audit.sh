#!/usr/bin/env bash
# Known vulnerabilities in the pinned runtime dependencies (requirements.lock) with pip-audit.
# Fails when the lock does not match requirements.txt (run scripts/lock.sh), when a dependency
# has a known vulnerability, and when any dependency could not be checked (--strict: an advisory
# service that cannot be reached is a failure, never a clean report).
# Usage: scripts/audit.sh [pip-audit arguments, e.g. -s osv to ask OSV instead of PyPI]
# shellcheck source=scripts/_env.sh
source "$(dirname "$0")/_env.sh" requirements-dev.txt
set -euo pipefail

echo "==> requirements.lock pins what requirements.txt asks for"
python - <<'PYTHON'
import re
import sys
from pathlib import Path


def pins(path):
    """{normalised name: version} of the name==version lines of a requirements file."""
    found = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


wanted, locked = pins("requirements.txt"), pins("requirements.lock")
stale = [
    f"{name}=={version} (lock: {locked.get(name, 'missing')})"
    for name, version in wanted.items()
    if locked.get(name) != version
]
if stale:
    sys.exit("requirements.lock is out of date, run scripts/lock.sh: " + ", ".join(stale))
print(f"{len(locked)} pinned packages")
PYTHON

echo "==> pip-audit"
pip-audit --strict --no-deps --disable-pip --progress-spinner off -r requirements.lock "$@"
