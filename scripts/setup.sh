#!/usr/bin/env bash
# Install what reportbook needs on a fresh Debian machine with Python 3.11:
# system libraries for WeasyPrint (Pango, HarfBuzz) and poppler-utils (pdftotext,
# pdftoppm, pdffonts: used by the tests and for looking at the PDF), optionally
# what the tests need besides (see below), then a virtual environment .venv with
# the exact versions pinned in requirements.lock (the dependencies and the test
# extra; refresh it with scripts/lock.sh) and the package itself, and the git
# filter that keeps notebook outputs out of commits (scripts/git-filters.sh).
# Safe to run again: it installs only what is missing, and re-installs from the
# lock when requirements.lock or pyproject.toml changed since the last run.
#
# Downloads on a fresh Debian 12 with Python (measured from the package sizes):
# about 4 MB of Debian packages for the report, 86 MB more for LibreOffice Writer
# and 131 MB more for Chromium and its driver with --with-libreoffice; then
# about 190 MB of Python wheels (pandas, pyarrow, matplotlib, JupyterLab, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 poppler-utils)
# --with-libreoffice: what the tests need besides. LibreOffice Writer converts
# report.docx to PDF to check it opens (building the report does not need it),
# with Liberation 2 as a system font, LibreOffice's metric-compatible stand-in for
# the document's Times New Roman (the report itself bundles its font); Chromium and
# its driver run JupyterLab in a real browser (tests/test_jupyterlab_e2e.py).
if [ "${1:-}" = "--with-libreoffice" ]; then
  APT_PACKAGES+=(libreoffice-writer-nogui fonts-liberation2 chromium chromium-driver)
fi

PYTHON="${PYTHON:-python3}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  # shellcheck source=scripts/wait-for-apt.sh
  source scripts/wait-for-apt.sh  # a freshly booted machine's apt-daily may hold the lock
  wait_for_apt
  echo "setup: installing Debian packages ${missing[*]} (with their dependencies)" >&2
  lock=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT")
  $SUDO apt-get "${lock[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${lock[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PYTHON" -m venv .venv
fi
LOCK=requirements.lock
stamp=.venv/.reportbook-installed
if [ ! -f "$stamp" ] || [ "$LOCK" -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing the $(grep -cE '^[A-Za-z0-9_.-]+==' "$LOCK") pinned Python packages" \
    "($LOCK) and reportbook into .venv; the first time this downloads about 190 MB" >&2
  # The lock carries sha256 hashes, so pip checks every download against them.
  # Not --quiet: pip names each package as it goes, so a slow download shows.
  .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -r "$LOCK" \
    | { grep -E --line-buffered "^(Collecting|Installing|Successfully)" || true; }
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi
bash scripts/git-filters.sh "$PWD" "$PWD/.venv/bin/python"
