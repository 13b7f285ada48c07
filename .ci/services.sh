#!/usr/bin/env bash
# Database services for the source-reader tests (issue 3): PostgreSQL and MariaDB on 127.0.0.1 only,
# each holding a small synthetic legacy care database `legacy_care`, plus LibreOffice (headless) for
# the legacy .xls route. Idempotent: installs only what is missing, starts only what is stopped, and
# reloads the same synthetic rows every run. Works as root in a container without systemd.
#
# Writes the connection settings to $MODS_SERVICES_ENV (default /tmp/mods-migrate-services.env):
#   source "$MODS_SERVICES_ENV"   # exports MODS_TEST_PG_URL and MODS_TEST_MYSQL_URL
# .ci/run sources this file: the work runs in a subshell (its `set -e` and helper functions stay
# there) and only the two variables are exported into the caller.
MODS_SERVICES_ENV="${MODS_SERVICES_ENV:-/tmp/mods-migrate-services.env}"
MODS_SERVICES_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mods_services() (
set -euo pipefail
ENV_FILE="$MODS_SERVICES_ENV"
HERE="$MODS_SERVICES_HERE"
# A synthetic test-only account on loopback-only servers; not a secret.
TEST_USER=mods_test
TEST_PASSWORD=mods_test_pw
PG_PORT=5432
MYSQL_PORT=3306

say() { echo "[services] $*"; }

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v mariadbd >/dev/null || command -v mysqld >/dev/null || missing+=(mariadb-server)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
  if ((${#missing[@]})); then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  local version
  version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  local conf="/etc/postgresql/$version/main/postgresql.conf"
  sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/; s/^#\?port = .*/port = $PG_PORT/" "$conf"
  pg_lsclusters -h | grep "^$version main" | grep -q online || pg_ctlcluster "$version" main start
  for _ in $(seq 60); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0; sleep 1; done
  say "PostgreSQL did not become ready"; return 1
}

load_postgres() {
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PG_PORT" <<SQL
SELECT 'CREATE ROLE $TEST_USER LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$TEST_USER')\gexec
ALTER ROLE $TEST_USER WITH LOGIN PASSWORD '$TEST_PASSWORD';
DROP DATABASE IF EXISTS legacy_care;
CREATE DATABASE legacy_care OWNER $TEST_USER ENCODING 'UTF8' TEMPLATE template0;
SQL
  PGPASSWORD="$TEST_PASSWORD" psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$TEST_USER" legacy_care \
    -f "$HERE/services/legacy-care.pg.sql"
}

start_mariadb() {
  if ! mysqladmin ping --silent >/dev/null 2>&1; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    (mysqld_safe --bind-address=127.0.0.1 --port="$MYSQL_PORT" >/tmp/mods-mariadb.log 2>&1 &)
  fi
  for _ in $(seq 60); do mysqladmin ping --silent >/dev/null 2>&1 && return 0; sleep 1; done
  say "MariaDB did not become ready (see /tmp/mods-mariadb.log)"; return 1
}

load_mariadb() {
  mysql -u root <<SQL
DROP DATABASE IF EXISTS legacy_care;
CREATE DATABASE legacy_care CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$TEST_USER'@'127.0.0.1' IDENTIFIED BY '$TEST_PASSWORD';
CREATE USER IF NOT EXISTS '$TEST_USER'@'localhost' IDENTIFIED BY '$TEST_PASSWORD';
GRANT ALL ON legacy_care.* TO '$TEST_USER'@'127.0.0.1';
GRANT ALL ON legacy_care.* TO '$TEST_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
  mysql -u "$TEST_USER" -p"$TEST_PASSWORD" -h 127.0.0.1 -P "$MYSQL_PORT" --default-character-set=utf8mb4 legacy_care \
    <"$HERE/services/legacy-care.mysql.sql"
}

install_missing
start_postgres
load_postgres
start_mariadb
load_mariadb
cat >"$ENV_FILE" <<ENV
export MODS_TEST_PG_URL=postgres://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$PG_PORT/legacy_care
export MODS_TEST_MYSQL_URL=mysql://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$MYSQL_PORT/legacy_care
ENV
say "PostgreSQL and MariaDB ready; settings in $ENV_FILE"
)

if mods_services; then
  # shellcheck source=/dev/null
  source "$MODS_SERVICES_ENV"
  cat "$MODS_SERVICES_ENV"
else
  echo "[services] failed to start the test databases" >&2
  false
fi
