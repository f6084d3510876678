// workspace/workers.json (§4.4): the worker catalog.
import { MaandError } from '../errors.ts';
import { asInt, asObject, asString, asStringArray, field, JsonDecodeError, parseJson, type JsonValue } from '../util/json-decode.ts';
import { readOptionalText } from './read-file.ts';
import { parseCpuMhz, parseMemoryMb, UnitError } from './units.ts';
import { isWorkerHost } from './identifiers.ts';
import { quoted } from '../util/quoted.ts';
import { parseProxyJump } from '../remote/proxy-jump.ts';

export interface WorkerSpec {
  host: string;
  hostname: string;
  labels: string[];
  memoryMb: number;
  cpuMhz: number;
  tags: Map<string, string>;
  position: number;
  /** Index in the file, the tie-breaker for equal positions. */
  index: number;
  /** `"proxy_jump"`: this worker's bastion chain (-J syntax), '' to connect directly; absent: the run's default (Q37). */
  proxyJump?: string;
}

function bad(detail: string): MaandError {
  return new MaandError('invalid worker.json', detail);
}

export function readWorkersJson(file: string): WorkerSpec[] {
  const text = readOptionalText(file, 'workspace/workers.json');
  if (text === undefined) return [];
  let doc: JsonValue;
  try {
    doc = parseJson(text);
    if (!Array.isArray(doc)) throw new JsonDecodeError(`json: cannot unmarshal ${doc === null ? 'null' : typeof doc === 'object' ? 'object' : typeof doc} into Go value of type []workspace.Worker`);
  } catch (e) {
    if (!(e instanceof MaandError)) throw e; // a bug, not a problem of the file: let it show as one
    throw bad(`${(e as Error).message} (workspace/workers.json must be a JSON array of {"host": ...} objects)`);
  }
  const seen = new Set<string>();
  return doc.map((item, index) => parseWorker(item, index, seen));
}

function parseWorker(item: JsonValue, index: number, seen: Set<string>): WorkerSpec {
  let host: string, hostname: string, labelsRaw: string[], mem: string, cpu: string, position: number | undefined, tagsObj, proxyJump: string | undefined;
  try {
    const obj = asObject(item, 'Worker') ?? {};
    host = (asString(field(obj, 'host'), 'Worker.host') ?? '').trim();
    hostname = (asString(field(obj, 'hostname'), 'Worker.hostname') ?? '').trim();
    labelsRaw = asStringArray(field(obj, 'labels'), 'Worker.labels') ?? [];
    mem = asString(field(obj, 'memory'), 'Worker.memory') ?? '';
    cpu = asString(field(obj, 'cpu'), 'Worker.cpu') ?? '';
    position = asInt(field(obj, 'position'), 'Worker.position');
    tagsObj = asObject(field(obj, 'tags'), 'Worker.tags') ?? {};
    proxyJump = asString(field(obj, 'proxy_jump'), 'Worker.proxy_jump')?.trim();
    for (const [k, v] of Object.entries(tagsObj)) asString(v, `Worker.tags.${k}`);
  } catch (e) {
    if (!(e instanceof MaandError)) throw e; // a bug, not a problem of the file: let it show as one
    throw bad(`${(e as Error).message} (workers[${index}])`);
  }
  if (host === '') throw bad(`host attribute can't be empty (workers[${index}])`);
  // ssh, rsync and the catalog's text columns take the host as one token
  if (/[\s\p{C}]/u.test(host)) throw bad(`host ${quoted(host)} must not contain spaces or control characters (workers[${index}])`);
  if (!isWorkerHost(host)) throw bad(`worker host ${quoted(host)} is not an IP address or DNS name (workers[${index}]); use an IPv4 or IPv6 address or a host name`);
  if (seen.has(host)) throw bad(`duplicate host ${quoted(host)}`);
  seen.add(host);
  const labels = [...labelsRaw, 'worker'].map((l) => l.trim().toLowerCase());
  if (new Set(labels).size !== labels.length) throw bad(`worker ${host} have duplicate labels (the label "worker" is implicit; do not list it)`);
  let memoryMb: number, cpuMhz: number;
  try {
    memoryMb = parseMemoryMb(mem);
  } catch (e) {
    throw bad(`worker ${host} ${(e as UnitError).message}`);
  }
  if (memoryMb < 0) throw bad(`worker ${host} memory can't be less than 0`);
  try {
    cpuMhz = parseCpuMhz(cpu);
  } catch (e) {
    throw bad(`worker ${host} ${(e as UnitError).message}`);
  }
  if (cpuMhz < 0) throw bad(`worker ${host}, cpu can't be less than 0`);
  const tags = new Map<string, string>();
  for (const [k, v] of Object.entries(tagsObj)) tags.set(k.trim().toLowerCase(), String(v).trim().toLowerCase());
  if (proxyJump !== undefined) parseProxyJump(proxyJump, `worker ${host} proxy_jump`, 'invalid worker.json');
  return { host, hostname, labels, memoryMb, cpuMhz, tags, position: position ?? index, index, ...(proxyJump === undefined ? {} : { proxyJump }) };
}
