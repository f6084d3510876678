// What the deploy bench needs on this machine: root, sshd/rsync/make/python3 (workers and the lower
// bound), strace (profile runs), ansible-playbook with ansible.posix (missing packages come from
// Debian's) and a built maand CLI (copied aside: other work may rebuild dist/ while the bench runs).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function aptInstall(pkgs: string[]): void {
  console.log(`installing ${pkgs.join(' ')} (apt-get) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
}

export function preflight(opts: { needAnsible: boolean; needStrace: boolean; maandCli: string }): void {
  if (process.getuid?.() !== 0) throw new Error('the deploy bench needs root (sshd workers on port 22, unshare, bind mounts)');
  const missing: string[] = [];
  if (!existsSync('/usr/sbin/sshd')) missing.push('openssh-server');
  if (!has('ssh')) missing.push('openssh-client');
  if (!has('rsync')) missing.push('rsync');
  if (!has('make')) missing.push('make');
  if (!existsSync('/usr/bin/python3')) missing.push('python3');
  if (opts.needAnsible && !has('ansible-playbook')) missing.push('ansible');
  if (opts.needStrace && !has('strace')) missing.push('strace');
  if (missing.length > 0) aptInstall(missing);
  if (opts.needAnsible) {
    const r = spawnSync('ansible-doc', ['-t', 'module', 'ansible.posix.synchronize'], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error('ansible.posix.synchronize is not available (Debian\'s ansible package ships it)');
  }
  if (!existsSync(opts.maandCli)) throw new Error(`${opts.maandCli} does not exist: run npm run build first (or set MAAND_CLI)`);
}

function newestMtime(dir: string): number {
  return Math.max(statSync(dir).mtimeMs, ...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
}

/**
 * Copies dist/cli and dist/assets to `dest` (with the package type the bundle needs) once dist/ has
 * been quiet for 2 s, and returns the copied CLI entry.
 */
export async function snapshotDist(distDir: string, dest: string): Promise<string> {
  const cli = join(distDir, 'cli');
  for (let attempt = 0; attempt < 30; attempt++) {
    if (existsSync(join(cli, 'index.js')) && existsSync(join(distDir, 'assets'))) {
      const before = newestMtime(cli);
      if (Date.now() - before > 2000) {
        rmSync(dest, { recursive: true, force: true });
        mkdirSync(dest, { recursive: true });
        cpSync(cli, join(dest, 'cli'), { recursive: true });
        cpSync(join(distDir, 'assets'), join(dest, 'assets'), { recursive: true });
        writeFileSync(join(dest, 'package.json'), '{ "type": "module" }\n');
        if (existsSync(join(cli, 'index.js')) && newestMtime(cli) === before) return join(dest, 'cli', 'index.js');
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${cli}/index.js is missing or keeps changing: run npm run build (or set MAAND_CLI)`);
}
