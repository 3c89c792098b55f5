#!/usr/bin/env bash
# A single-node OpenSearch on 127.0.0.1 for the search tests, from Maven Central's jars only.
#
# Usage: scripts/opensearch.sh start|stop|status
#
# start   fetches the server and its modules with Maven (opensearch/pom.xml; ~/.m2 is the download
#         cache), lays out a home folder as the distribution has it under
#         .cache/opensearch/<version>/home (lib/, modules/<name>/ with a plugin-descriptor.properties,
#         config/opensearch.yml, jvm.options, log4j2.properties), starts the node in the background,
#         waits until the cluster health is at least yellow and writes a PID file. Already running:
#         says so and exits 0.
# stop    stops the node by its PID file (SIGTERM, then SIGKILL after 30 s). Not running: exits 0.
# status  says whether it runs, and prints the cluster health.
#
# Environment:
#   OPENSEARCH_NODE_VERSION  server version to fetch (default 2.19.6, the newest 2.x that Maven
#                            Central serves here; 2.x runs on the machine's Java 17). 3.x (tried:
#                            3.3.0) needs Java 21+: taken from JAVA_HOME, else the machines'
#                            /usr/lib/jvm/temurin-25-jdk-amd64
#   OPENSEARCH_PORT          HTTP port (default 9200; transport takes 9300-9399)
#   OPENSEARCH_HEAP          heap for -Xms/-Xmx as "MIN MAX" (default "512m 1g")
#   OPENSEARCH_START_TIMEOUT seconds to wait for the node (default 180)
#   JAVA_HOME                Java to run it with (default: java on PATH, see above for 3.x)
#
# Health: a fresh single node with no index is green. Yellow is accepted too: on one node a
# replica can never be allocated, so any index created with the default one replica leaves the
# cluster yellow for good, though every primary shard, and so every search, works.
# The security plugin is not installed: the node answers plain HTTP without authentication, and
# only on 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

VERSION="${OPENSEARCH_NODE_VERSION:-2.19.6}"
PORT="${OPENSEARCH_PORT:-9200}"
read -r HEAP_MIN HEAP_MAX <<<"${OPENSEARCH_HEAP:-512m 1g}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-180}"
CACHE="$ROOT/.cache/opensearch"
BASE="$CACHE/$VERSION"
HOME_DIR="$BASE/home"
PID_FILE="$CACHE/opensearch.pid"
LOG_FILE="$BASE/logs/opensearch.log"
URL="http://127.0.0.1:$PORT"
MAIN_CLASS="org.opensearch.bootstrap.OpenSearch"
MAJOR="${VERSION%%.*}"
JAVA_FOR_3=/usr/lib/jvm/temurin-25-jdk-amd64
case "$MAJOR" in
  2 | 3) ;;
  *)
    echo "opensearch.sh: OpenSearch $VERSION: only 2.x and 3.x are laid out" >&2
    exit 1
    ;;
esac

# modules/<name>  Maven artifactId (org.opensearch.plugin)  plugin class  extended plugins
MODULES="
analysis-common analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless
transport-netty4 transport-netty4-client org.opensearch.transport.Netty4Plugin -
lang-painless lang-painless org.opensearch.painless.PainlessPlugin -
mapper-extras mapper-extras-client org.opensearch.index.mapper.MapperExtrasPlugin -
"

fail() {
  echo "opensearch.sh: $*" >&2
  exit 1
}

java_major() {
  "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
}

# Java for this version: JAVA_HOME, else java on PATH; for 3.x (Java 21+) the Temurin 25 JDK
# the machines have when the default Java is older.
java_bin() {
  local java need=11
  [ "$MAJOR" -ge 3 ] && need=21
  if [ -n "${JAVA_HOME:-}" ]; then
    [ -x "$JAVA_HOME/bin/java" ] || fail "JAVA_HOME=$JAVA_HOME has no bin/java"
    java="$JAVA_HOME/bin/java"
  else
    java="$(command -v java)" ||
      fail "Java not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME"
    if [ "$(java_major "$java")" -lt "$need" ] && [ -x "$JAVA_FOR_3/bin/java" ]; then
      java="$JAVA_FOR_3/bin/java"
    fi
  fi
  local major
  major="$(java_major "$java")"
  [ -n "$major" ] || fail "$java does not run"
  [ "$major" -ge "$need" ] ||
    fail "OpenSearch $VERSION needs Java $need or newer; $java is Java $major (set JAVA_HOME)"
  echo "$java"
}

# The PID in the PID file, if that process is alive and is an OpenSearch node.
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$MAIN_CLASS" || return 1
  echo "$pid"
}

health() {
  curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null
}

# --- Fetch the jars and lay out the home folder -------------------------------------------------
layout() {
  local stamp="$HOME_DIR/.laid-out"
  local key
  key="$(cat opensearch/pom.xml "${BASH_SOURCE[0]}" | sha256sum | cut -c1-16)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
    return
  fi
  command -v mvn >/dev/null || fail "Maven not found: install it (apt-get install maven) to fetch OpenSearch $VERSION"

  echo "==> Fetching OpenSearch $VERSION and its modules from Maven Central (cached in ~/.m2)"
  local jars="$BASE/jars" tree="$BASE/dependency-tree.txt"
  rm -rf "$jars" "$HOME_DIR"
  mkdir -p "$jars"
  local -a mvn_args=(-B -q -f opensearch/pom.xml -Dopensearch.version="$VERSION")
  [ "$MAJOR" -ge 3 ] && mvn_args+=(-Popensearch3)
  # log4j-core is optional in the server's pom, so the pom names it: at the version of the
  # log4j-api the server brings (read from the tree; a second pass when the pom's default differs).
  local log4j
  for _ in 1 2; do
    mvn "${mvn_args[@]}" dependency:tree -DoutputFile="$tree" >"$BASE/mvn.log" 2>&1 ||
      {
        tail -20 "$BASE/mvn.log" >&2
        fail "Maven could not fetch OpenSearch $VERSION (log: $BASE/mvn.log)"
      }
    log4j="$(sed -n 's/.*org.apache.logging.log4j:log4j-api:jar:\([^:]*\):.*/\1/p' "$tree" | head -1)"
    grep -q "log4j-core:jar:$log4j:" "$tree" && break
    mvn_args+=(-Dlog4j.version="$log4j")
  done
  mvn "${mvn_args[@]}" dependency:copy-dependencies -DoutputDirectory="$jars" >"$BASE/mvn.log" 2>&1 ||
    {
      tail -20 "$BASE/mvn.log" >&2
      fail "Maven could not fetch OpenSearch $VERSION (log: $BASE/mvn.log)"
    }

  echo "==> Laying out $HOME_DIR"
  mkdir -p "$HOME_DIR/lib" "$HOME_DIR/modules" "$HOME_DIR/config" "$HOME_DIR/plugins"
  # dependency:tree lines: "+- group:artifact:jar:version:scope" for what the pom names, indented
  # ("|  +- …") for what each brings. Each top-level artifact owns the indented lines below it.
  local line depth coords group artifact version classifier file owner=""
  while IFS= read -r line; do
    [[ "$line" == *"- "* ]] || continue
    depth="${line%%[+\\]- *}"
    coords="${line#*[+\\]- }"
    coords="${coords%% *}"
    IFS=: read -r group artifact _ version rest <<<"$coords"
    classifier=""
    # group:artifact:jar:classifier:version:scope has one more field.
    if [[ "$rest" == *:* ]]; then
      classifier="$version"
      version="${rest%%:*}"
    fi
    file="$artifact-$version${classifier:+-$classifier}.jar"
    [ -f "$jars/$file" ] || continue
    if [ -z "$depth" ]; then
      owner="lib"
      [ "$group" = "org.opensearch.plugin" ] && owner="plugin:$artifact"
    fi
    if [ "$owner" = "lib" ]; then
      cp "$jars/$file" "$HOME_DIR/lib/"
    else
      mkdir -p "$BASE/by-artifact/${owner#plugin:}"
      cp "$jars/$file" "$BASE/by-artifact/${owner#plugin:}/"
    fi
  done <"$tree"

  local name artifact_id classname extended jar java_version
  while read -r name artifact_id classname extended; do
    [ -n "$name" ] || continue
    [ -d "$BASE/by-artifact/$artifact_id" ] || fail "module $artifact_id $VERSION was not fetched"
    mkdir -p "$HOME_DIR/modules/$name"
    cp "$BASE/by-artifact/$artifact_id"/*.jar "$HOME_DIR/modules/$name/"
    jar="$HOME_DIR/modules/$name/$artifact_id-$VERSION.jar"
    # 3.x renamed the module classes: CommonAnalysisPlugin -> CommonAnalysisModulePlugin, …
    [ "$MAJOR" -ge 3 ] && classname="${classname%Plugin}ModulePlugin"
    # java.version: the Java release the module's classes were compiled for (class file major - 44).
    java_version="$(python3 - "$jar" "$classname" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    header = jar.read(sys.argv[2].replace(".", "/") + ".class")[:8]
print(int.from_bytes(header[6:8], "big") - 44)
EOF
)" || fail "cannot read $classname from $jar"
    cat >"$HOME_DIR/modules/$name/plugin-descriptor.properties" <<EOF
# Written by scripts/opensearch.sh, as the distribution's module descriptor.
description=$name module (from Maven Central: org.opensearch.plugin:$artifact_id:$VERSION)
version=$VERSION
name=$name
classname=$classname
java.version=$java_version
opensearch.version=$VERSION
extended.plugins=$([ "$extended" = "-" ] || echo "$extended")
has.native.controller=false
custom.foldername=$name
EOF
  done <<<"$MODULES"
  rm -rf "$BASE/by-artifact"

  # The permissions the distribution grants these modules beyond the server's own policy.
  cat >"$HOME_DIR/modules/transport-netty4/plugin-security.policy" <<'EOF'
grant {
  // socket backlog size
  permission java.io.FilePermission "/proc/sys/net/core/somaxconn", "read";
  // accept and open connections
  permission java.net.SocketPermission "*", "accept,connect";
  // Netty's threads set their context class loader
  permission java.lang.RuntimePermission "*", "setContextClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
  // Netty's NIO event loop sets this property
  permission java.util.PropertyPermission "sun.nio.ch.bugLevel", "write";
};
EOF
  cat >"$HOME_DIR/modules/lang-painless/plugin-security.policy" <<'EOF'
grant {
  // scripts are compiled to classes in class loaders of their own
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF

  cat >"$HOME_DIR/config/jvm.options" <<EOF
# Read by scripts/opensearch.sh (one option a line, # for comments).
-Xms$HEAP_MIN
-Xmx$HEAP_MAX
-XX:+UseG1GC
-Xss1m
-XX:-OmitStackTraceInFastThrow
-Djava.awt.headless=true
-Dfile.encoding=UTF-8
-Djna.nosys=true
-Dio.netty.noUnsafe=true
-Dio.netty.noKeySetOptimization=true
-Dio.netty.recycler.maxCapacityPerThread=0
-Dlog4j.shutdownHookEnabled=false
-Dlog4j2.disable.jmx=true
-Djava.io.tmpdir=$BASE/tmp
EOF
  if [ "$MAJOR" -lt 3 ]; then
    cat >>"$HOME_DIR/config/jvm.options" <<'EOF'
-Djava.locale.providers=SPI,COMPAT
# OpenSearch 2.x installs a security manager; Java 18+ refuses one unless allowed.
-Djava.security.manager=allow
EOF
  else
    # 3.x has no security manager (the distribution's Java agent enforces its policies instead;
    # it is not loaded here, only the bootstrap classes the server needs).
    echo "-Djava.locale.providers=SPI,CLDR" >>"$HOME_DIR/config/jvm.options"
  fi
  cat >"$HOME_DIR/config/log4j2.properties" <<'EOF'
# One plain log on standard output, which scripts/opensearch.sh sends to logs/opensearch.log.
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = error
EOF
  cat >"$HOME_DIR/config/opensearch.yml" <<EOF
# Written by scripts/opensearch.sh: one node for tests, on loopback only.
cluster.name: kompetansebroen-test
node.name: node-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
transport.port: 9300-9399
path.data: $BASE/data
path.logs: $BASE/logs
# The disk may be nearly full on a shared machine: never turn indices read-only for that.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  # Only the port and heap vary between starts: rewrite them each time (see start).
  echo "$key" >"$stamp"
}

start() {
  local pid java
  if pid="$(running_pid)"; then
    echo "OpenSearch is already running (pid $pid) on $URL"
    exit 0
  fi
  rm -f "$PID_FILE"
  java="$(java_bin)"
  layout
  sed -i "s/^http.port: .*/http.port: $PORT/" "$HOME_DIR/config/opensearch.yml"
  sed -i "s/^-Xms.*/-Xms$HEAP_MIN/; s/^-Xmx.*/-Xmx$HEAP_MAX/" "$HOME_DIR/config/jvm.options"
  if curl -s --max-time 2 -o /dev/null "$URL"; then
    fail "port $PORT already answers, and not from a node this script started (see $URL)"
  fi
  mkdir -p "$BASE/data" "$BASE/logs" "$BASE/tmp"
  local -a jvm_opts
  mapfile -t jvm_opts < <(grep -v '^\s*\(#\|$\)' "$HOME_DIR/config/jvm.options")

  # OpenSearch refuses to run as root, and the machines and CI run everything as root. Then the
  # node runs in a user namespace of its own as uid 1000: it holds no capability on the machine,
  # and the files it writes are still root's outside, like the rest of .cache/.
  local -a as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    as_user=(unshare --user --map-user=1000 --map-group=1000)
    "${as_user[@]}" true 2>/dev/null ||
      fail "running as root, and cannot drop to a user namespace (unshare --user) to start OpenSearch, which refuses root"
  fi

  echo "==> Starting OpenSearch $VERSION on $URL (log: ${LOG_FILE#"$ROOT/"})"
  local started=$SECONDS
  OPENSEARCH_PATH_CONF="$HOME_DIR/config" nohup "${as_user[@]}" "$java" "${jvm_opts[@]}" \
    -Dopensearch.path.home="$HOME_DIR" -Dopensearch.path.conf="$HOME_DIR/config" \
    -Dopensearch.distribution.type=tar -Dopensearch.bundled_jdk=false \
    -cp "$HOME_DIR/lib/*" "$MAIN_CLASS" >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"

  local status=""
  while [ $((SECONDS - started)) -lt "$START_TIMEOUT" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -30 "$LOG_FILE" >&2
      fail "OpenSearch exited while starting (log above: $LOG_FILE)"
    fi
    if status="$(health)"; then
      break
    fi
    sleep 1
  done
  if [ -z "$status" ]; then
    tail -30 "$LOG_FILE" >&2
    kill "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    fail "OpenSearch did not reach yellow/green health on $URL within ${START_TIMEOUT}s (log above: $LOG_FILE)"
  fi
  status="$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$status")"
  echo "==> OpenSearch $VERSION is up (pid $pid, cluster health $status) in $((SECONDS - started))s"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "OpenSearch is not running"
    return
  fi
  echo "==> Stopping OpenSearch (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "opensearch.sh: pid $pid still alive after 30 s, killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    echo "OpenSearch is running (pid $pid) on $URL"
    curl -fsS --max-time 5 "$URL/_cluster/health?pretty" || fail "but $URL does not answer"
  else
    echo "OpenSearch is not running"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
