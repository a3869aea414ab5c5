#!/usr/bin/env bash
# Wait until no other process holds apt's or dpkg's locks, saying who holds them.
# On a freshly booted Debian machine unattended-upgrades or apt-daily often
# holds them for a minute or two; apt-get would then fail at once (exit 100)
# with its raw "Could not get lock" message. Sourced by scripts/setup.sh, or run
# on its own:
#
#   bash scripts/wait-for-apt.sh          # wait up to APT_LOCK_WAIT seconds (default 600)
#
# APT_LOCK_FILES (space-separated) overrides the locks watched, for tests.
set -euo pipefail

APT_LOCK_WAIT="${APT_LOCK_WAIT:-600}"
APT_LOCK_FILES="${APT_LOCK_FILES:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}"

# "PID PATH" of the first lock another process holds, or nothing. dpkg and apt
# take fcntl record locks, which F_GETLK reports with the holder's pid.
apt_lock_holder() {
  ${SUDO:-} "${PYTHON:-python3}" - $APT_LOCK_FILES <<'PY'
import fcntl, os, struct, sys
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        continue  # no such lock (yet), or not ours to test: apt-get will say
    try:
        probe = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, probe))
    finally:
        os.close(fd)
    if kind != fcntl.F_UNLCK:
        print(pid, path)
        break
PY
}

apt_lock_who() {  # "pid 1234 (unattended-upgr)"
  local pid="$1" name=""
  [ -r "/proc/$pid/comm" ] && name=" ($(cat "/proc/$pid/comm"))"
  echo "pid $pid$name"
}

wait_for_apt() {
  local holder waited=0 said=-1
  while holder="$(apt_lock_holder)" && [ -n "$holder" ]; do
    local pid="${holder%% *}" path="${holder#* }"
    if ((waited >= APT_LOCK_WAIT)); then
      echo "setup: $path is still held by $(apt_lock_who "$pid") after ${APT_LOCK_WAIT} s;" \
        "run this again when that package manager has finished (or set APT_LOCK_WAIT=seconds)" >&2
      return 1
    fi
    if ((said < 0 || waited - said >= 30)); then
      echo "setup: another package manager is at work: $(apt_lock_who "$pid") holds $path;" \
        "waiting for it (${waited} s of at most ${APT_LOCK_WAIT} s)" >&2
      said=$waited
    fi
    sleep 2
    waited=$((waited + 2))
  done
  if ((said >= 0)); then echo "setup: the package manager is free after ${waited} s" >&2; fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  wait_for_apt
fi
