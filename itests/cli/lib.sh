# Shared by the end-to-end scripts: checks that count, JSON reading, and instances started with ./vidiverse run.
# Source it after setting ROOT.
passed=0 failed=0
launchers=()

check() { # name, command...: runs the command, counts and prints the outcome
  local name="$1"; shift
  if output="$("$@" 2>&1)"; then
    echo "ok   $name"; passed=$((passed + 1))
  else
    echo "FAIL $name"; echo "$output" | tail -8 | sed 's/^/     /'; failed=$((failed + 1))
  fi
}

json_get() { # JavaScript expression over the JSON on stdin, bound to v
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const v = JSON.parse(s); console.log(eval(process.argv[1])) })' "$1"
}

eventually() { # seconds, command...: retries the command every second until it succeeds or time is up
  local seconds="$1"; shift
  for _ in $(seq 1 "$seconds"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  "$@"
}

start_instance() { # port, data folder, log file [, environment assignments...]: starts ./vidiverse run in the background
  local port="$1" data="$2" log="$3"; shift 3
  env "$@" setsid "$ROOT/vidiverse" run --port "$port" --data "$data" > "$log" 2>&1 &
  launchers+=($!)
  LAST_LAUNCHER=$!
}

stop_instance() { # launcher pid: stops Karaf gracefully (SIGTERM to its process group)
  local launcher="$1"
  pkill -TERM -P "$(pgrep -P "$launcher" | head -1)" 2>/dev/null
  kill -TERM "$launcher" 2>/dev/null
  wait "$launcher" 2>/dev/null
}

stop_all_instances() {
  for launcher in "${launchers[@]}"; do stop_instance "$launcher"; done
}

wait_up() { # url: waits up to 5 minutes (a first start may build) for the API to answer
  # the REST endpoint is rebuilt as the bundles' resources arrive (federation's come last) and answers 404 for a
  # moment while it is; wait until both ends answer, then a moment more
  for _ in $(seq 1 300); do
    if curl -sf "$1/api/v1/config" >/dev/null && curl -sf "$1/.well-known/nodeinfo" >/dev/null; then
      sleep 2
      return 0
    fi
    sleep 1
  done
  echo "no answer from $1" >&2
  return 1
}

token() { # url, username, password: an OAuth access token, as PeerTube's clients log in
  local client
  client="$(curl -sf "$1/api/v1/oauth-clients/local")" || return 1
  curl -sf "$1/api/v1/users/token" \
    --data-urlencode "client_id=$(echo "$client" | json_get v.client_id)" \
    --data-urlencode "client_secret=$(echo "$client" | json_get v.client_secret)" \
    --data-urlencode grant_type=password --data-urlencode "username=$2" --data-urlencode "password=$3" \
    | json_get v.access_token
}
export -f json_get
