// Writes certificate and secret files with exact modes (README Q26: secret files 0600, secret dirs
// 0700). Modes are set explicitly, so the process umask does not matter; a key file is restricted
// before its new bytes are written, so they are never readable by others even for a moment.

import { chmod, mkdir, open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Writes `<dir>/<name>.crt` (0644) and `<dir>/<name>.key` (0600); a new `dir` gets 0755. */
export async function writeCertFiles(dir: string, name: string, certPem: string, keyPem: string): Promise<void> {
  await ensureDir(dir, 0o755);
  await writeWithMode(join(dir, `${name}.crt`), certPem, 0o644);
  await writeWithMode(join(dir, `${name}.key`), keyPem, 0o600);
}

/** Writes a secret file (0600); its directory is created 0700 when missing. */
export async function writeSecretFile(path: string, bytes: string | Uint8Array): Promise<void> {
  await ensureDir(dirname(path), 0o700);
  await writeWithMode(path, bytes, 0o600);
}

// Existing directories keep their mode: the caller may own them (e.g. the bucket's secrets/).
async function ensureDir(dir: string, mode: number): Promise<void> {
  const target = resolve(dir);
  const created = await mkdir(target, { recursive: true, mode });
  if (created === undefined) return;
  // mkdir's mode is filtered by the umask; fix every directory this call created (created..target).
  const first = resolve(created);
  for (let d = target; d.length >= first.length; d = dirname(d)) {
    await chmod(d, mode);
    if (d === first || dirname(d) === d) break;
  }
}

async function writeWithMode(path: string, bytes: string | Uint8Array, mode: number): Promise<void> {
  const file = await open(path, 'w', mode);
  try {
    await file.chmod(mode);
    await file.writeFile(bytes);
  } finally {
    await file.close();
  }
}
