// maand.conf (§4.1): ssh, sudo, certificate lifetime, job config selector, log format.
import { writeFileSync, existsSync } from 'node:fs';
import { MaandError } from '../errors.ts';
import { hookEnvEntryProblem } from '../hooks/env-allowlist.ts';
import { parseProxyJump } from '../remote/proxy-jump.ts';
import { FileReadError } from './read-file.ts';
import { firstLine, readToml, tomlTypeName } from './toml.ts';

export interface MaandConf {
  use_sudo: boolean;
  ssh_user: string;
  ssh_key: string;
  ssh_port: number;
  certs_ttl: number;
  certs_renewal_buffer: number;
  job_config_selector: string;
  log_format: string;
  /** Names (or `PREFIX_*`) of the caller's environment hooks also inherit (src/hooks/env-allowlist.ts). */
  hook_env: string[];
  /** Bastion chain of every worker (OpenSSH -J syntax, src/remote/proxy-jump.ts); '' = direct. */
  ssh_proxy_jump: string;
  /** Most ssh handshakes in flight at once (0 in the file: the default). */
  ssh_max_startups: number;
  /** Runs kept in the deploy history (`maand gc` purges older ones); 0 in the file means the default. */
  history_retain: number;
  /** Releases of each job a worker keeps for `maand rollback`; 0 in the file means the default. */
  retain_releases: number;
}

export const DEFAULT_HISTORY_RETAIN = 500;
export const DEFAULT_RETAIN_RELEASES = 3;

const ZERO: MaandConf = {
  use_sudo: false,
  ssh_user: '',
  ssh_key: '',
  ssh_port: 0,
  certs_ttl: 0,
  certs_renewal_buffer: 0,
  job_config_selector: '',
  log_format: '',
  hook_env: [],
  ssh_proxy_jump: '',
  ssh_max_startups: 0,
  history_retain: DEFAULT_HISTORY_RETAIN,
  retain_releases: DEFAULT_RETAIN_RELEASES,
};

export const DEFAULT_MAAND_CONF_TEXT =
  "use_sudo = true\nssh_user = 'agent'\nssh_key = 'worker.key'\nssh_port = 0\ncerts_ttl = 60\ncerts_renewal_buffer = 0\n";

const KINDS: Record<Exclude<keyof MaandConf, 'hook_env'>, 'bool' | 'string' | 'int'> = {
  use_sudo: 'bool',
  ssh_user: 'string',
  ssh_key: 'string',
  ssh_port: 'int',
  certs_ttl: 'int',
  certs_renewal_buffer: 'int',
  job_config_selector: 'string',
  log_format: 'string',
  ssh_proxy_jump: 'string',
  ssh_max_startups: 'int',
  history_retain: 'int',
  retain_releases: 'int',
};

export const DEFAULT_SSH_MAX_STARTUPS = 10;
const MAX_SSH_MAX_STARTUPS = 1000;

/** Reads maand.conf: absent file → zero values (certs_ttl 0, a reference quirk kept on purpose). */
export function readMaandConf(file: string): MaandConf {
  let table;
  try {
    table = readToml(file, 'maand.conf');
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new MaandError('invalid maand.conf', `${firstLine(e)}; fix the TOML syntax of ${file}`);
  }
  if (table === undefined) return { ...ZERO, hook_env: [] };
  const conf: MaandConf = { ...ZERO, hook_env: hookEnvList(table['hook_env'], file) };
  for (const [key, kind] of Object.entries(KINDS) as Array<[keyof MaandConf, string]>) {
    const v = table[key];
    if (v === undefined) continue;
    const ok = kind === 'bool' ? typeof v === 'boolean' : kind === 'string' ? typeof v === 'string' : typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
    if (!ok) throw new MaandError('invalid maand.conf', `key ${key} must be ${kind === 'int' ? 'an integer' : kind === 'bool' ? 'a boolean' : 'a string'}, got ${tomlTypeName(v)}`);
    (conf as unknown as Record<string, unknown>)[key] = kind === 'int' ? Number(v) : v;
  }
  if (conf.certs_ttl === 0) conf.certs_ttl = 60;
  for (const key of ['history_retain', 'retain_releases'] as const) {
    if (conf[key] < 0) throw new MaandError('invalid maand.conf', `key ${key} must be 0 (the default) or more, got ${conf[key]}; fix ${file}`);
    if (conf[key] === 0) conf[key] = key === 'history_retain' ? DEFAULT_HISTORY_RETAIN : DEFAULT_RETAIN_RELEASES;
  }
  conf.job_config_selector = conf.job_config_selector.trim();
  conf.ssh_proxy_jump = conf.ssh_proxy_jump.trim();
  parseProxyJump(conf.ssh_proxy_jump, `key ssh_proxy_jump in ${file}`, 'invalid maand.conf');
  if (conf.ssh_max_startups < 0 || conf.ssh_max_startups > MAX_SSH_MAX_STARTUPS)
    throw new MaandError('invalid maand.conf', `key ssh_max_startups must be from 1 to ${MAX_SSH_MAX_STARTUPS} (0: the default ${DEFAULT_SSH_MAX_STARTUPS}), got ${conf.ssh_max_startups}; fix ${file}`);
  return conf;
}

/** `hook_env = ["NAME", "PREFIX_*"]`: checked here so a bad entry fails the build, not a hook. */
function hookEnvList(v: unknown, file: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((e): e is string => typeof e === 'string'))
    throw new MaandError('invalid maand.conf', `key hook_env must be an array of strings, got ${tomlTypeName(v)}; fix ${file}`);
  for (const entry of v) {
    const problem = hookEnvEntryProblem(entry);
    if (problem !== undefined) throw new MaandError('invalid maand.conf', `hook_env entry ${problem} (${file})`);
  }
  return [...new Set(v)].sort();
}

export function writeDefaultMaandConf(file: string): void {
  if (!existsSync(file)) writeFileSync(file, DEFAULT_MAAND_CONF_TEXT, { mode: 0o644 });
}

/** The effective ssh settings consumers use (defaults applied). */
export function sshSettings(conf: MaandConf): { user: string; keyName: string; port: number; useSudo: boolean; proxyJump: string; maxStartups: number } {
  return {
    user: conf.ssh_user || 'agent',
    keyName: conf.ssh_key || 'worker.key',
    port: conf.ssh_port > 0 ? conf.ssh_port : 22,
    useSudo: conf.use_sudo,
    proxyJump: conf.ssh_proxy_jump ?? '',
    maxStartups: conf.ssh_max_startups > 0 ? conf.ssh_max_startups : DEFAULT_SSH_MAX_STARTUPS,
  };
}
