#!/usr/bin/env bash
# tests/bench/TurnProfile/profile.sh: where the CPU of one /api/messages turn goes, per stage.
#
# Not part of the test run. Starts the fake Bot Connector of ../shared/bench and the bot (published,
# Release, dev mode, fresh SQLite) on ports of its own, drives it with the harness's wrk script, and
#   1. measures the bot's CPU per acked activity (utime+stime from /proc over the run): the figure
#      that matters on a shared, noisy machine;
#   2. samples it with Linux perf (cpu-clock, frame-pointer stacks; JIT'd code named through the
#      runtime's perf map, so the bot runs with DOTNET_PerfMapEnabled=1 and DOTNET_ReadyToRun=0, and
#      DOTNET_TieredCompilation=0 so that the JIT is done before the measured run)
#      and spreads that CPU over the stages of a turn (stages.cjs: translate, dedupe, classify,
#      knowledge search, render card, flow state, save, dispatch, HTTP, GC, JIT ...);
#   3. with SQL=1, restarts the bot with EF's command log on, sends SQL_TURNS turns one at a time,
#      and counts the database commands per turn by kind (SELECT, INSERT, UPDATE ...).
# Profiling slows the bot a little (perf map, no ReadyToRun): compare profiles with profiles and the
# µs/activity of step 1 with each other; teams-throughput.sh gives the figures to quote.
#
# Env (all optional):
#   TEXT=intake|help   intake: the harness's problem descriptions; help: every text "help"   (intake)
#   CONC=16 SECS=15 WARMUP=10 FREQ=499 (perf samples/s per CPU)  SQL=0 SQL_TURNS=60
#   PROFILE=0          skip steps 1-2 (with SQL=1: only count the commands)
#   BOT_PUBLISH_DIR=<dir>  a published bot to use (else: dotnet publish -c Release into the work dir)
#   SHARED_BENCH=<repo>/../shared/bench   KEEP_WORK=1   CONNECTOR_PORT=4980 BOT_PORT=4978
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
TEXT=${TEXT:-intake}
CONC=${CONC:-16}
SECS=${SECS:-15}
WARMUP=${WARMUP:-10}
FREQ=${FREQ:-499}
SQL=${SQL:-0}
PROFILE=${PROFILE:-1}
SQL_TURNS=${SQL_TURNS:-60}
CONNECTOR_PORT=${CONNECTOR_PORT:-4980}
BOT_PORT=${BOT_PORT:-4978}

[[ $TEXT == intake || $TEXT == help ]] || { echo "TEXT must be intake or help" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf not found" >&2; exit 3; }
command -v wrk >/dev/null || { echo "wrk not found (../shared/bench/setup.sh installs it)" >&2; exit 3; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/turnprofile.XXXXXX")
STARTED=()
stop_pid() {
  local pid=$1 i
  if kill -TERM "$pid" 2>/dev/null; then
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local p
  for p in "${STARTED[@]}"; do stop_pid "$p"; done
  if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The harness's wrk script, with an id prefix per run (the bot drops redelivered ids) and a text override.
cp "$SHARED_BENCH/load/activity.lua" "$WORK/activity.lua"
sed -i -e 's|string.format("t%d-%d", tid, counter)|string.format("%st%d-%d", id_prefix, tid, counter)|' \
       -e 's|u, u, u, u, texts\[(counter % #texts) + 1\])|u, u, u, u, text_override or texts[(counter % #texts) + 1])|' \
       -e 's|^local users = .*|&\nlocal id_prefix = os.getenv("ACTIVITY_ID_PREFIX") or ""\nlocal text_override = os.getenv("ACTIVITY_TEXT")|' \
       "$WORK/activity.lua"
grep -qF 'text_override or texts' "$WORK/activity.lua" || { echo "could not patch activity.lua" >&2; exit 3; }
export SERVICE_URL="http://127.0.0.1:$CONNECTOR_PORT/"
[[ $TEXT == help ]] && export ACTIVITY_TEXT=help

if [[ -n ${BOT_PUBLISH_DIR:-} ]]; then
  BOT_DIR=$(cd "$BOT_PUBLISH_DIR" && pwd)
else
  BOT_DIR=$WORK/bot
  dotnet publish "$REPO/bot/ServiceDesk.Bot.csproj" -c Release -o "$BOT_DIR" -nologo -v q
fi

get() { node "$SHARED_BENCH/lib/get.js" "$1"; }
delivered() { get "http://127.0.0.1:$CONNECTOR_PORT/stats" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))'; }
ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12+$13}'; }

env CONNECTOR_PORT="$CONNECTOR_PORT" node "$SHARED_BENCH/fake-connector/server.js" >"$WORK/connector.log" 2>&1 &
STARTED+=($!)

start_bot() { # start_bot LOG [ENV...]; sets BOT_PID
  local log=$1; shift
  rm -rf "$WORK/data" && mkdir -p "$WORK/data"
  env -C "$BOT_DIR" BotFramework__AppId= BotFramework__AppPassword= \
    ConnectionStrings__ServiceDesk="Data Source=$WORK/data/servicedesk.db" Urls="http://127.0.0.1:$BOT_PORT" \
    BotFramework__Connector__LocalRateLimits=false "$@" "$BOT_DIR/ServiceDesk.Bot" >"$log" 2>&1 &
  BOT_PID=$!
  STARTED+=("$BOT_PID")
  local i
  for i in $(seq 1 300); do
    kill -0 "$BOT_PID" 2>/dev/null || { echo "bot died:" >&2; tail -n 30 "$log" >&2; exit 4; }
    get "http://127.0.0.1:$BOT_PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "bot not ready" >&2; exit 4
}
load() { # load SECS TAG: wrk at CONC; prints acked requests
  ACTIVITY_ID_PREFIX="$2-" timeout -k 5 $(($1 + 30)) wrk -t1 -c"$CONC" -d"$1s" --timeout 10s -s "$WORK/activity.lua" \
    "http://127.0.0.1:$BOT_PORT/api/messages" | sed -n 's/^WRKJSON //p' \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const o=JSON.parse(s);const e=o.errConnect+o.errRead+o.errWrite+o.errStatus+o.errTimeout;console.log(o.requests-e, o.latP50Us, o.latP99Us)})'
}
drain() { # until the connector has seen $1 replies (or 60 s)
  local i
  for i in $(seq 1 300); do (( $(delivered) >= $1 )) && return 0; sleep 0.2; done
  echo "warning: replies still missing after 60 s" >&2
}

echo "loadavg: $(cut -d' ' -f1-3 /proc/loadavg); text=$TEXT conc=$CONC secs=$SECS"
if [[ $PROFILE == 1 ]]; then
start_bot "$WORK/bot.log" DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_TieredCompilation=0 DOTNET_EnableWriteXorExecute=0
if (( WARMUP > 0 )); then read -r acked _ _ < <(load "$WARMUP" warm); drain "$acked"; fi

base=$(delivered)
t0=$(ticks "$BOT_PID")
perf record -F "$FREQ" -g -p "$BOT_PID" -o "$WORK/perf.data" -- sleep "$((SECS + 1))" >"$WORK/perf.log" 2>&1 &
PERF_PID=$!
read -r acked p50 p99 < <(load "$SECS" run)
drain "$((base + acked))"
wait "$PERF_PID" || true
t1=$(ticks "$BOT_PID")
cpu_us=$(( (t1 - t0) * 1000000 / $(getconf CLK_TCK) ))
echo "acked $acked in ${SECS}s ($((acked / SECS))/s), p50 ${p50} µs, p99 ${p99} µs; bot CPU $((cpu_us / (acked > 0 ? acked : 1))) µs/activity (incl. ~1 s of drain)"
perf script -i "$WORK/perf.data" -F comm,tid,ip,sym,dso 2>/dev/null >"$WORK/perf.txt" || true
node "$HERE/stages.cjs" "$WORK/perf.txt" "$acked" "$cpu_us"
stop_pid "$BOT_PID"
fi

if [[ $SQL == 1 ]]; then
  start_bot "$WORK/bot-sql.log" Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
  node "$HERE/sql-turns.cjs" "http://127.0.0.1:$BOT_PORT/api/messages" "$SERVICE_URL" "$TEXT" 10 >/dev/null  # first turns of each conversation
  lines_before=$(wc -l <"$WORK/bot-sql.log")
  node "$HERE/sql-turns.cjs" "http://127.0.0.1:$BOT_PORT/api/messages" "$SERVICE_URL" "$TEXT" "$SQL_TURNS"
  sleep 2
  tail -n +"$((lines_before + 1))" "$WORK/bot-sql.log" | node "$HERE/sql-count.cjs" "$SQL_TURNS"
fi
