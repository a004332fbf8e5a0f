#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the storage contract tests.
#
#   eval "$(tests/pg.sh start)"   # starts a cluster; exports SERVICEDESK_TEST_PG and SERVICEDESK_PG_DIR
#   tests/pg.sh env               # prints the export lines again (needs SERVICEDESK_PG_DIR)
#   tests/pg.sh status
#   tests/pg.sh stop [dir]        # stops the cluster of SERVICEDESK_PG_DIR (or dir) and deletes it
#
# Every start makes its own cluster in a fresh temp folder on a free port, so test runs that
# overlap (several people, several checkouts) never stop each other's server. A start in a shell
# that already has a running SERVICEDESK_PG_DIR reuses it. Only the export lines go to stdout;
# everything else goes to stderr, so `eval` stays safe.
# Settings (environment): SERVICEDESK_PG_PORT (first port tried, default 55432).
set -euo pipefail

FIRST_PORT="${SERVICEDESK_PG_PORT:-55432}"
MARKER=".servicedesk-pg" # only folders carrying it are ever deleted

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
  local dir="$1" port
  port="$(cat "$dir/port")"
  echo "export SERVICEDESK_PG_DIR='$dir'"
  echo "export SERVICEDESK_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

running() {
  local dir="$1" bindir
  [[ -n "$dir" && -f "$dir/$MARKER" && -f "$dir/port" && -f "$dir/data/postmaster.pid" ]] || return 1
  bindir="$(find_bindir)" || return 1
  as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 || return 1
  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")"
}

install_if_missing() {
  find_bindir >/dev/null && return 0
  if [[ "$(id -u)" -ne 0 ]]; then
    log "PostgreSQL is not installed and installing it needs root; PostgreSQL tests will be skipped."
    exit 0
  fi
  log "installing Debian postgresql..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  find_bindir >/dev/null || { log "postgresql installed but initdb not found"; exit 1; }
}

start() {
  install_if_missing
  local bindir dir port attempt
  bindir="$(find_bindir)"
  if [[ "$(id -u)" -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi

  if running "${SERVICEDESK_PG_DIR:-}"; then
    log "reusing the cluster in $SERVICEDESK_PG_DIR"
    print_env "$SERVICEDESK_PG_DIR"
    return
  fi

  dir="$(mktemp -d "${TMPDIR:-/tmp}/servicedesk-pg.XXXXXX")"
  touch "$dir/$MARKER"
  chmod 700 "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then chown -R postgres: "$dir"; fi

  # Trust auth is fine: the server listens on 127.0.0.1 only and lives for one test run.
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; log "initdb failed"; rm -rf "$dir"; exit 1; }

  # Another run may take the port between our check and the server's bind: then try the next.
  port="$FIRST_PORT"
  for attempt in $(seq 1 20); do
    while port_in_use "$port"; do port=$((port + 1)); done
    echo "$port" > "$dir/port"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null 2>&1; then
      break
    fi
    if ! grep -qiE "address already in use|could not create any TCP/IP sockets|could not create lock file" "$dir/server.log" 2>/dev/null; then
      tail -n 30 "$dir/server.log" >&2 || true
      log "server did not start"; rm -rf "$dir"; exit 1
    fi
    port=$((port + 1))
  done

  local i
  for i in $(seq 1 60); do
    if "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      log "PostgreSQL ready on 127.0.0.1:$port ($dir)"
      print_env "$dir"
      return
    fi
    sleep 0.5
  done
  tail -n 30 "$dir/server.log" >&2 || true
  log "server not ready after 30 s"
  stop_dir "$dir"
  exit 1
}

stop_dir() {
  local dir="$1" bindir
  if [[ ! -f "$dir/$MARKER" ]]; then
    log "$dir is not a cluster made by pg.sh; leaving it alone"
    return 1
  fi
  if [[ -f "$dir/data/postmaster.pid" ]] && bindir="$(find_bindir)"; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || log "pg_ctl stop failed (already stopped?)"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

stop() {
  local dir="${1:-${SERVICEDESK_PG_DIR:-}}"
  if [[ -z "$dir" ]]; then
    log "nothing to stop: SERVICEDESK_PG_DIR is not set (pass the folder: $0 stop <dir>)"
    return 0
  fi
  [[ -d "$dir" ]] || { log "$dir is already gone"; return 0; }
  stop_dir "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  env) if running "${SERVICEDESK_PG_DIR:-}"; then print_env "$SERVICEDESK_PG_DIR"; else log "not running"; exit 1; fi ;;
  status) if running "${SERVICEDESK_PG_DIR:-}"; then log "running on port $(cat "$SERVICEDESK_PG_DIR/port") ($SERVICEDESK_PG_DIR)"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop [dir]|env|status" >&2; exit 2 ;;
esac
