#!/usr/bin/env bash
# Publish and unpublish scheduled pages and send queued newsletters once a minute; every five
# minutes move the usage counts from Redis into the database; once an hour delete personal data
# past its time (registrations after their event, unconfirmed newsletter subscriptions,
# unsubscribed addresses, the search log's old days) and the 404 log's old days, and send
# tomorrow's event reminders.
# scripts/run.sh starts it for a trial; in production use cron or a systemd timer instead, with
# the production environment loaded from .env (manage.py defaults to production settings, which
# refuse to start without it; docs/operations/security.md):
#   * * * * *  cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py publish_scheduled
#   * * * * *  cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py send_newsletter --queued
#   */5 * * * * cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py flush_usage
#   17 * * * * cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py purge_newsletter_data
#   0 3 * * *  cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py purge_registrations
#   10 3 * * * cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py purge_search_log
#   20 3 * * * cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py purge_not_found_log
#   0 16 * * * cd /srv/kompetansebroen && set -a && . ./.env && .venv/bin/python manage.py send_event_reminders
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
. .venv/bin/activate
minutes=0
while true; do
  python manage.py publish_scheduled >/dev/null || echo "publish_scheduled failed" >&2
  python manage.py send_newsletter --queued >/dev/null || echo "send_newsletter failed" >&2
  if [ $((minutes % 5)) -eq 0 ]; then
    python manage.py flush_usage >/dev/null || echo "flush_usage failed" >&2
  fi
  if [ $((minutes % 60)) -eq 0 ]; then
    python manage.py purge_newsletter_data >/dev/null || echo "purge_newsletter_data failed" >&2
    python manage.py purge_registrations >/dev/null || echo "purge_registrations failed" >&2
    python manage.py purge_search_log >/dev/null || echo "purge_search_log failed" >&2
    python manage.py purge_not_found_log >/dev/null || echo "purge_not_found_log failed" >&2
    python manage.py send_event_reminders >/dev/null || echo "send_event_reminders failed" >&2
  fi
  minutes=$((minutes + 1))
  sleep "${SCHEDULER_INTERVAL:-60}"
done
