#!/usr/bin/env bash
# Static file serving benchmark: the streaming bundle's servlet (GET /static/web-videos/...) against nginx serving
# the same files from the same folder (the anchor): a 2 MB and a 50 MB file whole, and 1 MiB byte ranges at random
# offsets of the 50 MB one, as HLS players fetch fMP4 segments. See bench/README.md.
#
#   bench/static.sh
#   RUNS=1 DURATION=5s bench/static.sh      # a quick look
#
# Settings (environment): SIZES_MB ("2 50"), RUNS (3), DURATION (10s), CONNECTIONS (32), THREADS (2), PORT (9310),
# NGINX_PORT (9390), BENCH_WORK (/tmp/vidiverse-bench-static).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="${BENCH_WORK:-/tmp/vidiverse-bench-static}"
SIZES_MB="${SIZES_MB:-2 50}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
PORT="${PORT:-9310}"
NGINX_PORT="${NGINX_PORT:-9390}"
# The instance runs from a snapshot of the built distribution, as in run-rest.sh: edits during a run never
# trigger a rebuild.
SNAPSHOT="$WORK/dist"
DIST="$SNAPSHOT/karaf-assembly/target/assembly"
DATA="$WORK/instance"
MEDIA="$DATA/data/media"

INSTANCE_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
  if [ -n "$INSTANCE_PID" ]; then
    kill -TERM "$INSTANCE_PID" 2>/dev/null || true
    wait "$INSTANCE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "bench needs $1 (apt-get install -y $2)" >&2; exit 1; }; }

await_200() { # url seconds what
  for _ in $(seq 1 "$2"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    [ -z "$INSTANCE_PID" ] || kill -0 "$INSTANCE_PID" 2>/dev/null || { echo "$3 stopped, see $DATA.log" >&2; exit 1; }
    sleep 1
  done
  echo "$3 did not answer 200 at $1 in $2 s" >&2
  exit 1
}

# The fixture bundle: a MediaStorage at ${karaf.data}/media (until the media bundle ships one) and the video rows
# that make the bench files servable (files without a video are never served). Built here, hot-deployed.
fixture() {
  local classes="$WORK/fixture/classes" api felix
  api="$(ls "$DIST"/system/org/vidiverse/org.vidiverse.api/*/org.vidiverse.api-*.jar | head -1)"
  felix="$(ls "$DIST"/system/org/apache/felix/org.apache.felix.framework/*/org.apache.felix.framework-*.jar | head -1)"
  rm -rf "$WORK/fixture" && mkdir -p "$classes"
  javac --release 17 -d "$classes" -cp "$api:$felix" "$BENCH/fixture/org/vidiverse/bench/BenchMedia.java"
  cat > "$WORK/fixture/MANIFEST.MF" <<MF
Bundle-ManifestVersion: 2
Bundle-SymbolicName: org.vidiverse.bench.media
Bundle-Version: 1.0.0
Bundle-Activator: org.vidiverse.bench.BenchMedia
Import-Package: org.osgi.framework,org.osgi.util.tracker,org.vidiverse.api.media,org.vidiverse.api.model,org.vidiverse.api.store
MF
  jar cfm "$DATA/deploy/bench-media.jar" "$WORK/fixture/MANIFEST.MF" -C "$classes" .
}

to_ms() { # wrk latency such as 812.00us, 1.20ms, 1.01s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

to_mbs() { # wrk transfer rate such as 812.50MB, 1.52GB
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /GB$/) n *= 1024; else if (v ~ /KB$/) n /= 1024; else if (v ~ /B$/ && v !~ /MB$/) n /= 1048576; printf "%.0f", n }'
}

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

run_wrk() { # url [wrk script] -> "req/s MB/s p50 p99"
  local out script=()
  [ -n "${2:-}" ] && script=(-s "$2")
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency "${script[@]}" "$1")"
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $1" >&2; echo "$out" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')" \
    "$(to_mbs "$(echo "$out" | awk '/^Transfer\/sec/ { print $2 }')")" \
    "$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")" \
    "$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
}

column_median() { # file column
  awk -v c="$2" '{ print $c }' "$1" | median
}

need wrk wrk; need nginx nginx; need curl curl; need javac openjdk-17-jdk-headless
[ -x "$ROOT/karaf-assembly/target/assembly/bin/karaf" ] || (cd "$ROOT" && ./vidiverse build)
rm -rf "$SNAPSHOT" "$DATA"
mkdir -p "$SNAPSHOT/karaf-assembly/target" "$MEDIA/web-videos" "$DATA/deploy" "$WORK/nginx/tmp"
cp -a "$ROOT/karaf-assembly/target/assembly" "$DIST"
cp -a "$ROOT/vidiverse" "$SNAPSHOT/vidiverse"
for mb in $SIZES_MB; do
  head -c "$((mb * 1024 * 1024))" /dev/urandom > "$MEDIA/web-videos/bench-${mb}mb.mp4"
done
fixture

VID_INITIAL_ROOT_PASSWORD=bench-root-password "$SNAPSHOT/vidiverse" run --port "$PORT" --data "$DATA" \
  > "$DATA.log" 2>&1 &
INSTANCE_PID=$!
first="$(echo "$SIZES_MB" | awk '{ print $1 }')"
await_200 "http://localhost:$PORT/static/web-videos/bench-${first}mb.mp4" 900 "the instance"

sed -e "s#__PREFIX__#$WORK/nginx#g" -e "s#__ROOT__#$MEDIA#g" -e "s#__PORT__#$NGINX_PORT#g" \
  "$BENCH/nginx-static.conf" > "$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/nginx-error.log" &
NGINX_PID=$!
await_200 "http://127.0.0.1:$NGINX_PORT/web-videos/bench-${first}mb.mp4" 10 "nginx"

for mb in $SIZES_MB; do   # the same bytes from both
  cmp <(curl -s "http://localhost:$PORT/static/web-videos/bench-${mb}mb.mp4") "$MEDIA/web-videos/bench-${mb}mb.mp4"
done

echo "== $RUNS runs of $DURATION, $CONNECTIONS connections, $THREADS wrk threads; servlet and nginx alternate"
printf '\n%-8s %-8s %9s %9s %9s %9s   %9s %9s %9s %9s   %8s %8s\n' file server "req/s" "MB/s" "p50 ms" "p99 ms" \
  "nginx r/s" "MB/s" "p50 ms" "p99 ms" "r/s ratio" "p99 ratio"
# cases: name, file, wrk script (empty: whole file)
largest="$(echo "$SIZES_MB" | tr ' ' '\n' | sort -n | tail -1)"
CASES=()
for mb in $SIZES_MB; do CASES+=("${mb} MB|bench-${mb}mb.mp4|"); done
CASES+=("1 MB rng|bench-${largest}mb.mp4|$BENCH/range.lua")
export RANGE_FILE_BYTES=$((largest * 1024 * 1024))
for case in "${CASES[@]}"; do
  IFS='|' read -r name file script <<< "$case"
  ours="http://localhost:$PORT/static/web-videos/$file"
  anchor="http://127.0.0.1:$NGINX_PORT/web-videos/$file"
  key="$(echo "$name" | tr -c 'A-Za-z0-9\n' '-')"
  run_wrk "$ours" "$script" > /dev/null     # warm-up: JIT, page cache
  run_wrk "$anchor" "$script" > /dev/null
  : > "$WORK/ours-$key" && : > "$WORK/nginx-$key"
  for _ in $(seq 1 "$RUNS"); do
    run_wrk "$ours" "$script" >> "$WORK/ours-$key"
    run_wrk "$anchor" "$script" >> "$WORK/nginx-$key"
  done
  r=(); n=()
  for c in 1 2 3 4; do r+=("$(column_median "$WORK/ours-$key" "$c")"); n+=("$(column_median "$WORK/nginx-$key" "$c")"); done
  printf '%-8s %-8s %9.1f %9.0f %9.2f %9.2f   %9.1f %9.0f %9.2f %9.2f   %8.2f %8.2f\n' "$name" servlet \
    "${r[0]}" "${r[1]}" "${r[2]}" "${r[3]}" "${n[0]}" "${n[1]}" "${n[2]}" "${n[3]}" \
    "$(awk -v a="${r[0]}" -v b="${n[0]}" 'BEGIN { print a / b }')" \
    "$(awk -v a="${r[3]}" -v b="${n[3]}" 'BEGIN { print (b > 0 ? a / b : 0) }')"
done
echo
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
