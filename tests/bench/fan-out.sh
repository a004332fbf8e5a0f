#!/usr/bin/env bash
# tests/bench/fan-out.sh: an outage notice to N people through the outbox, under Teams' limits.
#
# Not part of the test run. Publishes the bot (Release) and runs tests/bench/FanOut, which
#   1. starts a fake Bot Connector on loopback (real HTTP) that enforces Teams' limits itself, the strictest
#      way (per conversation 7/1 s, 8/2 s, 60/30 s; per tenant 50/1 s: no interval of a window's length
#      holds more accepted calls), answers anything over with 429 + Retry-After, and answers RANDOM_429 of
#      all calls (seeded) with 429 + Retry-After: 1;
#   2. starts the bot's own Program in a process of its own on a fresh SQLite database (development mode,
#      the limits given to it as configuration: the only thing the two share), warms it up with a notice to
#      WARMUP other people (not measured; they are then marked unreachable, so they leave the audience), and
#      writes N personal conversations of one tenant (people who installed the bot; their chat ids known);
#   3. declares an outage to everyone through POST /api/outages (one commit enqueues the N notices) and
#      waits until every conversation got its notice (or nothing moved for STALL_TIMEOUT s);
#   4. prints a markdown table: delivered, duplicates, lost, 429s by cause, total time from the first
#      enqueue to the last delivery against the minimum the tenant limit allows (N / 50 per s).
# Exit code 0 when every notice was delivered exactly once.
#
# Env (all optional): N=10000 SEED=42 RANDOM_429=0.02 STALL_TIMEOUT=60 BOT_PORT=5978
#   CONVERSATION_LIMITS="7/00:00:01, 8/00:00:02, 60/00:00:30" TENANT_LIMITS="50/00:00:01"
#   WARMUP=200 (people told first, not measured, so the bot runs warm as it would when an outage comes; 0: cold)
#   BOT_SETTINGS="Key:Sub=value ..." (more bot configuration, e.g. Storage:Sqlite:Synchronous=Normal)
#   BOT_PUBLISH_DIR=<dir> (a published bot to use)  KEEP_WORK=1 (keep the database and the bot's log)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
export WORK=$(mktemp -d "${TMPDIR:-/tmp}/fan-out.XXXXXX")
cleanup() { if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

BOT_DIR=${BOT_PUBLISH_DIR:-$WORK/bot}
if [[ -z ${BOT_PUBLISH_DIR:-} ]]; then
  dotnet publish "$REPO/bot/ServiceDesk.Bot.csproj" -c Release -o "$BOT_DIR" -nologo -v q
fi
dotnet build "$HERE/FanOut/FanOut.csproj" -c Release -nologo -v q
export BOT_DLL=$BOT_DIR/ServiceDesk.Bot.dll
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
dotnet "$HERE/FanOut/bin/Release/net10.0/FanOut.dll"
