#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the test suite on 127.0.0.1:5433 (idempotent) and
# prints its URL. Needs Debian's postgresql package; runs the server as the postgres user.
set -euo pipefail
dir=${VOZ_PG_DIR:-/tmp/voz-pg}
port=${VOZ_PG_PORT:-5433}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_postgres "$bin/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --no-instructions" >/dev/null
fi
if ! as_postgres "$bin/pg_ctl -D $dir/data status" >/dev/null 2>&1; then
  # fsync stays on: the fault test checks durability against this server.
  as_postgres "$bin/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300' -l $dir/log -w start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
