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

# media made here: a 3 s 160x90 clip (YUV4MPEG2, a moving gradient) and a 320x180 red PNG thumbnail
node - "$WORK/clip.y4m" "$WORK/thumb.png" <<'JS'
const fs = require('fs'), zlib = require('zlib');
const [clip, thumb] = process.argv.slice(2);
const w = 160, h = 90, frames = 75, parts = [Buffer.from(`YUV4MPEG2 W${w} H${h} F25:1 Ip A1:1 C420jpeg\n`)];
for (let f = 0; f < frames; f++) {
  const y = Buffer.alloc(w * h), c = Buffer.alloc(w * h / 2, 128);
  for (let i = 0; i < w * h; i++) y[i] = ((i % w) + (Math.floor(i / w)) + 3 * f) & 0xff;
  parts.push(Buffer.from('FRAME\n'), y, c);
}
fs.writeFileSync(clip, Buffer.concat(parts));
const pw = 320, ph = 180, raw = Buffer.alloc((pw * 3 + 1) * ph);
for (let r = 0; r < ph; r++) for (let x = 0; x < pw; x++) raw[r * (pw * 3 + 1) + 1 + x * 3] = 255;
const crcTable = Array.from({ length: 256 }, (_, n) => {   // zlib.crc32 needs Node 20.15+
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]), crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(pw, 0); ihdr.writeUInt32BE(ph, 4); ihdr[8] = 8; ihdr[9] = 2;
fs.writeFileSync(thumb, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
JS

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
json_get() { # JavaScript expression over the JSON on stdin, bound to v
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const v = JSON.parse(s); console.log(eval(process.argv[1])) })' "$1"
}
check "the uploaded video is published with torrents and the chosen thumbnail" uploaded_video_is_published

echo "peertube-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
