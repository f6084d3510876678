// The modes job files get on workers (issue 15): the workspace file's own bits for plain files, never
// writable by group or others; nothing for others on rendered templates and on anything holding a
// private key. The reference gave every job file 0755 and rendered templates 0644; those stay the
// "legacy" modes the plan hash leaves out, so trees whose modes did not change keep their hashes.

/** What the reference gave every job file; catalog rows without a stored mode keep it. */
export const LEGACY_JOB_FILE_MODE = 0o755;
/** What the reference gave rendered templates, client libraries, certificates and generated files. */
export const LEGACY_RENDERED_MODE = 0o644;
/** Rendered templates may carry getSecret values: owner read/write, group read, nothing for others. */
export const RENDERED_MODE = 0o640;
export const PRIVATE_KEY_MODE = 0o600;
/** At most this for a file that holds a private key or a secret. */
const SECRET_CAP = 0o640;
/** No write for group/others, no setuid/setgid/sticky: a job's files are edited only by the deploy. */
const PLAIN_CAP = 0o755;

const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

export function holdsPrivateKey(data: Uint8Array): boolean {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return b.includes('PRIVATE KEY-----') && PEM_PRIVATE_KEY.test(b.toString('latin1'));
}

/** A job file's mode on the worker from its stored workspace mode (null: built by the reference). */
export function jobFileMode(stored: number | null, data: Uint8Array): number {
  const mode = stored === null ? LEGACY_JOB_FILE_MODE : stored & PLAIN_CAP;
  return holdsPrivateKey(data) ? mode & SECRET_CAP : mode;
}
