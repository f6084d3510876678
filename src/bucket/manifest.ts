// manifest.json decoding (§6.1-6.8) with Go's encoding/json semantics. Semantic checks that need
// the bucket (reservations, command scripts) live in manifest-rules.ts and commands.ts.
import { MaandError } from '../errors.ts';
import {
  asBool, asInt, asObject, asString, asStringArray, field, JsonDecodeError, parseJson, type JsonObject, type JsonValue,
} from '../util/json-decode.ts';
import { quoted } from '../util/quoted.ts';

export interface HealthProbe {
  type: string;
  port: string;
  command: string;
  path: string;
  expect_status: number;
  scheme: string;
}

export interface HealthCheckSpec {
  checks: HealthProbe[];
  timeout_seconds: number;
  wait: { attempts: number; interval_seconds: number } | null;
}

export interface CommandSpec {
  executed_on: string[];
  demands: { job: string; command: string; config: JsonObject };
}

export interface CertSpec {
  pkcs8: boolean;
  one: boolean;
  common_name: string;
}

export type PortDecl = { kind: 'provisioned' } | { kind: 'fixed'; port: number };

export interface Manifest {
  version: string;
  /** undefined when absent/null; [] stays [] (both mean "the job name"). */
  selectors: string[] | undefined;
  memory: { min: string; max: string };
  cpu: { min: string; max: string };
  ports: Map<string, PortDecl>;
  commands: Map<string, CommandSpec>;
  certs: Map<string, CertSpec> | undefined;
  health_check: HealthCheckSpec | undefined;
  max_concurrent_upgrades: number;
  max_concurrent_starts: number;
  min_allocations_count: number;
  restart_policy: string;
  restart_globs: string[];
}

const PORT_NAME = /^[a-z][a-z0-9_]*$/;

/** Decodes manifest text; any problem → `invalid manifest.json: job <job>\n<detail>`. */
export function decodeManifest(job: string, text: string): Manifest {
  try {
    return decode(text);
  } catch (e) {
    if (!(e instanceof MaandError)) throw e; // a bug, not a manifest problem: let it show as one
    const err = new MaandError('invalid manifest.json', `job ${job}`);
    err.message = `invalid manifest.json: job ${job}\n${(e as Error).message}`;
    if (e instanceof MaandError) (err.codes as string[]).push(...e.codes);
    throw err;
  }
}

function decode(text: string): Manifest {
  // Raw number texts of port values, so `31000.0` and `3.0e4` can be rejected as Go does.
  parseJson(text); // syntax errors with Go's wording first
  const rawNumbers = new Map<object, Map<string, string>>();
  const doc = JSON.parse(text, function (this: object, key, value, ctx?: { source?: string }) {
    if (typeof value === 'number' && ctx?.source !== undefined) {
      let m = rawNumbers.get(this);
      if (!m) rawNumbers.set(this, (m = new Map()));
      m.set(key, ctx.source);
    }
    return value;
  }) as JsonValue;
  return fromDoc(doc, rawNumbers);
}

function fromDoc(doc: JsonValue, rawNumbers: Map<object, Map<string, string>>): Manifest {
  const m = asObject(doc, 'Manifest') ?? {};
  const resources = asObject(field(m, 'resources'), 'Manifest.resources') ?? {};
  const mem = asObject(field(resources, 'memory'), 'Resources.memory') ?? {};
  const cpu = asObject(field(resources, 'cpu'), 'Resources.cpu') ?? {};
  return {
    version: asString(field(m, 'version'), 'Manifest.version') ?? '',
    selectors: asStringArray(field(m, 'selectors'), 'Manifest.selectors'),
    memory: { min: asString(field(mem, 'min'), 'Memory.min') ?? '', max: asString(field(mem, 'max'), 'Memory.max') ?? '' },
    cpu: { min: asString(field(cpu, 'min'), 'CPU.min') ?? '', max: asString(field(cpu, 'max'), 'CPU.max') ?? '' },
    ports: decodePorts(asObject(field(resources, 'ports'), 'Resources.ports'), rawNumbers),
    commands: decodeCommands(asObject(field(m, 'commands'), 'Manifest.commands')),
    certs: decodeCerts(field(m, 'certs')),
    health_check: decodeHealth(asObject(field(m, 'health_check'), 'Manifest.health_check')),
    max_concurrent_upgrades: asInt(field(m, 'max_concurrent_upgrades'), 'Manifest.max_concurrent_upgrades') ?? 0,
    max_concurrent_starts: asInt(field(m, 'max_concurrent_starts'), 'Manifest.max_concurrent_starts') ?? 0,
    min_allocations_count: asInt(field(m, 'min_allocations_count'), 'Manifest.min_allocations_count') ?? 0,
    restart_policy: asString(field(m, 'restart_policy'), 'Manifest.restart_policy') ?? '',
    restart_globs: asStringArray(field(m, 'restart_globs'), 'Manifest.restart_globs') ?? [],
  };
}

function decodePorts(ports: JsonObject | undefined, rawNumbers: Map<object, Map<string, string>>): Map<string, PortDecl> {
  const out = new Map<string, PortDecl>();
  if (!ports) return out;
  const raws = rawNumbers.get(ports);
  for (const [rawName, value] of Object.entries(ports)) {
    const name = rawName.trim();
    if (name === '') throw new MaandError('invalid port key format', 'port name cannot be empty');
    if (!PORT_NAME.test(name)) throw new MaandError('invalid port key format', `port name ${quoted(name)} (use lower-case letters, digits and _; start with a letter)`);
    const raw = raws?.get(rawName);
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
      out.set(name, { kind: 'provisioned' });
    } else if (typeof value === 'number' && raw !== undefined && /^-?\d+$/.test(raw)) {
      if (value < 1 || value > 65535) throw new MaandError('invalid manifest port declaration', `port ${quoted(name)} must be between 1 and 65535, not ${raw}`);
      out.set(name, { kind: 'fixed', port: value });
    } else {
      const shown = raw ?? JSON.stringify(value);
      throw new MaandError('invalid manifest port declaration', `port ${quoted(name)} must be {} or an integer, not ${shown}`);
    }
  }
  return out;
}

function decodeCommands(cmds: JsonObject | undefined): Map<string, CommandSpec> {
  const out = new Map<string, CommandSpec>();
  for (const [name, value] of Object.entries(cmds ?? {})) {
    const c = asObject(value, `Manifest.commands.${name}`) ?? {};
    const d = asObject(field(c, 'demands'), 'Command.demands') ?? {};
    out.set(name, {
      executed_on: asStringArray(field(c, 'executed_on'), 'Command.executed_on') ?? [],
      demands: {
        job: asString(field(d, 'job'), 'Demands.job') ?? '',
        command: asString(field(d, 'command'), 'Demands.command') ?? '',
        config: asObject(field(d, 'config'), 'Demands.config') ?? {},
      },
    });
  }
  return out;
}

function decodeCerts(value: JsonValue | undefined): Map<string, CertSpec> | undefined {
  const certs = asObject(value, 'Manifest.certs');
  if (!certs) return undefined;
  const out = new Map<string, CertSpec>();
  for (const [name, v] of Object.entries(certs)) {
    const c = asObject(v, `Manifest.certs.${name}`) ?? {};
    const subject = asObject(field(c, 'subject'), 'Cert.subject') ?? {};
    out.set(name, {
      pkcs8: asBool(field(c, 'pkcs8'), 'Cert.pkcs8') ?? false,
      one: asBool(field(c, 'one'), 'Cert.one') ?? false,
      common_name: asString(field(subject, 'common_name'), 'Subject.common_name') ?? '',
    });
  }
  return out;
}

function decodeHealth(h: JsonObject | undefined): HealthCheckSpec | undefined {
  if (!h) return undefined;
  const checksRaw = field(h, 'checks');
  const checks: HealthProbe[] = [];
  if (checksRaw !== undefined && checksRaw !== null) {
    if (!Array.isArray(checksRaw)) throw new JsonDecodeError('json: cannot unmarshal into Go struct field HealthCheck.checks of type []Probe');
    for (const item of checksRaw) {
      const p = asObject(item, 'HealthCheck.checks') ?? {};
      checks.push({
        type: asString(field(p, 'type'), 'Probe.type') ?? '',
        port: asString(field(p, 'port'), 'Probe.port') ?? '',
        command: asString(field(p, 'command'), 'Probe.command') ?? '',
        path: asString(field(p, 'path'), 'Probe.path') ?? '',
        expect_status: asInt(field(p, 'expect_status'), 'Probe.expect_status') ?? 0,
        scheme: asString(field(p, 'scheme'), 'Probe.scheme') ?? '',
      });
    }
  }
  const w = asObject(field(h, 'wait'), 'HealthCheck.wait');
  return {
    checks,
    timeout_seconds: asInt(field(h, 'timeout_seconds'), 'HealthCheck.timeout_seconds') ?? 0,
    wait: w ? { attempts: asInt(field(w, 'attempts'), 'Wait.attempts') ?? 0, interval_seconds: asInt(field(w, 'interval_seconds'), 'Wait.interval_seconds') ?? 0 } : null,
  };
}
