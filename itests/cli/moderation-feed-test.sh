#!/usr/bin/env bash
# Moderation feeds on two instances of their own, each started by `./vidiverse run`: the checks of
# moderation-feed-checks.sh, which federation-test.sh also runs on its instances (so `./vidiverse test` needs no
# more instances for them). Run this one alone while working on moderation feeds.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/itests/target/moderation-feed"
PASSWORD="moderation-feed-test-password"
A_PORT=9393 B_PORT=9394
A="http://localhost:$A_PORT" B="http://localhost:$B_PORT"
source "$ROOT/itests/cli/lib.sh"

rm -rf "$WORK"; mkdir -p "$WORK"
for instance in a b; do   # loopback and plain http are allowed for tests only; feeds sync every 10 s
  mkdir -p "$WORK/$instance/etc"
  printf '%s\n' "allowLoopback = true" "remoteScheme = http" > "$WORK/$instance/etc/org.vidiverse.federation.cfg"
  echo "syncIntervalSeconds = 10" > "$WORK/$instance/etc/org.vidiverse.federation.moderationfeed.cfg"
done

trap stop_all_instances EXIT
start_instance "$A_PORT" "$WORK/a" "$WORK/a.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
wait_up "$A" || { tail -30 "$WORK/a.log"; exit 1; }
start_instance "$B_PORT" "$WORK/b" "$WORK/b.log" VID_INITIAL_ROOT_PASSWORD="$PASSWORD"
wait_up "$B" || { tail -30 "$WORK/b.log"; exit 1; }
A_TOKEN="$(token "$A" root "$PASSWORD")" B_TOKEN="$(token "$B" root "$PASSWORD")"
a_auth=(-H "Authorization: Bearer $A_TOKEN") b_auth=(-H "Authorization: Bearer $B_TOKEN")

source "$ROOT/itests/cli/moderation-feed-checks.sh"

echo "moderation feeds: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || { echo "logs: $WORK/a.log $WORK/b.log $WORK/a/data/log $WORK/b/data/log"; exit 1; }
