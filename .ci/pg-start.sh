#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the test suite. Prints "PGDATA PORT PGBIN".
# PostgreSQL refuses to run as root, so as root it runs the server as the "postgres" user.
set -euo pipefail
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$PGBIN" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
PORT="${1:-55432}"
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done   # skip ports in use
PGDATA="$(mktemp -d "${TMPDIR:-/tmp}/lantoa-pg.XXXXXX")"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PGDATA"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qc "create database lantoa"
echo "$PGDATA $PORT $PGBIN"
