// Inputs → one typed Config, checked up front: every problem here stops the run before anything is
// restored or any worker is contacted. Messages name the input and list what it accepts.
import { isAbsolute, resolve } from 'node:path';
import { MaandError } from '../errors.ts';
import type { ActionEnv } from './env.ts';
import { COMMANDS, COMMENT_MODES, DRIFT_MODES, INPUTS, STATE_BACKENDS, type InputName } from './inputs.ts';
import { Sensitive } from './sensitive.ts';
import { parseNameList } from '../entry/job-list.ts';
import { hostKeyPolicy } from '../entry/host-keys.ts';
import { parseProxyJump } from '../remote/proxy-jump.ts';

export type Command = (typeof COMMANDS)[number];
export type StateBackendKind = (typeof STATE_BACKENDS)[number];
export type DriftMode = (typeof DRIFT_MODES)[number];

/** Reads one raw input ('' when unset), e.g. core.getInput. */
export type InputReader = (name: InputName) => string;

export function readConfig(read: InputReader, env: ActionEnv) {
  const raw = (name: InputName): string => read(name).trim();
  const command = oneOf('command', raw('command') || INPUTS.command.default, COMMANDS);
  const backend = oneOf('state-backend', raw('state-backend') || INPUTS['state-backend'].default, STATE_BACKENDS);
  const knownHosts = read('known-hosts').trim();
  const insecure = bool('insecure-skip-host-key-check', raw('insecure-skip-host-key-check'));
  const stateKey = read('state-key');
  const sshKey = read('ssh-private-key');
  const token = raw('github-token');
  const commentMode = oneOf('comment', raw('comment') || INPUTS.comment.default, COMMENT_MODES);
  const name = raw('state-name') || INPUTS['state-name'].default;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) invalid('state-name', name, 'use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  const branch = raw('state-branch') || INPUTS['state-branch'].default;
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) || branch.includes('..') || branch.endsWith('/') || branch.endsWith('.lock')) {
    invalid('state-branch', branch, 'use a plain git branch name such as maand-state');
  }
  if (backend !== 'none' && stateKey.trim() === '') {
    const fork = env.pullRequest !== undefined ? ' (on pull requests from forks GitHub passes no secrets: run plan only for pull requests from this repository)' : '';
    throw new MaandError('invalid argument', `input state-key is required with state-backend ${backend}: the state bundle holds the bucket's CA and KV keys and is never stored unencrypted; pass state-key: \${{ secrets.MAAND_STATE_KEY }}${fork}`);
  }
  const remote = command === 'deploy' || command === 'drift' || command === 'rollback';
  if (remote) {
    hostKeyPolicy({
      knownHosts: knownHosts !== '', insecure, names: { knownHosts: 'inputs known-hosts', insecure: 'insecure-skip-host-key-check' },
      otherwise: { error: `input known-hosts is required for command ${command}: pass the workers' host keys (ssh-keyscan output) or set insecure-skip-host-key-check: true` },
    });
  }
  const proxyJump = raw('ssh-proxy-jump');
  parseProxyJump(proxyJump, 'input ssh-proxy-jump');
  const bucketInput = raw('bucket') || INPUTS.bucket.default;
  const environment = raw('environment');
  const environmentUrl = raw('environment-url');
  if (environmentUrl !== '' && environment === '') invalid('environment-url', environmentUrl, 'set environment: too (the URL belongs to the deployment records of that environment), or remove environment-url');
  if (environmentUrl !== '' && !/^https?:\/\/\S+$/.test(environmentUrl)) invalid('environment-url', environmentUrl, 'use an http:// or https:// URL such as https://app.example.com');
  return {
    command,
    /** Absolute path of the bucket (maand.conf, workspace/). */
    bucket: isAbsolute(bucketInput) ? bucketInput : resolve(env.workspace, bucketInput),
    jobs: parseNameList(raw('jobs')),
    /** rollback: go back to what each allocation ran after this deploy id (default: before the last change). */
    to: rollbackTo(command, raw('to')),
    force: bool('force', raw('force')),
    syncOnly: bool('sync-only', raw('sync-only')),
    ssh: {
      privateKey: sshKey.trim() === '' ? undefined : new Sensitive(`${sshKey.replace(/\r\n/g, '\n').trim()}\n`),
      knownHosts: knownHosts === '' ? undefined : `${knownHosts}\n`,
      insecure,
      /** Bastion chain overriding maand.conf ssh_proxy_jump (a worker's own proxy_jump still wins, Q37). */
      proxyJump: proxyJump === '' ? undefined : proxyJump,
    },
    state: { backend, name, key: stateKey.trim() === '' ? undefined : new Sensitive(stateKey), branch },
    drift: oneOf('drift', raw('drift') || INPUTS.drift.default, DRIFT_MODES),
    /** Post or update the sticky PR comment (auto: for command plan on a pull request). */
    comment: commentMode === 'auto' ? command === 'plan' && env.pullRequest !== undefined : commentMode === 'true',
    githubToken: token === '' ? undefined : new Sensitive(token),
    /** GitHub deployment records of deploy and drift: correct go to this environment (undefined: none). */
    environment: environment === '' ? undefined : { name: environment, ...(environmentUrl !== '' ? { url: environmentUrl } : {}) },
    /** command drift keeps one GitHub issue per state-name open while drift persists. */
    driftIssue: bool('drift-issue', raw('drift-issue')),
  };
}

export type Config = ReturnType<typeof readConfig>;

function rollbackTo(command: Command, value: string): number | undefined {
  if (value === '') return undefined;
  if (command !== 'rollback') invalid('to', value, 'it is only read by command rollback; remove it or set command: rollback');
  if (!/^[1-9][0-9]{0,15}$/.test(value)) invalid('to', value, 'give a deploy id from maand cat history (a positive whole number)');
  return Number(value);
}

function invalid(name: InputName, value: string, fix: string): never {
  throw new MaandError('invalid argument', `input ${name}: ${JSON.stringify(value)} is not valid; ${fix}`);
}

export function oneOf<const T extends readonly string[]>(name: InputName, value: string, values: T): T[number] {
  if ((values as readonly string[]).includes(value)) return value as T[number];
  throw new MaandError('invalid argument', `input ${name}: ${JSON.stringify(value)} is not one of ${values.join(', ')}`);
}

/** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them; '' is false. */
export function bool(name: InputName, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  throw new MaandError('invalid argument', `input ${name}: ${JSON.stringify(value)} is not a boolean; use true or false`);
}

/** Comma- or newline-separated names, trimmed, empty entries dropped, order kept, duplicates removed. */
