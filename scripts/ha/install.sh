#!/usr/bin/env bash
# Installs what the failover suite needs when it is missing: Patroni and etcd from Debian packages
# (as root). Services are never started by the packages here (policy-rc.d in containers; the suite
# runs its own members on loopback ports under a temporary directory).
set -euo pipefail
missing=()
command -v patroni >/dev/null 2>&1 || missing+=(patroni)
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v etcdctl >/dev/null 2>&1 || missing+=(etcd-client)
if [ ! -d /usr/lib/postgresql ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the failover suite needs ${missing[*]}: run as root or install them (apt-get install ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}"; }
