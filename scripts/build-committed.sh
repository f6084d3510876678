#!/usr/bin/env bash
# Rebuild dist/ from the committed sources only (uncommitted work in src/ is left out), for a commit
# whose dist/ must match what CI builds from a clean clone.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wt="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$wt" >/dev/null 2>&1 || rm -rf "$wt"' EXIT
git -C "$root" worktree add --detach "$wt" HEAD >/dev/null
cp -al "$root/node_modules" "$wt/node_modules"  # hardlinks: a symlink would change module paths, and so chunk ids
(cd "$wt" && node_modules/.bin/node scripts/build.mjs)
rm -rf "$root/dist"
cp -a "$wt/dist" "$root/dist"
