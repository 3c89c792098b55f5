#!/usr/bin/env bash
# Run the site with demo content on SQLite: http://127.0.0.1:8000 (admin at /admin/).
# Usage: scripts/run.sh [host:port]
# shellcheck source=scripts/_env.sh
source "$(dirname "$0")/_env.sh" requirements.txt

export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-kompetansebroen.settings.dev}"
echo "==> Migrating the database"
python manage.py migrate --noinput -v 0
echo "==> Loading demo content"
python manage.py load_demo_data
echo "==> Starting the scheduler (publishes scheduled pages every minute)"
scripts/scheduler.sh &
scheduler=$!
trap 'kill "$scheduler" 2>/dev/null' EXIT INT TERM
echo "==> Starting the site on http://${1:-127.0.0.1:8000}/"
python manage.py runserver "${1:-127.0.0.1:8000}"
