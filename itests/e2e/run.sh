#!/usr/bin/env bash
# End-to-end tests of the web interface: starts an instance, then drives Debian's Chromium (headless) through it
# with playwright-core. Screenshots of the pages land in itests/target/e2e/screenshots (test artifacts, never
# committed). Needs /usr/bin/chromium (.ci/run installs it: apt-get install chromium).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/itests/e2e"
WORK="$ROOT/itests/target/e2e"
PORT="${E2E_PORT:-9490}"
DATA="$WORK/instance"
PASSWORD="e2e-test-password"
source "$ROOT/itests/cli/lib.sh"

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: /usr/bin/chromium is missing (apt-get install chromium, as .ci/run does)" >&2
  exit 1
fi
(cd "$E2E" && if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund; \
  else npm install --silent --no-audit --no-fund; fi) >/dev/null || { echo "e2e: npm install failed" >&2; exit 1; }

rm -rf "$WORK"; mkdir -p "$WORK/screenshots" "$WORK/media"
start_instance "$PORT" "$DATA" "$WORK/instance.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
trap stop_all_instances EXIT
wait_up "http://localhost:$PORT" || exit 1

E2E_URL="http://localhost:$PORT" E2E_PASSWORD="$PASSWORD" E2E_WORK="$WORK" \
  E2E_MAKE_MEDIA="$ROOT/itests/cli/make-media.js" \
  node --test --test-concurrency=1 --test-reporter=spec "$E2E/tests/" "$@"
status=$?
echo "e2e: screenshots in $WORK/screenshots"
exit "$status"
