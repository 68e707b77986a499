#!/usr/bin/env bash
# REST benchmark: GET /api/v1/videos?count=25 and a search, with 100,000 videos, on Derby and on PostgreSQL,
# against nginx serving the same JSON bytes as static files (the anchor). See bench/README.md.
#
#   bench/run-rest.sh            # both databases; seeds on first use (kept in $BENCH_WORK, default /tmp/vidiverse-bench)
#   DBS=derby RUNS=1 bench/run-rest.sh
#
# Settings (environment): VIDEOS (100000), RUNS (3), DURATION (10s), CONNECTIONS (32), THREADS (2), PORT (9300),
# NGINX_PORT (9380), DBS ("derby postgres"), RESEED=1 to seed again, BENCH_WORK.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="${BENCH_WORK:-/tmp/vidiverse-bench}"
VIDEOS="${VIDEOS:-100000}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-9300}"
NGINX_PORT="${NGINX_PORT:-9380}"
DBS="${DBS:-derby postgres}"
PG_DB=vidiverse_bench
# The instances run from a snapshot of the built distribution (with a copy of ./vidiverse next to it), so that
# edits in the work tree during a run never trigger a rebuild: every figure measures the same build.
SNAPSHOT="$WORK/dist"
DIST="$SNAPSHOT/karaf-assembly/target/assembly"
ENDPOINTS=("videos:/api/v1/videos?count=25" "search:/api/v1/search/videos?search=mountain&count=25")

INSTANCE_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
  [ -n "$INSTANCE_PID" ] && stop_instance || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "bench needs $1 (apt-get install -y $2)" >&2; exit 1; }; }

start_instance() { # data folder
  VID_INITIAL_ROOT_PASSWORD=bench-root-password "$SNAPSHOT/vidiverse" run --port "$PORT" --data "$1" \
    > "$1.log" 2>&1 &
  INSTANCE_PID=$!
  for _ in $(seq 1 900); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/v1/config")" = 200 ]; then
      return 0
    fi
    kill -0 "$INSTANCE_PID" 2>/dev/null || { echo "instance failed to start, see $1.log" >&2; exit 1; }
    sleep 1
  done
  echo "instance did not answer in 900 s, see $1.log" >&2
  exit 1
}

stop_instance() { # ./vidiverse turns our SIGTERM into a SIGTERM for its Karaf JVM, which stops cleanly
  kill -TERM "$INSTANCE_PID" 2>/dev/null || true
  wait "$INSTANCE_PID" 2>/dev/null || true
  INSTANCE_PID=""
}

seed_classpath() {
  local jars=("$DIST"/system/org/vidiverse/org.vidiverse.storage/*/org.vidiverse.storage-*.jar
    "$DIST"/system/org/apache/derby/derby/*/derby-*.jar
    "$DIST"/system/org/postgresql/postgresql/*/postgresql-*.jar)
  local slf4j
  slf4j="$(find "$DIST/system" "$HOME/.m2/repository/org/slf4j/slf4j-api" -name 'slf4j-api-1.7*.jar' 2>/dev/null | head -1)"
  local IFS=:
  echo "${jars[*]}${slf4j:+:$slf4j}"
}

seed() { # db
  local db="$1" data="$WORK/$1"
  if [ -f "$data/seeded-$VIDEOS" ] && [ -z "${RESEED:-}" ]; then
    echo "== $db: already seeded with $VIDEOS videos"
    return
  fi
  echo "== $db: seeding $VIDEOS videos"
  rm -rf "$data"
  mkdir -p "$data/etc"
  local url user=""
  if [ "$db" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
    cat > "$data/etc/org.ops4j.datasource-vidiverse.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:5432/$PG_DB
user = postgres
dataSourceName = vidiverse
pool = dbcp2
xa = false
jdbc.pool.maxTotal = 16
jdbc.pool.maxIdle = 16
jdbc.pool.minIdle = 1
CFG
    url="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
    user=postgres
  else
    url="jdbc:derby:$data/data/db/vidiverse"
  fi
  start_instance "$data"   # creates the schema and the root user with its channel
  stop_instance            # embedded Derby admits one process at a time
  java -cp "$(seed_classpath)" "$BENCH/Seed.java" "$url" "$user" "http://localhost:$PORT" "$VIDEOS"
  touch "$data/seeded-$VIDEOS"
}

to_ms() { # wrk latency such as 812.00us, 1.20ms, 1.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # url -> "req/s p50 p99" (medians of RUNS runs)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$1" > /dev/null   # warm-up
  local rps=() p50=() p99=() out
  for _ in $(seq 1 "$RUNS"); do
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")"
    if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $1" >&2; echo "$out" >&2; exit 1; fi
    rps+=("$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')")
    p50+=("$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")")
    p99+=("$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")")
  done
  echo "$(printf '%s\n' "${rps[@]}" | median) $(printf '%s\n' "${p50[@]}" | median) $(printf '%s\n' "${p99[@]}" | median)"
}

start_nginx() {
  local prefix="$WORK/nginx"
  mkdir -p "$prefix/tmp"
  sed -e "s#__PREFIX__#$prefix#g" -e "s#__PORT__#$NGINX_PORT#g" "$BENCH/nginx.conf" > "$prefix/nginx.conf"
  nginx -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/nginx-error.log" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return 0
    sleep 0.1
  done
  echo "nginx did not start, see $prefix/nginx-error.log" >&2
  exit 1
}

need wrk wrk; need nginx nginx; need curl curl; need java openjdk-17-jdk-headless
[ -x "$ROOT/karaf-assembly/target/assembly/bin/karaf" ] || (cd "$ROOT" && ./vidiverse build)
rm -rf "$SNAPSHOT"
mkdir -p "$SNAPSHOT/karaf-assembly/target"
cp -a "$ROOT/karaf-assembly/target/assembly" "$DIST"
cp -a "$ROOT/vidiverse" "$SNAPSHOT/vidiverse"
mkdir -p "$WORK/nginx/static"
ROWS=()
for db in $DBS; do
  seed "$db"
  echo "== $db: measuring ($RUNS runs of $DURATION, $CONNECTIONS connections)"
  start_instance "$WORK/$db"
  for endpoint in "${ENDPOINTS[@]}"; do
    name="${endpoint%%:*}" path="${endpoint#*:}"
    curl -s "http://localhost:$PORT$path" > "$WORK/nginx/static/$db-$name.json"
    total="$(grep -o '"total":[0-9]*' "$WORK/nginx/static/$db-$name.json" | head -1 | cut -d: -f2)"
    read -r rps p50 p99 <<< "$(measure "http://localhost:$PORT$path")"
    ROWS+=("$db|$path|$total|$rps|$p50|$p99")
  done
  stop_instance
done

start_nginx
printf '\n%-9s %-44s %7s %9s %8s %8s %9s %8s %8s %9s %9s\n' db endpoint total "req/s" "p50 ms" "p99 ms" \
  "nginx r/s" "n p50" "n p99" "r/s ratio" "p99 ratio"
for row in "${ROWS[@]}"; do
  IFS='|' read -r db path total rps p50 p99 <<< "$row"
  name=videos; [[ "$path" == *search* ]] && name=search
  read -r nrps np50 np99 <<< "$(measure "http://127.0.0.1:$NGINX_PORT/$db-$name.json")"
  printf '%-9s %-44s %7s %9.0f %8.2f %8.2f %9.0f %8.2f %8.2f %9.3f %9.1f\n' "$db" "$path" "$total" "$rps" "$p50" \
    "$p99" "$nrps" "$np50" "$np99" "$(awk -v a="$rps" -v b="$nrps" 'BEGIN { print a / b }')" \
    "$(awk -v a="$p99" -v b="$np99" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
