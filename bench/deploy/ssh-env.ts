// Client-side files the lower bound and Ansible use to reach the harness workers (what the
// anchor's workers.sh wrote): ssh_config, ansible.cfg + inventory, ControlMaster socket dirs.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { WorkerSet } from '../../test/harness/workers.ts';

export interface SshEnv {
  dir: string;
  sshConfig: string;
  ansibleCfg: string;
  /** `root@<ip>` of the bastion in front of the workers (bench/bastion), also in <dir>/BASTION. */
  bastion?: string;
}

/** A bastion in front of the workers: its address and a known_hosts holding its key. */
export interface BenchBastion {
  host: string;
  knownHosts: string;
}

export function writeSshEnv(dir: string, workers: WorkerSet, net: string, bastion?: BenchBastion): SshEnv {
  mkdirSync(join(dir, 'cp'), { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'lbcp'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'K'), `${workers.ips.length}\n`);
  writeFileSync(join(dir, 'NET'), `${net}\n`);
  const sshConfig = join(dir, 'ssh_config');
  const host = (pattern: string, knownHosts: string, extra: string[]): string[] => [
    `Host ${pattern}`,
    '  User root',
    `  IdentityFile ${workers.clientKey}`,
    '  IdentitiesOnly yes',
    `  UserKnownHostsFile ${knownHosts}`,
    '  StrictHostKeyChecking yes',
    '  BatchMode yes',
    '  LogLevel ERROR',
    ...extra,
  ];
  writeFileSync(sshConfig, [
    // ProxyJump's own ssh reads this file too: the bastion hop rides the master with-bastion.sh opened
    ...host(`${net}.*`, workers.knownHosts, bastion === undefined ? [] : [`  ProxyJump root@${bastion.host}`]),
    ...(bastion === undefined ? [] : host(bastion.host, bastion.knownHosts, [`  ControlPath ${join(dir, 'lbcp', 'bastion')}`])),
    '',
  ].join('\n'));
  if (bastion !== undefined) writeFileSync(join(dir, 'BASTION'), `root@${bastion.host}\n`);
  writeFileSync(join(dir, 'inventory.ini'), ['[workers]', ...workers.ips.map((ip, i) => `w${i + 1} ansible_host=${ip}`), ''].join('\n'));
  // What an experienced user sets for speed (the anchor's ansible.cfg).
  const ansibleCfg = join(dir, 'ansible.cfg');
  writeFileSync(ansibleCfg, [
    '[defaults]',
    `inventory = ${join(dir, 'inventory.ini')}`,
    'gathering = explicit',
    'interpreter_python = /usr/bin/python3',
    'retry_files_enabled = False',
    'host_key_checking = True',
    'forks = 5',
    '',
    '[ssh_connection]',
    'pipelining = True',
    `ssh_args = -F ${sshConfig} -o ControlMaster=auto -o ControlPersist=60s -o ControlPath=${join(dir, 'cp')}/%C`,
    `control_path_dir = ${join(dir, 'cp')}`,
    'control_path = %(directory)s/%%C',
    '',
  ].join('\n'));
  return { dir, sshConfig, ansibleCfg, ...(bastion === undefined ? {} : { bastion: `root@${bastion.host}` }) };
}

/** Closes every ControlMaster Ansible or the lower bound left (each run starts without one). */
export function closeMasters(env: Pick<SshEnv, 'dir'>): void {
  for (const sub of ['cp', 'lbcp']) {
    const d = join(env.dir, sub);
    if (!existsSync(d)) continue;
    for (const s of readdirSync(d)) {
      spawnSync('ssh', ['-o', `ControlPath=${join(d, s)}`, '-O', 'exit', 'dummy'], { stdio: 'ignore' });
      rmSync(join(d, s), { force: true });
    }
  }
}
