#!/usr/bin/env bash
# CI: the search tests and the relevance evaluation on a real OpenSearch node (2.19.6, started by
# scripts/opensearch.sh from Maven Central's jars), as .ci/run does them on PostgreSQL.
#
# 1. start the node (stopped again on exit, if this script started it);
# 2. tests/search with OPENSEARCH_URL set: the live tests (tests/search/test_engines_live.py)
#    must run; with CI=true a skipped live test fails the script;
# 3. the relevance figures tests/search/test_relevance.py wrote: it evaluates our judgments over
#    the sample corpus on the node and fails below PostgreSQL's floor (0.75).
#
# Usage: scripts/ci_opensearch.sh [pytest arguments for step 2]
# Environment: OPENSEARCH_NODE_VERSION (2.19.6; 3.3.0 also runs, on Java 21+), OPENSEARCH_PORT
# (9200), PYTEST_WORKERS (0: one process).
# shellcheck source=scripts/_env.sh
source "$(dirname "$0")/_env.sh" requirements-dev.txt

export CI="${CI:-true}"
port="${OPENSEARCH_PORT:-9200}"

if scripts/opensearch.sh status >/dev/null 2>&1; then
  echo "==> Using the OpenSearch node already running on 127.0.0.1:$port"
else
  scripts/opensearch.sh start
  trap 'scripts/opensearch.sh stop' EXIT
fi

export OPENSEARCH_URL="http://127.0.0.1:$port"
node_version="${OPENSEARCH_NODE_VERSION:-2.19.6}"
export OPENSEARCH_VERSION="${node_version%%.*}"  # the backend for that major version
export DJANGO_SETTINGS_MODULE=kompetansebroen.settings.test
unset ELASTICSEARCH_URL

echo "==> tests/search on OpenSearch ($OPENSEARCH_URL)"
log="$(mktemp)"
rm -f var/relevance/opensearch.txt
status=0
python -m pytest tests/search -n "${PYTEST_WORKERS:-0}" --dist loadfile -rs "$@" 2>&1 | tee "$log" ||
  status=$?
if [ "$status" -ne 0 ]; then
  echo "ci_opensearch.sh: tests/search failed on OpenSearch" >&2
  exit "$status"
fi
if grep -q "SKIPPED.*test_engines_live" "$log"; then
  if [ "$CI" = "true" ]; then
    echo "ci_opensearch.sh: live OpenSearch tests were skipped (CI=true): they must run here" >&2
    exit 1
  fi
  echo "ci_opensearch.sh: warning: live OpenSearch tests were skipped" >&2
fi
rm -f "$log"

echo "==> Search relevance on OpenSearch $node_version (from tests/search/test_relevance.py)"
cat var/relevance/opensearch.txt
