#!/usr/bin/env bash
# deploy-lb.sh JOBS_DIR [strict|copyall]
# Copied from /work/shared/bench-anchor/deploy-lb.sh; changes: takes the jobs folder itself
# (JOBS_DIR/<job>/...) and needs BENCH_STATE (written by bench/deploy/ssh-env.ts: K, NET,
# ssh_config, lbcp/).
# Hand-written lower bound: per worker ONE rsync for all jobs (over an OpenSSH
# ControlMaster it opens itself), then ONE ssh running the needed make targets.
#   strict  : workers in batches of 2 (copy + make), like ansible `serial: 2`
#   copyall : rsync to all K workers in parallel, then make 2 workers at a time
#             (like ansible forks=K + `throttle: 2` on the make task)
# Change detection comes from rsync --itemize-changes:
#   "cd+++++++++ <job>/" -> new job -> make start ; any other line under <job>/ -> make restart
set -euo pipefail
STATE="${BENCH_STATE:?BENCH_STATE: the bench state dir}"
JOBS="${1:?jobs dir}"; MODE="${2:-strict}"
K="$(cat "$STATE/K")"; NET="$(cat "$STATE/NET")"
ROOT=/opt/worker/bench/jobs
CP="$STATE/lbcp"
# first connection to a worker becomes the master; the rest multiplex over it
SSH="ssh -F $STATE/ssh_config -o ControlMaster=auto -o ControlPath=$CP/%C -o ControlPersist=30"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

sync_one() {  # N -> writes $TMP/N.actions ("start job01" / "restart job02" ...)
  local N="$1" ip="$NET.$1"
  rsync -a --mkpath --checksum --delete --itemize-changes -e "$SSH" \
    "$JOBS/" "root@$ip:$ROOT/" >"$TMP/$N.items"
  awk '
    /^created / { next }
    {
      code = $1; line = $0; sub(/^[^ ]+ +/, "", line)   # strip the change code
      if (line == "./" || line == "") next
      split(line, p, "/"); j = p[1]
      if (code == "cd+++++++++" && line == j "/") isnew[j] = 1
      seen[j] = 1
    }
    END { for (j in seen) print (isnew[j] ? "start " : "restart ") j }
  ' "$TMP/$N.items" | sort -k2 >"$TMP/$N.actions"
}

make_one() {  # N -> one ssh running all needed make targets (no ssh at all if nothing changed)
  local N="$1" ip="$NET.$1" script=""
  local tgt job
  while read -r tgt job; do
    script+="cd $ROOT/$job && make -s $tgt && "
  done <"$TMP/$N.actions"
  [ -n "$script" ] || return 0
  $SSH "root@$ip" "${script}true" >/dev/null
}

close_one() { $SSH -O exit "root@$NET.$1" >/dev/null 2>&1 || true; }

batches() {  # prints worker numbers in batches of 2, one batch per line
  local N; for N in $(seq 1 "$K"); do printf '%s ' "$N"; (( N % 2 == 0 )) && echo; done; (( K % 2 == 1 )) && echo; true
}

exec </dev/null   # nothing below may read the caller's stdin (ssh would swallow it)
mapfile -t BATCHES < <(batches)
fail=0
if [ "$MODE" = strict ]; then
  for batch in "${BATCHES[@]}"; do
    [ -n "$batch" ] || continue
    pids=()
    for N in $batch; do ( sync_one "$N" && make_one "$N" ) & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || fail=1; done
  done
elif [ "$MODE" = copyall ]; then
  pids=()
  for N in $(seq 1 "$K"); do sync_one "$N" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || fail=1; done
  for batch in "${BATCHES[@]}"; do
    [ -n "$batch" ] || continue
    pids=()
    for N in $batch; do make_one "$N" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || fail=1; done
  done
else
  echo "mode must be strict or copyall" >&2; exit 2
fi
for N in $(seq 1 "$K"); do close_one "$N" & done; wait
if [ -n "${LB_VERBOSE:-}" ]; then for N in $(seq 1 "$K"); do sed "s/^/w$N /" "$TMP/$N.actions"; done >&2; fi
exit $fail
