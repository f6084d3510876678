// Pools of hostile values the mutators draw from: huge and odd numbers, unicode, known field names.
import type { Prng } from './prng.ts';

/** Number texts as written in a file (JSON and TOML both accept most of them). */
export const NUMBER_TEXTS = [
  '0', '-1', '1', '65535', '65536', '2147483648', '9007199254740993', '18446744073709551616', '1e308', '1e400', '-1e400',
  '1.5', '3.0e4', '31000.0', '-0', '0.0000001', '123456789012345678901234567890',
] as const;

export const UNICODE_TEXTS = [
  '', ' ', 'é', '日本語', '😀', 'e\u0301', '\u202eevil', '\u0000', '\u00a0', 'a\nb', '"', '\\', '{{', '}}', '../../etc/passwd',
  'x'.repeat(5000), '\ufeff', '\uffff', 'Ω'.repeat(300),
] as const;

/** Field and key names of the workspace files, so additions hit real decoders rather than unknown keys. */
export const FIELD_NAMES = [
  'version', 'selectors', 'resources', 'memory', 'cpu', 'min', 'max', 'ports', 'commands', 'executed_on', 'demands', 'job', 'command',
  'config', 'min_version', 'certs', 'pkcs8', 'one', 'subject', 'common_name', 'health_check', 'checks', 'type', 'port', 'path',
  'expect_status', 'scheme', 'timeout_seconds', 'wait', 'attempts', 'interval_seconds', 'max_concurrent_upgrades',
  'max_concurrent_starts', 'min_allocations_count', 'restart_policy', 'restart_globs', 'host', 'hostname', 'labels', 'tags',
  'position', 'workers', 'jobs', 'allocations', 'port_min', 'port_max', 'use_sudo', 'ssh_user', 'ssh_key', 'ssh_port', 'certs_ttl',
  'certs_renewal_buffer', 'job_config_selector', 'log_format', 'api', 'db', 'edge', 'prometheus', 'VERSION', 'Host', 'command_x',
  'bad port', 'a_port', 'metrics_port',
] as const;

/** Strings that mean something somewhere (events, policies, IPs, units, versions, job names). */
export const MEANINGFUL_STRINGS = [
  'cli', 'pre_deploy', 'post_deploy', 'health_check', 'job_control', 'tcp', 'http', 'ssh', 'always', 'reload', 'never', '10.0.0.1',
  '10.0.0.9', '::1', 'fe80::1%eth0', '256.1.1.1', 'localhost', 'db', 'api', 'edge', 'ghost', 'command_schema', '1 GB', '0.5 THZ',
  '1e309 MB', '-5 GHZ', 'inf', 'NaN', '0x1p-2', '1.0.0', 'v2', '1.2.3-rc.1', '**/[', 'conf/*.conf', '/', '', 'worker',
] as const;

export function randomString(rng: Prng): string {
  return rng.chance(0.5) ? rng.pick(UNICODE_TEXTS) : rng.pick(MEANINGFUL_STRINGS);
}
