#!/usr/bin/env bash
# Keep notebook outputs out of git: configure nbstripout as the git filter that
# .gitattributes names for *.ipynb. Saving a section in JupyterLab writes its
# outputs, execution counts and language_info into the file; with the filter,
# git sees (and commits) only the code and markdown, so `git status` stays
# clean and the next manifest does not say "+dirty". Cell ids are kept (the
# notebooks' own "04-01" ids). Run by scripts/setup.sh; by hand:
#
#   bash scripts/git-filters.sh [REPO] [PYTHON]   # default: this repository, .venv/bin/python
#
# It writes the repository's local git config (shared by its worktrees) and
# nothing else; a clone without it still works, it just sees saved outputs.
set -euo pipefail
repo="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
python="${2:-$repo/.venv/bin/python}"
git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1 || exit 0  # not a git checkout
python="$(cd "$(dirname "$python")" && pwd)/$(basename "$python")"
strip="'$python' -m nbstripout --keep-id --extra-keys metadata.language_info"
git -C "$repo" config filter.nbstripout.clean "$strip"
git -C "$repo" config filter.nbstripout.smudge cat
git -C "$repo" config filter.nbstripout.required false
git -C "$repo" config diff.ipynb.textconv "$strip -t"
