// A repository checkout holding a bucket (maand.conf, workspace/) for runs of the bundled action, and
// the inputs that wire it to local sshd workers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { WorkerSet } from '../harness/workers.ts';

export const RECORDING_MAKEFILE = [
  'start:',
  '\t@mkdir -p data && echo "start $(NEW_VERSION)" >> data/events.log',
  'stop:',
  '\t@mkdir -p data && echo "stop" >> data/events.log',
  'restart:',
  '\t@mkdir -p data && echo "restart $(NEW_VERSION)" >> data/events.log',
  'reload:',
  '\t@mkdir -p data && echo "reload $(NEW_VERSION)" >> data/events.log',
  '',
].join('\n');

export class Checkout {
  readonly dir: string;
  /** The bucket folder inside the checkout (input bucket: infra). */
  readonly bucket: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'maand-action-ws-'));
    this.bucket = join(this.dir, 'infra');
    mkdirSync(join(this.bucket, 'workspace'), { recursive: true });
  }

  write(files: Record<string, string>): void {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(dirname(join(this.bucket, p)), { recursive: true });
      writeFileSync(join(this.bucket, p), c);
    }
  }

  /** A bucket whose workers are `ips`, reached as root with the key from the ssh-private-key input. */
  bucketFor(ips: string[]): void {
    this.write({
      'maand.conf': "use_sudo = false\nssh_user = 'root'\nssh_key = 'worker.key'\n",
      'workspace/workers.json': JSON.stringify(ips.map((host) => ({ host }))),
    });
  }

  job(name: string, manifest: object, files: Record<string, string> = {}): void {
    const all: Record<string, string> = { [`workspace/jobs/${name}/manifest.json`]: JSON.stringify(manifest), [`workspace/jobs/${name}/Makefile`]: RECORDING_MAKEFILE };
    for (const [p, c] of Object.entries(files)) all[`workspace/jobs/${name}/${p}`] = c;
    this.write(all);
  }

  /** Removes what a state bundle restores (a fresh runner has only the checkout). */
  forgetState(): void {
    for (const p of ['data', 'secrets', 'logs', 'tmp']) rmSync(join(this.bucket, p), { recursive: true, force: true });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function sshInputs(w: WorkerSet): Record<string, string> {
  return { 'ssh-private-key': readFileSync(w.clientKey, 'utf8'), 'known-hosts': readFileSync(w.knownHosts, 'utf8') };
}

/** The lines of data/events.log of a job on a worker ([] when absent). */
export function lifecycle(w: WorkerSet, ip: string, bucketId: string, job: string): string[] {
  try {
    return readFileSync(join(w.optDir(ip), bucketId, 'jobs', job, 'data', 'events.log'), 'utf8').split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

export function remoteFile(w: WorkerSet, ip: string, bucketId: string, job: string, path: string): string | undefined {
  try {
    return readFileSync(join(w.optDir(ip), bucketId, 'jobs', job, path), 'utf8');
  } catch {
    return undefined;
  }
}
