# Shared by the scripts: create .venv with Python 3.11+ and install requirements when they change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
REQUIREMENTS="${1:-requirements.txt}"

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating virtualenv in .venv"
  "$PYTHON" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate

stamp=".venv/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$(basename "$REQUIREMENTS")"
if [ ! -f "$stamp" ]; then
  echo "==> Installing $REQUIREMENTS"
  python -m pip install --quiet --upgrade pip
  python -m pip install --quiet -r "$REQUIREMENTS"
  touch "$stamp"
fi
