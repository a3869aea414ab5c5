#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, end-to-end builds included:
# first the linter and the formatter check (ruff, rules in pyproject.toml), then
# pytest. Extra arguments go to pytest (e.g. -k periods, -m "not e2e").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-libreoffice
echo "test: ruff check and ruff format --check" >&2
.venv/bin/ruff check .
.venv/bin/ruff format --check .
exec .venv/bin/python -m pytest "$@"
