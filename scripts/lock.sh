#!/usr/bin/env bash
# Refresh requirements.lock: the exact versions (with their sha256 hashes) of
# reportbook's dependencies and its `test` extra for Python 3.11 on Linux
# x86_64 (resolved for 3.11.7, the machines' interpreter: some pins, e.g.
# soupsieve 4.1, need 3.11.5 or later), resolved from pyproject.toml by uv's
# resolver against the default package index (the one pip uses).
# scripts/setup.sh installs from this file.
#
#   bash scripts/lock.sh                        # after editing pyproject.toml: keeps every
#                                               # pin that still fits, resolves only what changed
#   bash scripts/lock.sh --upgrade-package NAME # move one package to its newest allowed version
#   bash scripts/lock.sh --upgrade              # move everything to the newest allowed versions
#   bash scripts/lock.sh -c constraints.txt     # e.g. pin to what a venv has:
#                                               #   .venv/bin/pip freeze --exclude-editable > c.txt
#
# Extra arguments go to `uv pip compile`. uv is installed into a throwaway
# virtual environment (removed afterwards), never into .venv. --no-build: every
# pin must come as a wheel, so installing the lock never compiles anything.
# pip's extra local indexes on this machine (file:///opt/pypi*) only mirror
# files of the default index, with the same hashes, so they are not needed here.
set -euo pipefail
cd "$(dirname "$0")/.."

LOCK=requirements.lock
PYTHON="${PYTHON:-python3}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "lock: installing uv into a temporary environment" >&2
"$PYTHON" -m venv "$tmp/uv"
"$tmp/uv/bin/python" -m pip install --quiet --disable-pip-version-check uv

echo "lock: resolving pyproject.toml (+ test extra) for Python 3.11 on Linux x86_64 -> $LOCK" >&2
"$tmp/uv/bin/uv" pip compile pyproject.toml \
  --extra test \
  --python-version 3.11.7 \
  --python-platform x86_64-unknown-linux-gnu \
  --generate-hashes \
  --no-build \
  --custom-compile-command "bash scripts/lock.sh" \
  --quiet \
  -o "$LOCK" \
  "$@"

# Nothing the report needs may pull in torch (a multi-GB download).
if grep -qiE '^torch==' "$LOCK"; then
  echo "lock: $LOCK pins torch; find the dependency that pulls it in" >&2
  exit 1
fi
echo "lock: wrote $LOCK ($(grep -cE '^[A-Za-z0-9_.-]+==' "$LOCK") packages); commit it with pyproject.toml" >&2
