#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, end-to-end builds included.
# Extra arguments go to pytest (e.g. -k periods, -m "not e2e").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-libreoffice
exec .venv/bin/python -m pytest "$@"
