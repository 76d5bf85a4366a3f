#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the contact-ledger tests.
#
#   .ci/postgres.sh start    initdb into a temp dir, start on a free port, create the database;
#                            prints export lines (CONTACTGUARD_TEST_PG_URL/_USER/_PASSWORD/_CTL)
#   .ci/postgres.sh pause    stop the server, keep the data (the "database down" test)
#   .ci/postgres.sh resume   start it again on the same port
#   .ci/postgres.sh stop     stop the server and delete everything
#
# State lives in $CONTACTGUARD_PG_STATE (default: a fixed folder under $TMPDIR). Run as root, the
# server runs as the 'postgres' user (initdb refuses root). Needs PostgreSQL's server binaries
# (Debian: apt-get install postgresql).
set -euo pipefail

state=${CONTACTGUARD_PG_STATE:-${TMPDIR:-/tmp}/contactguard-pg}
db=contactguard
user=contactguard
password=contactguard-test

bindir=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$dir/pg_ctl" ]; then bindir=$dir; break; fi
done
if [ -z "$bindir" ] && command -v pg_ctl >/dev/null 2>&1; then
  bindir=$(dirname "$(command -v pg_ctl)")
fi
if [ -z "$bindir" ]; then
  echo "postgres.sh: no PostgreSQL server binaries found (apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

server_start() {
  local port
  port=$(cat "$state/port")
  as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=on -c max_connections=100" start >&2
}

case "${1:-}" in
  start)
    if [ -f "$state/port" ]; then
      echo "postgres.sh: $state is in use; run '$0 stop' first" >&2
      exit 1
    fi
    mkdir -p "$state"
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home-dir "$state" --shell /bin/false postgres
      chown postgres "$state"
    fi
    port=""
    for candidate in $(seq 55432 55532); do
      if port_free "$candidate"; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "postgres.sh: no free port in 55432-55532" >&2; exit 1; }
    echo "$port" > "$state/port"
    printf '%s\n' "$password" > "$state/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres "$state/pwfile" "$state/port"
    as_owner "$bindir/initdb" -D "$state/data" -U "$user" --pwfile="$state/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    server_start
    PGPASSWORD=$password "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -q -v ON_ERROR_STOP=1 \
      -c "CREATE DATABASE $db" >&2
    echo "export CONTACTGUARD_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/$db"
    echo "export CONTACTGUARD_TEST_PG_USER=$user"
    echo "export CONTACTGUARD_TEST_PG_PASSWORD=$password"
    echo "export CONTACTGUARD_TEST_PG_CTL=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
    echo "export CONTACTGUARD_PG_STATE=$state"
    ;;
  pause)
    as_owner "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >&2
    ;;
  resume)
    server_start
    ;;
  stop)
    if [ -d "$state/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$state"
    ;;
  *)
    echo "usage: $0 start|pause|resume|stop" >&2
    exit 2
    ;;
esac
