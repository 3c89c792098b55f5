#!/usr/bin/env bash
# Publish and unpublish scheduled pages once a minute (go-live and expiry dates), and delete
# newsletter data nobody needs (unconfirmed subscriptions past NEWSLETTER_PENDING_DAYS,
# unsubscribed addresses). scripts/run.sh starts it for a trial; in production use cron or a
# systemd timer instead:
#   * * * * *  cd /srv/kompetansebroen && .venv/bin/python manage.py publish_scheduled
#   17 * * * * cd /srv/kompetansebroen && .venv/bin/python manage.py purge_newsletter_data
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
. .venv/bin/activate
while true; do
  python manage.py publish_scheduled >/dev/null || echo "publish_scheduled failed" >&2
  python manage.py purge_newsletter_data >/dev/null || echo "purge_newsletter_data failed" >&2
  sleep "${SCHEDULER_INTERVAL:-60}"
done
