#!/usr/bin/env bash
# tests/bench/teams-throughput.sh: Teams /api/messages throughput of ServiceDeskBot, side by side
# with the botbuilder-js peer bot (and the bare Kestrel baseline) of ../shared/bench, in one run.
#
# What it does (every process it starts is stopped by its PID on exit, whatever happens):
#   1. copies ../shared/bench to a temp dir and runs its setup.sh (wrk via apt-get when missing,
#      npm ci, Release build of the Kestrel baseline);
#   2. publishes the bot (bot/ServiceDesk.Bot.csproj) in Release into the temp dir;
#   3. starts the fake Bot Connector, then for each round (REPEATS) and each bot (BOTS) in turn:
#      starts the bot (ours: development mode = no AppId, a fresh SQLite database in the temp dir,
#      Urls=http://127.0.0.1:3978), warms it up (WARMUP s at c=16, not reported), runs the shared
#      run.sh at each concurrency (CONCURRENCIES, SECS s each), and after every run waits until the
#      replies have reached the fake connector (its /stats), so the next run starts with no backlog;
#   4. prints the per-run table of ../shared/bench/lib/table.js and a summary: activities/s, p50/p99,
#      bot CPU µs per activity, replies delivered during the load and after it (backlog drained),
#      and the ratio to the peer.
#
# A bot that acknowledges without replying does not count: the summary shows delivered/acked.
#
# Env (all optional):
#   REPEATS=2 SECS=15 WARMUP=10 CONCURRENCIES="16 64"
#   BOTS="peer-bot servicedesk servicedesk-help kestrel-baseline"   (also: servicedesk-normal, servicedesk-full)
#   SHARED_BENCH=<repo>/../shared/bench   where the harness is (read-only is fine: it is copied)
#   BOT_PUBLISH_DIR=<dir>                 use this published bot instead of publishing one
#   R2R=1                                 publish ReadyToRun (0: plain IL, all JIT)
#   KEEP_WORK=1                           keep the temp dir (results, logs, databases) after the run
#   DRAIN_TIMEOUT=120                     max seconds to wait for a backlog of replies after a run
#   CONNECTOR_PORT=3980 PEER_PORT=3977 BOT_PORT=3978 KESTREL_PORT=3979
#
# Bots:
#   peer-bot          ../shared/bench/peer-bot (botbuilder 4.23, express), replies before answering 200
#   servicedesk       this repository's bot as configured by default, plus one benchmark setting:
#                     BotFramework:Connector:LocalRateLimits=false (Teams' own limits, 50/s per tenant
#                     and 7/s per conversation, would otherwise pace the replies to a 50-user load).
#                     The harness's texts describe problems: each turn is an intake (classifier,
#                     known answers, the pre-filled form, the conversation's flow state)
#   servicedesk-help  the same bot, every activity's text "help": the turn itself (parse, dedupe record,
#                     conversation reference, one outbox message, commit, delivery) with the help card
#   servicedesk-normal, servicedesk-full
#                     servicedesk with Storage:Sqlite:Synchronous=Normal or Full (Full is the default)
#   kestrel-baseline  ../shared/bench/kestrel-baseline: parse + reply, nothing stored (the ceiling)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$REPO/../shared/bench}
REPEATS=${REPEATS:-2}
SECS=${SECS:-15}
WARMUP=${WARMUP:-10}
CONCURRENCIES=${CONCURRENCIES:-"16 64"}
BOTS=${BOTS:-"peer-bot servicedesk servicedesk-help kestrel-baseline"}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-120}
CONNECTOR_PORT=${CONNECTOR_PORT:-3980}
PEER_PORT=${PEER_PORT:-3977}
BOT_PORT=${BOT_PORT:-3978}
KESTREL_PORT=${KESTREL_PORT:-3979}

[[ -f $SHARED_BENCH/run.sh ]] || { echo "no benchmark harness at $SHARED_BENCH (set SHARED_BENCH)" >&2; exit 3; }
for b in $BOTS; do
  case $b in peer-bot|servicedesk|servicedesk-help|servicedesk-normal|servicedesk-full|kestrel-baseline) ;; *) echo "unknown bot '$b'" >&2; exit 2 ;; esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/teams-throughput.XXXXXX")

# ---- process bookkeeping: only PIDs started here are ever signalled ----
STARTED=()
stop_pid() {
  local pid=$1 i
  if kill -TERM "$pid" 2>/dev/null; then
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
  local keep=() p
  for p in "${STARTED[@]}"; do [[ $p == "$pid" ]] || keep+=("$p"); done
  STARTED=("${keep[@]}")
}
cleanup() {
  local p
  for p in "${STARTED[@]}"; do stop_pid "$p"; done
  if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

RUN_SEQ=0
LAST_PID=
start_bg() { # start_bg LOGFILE CMD... ; sets LAST_PID
  "${@:2}" >"$1" 2>&1 &
  LAST_PID=$!
  STARTED+=("$LAST_PID")
}

port_in_use() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
for port in "$CONNECTOR_PORT" "$PEER_PORT" "$BOT_PORT" "$KESTREL_PORT"; do
  if port_in_use "$port"; then echo "port 127.0.0.1:$port is already in use; stop that process first" >&2; exit 3; fi
done

# ---- 1. the harness, copied (../shared may be read-only) ----
cp -R "$SHARED_BENCH" "$WORK/bench"
chmod -R u+w "$WORK/bench"
rm -rf "$WORK/bench/results"
B=$WORK/bench
# The harness numbers activities t1-1, t1-2, ... afresh in every wrk run. A bot that de-duplicates
# activities by id (ours does, durably) would take every run after the first for redeliveries of
# the warm-up's activities and answer them without a reply; so, in this copy only, each run gets
# its own id prefix (ACTIVITY_ID_PREFIX, set per run below). The peer and the baseline ignore ids.
# Also in this copy only: ACTIVITY_TEXT, when set, replaces the harness's texts (servicedesk-help sends "help").
sed -i -e 's|string.format("t%d-%d", tid, counter)|string.format("%st%d-%d", id_prefix, tid, counter)|' \
       -e 's|u, u, u, u, texts\[(counter % #texts) + 1\])|u, u, u, u, text_override or texts[(counter % #texts) + 1])|' \
       -e 's|^local users = .*|&\nlocal id_prefix = os.getenv("ACTIVITY_ID_PREFIX") or ""\nlocal text_override = os.getenv("ACTIVITY_TEXT")|' \
       "$B/load/activity.lua"
for patched in 'string.format("%st%d-%d", id_prefix' 'text_override or texts' 'local text_override = os.getenv'; do
  grep -qF "$patched" "$B/load/activity.lua" || { echo "could not patch $B/load/activity.lua (ids per run, text)" >&2; exit 3; }
done
# node_modules are kept between runs, keyed by the lock file, so a run does not wait on npm each time.
NM_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/servicedesk-bench/node_modules-$(sha256sum "$B/package-lock.json" | cut -c1-16)
if [[ -f $NM_CACHE/botbuilder/package.json && -f $NM_CACHE/express/package.json ]]; then
  cp -R "$NM_CACHE" "$B/node_modules"
fi
echo "== setup ($B)"
"$B/setup.sh"
if [[ ! -d $NM_CACHE ]]; then mkdir -p "$(dirname "$NM_CACHE")" && cp -R "$B/node_modules" "$NM_CACHE.tmp$$" && mv "$NM_CACHE.tmp$$" "$NM_CACHE" || true; fi

# ---- 2. the bot, published in Release ----
if [[ -n ${BOT_PUBLISH_DIR:-} ]]; then
  BOT_DIR=$(cd "$BOT_PUBLISH_DIR" && pwd)
else
  BOT_DIR=$WORK/servicedesk
  # ReadyToRun (R2R=0 to leave it out) precompiles the bot and its packages (EF Core among them), so the
  # short warm-up measures the bot rather than the JIT; tiered compilation still optimizes the hot code.
  r2r=()
  [[ ${R2R:-1} == 1 ]] && r2r=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
  echo "== dotnet publish bot/ServiceDesk.Bot.csproj -c Release ${r2r[*]}"
  dotnet publish "$REPO/bot/ServiceDesk.Bot.csproj" -c Release "${r2r[@]}" -o "$BOT_DIR" -nologo -v q
fi
[[ -x $BOT_DIR/ServiceDesk.Bot ]] || { echo "no published bot in $BOT_DIR" >&2; exit 3; }

OUT=$WORK/results
mkdir -p "$OUT"
RESULTS=$OUT/results.jsonl
DELIVERY=$OUT/delivery.jsonl
get() { node "$B/lib/get.js" "$1"; }
json_field() { node -e 'const o=JSON.parse(process.argv[1]); const v=o[process.argv[2]]; process.stdout.write(v===undefined||v===null?"":String(v))' "$1" "$2"; }

bot_port() {
  case $1 in peer-bot) echo "$PEER_PORT" ;; kestrel-baseline) echo "$KESTREL_PORT" ;; servicedesk*) echo "$BOT_PORT" ;; esac
}

start_bot() { # start_bot NAME ROUND ; sets LAST_PID
  local name=$1 round=$2 log=$OUT/$1.round$2.log
  case $name in
    peer-bot) start_bg "$log" env PORT="$PEER_PORT" node "$B/peer-bot/bot.js" ;;
    kestrel-baseline) start_bg "$log" env PORT="$KESTREL_PORT" "$B/kestrel-baseline/bin/Release/net10.0/KestrelBaseline" ;;
    servicedesk*)
      local data=$WORK/data-$name-$round extra=()
      rm -rf "$data" && mkdir -p "$data"
      [[ $name == servicedesk-full ]] && extra+=(Storage__Sqlite__Synchronous=Full)
      [[ $name == servicedesk-normal ]] && extra+=(Storage__Sqlite__Synchronous=Normal)
      # Started as deployed: from its folder (so its appsettings.json applies), the rest in the environment.
      start_bg "$log" env -C "$BOT_DIR" BotFramework__AppId= BotFramework__AppPassword= \
        ConnectionStrings__ServiceDesk="Data Source=$data/servicedesk.db" Urls="http://127.0.0.1:$BOT_PORT" \
        BotFramework__Connector__LocalRateLimits=false "${extra[@]}" "$BOT_DIR/ServiceDesk.Bot"
      ;;
  esac
}

# wait_ready NAME PID: until /healthz answers 200 from the process PID (60 s at most).
wait_ready() {
  local name=$1 pid=$2 port i
  port=$(bot_port "$name")
  for i in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { echo "$name (pid $pid) died while starting:" >&2; tail -n 30 "$OUT/$name".round*.log >&2 || true; return 1; }
    if get "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && ss -Htlnp "sport = :$port" 2>/dev/null | grep -q "pid=$pid,"; then return 0; fi
    sleep 0.2
  done
  echo "$name not ready after 60 s" >&2; return 1
}

# drain LABEL RUN CONC BEFORE_TOTAL RESULT_LINE: wait for the replies of the acked activities.
drain() {
  local label=$1 run=$2 conc=$3 before=$4 result=$5 acked in_window now total t0 last_total last_change
  acked=$(json_field "$result" acked)
  in_window=$(json_field "$result" replies)
  t0=$(date +%s%N); last_total=-1; last_change=$t0
  while :; do
    total=$(json_field "$(get "http://127.0.0.1:$CONNECTOR_PORT/stats")" total)
    now=$(date +%s%N)
    (( total - before >= acked )) && break
    if (( total != last_total )); then last_total=$total; last_change=$now; fi
    (( now - last_change > 10000000000 || now - t0 > DRAIN_TIMEOUT * 1000000000 )) && break
    sleep 0.2
  done
  local delivered=$((total - before)) drain_ms=$(((now - t0) / 1000000))
  echo "delivery     $delivered replies for $acked acked activities ($in_window during the load, $((delivered - in_window)) backlog drained in $drain_ms ms after it)"
  [[ -n $label ]] && printf '{"label":"%s","run":%s,"concurrency":%s,"acked":%s,"repliesInWindow":%s,"delivered":%s,"drainMs":%s}\n' \
    "$label" "$run" "$conc" "$acked" "${in_window:-0}" "$delivered" "$drain_ms" >>"$DELIVERY"
  return 0
}

# measure LABEL RUN CONC SECS [BOT_PID]: one run.sh, then drain; result line appended when RUN is set.
measure() {
  local label=$1 run=$2 conc=$3 secs=$4 pid=${5:-} url before out result
  url="http://127.0.0.1:$(bot_port "$label")/api/messages"
  export ACTIVITY_ID_PREFIX="r${run:-w}c${conc}n$((++RUN_SEQ))-"
  if [[ $label == servicedesk-help ]]; then export ACTIVITY_TEXT=help; else unset ACTIVITY_TEXT; fi
  before=$(json_field "$(get "http://127.0.0.1:$CONNECTOR_PORT/stats")" total)
  if [[ -n $run ]]; then
    out=$(cd "$B" && LABEL="$label" RUN="$run" BOT_PID="$pid" RESULT_FILE="$RESULTS" ./run.sh "$url" "$conc" "$secs")
    echo "$out" | tee -a "$OUT/runs.log" | grep -v '^RESULT '
  else
    out=$(cd "$B" && LABEL="$label warmup" BOT_PID="$pid" ./run.sh "$url" "$conc" "$secs")
  fi
  result=$(echo "$out" | sed -n 's/^RESULT //p' | tail -n 1)
  if [[ -n $run ]]; then drain "$label" "$run" "$conc" "$before" "$result"; else drain "" "" "$conc" "$before" "$result" >/dev/null; fi
}

{
  echo "started:    $(date -u +%FT%TZ)"
  echo "host:       $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), kernel $(uname -r)"
  echo "loadavg:    $(cut -d' ' -f1-3 /proc/loadavg) (before start)"
  echo "node:       $(node --version), botbuilder $(cd "$B" && node -p "require('botbuilder/package.json').version")"
  echo "dotnet:     $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/{print "ASP.NET Core " $2}' | tail -n 1)"
  echo "wrk:        $(wrk --version 2>&1 | head -n 1 | awk '{print $2}')"
  echo "bot:        $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet HEAD -- bot storage domain cards 2>/dev/null || echo ' (+ uncommitted changes)')"
  echo "config:     REPEATS=$REPEATS SECS=$SECS WARMUP=$WARMUP CONCURRENCIES=\"$CONCURRENCIES\" BOTS=\"$BOTS\""
} | tee "$OUT/env.txt"

start_bg "$OUT/fake-connector.log" env CONNECTOR_PORT="$CONNECTOR_PORT" node "$B/fake-connector/server.js"
CONNECTOR_PID=$LAST_PID
for i in $(seq 1 150); do
  body=$(get "http://127.0.0.1:$CONNECTOR_PORT/stats" 2>/dev/null) && [[ $body == *"\"pid\":$CONNECTOR_PID"[,}]* ]] && break
  kill -0 "$CONNECTOR_PID" 2>/dev/null || { echo "fake connector died" >&2; cat "$OUT/fake-connector.log" >&2; exit 3; }
  sleep 0.2
done
export CONNECTOR_URL="http://127.0.0.1:$CONNECTOR_PORT"

# Something else (a test starting a bot on the Bot Framework's default port) may hold the port for a while.
wait_port_free() {
  local port=$1 i
  for i in $(seq 1 300); do port_in_use "$port" || return 0; sleep 0.2; done
  echo "port 127.0.0.1:$port stays in use: $(ss -Htlnp "sport = :$port" 2>/dev/null)" >&2; return 1
}

for round in $(seq 1 "$REPEATS"); do
  for bot in $BOTS; do
    wait_port_free "$(bot_port "$bot")"
    start_bot "$bot" "$round"
    pid=$LAST_PID
    wait_ready "$bot" "$pid"
    echo
    echo "### round $round: $bot (pid $pid)"
    if (( WARMUP > 0 )); then measure "$bot" "" 16 "$WARMUP" "$pid"; sleep 1; fi
    for c in $CONCURRENCIES; do
      measure "$bot" "$round" "$c" "$SECS" "$pid"
      sleep 1
    done
    stop_pid "$pid"
    sleep 1
  done
done

echo
node "$B/lib/table.js" "$RESULTS" "$BOTS" | tee "$OUT/table.md"
echo
node "$HERE/summary.cjs" "$RESULTS" "$DELIVERY" "$BOTS" | tee "$OUT/summary.md"
echo
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "raw results: $OUT"; fi
