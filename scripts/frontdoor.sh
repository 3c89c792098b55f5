#!/usr/bin/env bash
# The front door: nginx in front of gunicorn, from deploy/ (docs/operations/front-door.md).
#
#   scripts/frontdoor.sh install      Debian's nginx, its cache-purge and brotli modules (if missing)
#   scripts/frontdoor.sh render DIR   write DIR/kompetansebroen.conf (the site, for nginx's http {}
#                                     block) and DIR/nginx.conf (a main config for `start`)
#   scripts/frontdoor.sh start DIR    render, check and start nginx as the current user, with its
#                                     pid, logs, cache and temporary files in DIR
#   scripts/frontdoor.sh stop DIR     stop the nginx started in DIR
#   scripts/frontdoor.sh gunicorn     run gunicorn with deploy/gunicorn.conf.py (foreground)
#
# Machine-specific values come from the environment (defaults suit a trial on this machine):
#   FRONTDOOR_LISTEN=127.0.0.1:8080        address visitors reach
#   FRONTDOOR_PURGE_LISTEN=127.0.0.1:8081  purge server (loopback only; PAGE_CACHE_PURGE_URL)
#   FRONTDOOR_UPSTREAM=127.0.0.1:8000      gunicorn: host:port or unix:/path/to/socket
#   FRONTDOOR_SERVER_NAME=_                the site's host name(s)
#   FRONTDOOR_CACHE_DIR=DIR/cache          page cache (a server: /var/cache/nginx/kompetansebroen)
#   FRONTDOOR_CACHE_MAX_SIZE=1g            FRONTDOOR_WORKERS=auto  FRONTDOOR_ACCESS_LOG=DIR/access.log
#   STATIC_ROOT, MEDIA_ROOT, MEDIA_ACCEL_REDIRECT_URL   as Django reads them (.env.example)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
MODULES_DIR="${FRONTDOOR_MODULES_DIR:-/usr/lib/nginx/modules}"
MIME_TYPES="${FRONTDOOR_MIME_TYPES:-/etc/nginx/mime.types}"
DEFAULT_ACCEL_URL="/_kb_protected/"

fail() { echo "frontdoor.sh: $*" >&2; exit 1; }

install() {
  local missing=()
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -f "$MODULES_DIR/ngx_http_cache_purge_module.so" ] || missing+=(libnginx-mod-http-cache-purge)
  [ -f "$MODULES_DIR/ngx_http_brotli_filter_module.so" ] || missing+=(libnginx-mod-http-brotli-filter)
  [ -f "$MODULES_DIR/ngx_http_brotli_static_module.so" ] || missing+=(libnginx-mod-http-brotli-static)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "==> Installing ${missing[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A value pasted into nginx's configuration: a path, an address or a name, nothing that could
# end a directive or open a block.
check_value() {
  local name="$1" value="$2"
  [[ "$value" =~ ^[A-Za-z0-9_.:/@*~+=-]+$|^\[[0-9a-fA-F:]+\]:[0-9]+$ ]] \
    || fail "$name has characters nginx's configuration cannot take here: '$value'"
}

nginx_binary() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } \
    || fail "nginx is not installed (scripts/frontdoor.sh install)"
}

render() {
  local dir="${1:?usage: frontdoor.sh render DIR}"
  mkdir -p "$dir/tmp" "$dir/cache"
  dir="$(cd "$dir" && pwd)"
  [ -f "$MODULES_DIR/ngx_http_cache_purge_module.so" ] \
    || fail "nginx's cache-purge module is missing (scripts/frontdoor.sh install)"

  local accel="${MEDIA_ACCEL_REDIRECT_URL:-$DEFAULT_ACCEL_URL}"
  [[ "$accel" == /*/ ]] || fail "MEDIA_ACCEL_REDIRECT_URL must start and end with /: '$accel'"
  local static_root="${STATIC_ROOT:-$REPO/static_collected}" media_root="${MEDIA_ROOT:-$REPO/media}"
  # name in the templates -> (environment variable, value)
  local -A values=() sources=(
    [LISTEN]=FRONTDOOR_LISTEN [PURGE_LISTEN]=FRONTDOOR_PURGE_LISTEN [UPSTREAM]=FRONTDOOR_UPSTREAM
    [SERVER_NAME]=FRONTDOOR_SERVER_NAME [CACHE_DIR]=FRONTDOOR_CACHE_DIR
    [CACHE_MAX_SIZE]=FRONTDOOR_CACHE_MAX_SIZE [STATIC_ROOT]=STATIC_ROOT [MEDIA_ROOT]=MEDIA_ROOT
    [ACCEL_URL]=MEDIA_ACCEL_REDIRECT_URL [PREFIX]=DIR [WORKER_PROCESSES]=FRONTDOOR_WORKERS
    [ACCESS_LOG]=FRONTDOOR_ACCESS_LOG [MIME_TYPES]=FRONTDOOR_MIME_TYPES
  )
  values=(
    [LISTEN]="${FRONTDOOR_LISTEN:-127.0.0.1:8080}"
    [PURGE_LISTEN]="${FRONTDOOR_PURGE_LISTEN:-127.0.0.1:8081}"
    [UPSTREAM]="${FRONTDOOR_UPSTREAM:-127.0.0.1:8000}"
    [SERVER_NAME]="${FRONTDOOR_SERVER_NAME:-_}"
    [CACHE_DIR]="${FRONTDOOR_CACHE_DIR:-$dir/cache}"
    [CACHE_MAX_SIZE]="${FRONTDOOR_CACHE_MAX_SIZE:-1g}"
    [STATIC_ROOT]="${static_root%/}"
    [MEDIA_ROOT]="${media_root%/}"
    [ACCEL_URL]="$accel"
    [PREFIX]="$dir"
    [WORKER_PROCESSES]="${FRONTDOOR_WORKERS:-auto}"
    [ACCESS_LOG]="${FRONTDOOR_ACCESS_LOG:-$dir/access.log}"
    [MIME_TYPES]="$MIME_TYPES"
  )
  local name
  for name in "${!values[@]}"; do
    check_value "${sources[$name]}" "${values[$name]}"
  done
  # Brotli when Debian's modules are there (a server loads them from modules-enabled/).
  values[BROTLI]="# brotli: libnginx-mod-http-brotli-filter is not installed"
  values[BROTLI_STATIC]="# brotli_static: libnginx-mod-http-brotli-static is not installed"
  local modules="load_module $MODULES_DIR/ngx_http_cache_purge_module.so;"
  if [ -f "$MODULES_DIR/ngx_http_brotli_filter_module.so" ]; then
    values[BROTLI]="brotli on; brotli_comp_level 5; brotli_types text/css text/plain text/xml text/vtt text/calendar application/javascript application/json application/xml application/rss+xml application/atom+xml image/svg+xml;"
    modules+=$'\n'"load_module $MODULES_DIR/ngx_http_brotli_filter_module.so;"
  fi
  if [ -f "$MODULES_DIR/ngx_http_brotli_static_module.so" ]; then
    values[BROTLI_STATIC]="brotli_static on;"
    modules+=$'\n'"load_module $MODULES_DIR/ngx_http_brotli_static_module.so;"
  fi
  values[LOAD_MODULES]="$modules"
  # As root (CI, containers) the workers would otherwise switch to "nobody" and could not use
  # DIR; as anyone else nginx runs as that user anyway.
  values[USER]="# user: nginx runs as whoever starts it"
  [ "$(id -u)" -eq 0 ] && values[USER]="user $(id -un) $(id -gn);"

  shopt -u patsub_replacement 2>/dev/null || true  # bash 5.2: "&" in a value stays "&"
  local template content
  for template in kompetansebroen.conf:kompetansebroen.conf standalone.conf:nginx.conf; do
    content="$(cat "$REPO/deploy/nginx/${template%%:*}")"
    for name in "${!values[@]}"; do
      content="${content//@$name@/${values[$name]}}"
    done
    if [[ "$content" =~ @[A-Z_]+@ ]]; then
      fail "deploy/nginx/${template%%:*}: no value for ${BASH_REMATCH[0]}"
    fi
    printf '%s\n' "$content" >"$dir/${template##*:}"
  done
  # A cache directory elsewhere (/var/cache/nginx/…) is created by nginx, owned by its workers.
}

start() {
  local dir="${1:?usage: frontdoor.sh start DIR}"
  render "$dir"
  dir="$(cd "$dir" && pwd)"
  local nginx
  nginx="$(nginx_binary)"
  "$nginx" -q -t -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" \
    || fail "nginx refused the configuration in $dir (see above)"
  "$nginx" -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" \
    || fail "nginx did not start (see $dir/error.log)"
  echo "nginx: http://${FRONTDOOR_LISTEN:-127.0.0.1:8080}/ -> ${FRONTDOOR_UPSTREAM:-127.0.0.1:8000} (pid $(cat "$dir/nginx.pid"), files in $dir)"
}

stop() {
  local dir="${1:?usage: frontdoor.sh stop DIR}"
  [ -f "$dir/nginx.pid" ] || fail "no nginx.pid in $dir: nothing started there"
  local pid
  pid="$(cat "$dir/nginx.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do
    # nginx removes its pid file as it exits (the process may linger unreaped a moment).
    [ -f "$dir/nginx.pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.05
  done
  fail "nginx (pid $pid) did not stop"
}

case "${1:-}" in
  install) install ;;
  render) render "${2:-}" ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  gunicorn)
    shift
    exec "$REPO/.venv/bin/gunicorn" -c "$REPO/deploy/gunicorn.conf.py" kompetansebroen.wsgi "$@"
    ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
