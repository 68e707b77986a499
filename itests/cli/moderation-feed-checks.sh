# Moderation feeds between two running instances, sourced by federation-test.sh (after its own checks, on the same
# instances) and by moderation-feed-test.sh (on two instances of its own). Expects lib.sh, A, B, A_PORT, a_auth,
# b_auth; B must sync its feeds every 10 s (org.vidiverse.federation.moderationfeed.cfg: syncIntervalSeconds = 10).
# A blocks a server with a reason and publishes it in its signed feed; B subscribes, first proposing (a moderator
# accepts; an unblock is an override no sync undoes; accepting again re-enables), then applying: a server A blocks
# is refused by B after the next periodic sync, and unblocked on B when A unblocks it; an account A blocks is fetched
# by B and refused; an unsigned document is no feed; unsubscribing removes what the feed blocked.

inbox_status() { # host [actor URL]: the status B's inbox answers an (unsigned) activity from an actor of that host
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/activity+json' \
    -d "{\"type\":\"Like\",\"id\":\"http://$1/likes/1\",\"actor\":\"${2:-http://$1/accounts/someone}\",\"object\":\"$B/videos/watch/x\"}" \
    "$B/inbox"
}
refused_by_b() { [ "$(inbox_status "$@")" = 403 ]; }
heard_by_b() { [ "$(inbox_status "$@")" = 401 ]; }   # not blocked: it gets as far as the signature check
feeds_api="$B/api/v1/server/moderation-feeds"
feed_field() { curl -sf "${b_auth[@]}" "$feeds_api/$1" | json_get "$2"; }
entry_of() { # target, state: the id of B's entry of that target in that state
  curl -sf "${b_auth[@]}" "$feeds_api/entries?state=$2" | json_get "(v.data.find(e => e.target === '$1') || {}).id"
}
sync_feed() { curl -sf "${b_auth[@]}" -X POST "$feeds_api/$1/sync"; }

check "A blocks a server, with a reason" curl -sf "${a_auth[@]}" -H 'Content-Type: application/json' \
  -d '{"host":"spam.example","reason":"spam wave"}' "$A/api/v1/server/blocklist/servers"
check "A lists the block with its reason, decided locally" bash -c "[ \"\$(curl -sf -H 'Authorization: Bearer $A_TOKEN' \
  '$A/api/v1/server/blocklist/servers' | json_get 'v.data.map(d => d.blockedServer.host + \"/\" + d.reason + \"/\" + d.source.type).join()')\" = 'spam.example/spam wave/local' ]"
check "A publishes it in a feed signed by its instance actor" bash -c "curl -sf '$A/feeds/moderation.json' | json_get \
  'v.servers.some(s => s.host === \"spam.example\" && s.reason === \"spam wave\") && v.signature.keyId === \"$A/accounts/peertube#main-key\"' | grep -qx true"
check "B hears from spam.example before subscribing" heard_by_b spam.example

feed="$(curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' -d "{\"host\":\"localhost:$A_PORT\",\"trust\":\"propose\"}" \
  "$feeds_api" | json_get v.id)"
check "B subscribes to A's feed, proposing" test -n "$feed" -a "$feed" != undefined
check "a sync verifies the feed and proposes its entry" bash -c "[ \"\$(curl -sf -H 'Authorization: Bearer $B_TOKEN' -X POST \
  '$feeds_api/$feed/sync' | json_get 'v.lastError + \"/\" + v.entries.proposed')\" = 'null/1' ]"
check "the proposal is not applied yet" heard_by_b spam.example
check "the admin shell lists the subscription and the proposal" bash -c "'$ROOT/vidiverse' shell --data '$WORK/b' vid:moderation-feeds \
  | grep -q 'localhost:$A_PORT/feeds/moderation.json' && '$ROOT/vidiverse' shell --data '$WORK/b' vid:moderation-feeds -s proposed \
  | grep -q 'spam.example'"
check "a moderator of B accepts it" curl -sf "${b_auth[@]}" -X POST "$feeds_api/entries/$(entry_of spam.example proposed)/accept"
check "B refuses spam.example now" refused_by_b spam.example
check "B lists the block with A's reason and the feed as source" bash -c "[ \"\$(curl -sf -H 'Authorization: Bearer $B_TOKEN' \
  '$B/api/v1/server/blocklist/servers' | json_get 'v.data.map(d => d.reason + \"/\" + d.source.type + \"/\" + d.source.host).join()')\" = 'spam wave/feed/localhost:$A_PORT' ]"
check "a moderator of B unblocks it anyway" curl -sf "${b_auth[@]}" -X DELETE "$B/api/v1/server/blocklist/servers/spam.example"
sync_feed "$feed" >/dev/null
check "the unblock is an override that a sync keeps" bash -c "[ -n \"\$(curl -sf -H 'Authorization: Bearer $B_TOKEN' \
  '$feeds_api/entries?state=overridden' | grep spam.example)\" ] && [ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Content-Type: application/activity+json' -d '{\"type\":\"Like\",\"id\":\"http://spam.example/l\",\"actor\":\"http://spam.example/accounts/x\",\"object\":\"$B/v\"}' '$B/inbox')\" = 401 ]"
check "accepting the entry again re-enables the block" curl -sf "${b_auth[@]}" -X POST \
  "$feeds_api/entries/$(entry_of spam.example overridden)/accept"
check "B refuses spam.example again" refused_by_b spam.example

check "B's admin trusts A's feed to apply" curl -sf "${b_auth[@]}" -X PUT -H 'Content-Type: application/json' \
  -d '{"trust":"apply"}' "$feeds_api/$feed"
curl -sf "${a_auth[@]}" -H 'Content-Type: application/json' -d '{"host":"other.example","reason":"impersonation"}' \
  "$A/api/v1/server/blocklist/servers"
check "a server A blocks next is refused by B after its periodic sync" eventually 45 refused_by_b other.example
curl -sf "${a_auth[@]}" -X DELETE "$A/api/v1/server/blocklist/servers/other.example"
check "and heard again once A unblocks it" eventually 45 heard_by_b other.example
check "A blocks one of its own accounts, with a reason" bash -c "curl -sf -H 'Authorization: Bearer $A_TOKEN' \
  -H 'Content-Type: application/json' -d '{\"username\":\"troll\",\"password\":\"troll-password-1\",\"email\":\"troll@example.org\",\"role\":2,\"videoQuota\":-1,\"videoQuotaDaily\":-1}' \
  '$A/api/v1/users' >/dev/null && curl -sf -H 'Authorization: Bearer $A_TOKEN' -H 'Content-Type: application/json' \
  -d '{\"accountName\":\"troll\",\"reason\":\"harassment\"}' '$A/api/v1/server/blocklist/accounts'"
troll="$A/accounts/troll"
check "B fetches that account and refuses it after its periodic sync" eventually 45 refused_by_b "localhost:$A_PORT" "$troll"
check "B lists the account block with A's reason" bash -c "curl -sf -H 'Authorization: Bearer $B_TOKEN' \
  '$B/api/v1/server/blocklist/accounts' | json_get 'v.data.map(d => d.reason + \"/\" + d.source.type).join()' | grep -qx 'harassment/feed'"

unsigned="$(curl -sf "${b_auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://localhost:$A_PORT/nodeinfo/2.0.json\",\"trust\":\"apply\"}" "$feeds_api" | json_get v.id)"
check "a document without A's signature is not applied, and the error is shown" bash -c "curl -sf -H 'Authorization: Bearer $B_TOKEN' \
  -X POST '$feeds_api/$unsigned/sync' | json_get 'v.lastSuccessAt === null && v.lastError' | grep -q 'not'"
check "a subscription with a bad trust is refused with 400" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' \
  -H 'Authorization: Bearer $B_TOKEN' -H 'Content-Type: application/json' -d '{\"host\":\"x.example\",\"trust\":\"maybe\"}' '$feeds_api')\" = 400 ]"
curl -sf "${b_auth[@]}" -X DELETE "$feeds_api/$unsigned"
check "B unsubscribes from A's feed" curl -sf "${b_auth[@]}" -X DELETE "$feeds_api/$feed"
check "what the feed blocked is unblocked" bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/activity+json' \
  -d '{\"type\":\"Like\",\"id\":\"http://spam.example/l\",\"actor\":\"http://spam.example/accounts/x\",\"object\":\"$B/v\"}' '$B/inbox')\" = 401 ] \
  && [ \"\$(curl -sf -H 'Authorization: Bearer $B_TOKEN' '$B/api/v1/server/blocklist/accounts' | json_get v.total)\" = 0 ]"
