// The runner's SSH access for one run: the key and known_hosts written 0600 into a private 0700 dir under
// RUNNER_TEMP (ssh's ControlMaster sockets live there too). The post step removes the dir, always.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MaandError } from '../errors.ts';
import { bucketPaths } from '../bucket/paths.ts';
import { readMaandConf, sshSettings } from '../bucket/maand-conf.ts';
import type { SshAccess } from '../deploy/openssh-remote.ts';
import type { Config } from './config.ts';

export interface SshSetup {
  dir: string;
  access: SshAccess;
}

/** Creates the private dir and files; the key comes from ssh-private-key, else the bucket's restored secrets/<ssh_key>. */
export function prepareSsh(config: Config, runnerTemp: string): SshSetup {
  const paths = bucketPaths(config.bucket);
  const fallback = join(paths.secretsDir, sshSettings(readMaandConf(paths.maandConf)).keyName);
  if (!config.ssh.privateKey && !(existsSync(fallback) && statSync(fallback).isFile())) {
    throw new MaandError('invalid argument', `input ssh-private-key is required for command ${config.command}: the restored state has no ${fallback.slice(paths.root.length + 1)} either; pass ssh-private-key: \${{ secrets.MAAND_SSH_KEY }}`);
  }
  const dir = mkdtempSync(join(runnerTemp, 'maand-ssh-'));
  chmodSync(dir, 0o700);
  let keyFile = fallback;
  if (config.ssh.privateKey) {
    keyFile = join(dir, 'id');
    writeFileSync(keyFile, config.ssh.privateKey.reveal(), { mode: 0o600 });
  }
  const proxy = config.ssh.proxyJump === undefined ? {} : { proxyJump: config.ssh.proxyJump };
  if (config.ssh.insecure) return { dir, access: { hostKeyPolicy: 'insecure', keyFile, tmpDir: dir, ...proxy } };
  const knownHostsFile = join(dir, 'known_hosts');
  writeFileSync(knownHostsFile, config.ssh.knownHosts ?? '', { mode: 0o600 });
  return { dir, access: { hostKeyPolicy: 'strict', knownHostsFile, keyFile, tmpDir: dir, ...proxy } };
}

/** Removes the private dir; true when something was removed. */
export function removeSshDir(dir: string): boolean {
  if (dir === '' || !existsSync(dir)) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
