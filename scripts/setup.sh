#!/usr/bin/env bash
# Install what reportbook needs on a fresh Debian machine with Python 3.11:
# system libraries for WeasyPrint (Pango, HarfBuzz) and poppler-utils (pdftotext,
# pdftoppm, pdffonts: used by the tests and for looking at the PDF), optionally
# LibreOffice Writer (see below), then a virtual environment .venv with the
# exact versions pinned in requirements.lock (the dependencies and the test
# extra; refresh it with scripts/lock.sh) and the package itself.
# Safe to run again: it installs only what is missing, and re-installs from the
# lock when requirements.lock or pyproject.toml changed since the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 poppler-utils)
# --with-libreoffice: also LibreOffice Writer, which the tests use to check that
# report.docx opens and converts to PDF (building the report does not need it),
# and Liberation 2 as a system font, LibreOffice's metric-compatible stand-in for
# the document's Times New Roman (the report itself bundles its font).
if [ "${1:-}" = "--with-libreoffice" ]; then
  APT_PACKAGES+=(libreoffice-writer-nogui fonts-liberation2)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
LOCK=requirements.lock
stamp=.venv/.reportbook-installed
if [ ! -f "$stamp" ] || [ "$LOCK" -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing the pinned dependencies ($LOCK) and reportbook into .venv (may take a minute or two)" >&2
  # The lock carries sha256 hashes, so pip checks every download against them.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$LOCK"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi
