#!/usr/bin/env bash
# The real PeerTube command-line client manages plugins of a running Vidiverse instance: `plugins list`,
# `plugins install --path <jar>` (the sample watched-words plugin), `plugins uninstall --npm-name`, and an installed
# plugin is still there, active, after the instance restarts. Needs Node.js/npm; the client is installed under
# itests/target (never committed).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/itests/target/peertube-cli"
PORT=9391
DATA="$WORK/plugins-instance"
PASSWORD="cli-plugins-password"
SAMPLE="org.vidiverse.sample.moderation.watchedwords"
source "$ROOT/itests/cli/lib.sh"

JAR="$(ls "$ROOT"/plugins-sample/moderation-watched-words/target/"$SAMPLE"-*.jar 2>/dev/null | head -1)"
[ -n "$JAR" ] || { echo "build the sample plugin first (plugins-sample/moderation-watched-words)"; exit 1; }

mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/peertube-cli" ]; then
  (cd "$WORK" && npm install --silent --no-audit --no-fund @peertube/peertube-cli@1.0.3 >/dev/null)
fi
CLI="$WORK/node_modules/.bin/peertube-cli"
export HOME="$WORK/plugins-home"   # the client keeps its settings under $HOME
rm -rf "$DATA" "$HOME"; mkdir -p "$HOME"

start_instance "$PORT" "$DATA" "$WORK/plugins-instance.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
trap stop_all_instances EXIT
wait_up "http://localhost:$PORT"

url="http://localhost:$PORT"
login=(--url "$url" --username root --password "$PASSWORD")
# the client's table cuts names at 50 columns: match the start of peertube-plugin-<symbolic name>
listed="peertube-plugin-org.vidiverse.sample.moderation"

check "plugins list" "$CLI" plugins list "${login[@]}"
check "the sample plugin is not installed yet" bash -c "! '$CLI' plugins list ${login[*]} | grep -q '$listed'"
check "plugins install --path" "$CLI" plugins install "${login[@]}" --path "$JAR"
check "plugins list shows it" bash -c "'$CLI' plugins list ${login[*]} | grep -q '$listed'"
check "installing it twice is refused" bash -c "! '$CLI' plugins install ${login[*]} --path '$JAR' >/dev/null 2>&1"
check "a relative path is refused" bash -c "! '$CLI' plugins install ${login[*]} --path plugins/x.jar >/dev/null 2>&1"

plugin_is_active() {
  local token json
  token="$(token "$url" root "$PASSWORD")" || return 1
  json="$(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/plugins/$SAMPLE")" || { echo "no plugin"; return 1; }
  [ "$(echo "$json" | json_get 'v.enabled && v.contributions.some(c => c.name === "watched-words" && c.state === "ACTIVE")')" = true ] \
    || { echo "not active: $json"; return 1; }
}
check "its moderation policy is active" plugin_is_active

set_action() { # action: PUT /api/v1/plugins/{name}/settings as PeerTube's admin client does
  local token
  token="$(token "$url" root "$PASSWORD")" || return 1
  [ "$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data "{\"settings\":{\"words\":[\"casino\"],\"action\":\"$1\"}}" "$url/api/v1/plugins/$SAMPLE/settings")" = 204 ]
}
action_is() { # action: the stored setting
  local token
  token="$(token "$url" root "$PASSWORD")" || return 1
  [ "$(curl -sf -H "Authorization: Bearer $token" "$url/api/v1/plugins/$SAMPLE/settings" | json_get v.settings.action)" = "$1" ] \
    || { echo "action is not $1"; return 1; }
}
check "its settings change" set_action hold
bad_setting_is_refused() { ! set_action explode && action_is hold; }
check "a bad setting is refused" bad_setting_is_refused

# a restart keeps the plugin (the bundle cache and the plugin folder in the instance's data) and its settings
stop_instance "$LAST_LAUNCHER"
start_instance "$PORT" "$DATA" "$WORK/plugins-instance-2.log"
wait_up "$url"
check "after a restart the plugin is listed" bash -c "'$CLI' plugins list ${login[*]} | grep -q '$listed'"
check "after a restart its policy is active" plugin_is_active
check "after a restart its settings are kept" action_is hold

# an emptied bundle cache (./vidiverse run empties it after a rebuild): the plugin comes back from its kept jar
stop_instance "$LAST_LAUNCHER"
rm -rf "$DATA/data/cache"
start_instance "$PORT" "$DATA" "$WORK/plugins-instance-3.log"
wait_up "$url"
check "after a restart with an emptied cache the plugin is listed" bash -c "'$CLI' plugins list ${login[*]} | grep -q '$listed'"
check "after a restart with an emptied cache its policy is active" plugin_is_active
check "after a restart with an emptied cache its settings are kept" action_is hold

check "plugins uninstall --npm-name" "$CLI" plugins uninstall "${login[@]}" --npm-name "peertube-plugin-$SAMPLE"
check "plugins list no longer shows it" bash -c "! '$CLI' plugins list ${login[*]} | grep -q '$listed'"
check "uninstalling it again is refused" bash -c "! '$CLI' plugins uninstall ${login[*]} --npm-name '$SAMPLE' >/dev/null 2>&1"

echo "peertube-cli plugins: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
