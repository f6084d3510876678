// Retained releases on a worker (issue 13, Q32, Q33): /opt/worker/<bucket_id>/releases/<job>/<deploy id>/
// holds the exact bytes a job's live tree had after that deploy's rsync, outside the job's directory.
// A snapshot hard-links files unchanged since an earlier release to that release and copies the rest,
// so a release shares inodes with other releases only, never with the live tree: the live rsync writes
// in place (--inplace) and could otherwise write through a link into a retained release. A restore
// copies the bytes back the same way (never links), so the next rsync cannot reach a release either.
import { bucketDir, shq } from '../deploy/commands.ts';

/** Worker-owned paths of a job's tree a release neither keeps nor restores (as the deploy rsync's excludes). */
const EXCLUDES = ['/data', '/logs', '/bin', '/_modules', '/_prometheus'];
/** At most this many earlier releases are offered to rsync as --link-dest (rsync takes up to 20). */
const LINK_DESTS = 8;

export function releasesDir(bucketId: string, job?: string): string {
  return job === undefined ? `${bucketDir(bucketId)}/releases` : `${bucketDir(bucketId)}/releases/${job}`;
}

export interface SnapshotRequest {
  job: string;
  /** This run's deploy id: the new release's name. */
  id: number;
  /** Releases pruning must keep besides the newest `retain` (what the allocation runs, and ran before). */
  keep: number[];
}

const EXCLUDE_ARGS = EXCLUDES.map((e) => `--exclude=${e}`).join(' ');
const RSYNC_LOCAL = `rsync -a --checksum --delete ${EXCLUDE_ARGS}`;

/**
 * One worker's snapshots of several jobs' live trees in one round trip, each followed by pruning to the
 * newest `retain` releases plus the named ones; each outcome as `maand-release: <job> <exit code>`.
 */
export function snapshotScript(bucketId: string, retain: number, reqs: SnapshotRequest[]): string {
  // bash builtins wherever possible: a worker runs this for every job of a rollout batch, and each
  // process started costs more than the copy itself for small trees
  const lines = [
    'snapshot() {',
    `  local job="$1" id="$2" keep=" $3 " live=${shq(`${bucketDir(bucketId)}/jobs/`)}"$1" rel=${shq(`${releasesDir(bucketId)}/`)}"$1"`,
    '  local links=() ids=() d n=0',
    '  if [ -d "$rel" ]; then',
    '    for d in "$rel"/*; do d=${d##*/}; [[ $d =~ ^[0-9]+$ ]] && ids+=("$d"); done',
    '    if [ ${#ids[@]} -gt 1 ]; then mapfile -t ids < <(printf \'%s\\n\' "${ids[@]}" | sort -rn); fi',
    '  else',
    '    mkdir -p "$rel" || return 1',
    '  fi',
    `  for d in "\${ids[@]:0:${LINK_DESTS}}"; do [ "$d" = "$id" ] || links+=("--link-dest=$rel/$d"); done`,
    '  if [ -e "$rel/.new-$id" ]; then rm -rf "$rel/.new-$id" || return 1; fi',
    // --checksum only decides which files can be linked to an earlier release: the first release of a
    // job (a cold deploy) copies everything and need not read every file twice
    '  local sum=(--checksum); [ ${#links[@]} -eq 0 ] && sum=()',
    `  rsync -a "\${sum[@]}" --delete ${EXCLUDE_ARGS} "\${links[@]}" "$live/" "$rel/.new-$id/" || return 1`,
    '  if [ -e "$rel/$id" ]; then rm -rf "$rel/$id" || return 1; fi',
    '  mv "$rel/.new-$id" "$rel/$id" || return 1',
    '  # newest first: this release, then the earlier ones',
    '  for d in "$id" "${ids[@]}"; do',
    '    [ "$d" = "$id" ] && [ "$n" -gt 0 ] && continue',
    `    n=$((n + 1)); if [ "$n" -gt ${Math.max(1, retain)} ] && [ "\${keep#* $d }" = "$keep" ]; then rm -rf "\${rel:?}/$d" || return 1; fi`,
    '  done',
    '}',
  ];
  // A job's first release (a cold deploy) has nothing to link to: all of those are copied by one rsync
  // (each rsync costs three processes); the others are snapshot side by side (one small line each).
  const jobsRoot = `${bucketDir(bucketId)}/jobs`;
  const relRoot = releasesDir(bucketId);
  const id = reqs[0]?.id ?? 0;
  const firstDir = `${relRoot}/.first-${id}`;
  lines.push(
    `has_release() { local d; for d in ${shq(`${relRoot}/`)}"$1"/*; do [[ \${d##*/} =~ ^[0-9]+$ ]] && return 0; done; return 1; }`,
    'first=()',
  );
  for (const r of reqs) {
    lines.push(`if has_release ${shq(r.job)}; then { code=0; snapshot ${shq(r.job)} ${r.id} ${shq(r.keep.join(' '))} || code=$?; echo maand-release: ${shq(r.job)} "$code"; } & else first+=(${shq(r.job)}); fi`);
  }
  const firstExcludes = EXCLUDES.map((e) => `--exclude=${shq(`/*${e}`)}`).join(' ');
  lines.push(
    'if [ ${#first[@]} -gt 0 ]; then',
    '  code=0',
    `  { rm -rf ${shq(firstDir)} && mkdir -p ${shq(firstDir)} && rsync -aR ${firstExcludes} "\${first[@]/#/${jobsRoot}/./}" ${shq(`${firstDir}/`)}; } || code=$?`,
    '  for j in "${first[@]}"; do',
    '    c=$code',
    `    if [ "$c" -eq 0 ]; then { mkdir -p ${shq(`${relRoot}/`)}"$j" && rm -rf ${shq(`${relRoot}/`)}"$j/${id}" && mv ${shq(`${firstDir}/`)}"$j" ${shq(`${relRoot}/`)}"$j/${id}"; } || c=$?; fi`,
    '    echo "maand-release: $j $c"',
    '  done',
    `  rm -rf ${shq(firstDir)}`,
    'fi',
    'wait',
  );
  return lines.join('\n');
}

export interface RestoreRequest {
  job: string;
  release: number;
}

/** Lists which of the releases exist: `maand-release: <job> <id> yes|no` per request. */
export function probeScript(bucketId: string, reqs: RestoreRequest[]): string {
  return reqs
    .map((r) => `if [ -d ${shq(`${releasesDir(bucketId, r.job)}/${r.release}`)} ]; then echo ${shq(`maand-release: ${r.job} ${r.release} yes`)}; else echo ${shq(`maand-release: ${r.job} ${r.release} no`)}; fi`)
    .join('\n');
}

/** Copies retained releases back into the jobs' live trees (data/ and logs/ untouched); one outcome line per job. */
export function restoreScript(bucketId: string, reqs: RestoreRequest[]): string {
  return reqs
    .map((r) => {
      const src = `${releasesDir(bucketId, r.job)}/${r.release}/`;
      const dst = `${bucketDir(bucketId)}/jobs/${r.job}/`;
      return `code=0; if [ -d ${shq(src)} ]; then mkdir -p ${shq(dst)} && ${RSYNC_LOCAL} ${shq(src)} ${shq(dst)} || code=$?; else code=44; fi; echo maand-release: ${shq(r.job)} "$code"`;
    })
    .join('\n');
}

/** Restores one release as a lifecycle prelude: exits non-zero (the target is skipped) when the restore failed. */
export function restorePrelude(bucketId: string, req: RestoreRequest): string {
  return `${restoreScript(bucketId, [req])}\n[ "$code" -eq 0 ]`;
}

/** Per-job exit codes from the `maand-release: <job> <code>` lines of a script's output. */
export function parseOutcomes(stdout: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const m = /^maand-release: (\S+) (-?\d+)$/.exec(line.trim());
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}
