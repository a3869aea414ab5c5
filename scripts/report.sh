#!/usr/bin/env bash
# Set up (if needed) and build a report edition; default: the 2023 annual report.
#   bash scripts/report.sh                       # outputs/2023/annual/
#   bash scripts/report.sh --year 2024 --period h1
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "$#" -eq 0 ]; then set -- --year 2023 --period annual; fi
exec .venv/bin/reportbook build "$@"
