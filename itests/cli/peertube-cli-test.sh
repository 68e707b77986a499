#!/usr/bin/env bash
# The real PeerTube command-line client against a running Vidiverse instance: `auth add` stores a login, and
# `get-access-token` logs in through the OAuth endpoints. Needs Node.js/npm; the client is installed under
# itests/target (never committed).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/itests/target/peertube-cli"
PORT=9390
DATA="$WORK/instance"
PASSWORD="cli-test-password"
passed=0 failed=0

check() { # name, command...
  local name="$1"; shift
  if output="$("$@" 2>&1)"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name"; echo "$output" | tail -5 | sed 's/^/     /'; failed=$((failed + 1))
  fi
}

mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/peertube-cli" ]; then
  (cd "$WORK" && npm install --silent --no-audit --no-fund @peertube/peertube-cli@1.0.3 >/dev/null)
fi
CLI="$WORK/node_modules/.bin/peertube-cli"
export HOME="$WORK/home"   # the client keeps its settings under $HOME
rm -rf "$DATA" "$HOME"; mkdir -p "$HOME"

VID_INITIAL_ROOT_PASSWORD="$PASSWORD" setsid "$ROOT/vidiverse" run --port "$PORT" --data "$DATA" > "$WORK/instance.log" 2>&1 &
launcher=$!
trap 'pkill -TERM -P "$(pgrep -P $launcher | head -1)" 2>/dev/null; kill -TERM $launcher 2>/dev/null; wait $launcher 2>/dev/null' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$PORT/api/v1/config" >/dev/null && break
  sleep 1
done

url="http://localhost:$PORT"
check "auth add" "$CLI" auth add --url "$url" --username root --password "$PASSWORD"
check "auth list shows the login" bash -c "'$CLI' auth list | grep -q 'localhost:$PORT'"
check "get-access-token" bash -c "'$CLI' get-access-token --url '$url' --username root --password '$PASSWORD' | grep -Eq '^[0-9a-f]{64}$'"
check "the token works on the API" bash -c "curl -sf -H \"Authorization: Bearer \$('$CLI' get-access-token --url '$url' --username root --password '$PASSWORD')\" '$url/api/v1/users/me' | grep -q '\"username\":\"root\"'"
check "a wrong password is refused" bash -c "! '$CLI' get-access-token --url '$url' --username root --password wrong-password >/dev/null 2>&1"

echo "peertube-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
