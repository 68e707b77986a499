#!/usr/bin/env bash
# Two instances federating on loopback, each started by `./vidiverse run` as an admin would: B follows A; a video
# uploaded on A appears on B with A's files; a comment from B shows on A and one from A on B; a like and a view from
# B count on A; an abuse report on B reaches A's moderators; edits and deletion on A reach B; an instance that was
# down gets what it missed; after B unfollows, A sends it nothing more; unsigned and forged deliveries are refused.
# Then the moderation feed checks (moderation-feed-checks.sh) run on the same two instances.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/itests/target/federation"
PASSWORD="federation-test-password"
A_PORT=9391 B_PORT=9392
A="http://localhost:$A_PORT" B="http://localhost:$B_PORT"
source "$ROOT/itests/cli/lib.sh"

rm -rf "$WORK"; mkdir -p "$WORK"
for instance in a b; do   # loopback and plain http are allowed for tests only; retries come fast
  mkdir -p "$WORK/$instance/etc"
  printf '%s\n' "allowLoopback = true" "remoteScheme = http" "deliveryRetryBaseSeconds = 2" \
    > "$WORK/$instance/etc/org.vidiverse.federation.cfg"
  echo "syncIntervalSeconds = 10" > "$WORK/$instance/etc/org.vidiverse.federation.moderationfeed.cfg"
done
node "$ROOT/itests/cli/make-media.js" "$WORK/clip.y4m" "$WORK/thumb.png"

trap stop_all_instances EXIT
# one after the other: the first start builds the distribution when sources changed, the second finds it built
start_instance "$A_PORT" "$WORK/a" "$WORK/a.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
wait_up "$A" || { tail -30 "$WORK/a.log"; exit 1; }
start_instance "$B_PORT" "$WORK/b" "$WORK/b.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
B_LAUNCHER=$LAST_LAUNCHER
wait_up "$B" || { tail -30 "$WORK/b.log"; exit 1; }
A_TOKEN="$(token "$A" root "$PASSWORD")" B_TOKEN="$(token "$B" root "$PASSWORD")"
a_auth=(-H "Authorization: Bearer $A_TOKEN") b_auth=(-H "Authorization: Bearer $B_TOKEN")

# discovery, as another server sees A
check "WebFinger finds A's root account" bash -c "curl -sf '$A/.well-known/webfinger?resource=acct:root@localhost:$A_PORT' \
  | grep -q '\"href\":\"$A/accounts/root\"'"
check "NodeInfo links to its 2.0 document" bash -c "curl -sf '$A/.well-known/nodeinfo' | grep -q '$A/nodeinfo/2.0.json' \
  && curl -sf '$A/nodeinfo/2.0.json' | grep -q '\"protocols\":\\[\"activitypub\"\\]'"
check "the instance actor is an Application with a public key" bash -c "curl -sf -H 'Accept: application/activity+json' \
  '$A/accounts/peertube' | grep -q '\"type\":\"Application\".*BEGIN PUBLIC KEY'"

# B follows A
check "B asks to follow A" curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"hosts\":[\"localhost:$A_PORT\"]}" "$B/api/v1/server/following"
follow_accepted() {
  [ "$(curl -sf "$B/api/v1/server/following" | json_get 'v.data.length && v.data[0].state')" = accepted ] \
    && [ "$(curl -sf "$A/api/v1/server/followers" | json_get 'v.data.length && v.data[0].follower.host')" = "localhost:$B_PORT" ]
}
check "A accepts and both sides see the follow" eventually 30 follow_accepted

# B's root subscribes to A's channel: a Follow from its account, accepted by the channel
check "a user of B subscribes to A's channel" curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"uri\":\"root_channel@localhost:$A_PORT\"}" "$B/api/v1/users/me/subscriptions"
check "A's channel counts the subscriber" eventually 30 bash -c "[ \"\$(curl -sf -H 'Accept: application/activity+json' \
  '$A/video-channels/root_channel/followers' | json_get v.totalItems)\" = 1 ]"

# a video uploaded on A reaches B
channel="$(curl -sf "${a_auth[@]}" "$A/api/v1/users/me" | json_get 'v.videoChannels[0].id')"
uuid="$(curl -sf "${a_auth[@]}" -F "videofile=@$WORK/clip.y4m" -F "channelId=$channel" -F "name=Made on A" \
  -F "privacy=1" -F "tags[0]=federated" "$A/api/v1/videos/upload" | json_get 'v.video.uuid')"
published_on() { [ "$(curl -sf "$1/api/v1/videos/$uuid" | json_get 'v.state.id')" = 1 ]; }
check "the video is published on A" eventually 180 published_on "$A"
on_b() { curl -sf "$B/api/v1/videos/$uuid" | json_get "$1"; }
check "the video appears on B as A's" eventually 60 bash -c "[ \"\$(curl -sf '$B/api/v1/videos/$uuid' | json_get 'v.isLocal === false && v.channel.host === \"localhost:$A_PORT\"')\" = true ]"
check "it is among the subscription videos of B's user" eventually 30 bash -c "curl -sf -H 'Authorization: Bearer $B_TOKEN' \
  '$B/api/v1/users/me/subscriptions/videos' | grep -q '$uuid'"
check "B lists and finds it" bash -c "curl -sf '$B/api/v1/videos?isLocal=false' | grep -q '$uuid' \
  && curl -sf '$B/api/v1/search/videos?search=Made%20on%20A' | grep -q '$uuid'"
files_from_a() {
  local file
  file="$(on_b '(v.files[0] || v.streamingPlaylists[0].files[0]).fileUrl')"
  [[ "$file" == "$A/static/"* ]] || { echo "file URL $file"; return 1; }
  curl -sf -r 0-99 -o /dev/null "$file"
}
check "B's video plays from A's files" files_from_a
check "B shows A's HLS playlist" bash -c "[[ \"\$(curl -sf '$B/api/v1/videos/$uuid' | json_get v.streamingPlaylists[0].playlistUrl)\" == '$A/static/streaming-playlists/hls/'* ]]"

thumbnail_on_b() {
  local path
  path="$(on_b v.thumbnailPath)"
  [[ "$path" == /lazy-static/thumbnails/* ]] || { echo "thumbnailPath $path"; return 1; }
  curl -sf "$B$path" -o "$WORK/remote-thumbnail.jpg" \
    && [ "$(head -c 2 "$WORK/remote-thumbnail.jpg" | od -An -tx1 | tr -d ' ')" = ffd8 ]
}
check "B serves the video's thumbnail, copied from A" eventually 30 thumbnail_on_b

# interactions from B reach A
curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' -d '{"text":"Hello from B"}' \
  "$B/api/v1/videos/$uuid/comment-threads" >/dev/null
check "a comment from B shows on A" eventually 30 bash -c "curl -sf '$A/api/v1/videos/$uuid/comment-threads' | grep -q 'Hello from B'"
curl -sf "${b_auth[@]}" -X PUT -H 'Content-Type: application/json' -d '{"rating":"like"}' "$B/api/v1/videos/$uuid/rate"
check "a like from B counts on A" eventually 30 bash -c "[ \"\$(curl -sf '$A/api/v1/videos/$uuid' | json_get v.likes)\" = 1 ]"
views_before="$(curl -sf "$A/api/v1/videos/$uuid" | json_get v.views)"
curl -sf -X POST -H 'Content-Type: application/json' -d '{"currentTime":1}' "$B/api/v1/videos/$uuid/views"
check "a view on B counts on A" eventually 30 bash -c "[ \"\$(curl -sf '$A/api/v1/videos/$uuid' | json_get v.views)\" -gt $views_before ]"
curl -sf "${a_auth[@]}" -H 'Content-Type: application/json' -d '{"text":"Hello from A"}' \
  "$A/api/v1/videos/$uuid/comment-threads" >/dev/null
check "a comment from A shows on B" eventually 30 bash -c "curl -sf '$B/api/v1/videos/$uuid/comment-threads' | grep -q 'Hello from A'"
curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"reason\":\"Reported from B\",\"predefinedReasons\":[\"spamOrMisleading\"],\"video\":{\"id\":\"$uuid\"}}" \
  "$B/api/v1/abuses" >/dev/null
check "an abuse report on B reaches A's moderators as a Flag" eventually 30 bash -c \
  "curl -sf -H 'Authorization: Bearer $A_TOKEN' '$A/api/v1/abuses?predefinedReason=spamOrMisleading' | grep -q 'Reported from B'"

# edits reach B, also after B was down
curl -sf "${a_auth[@]}" -X PUT -H 'Content-Type: application/json' -d '{"name":"Renamed on A"}' "$A/api/v1/videos/$uuid"
check "an edit on A reaches B" eventually 30 bash -c "curl -sf '$B/api/v1/videos/$uuid' | grep -q 'Renamed on A'"
stop_instance "$B_LAUNCHER"
curl -sf "${a_auth[@]}" -X PUT -H 'Content-Type: application/json' -d '{"name":"Renamed while B was down"}' \
  "$A/api/v1/videos/$uuid"
check "A keeps the delivery to B for a retry" eventually 30 bash -c "curl -sf -H 'Authorization: Bearer $A_TOKEN' \
  '$A/api/v1/jobs/delayed?jobType=activitypub-http-unicast' | grep -q 'localhost:$B_PORT'"
start_instance "$B_PORT" "$WORK/b" "$WORK/b2.log"
B_LAUNCHER=$LAST_LAUNCHER
wait_up "$B"
check "B receives what it missed once it is back" eventually 120 bash -c "curl -sf '$B/api/v1/videos/$uuid' | grep -q 'Renamed while B was down'"

# deliveries are signed and checked
check "an unsigned delivery is refused with 401" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/activity+json' -d '{\"type\":\"Delete\",\"id\":\"$B/x\",\"actor\":\"$B/accounts/root\",\"object\":\"$A/videos/watch/$uuid\"}' \
  '$A/inbox')\" = 401 ]"
check "a forged signature is refused with 401" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/activity+json' -H 'Date: '\"\$(date -u '+%a, %d %b %Y %H:%M:%S GMT')\" \
  -H 'Signature: keyId=\"$B/accounts/root#main-key\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest\",signature=\"Zm9yZ2Vk\"' \
  -H 'Digest: SHA-256=x' -d '{\"type\":\"Like\",\"id\":\"$B/y\",\"actor\":\"$B/accounts/root\",\"object\":\"$A/videos/watch/$uuid\"}' \
  '$A/inbox')\" = 401 ]"
check "a body that is not an activity is refused with 400" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/activity+json' -d '[1,2]' '$A/inbox')\" = 400 ]"

# deletion reaches B; after unfollowing, B hears nothing more
curl -sf "${a_auth[@]}" -X DELETE "$A/api/v1/videos/$uuid"
check "a deletion on A removes the video on B" eventually 60 bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$B/api/v1/videos/$uuid')\" = 404 ]"
check "B's user unsubscribes" curl -sf "${b_auth[@]}" -X DELETE \
  "$B/api/v1/users/me/subscriptions/root_channel@localhost:$A_PORT"
check "A's channel no longer counts the subscriber" eventually 30 bash -c "[ \"\$(curl -sf -H 'Accept: application/activity+json' \
  '$A/video-channels/root_channel/followers' | json_get v.totalItems)\" = 0 ]"
check "B unfollows A" curl -sf "${b_auth[@]}" -X DELETE "$B/api/v1/server/following/localhost:$A_PORT"
check "A no longer counts B as a follower" eventually 30 bash -c "[ \"\$(curl -sf '$A/api/v1/server/followers' | json_get v.total)\" = 0 ]"
second="$(curl -sf "${a_auth[@]}" -F "videofile=@$WORK/clip.y4m" -F "channelId=$channel" -F "name=Not for B" \
  -F "privacy=1" "$A/api/v1/videos/upload" | json_get 'v.video.uuid')"
check "a video published after the unfollow" eventually 180 bash -c "[ \"\$(curl -sf '$A/api/v1/videos/$second' | json_get v.state.id)\" = 1 ]"
sleep 5
check "does not reach B" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' '$B/api/v1/videos/$second')\" = 404 ]"

source "$ROOT/itests/cli/moderation-feed-checks.sh"

echo "federation: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || { echo "logs: $WORK/a.log $WORK/b.log $WORK/a/data/log $WORK/b/data/log"; exit 1; }
