#!/usr/bin/env bash
# The real PeerTube command-line client against a running Vidiverse instance: `auth add` stores a login,
# `get-access-token` logs in through the OAuth endpoints, and `upload` sends a generated clip with a thumbnail and
# waits, as the client does, for the new video's first file to have its torrent. Needs Node.js/npm; the client is
# installed under itests/target (never committed).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/itests/target/peertube-cli"
PORT=9390
DATA="$WORK/instance"
PASSWORD="cli-test-password"
source "$ROOT/itests/cli/lib.sh"

mkdir -p "$WORK"
if [ ! -x "$WORK/node_modules/.bin/peertube-cli" ]; then
  (cd "$WORK" && npm install --silent --no-audit --no-fund @peertube/peertube-cli@1.0.3 >/dev/null)
fi
CLI="$WORK/node_modules/.bin/peertube-cli"
export HOME="$WORK/home"   # the client keeps its settings under $HOME
rm -rf "$DATA" "$HOME"; mkdir -p "$HOME"

start_instance "$PORT" "$DATA" "$WORK/instance.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
trap stop_all_instances EXIT
wait_up "http://localhost:$PORT"

url="http://localhost:$PORT"
check "auth add" "$CLI" auth add --url "$url" --username root --password "$PASSWORD"
check "auth list shows the login" bash -c "'$CLI' auth list | grep -q 'localhost:$PORT'"
check "get-access-token" bash -c "'$CLI' get-access-token --url '$url' --username root --password '$PASSWORD' | grep -Eq '^[0-9a-f]{64}$'"
check "the token works on the API" bash -c "curl -sf -H \"Authorization: Bearer \$('$CLI' get-access-token --url '$url' --username root --password '$PASSWORD')\" '$url/api/v1/users/me' | grep -q '\"username\":\"root\"'"
check "a wrong password is refused" bash -c "! '$CLI' get-access-token --url '$url' --username root --password wrong-password >/dev/null 2>&1"

# media made here: a 3 s 160x90 clip and a 320x180 red PNG thumbnail
node "$ROOT/itests/cli/make-media.js" "$WORK/clip.y4m" "$WORK/thumb.png"

check "upload waits for the torrent of the first file" timeout 300 "$CLI" upload --url "$url" --username root \
  --password "$PASSWORD" --file "$WORK/clip.y4m" --video-name "From the CLI" --thumbnail "$WORK/thumb.png" \
  --tags "cli,test"
uploaded_video_is_published() { # with renditions, their torrents, the tags and the thumbnail chosen
  local uuid="" json="" thumbnail
  for _ in $(seq 1 120); do
    uuid="$(curl -sf "$url/api/v1/search/videos?search=From%20the%20CLI" | json_get 'v.data[0] ? v.data[0].uuid : ""')"
    if [ -n "$uuid" ]; then
      json="$(curl -sf "$url/api/v1/videos/$uuid")"
      [ "$(echo "$json" | json_get 'v.state.id')" = 1 ] && break
    fi
    sleep 1
  done
  [ "$(echo "$json" | json_get 'v.state && v.state.id')" = 1 ] || { echo "not published: $json"; return 1; }
  [ "$(echo "$json" | json_get 'v.files.length > 0 && v.files.every(f => f.torrentUrl && f.magnetUri)')" = true ] \
    || { echo "files without torrents: $json"; return 1; }
  [ "$(echo "$json" | json_get 'v.tags.includes("cli")')" = true ] || { echo "tags lost: $json"; return 1; }
  thumbnail="$(echo "$json" | json_get 'v.thumbnailPath')"
  curl -sf "$url$thumbnail" -o "$WORK/thumbnail.jpg" || { echo "no thumbnail at $thumbnail"; return 1; }
  node -e 'const b = require("fs").readFileSync(process.argv[1]);
    if (b[0] !== 0xff || b[1] !== 0xd8) process.exit(1)' "$WORK/thumbnail.jpg"
}
check "the uploaded video is published with torrents and the chosen thumbnail" uploaded_video_is_published

echo "peertube-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
