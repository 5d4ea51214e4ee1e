#!/usr/bin/env bash
# `pnpm test`'s pretest (and so .ci/run's): bring up what the integration and e2e tests need.
# PostgreSQL at 127.0.0.1:5432 (user postgres, trust, database test), NATS JetStream at 127.0.0.1:4222,
# Debian's chromium with a CJK font for the report --html test. Starts only what is installed but
# stopped, never restarts what runs; where something is missing and cannot be installed here (not
# root, not Debian), stops with one line naming it and the command that provides it.
set -euo pipefail

missing() { echo "pnpm test: $1" >&2; exit 1; }
as_root() { [ "$(id -u)" = 0 ]; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# chromium + CJK font: playwright-core never downloads a browser, the page's Chinese must render as text
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -q 'CJK'; then
  if as_root && command -v apt-get >/dev/null 2>&1; then
    echo "pretest: installing chromium and fonts-noto-cjk (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
  else
    missing "needs /usr/bin/chromium and a CJK font: sudo apt-get install chromium fonts-noto-cjk"
  fi
fi

# PostgreSQL: start the newest installed cluster only if nothing answers on 5432
if ! listening 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "pretest: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do listening 5432 && break; sleep 1; done
  fi
  listening 5432 || missing "needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth): sudo apt-get install postgresql"
fi
if command -v psql >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
    || psql -q -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' \
    || missing "cannot create database test on 127.0.0.1:5432 as user postgres: psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE test'"
fi

# NATS with JetStream: start it only if nothing listens on 4222
if ! listening 4222; then
  if [ -x /usr/sbin/nats-server ] && as_root; then
    echo "pretest: starting nats-server with JetStream"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
    for _ in $(seq 1 30); do listening 4222 && break; sleep 1; done
  fi
  listening 4222 || missing "needs NATS with JetStream on 127.0.0.1:4222: sudo apt-get install nats-server && nats-server -js -a 127.0.0.1"
fi
