#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the storage contract tests.
#
#   eval "$(tests/pg.sh start)"   # starts (or reuses) the cluster, exports SERVICEDESK_TEST_PG
#   tests/pg.sh env               # prints the export line of a running cluster again
#   tests/pg.sh status
#   tests/pg.sh stop              # stops it and deletes its files
#
# Only the export line goes to stdout; everything else goes to stderr, so `eval` stays safe.
# Settings (environment): SERVICEDESK_PG_DIR (default /tmp/servicedesk-pg),
# SERVICEDESK_PG_PORT (first port tried, default 55432).
set -euo pipefail

DIR="${SERVICEDESK_PG_DIR:-/tmp/servicedesk-pg}"
FIRST_PORT="${SERVICEDESK_PG_PORT:-55432}"
DATA="$DIR/data"

log() { echo "pg.sh: $*" >&2; }

# The newest server binaries: Debian keeps them in /usr/lib/postgresql/<major>/bin, off PATH.
find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

# initdb and postgres refuse to run as root: as root we act as the `postgres` user.
as_owner() {
  if [[ "$(id -u)" -ne 0 ]]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_env() {
  local port; port="$(cat "$DIR/port")"
  echo "export SERVICEDESK_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

running() {
  [[ -f "$DIR/port" && -f "$DATA/postmaster.pid" ]] || return 1
  local bindir; bindir="$(find_bindir)" || return 1
  as_owner "$bindir/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$(cat "$DIR/port")"
}

start() {
  local bindir
  if ! bindir="$(find_bindir)"; then
    if [[ "$(id -u)" -ne 0 ]]; then
      log "PostgreSQL is not installed and installing it needs root; PostgreSQL tests will be skipped."
      exit 0
    fi
    log "installing Debian postgresql..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    bindir="$(find_bindir)" || { log "postgresql installed but initdb not found"; exit 1; }
  fi
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir "$DIR" --shell /bin/sh postgres
  fi

  if running; then
    log "reusing the cluster in $DIR"
    print_env
    return
  fi

  # Anything left over is from a crashed or half-made cluster: start clean.
  if [[ -f "$DATA/postmaster.pid" ]]; then as_owner "$bindir/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$DIR"; fi

  local port="$FIRST_PORT"
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port" > "$DIR/port"

  # Trust auth is fine: the server listens on 127.0.0.1 only and lives for one test run.
  as_owner "$bindir/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; log "initdb failed"; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null \
    || { tail -n 30 "$DIR/server.log" >&2 || true; log "server did not start"; exit 1; }

  local i
  for i in $(seq 1 60); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      log "PostgreSQL ready on 127.0.0.1:$port ($DIR)"
      print_env
      return
    fi
    sleep 0.5
  done
  tail -n 30 "$DIR/server.log" >&2 || true
  log "server not ready after 30 s"
  exit 1
}

stop() {
  local bindir
  if [[ -f "$DATA/postmaster.pid" ]] && bindir="$(find_bindir)"; then
    as_owner "$bindir/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || log "pg_ctl stop failed (already stopped?)"
  fi
  rm -rf "$DIR"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) if running; then print_env; else log "not running"; exit 1; fi ;;
  status) if running; then log "running on port $(cat "$DIR/port")"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
