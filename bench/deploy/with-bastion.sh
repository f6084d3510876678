#!/usr/bin/env bash
# with-bastion.sh CMD...: runs CMD (deploy-lb.sh, ansible-playbook) behind the bastion named in
# $BENCH_STATE/BASTION over ONE authenticated bastion connection: a ControlMaster opened first, which
# every worker's ProxyJump hop rides (ssh_config written by ssh-env.ts), closed afterwards. Without it
# each worker's `ssh -J` logs in to the bastion itself: 100 at once trip sshd's MaxStartups 10:30:100.
set -euo pipefail
STATE="${BENCH_STATE:?BENCH_STATE: the bench state dir}"
B="$(cat "$STATE/BASTION")"
exec </dev/null
ssh -F "$STATE/ssh_config" -fN -o ControlMaster=yes "$B"
rc=0
"$@" || rc=$?
ssh -F "$STATE/ssh_config" -O exit "$B" >/dev/null 2>&1 || true
exit $rc
