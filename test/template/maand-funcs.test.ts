// maand's 18 template functions (spec §2.4) and the template behaviours pinned by the
// reference tests (spec §10.3, items 21-32), through a KvReader fixture that enforces the
// namespace read set the way the deploy code does.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type FuncMap, goStruct, type KvReader, maandFuncs, parseTemplate, render, scrapeTemplateFuncs,
} from '../../src/template/index.ts';
import { execTests } from './cases.ts';

type Store = Record<string, Record<string, string>>;

/** A KV fixture: `allowed` is the job's read set; reads log what they touched. */
export function fakeKv(store: Store, allowed: string[], job: string, suffix = ''): KvReader & { reads: string[] } {
  const reads: string[] = [];
  const check = (ns: string): void => {
    reads.push(ns);
    if (!allowed.includes(ns)) throw new Error(`${ns} namespace is not available for job ${job}${suffix}`);
  };
  return {
    reads,
    get: (ns, key) => (check(ns), store[ns]?.[key]),
    keys: (ns) => (check(ns), Object.keys(store[ns] ?? {}).reverse()),
  };
}

/** Which fixture built a FuncMap (lets tooling replay the tables). */
export const fixtureOf = new WeakMap<FuncMap, { kind: 'maand' | 'scrape'; kv: Store; allowed: string[]; job: string }>();

function maand(kv: Store, allowed: string[], job = 'app'): FuncMap {
  const funcs = maandFuncs({ job, kv: fakeKv(kv, allowed, job) });
  fixtureOf.set(funcs, { kind: 'maand', kv, allowed, job });
  return funcs;
}

function scrape(kv: Store, allowed: string[], job = 'api'): FuncMap {
  const funcs = scrapeTemplateFuncs({ job, kv: fakeKv(kv, allowed, job, ' scrape template') });
  fixtureOf.set(funcs, { kind: 'scrape', kv, allowed, job });
  return funcs;
}

const APP_NS = ['maand/bucket', 'vars/bucket', 'maand/worker', 'maand/worker/10.0.0.1', 'maand/job/app', 'vars/job/app', 'secrets/job/app'];
const app = maand(
  {
    'vars/job/app': { name: 'maand', mem: '8192', spaced: '  42 ', b: '2', a: '1' },
    'secrets/job/app': { token: 'abc123' },
    'maand/worker/10.0.0.1': { hostname: 'w1' },
  },
  APP_NS,
);
const wide = maand({ 'vars/job/app': { '😀': '1', '\uffff': '2', z: '3', é: '4' } }, ['vars/job/app']);
const dot = goStruct('deploy.TemplateData', { Job: 'app', WorkerIP: '10.0.0.1', Labels: ['db', 'worker'], Nums: [1, 2] });
const tpl = 'config.tpl';
const at = (col: number, node: string, msg: string): string => `template: ${tpl}:1:${col}: executing "${tpl}" at <${node}>: ${msg}`;

const pgTemplate = [
  '{{- define "pgMemUnit" -}}',
  '{{- if and (ge . 1024) (eq (mul (div . 1024) 1024) .) -}}',
  '{{ div . 1024 }}GB',
  '{{- else -}}',
  '{{ . }}MB',
  '{{- end -}}',
  '{{- end -}}',
  '{{- $cfg := "vars/job/postgres" -}}',
  '{{- $mem := int (get $cfg "memory") -}}',
  '{{- $index := int (get (printf "maand/worker/%s" .WorkerIP) "postgres_allocation_index") -}}',
  '{{ if eq $index 0 }}primary = true{{ else }}clone_from = true{{ end }}',
  'shared_buffers = {{ template "pgMemUnit" (div $mem 4) }}',
  'effective_cache_size = {{ template "pgMemUnit" (div (mul $mem 3) 4) }}',
  'maintenance_work_mem = {{ template "pgMemUnit" (min (div $mem 16) 2048) }}',
  'work_mem = {{ template "pgMemUnit" (max (div $mem 64) 4) }}',
  'max_connections = {{ printf "%d" (max 100 (div $mem 32)) }}',
  '',
].join('\n');

const postgres = maand(
  { 'vars/job/postgres': { memory: '8192' }, 'maand/worker/10.0.0.1': { postgres_allocation_index: '1' } },
  ['vars/job/postgres', 'maand/worker/10.0.0.1'],
  'postgres',
);

const scrapeYaml = [
  '- job_name: {{ get "maand/job/api" "job_name" }}',
  '  metrics_path: {{ get "vars/job/api" "metrics_path" }}',
  '  static_configs:',
  '    - targets: ["maand:port/_implicit"]',
  '      labels:',
  '        job: {{ .Job }}',
  '',
].join('\n');
const api = scrape(
  { 'maand/job/api': { job_name: 'api' }, 'vars/job/api': { metrics_path: '/metrics' } },
  ['maand/bucket', 'vars/bucket', 'maand/job/api', 'vars/bucket/job/api', 'vars/job/api', 'secrets/job/api'],
);

execTests([
  // §10.3 items 21-28.
  { name: '21: getSecret reads the job secret', input: 'token={{ getSecret "token" }}', output: 'token=abc123' },
  { name: '21: add, upper and int', input: '{{ add 1 2 }} {{ upper "hello" }} {{ int "42" }}', output: '3 HELLO 42' },
  {
    name: '22: every helper gives its documented result',
    input: '{{add 3 4}} {{sub 3 2}} {{mul 3 4}} {{div 8 4}} {{min 3 8}} {{max 3 8}} {{split "a,b" ","}} {{trim "  host  "}} {{lower "HELLO"}} {{join (split "a,b" ",") "-"}} {{int 99}}',
    output: '7 1 12 2 3 8 [a b] host hello a-b 99',
  },
  { name: '23: get outside the read set fails', input: '{{ get "vars/job/other" "name" }}', tpl, error: at(3, 'get "vars/job/other" "name"', 'error calling get: vars/job/other namespace is not available for job app') },
  { name: '24: get reads a value', input: '{{ get "vars/job/app" "name" }}', output: 'maand' },
  { name: '24: keys lists sorted key names', input: '{{ keys "vars/job/app" }}', output: '[a b mem name spaced]' },
  { name: '25: getOptional reads a value', input: '{{ getOptional "vars/job/app" "name" }}', output: 'maand' },
  { name: '25: getOptional of a missing key is empty', input: '[{{ getOptional "vars/job/app" "missing" }}]', output: '[]' },
  { name: '25: getOptional still checks the namespace', input: '{{ getOptional "vars/job/other" "name" }}', tpl, error: at(3, 'getOptional "vars/job/other" "name"', 'error calling getOptional: vars/job/other namespace is not available for job app') },
  { name: '26: get on the secrets namespace gives the plaintext', input: '{{ get "secrets/job/app" "token" }}', output: 'abc123' },
  { name: '27: the postgres memory-sizing template', input: pgTemplate, data: dot, funcs: postgres, output: 'clone_from = true\nshared_buffers = 2GB\neffective_cache_size = 6GB\nmaintenance_work_mem = 512MB\nwork_mem = 128MB\nmax_connections = 256\n' },
  { name: '28: a config template renders exactly', input: 'hello {{ get "vars/job/app" "name" }}', output: 'hello maand' },
  { name: '32: a build-time scrape template', input: scrapeYaml, data: goStruct('build.ScrapeData', { Job: 'api', CurrentVersion: '1.0.0', NewVersion: '1.0.0' }), funcs: api, output: '- job_name: api\n  metrics_path: /metrics\n  static_configs:\n    - targets: ["maand:port/_implicit"]\n      labels:\n        job: api\n' },

  // get, getSecret, keys.
  { name: 'get of a missing key fails', input: '{{ get "vars/job/app" "missing" }}', tpl, error: at(3, 'get "vars/job/app" "missing"', 'error calling get: key not found or deleted') },
  { name: 'getSecret of a missing key fails', input: '{{ getSecret "nope" }}', tpl, error: at(3, 'getSecret "nope"', 'error calling getSecret: key not found or deleted') },
  { name: 'getSecret takes exactly one argument', input: '{{ getSecret "secrets/job/app" "token" }}', tpl, error: at(3, 'getSecret', 'wrong number of args for getSecret: want 1 got 2') },
  { name: 'keys of an empty namespace', input: '{{ keys "maand/bucket" }}', output: '[]' },
  { name: 'keys outside the read set fails', input: '{{ keys "vars/job/db" }}', tpl, error: at(3, 'keys "vars/job/db"', 'error calling keys: vars/job/db namespace is not available for job app') },
  { name: 'get with a printf namespace', input: '{{ get (printf "maand/worker/%s" .WorkerIP) "hostname" }}', data: dot, output: 'w1' },
  { name: 'get through a variable namespace', input: '{{ $cfg := "vars/job/app" }}{{ get $cfg "name" }}', output: 'maand' },

  // Strings.
  { name: 'split of an empty string has one empty element', input: '{{ len (split "" ",") }} {{ printf "%q" (split "" ",") }}', output: '1 [""]' },
  { name: 'split on an empty separator splits characters', input: '{{ split "abc" "" }}', output: '[a b c]' },
  { name: 'index picks a split element', input: '{{ index (split "a,b,c" ",") 0 }}', output: 'a' },
  { name: 'range over split sets dot', input: '{{ range split "x,y" "," }}<{{ . }}>{{ end }}', output: '<x><y>' },
  { name: 'trim strips Unicode whitespace', input: '[{{ trim "\\u00a0\\t x y \\n" }}]', output: '[x y]' },
  { name: 'upper and lower map each character', input: '{{ upper "straße" }} {{ lower "ÀB" }}', output: 'STRAßE àb' },
  { name: 'join of a []string field', input: '{{ join .Labels "," }}', data: dot, output: 'db,worker' },
  { name: 'keys sorts names by UTF-8 bytes, not UTF-16 units', input: '{{ keys "vars/job/app" }}', funcs: wide, output: '[z é \uffff 😀]' },
  { name: 'split on a raw byte cuts inside a character', input: '{{ split "é" (slice "é" 0 1) }}|{{ split "é" (slice "é" 1) }}', bytes: '5b20a95d7c5bc3205d' },
  { name: 'split on an empty separator keeps raw bytes one by one', input: '{{ len (split "😀" "") }} {{ split (slice "😀" 1) "" }}', bytes: '31205b9f209820805d' },
  { name: 'join of raw bytes makes the character again', input: '{{ join (split "aéb" (slice "é" 0 1)) (slice "é" 0 1) }} {{ eq (join (split "é" (slice "é" 0 1)) (slice "é" 0 1)) "é" }}', output: 'aéb true' },
  { name: 'upper and lower write a raw byte as U+FFFD', input: '{{ upper (print "é" (slice "é" 0 1)) }} {{ lower (slice "😀" 3) }}', output: 'É\ufffd \ufffd' },
  { name: 'trim keeps a raw byte', input: '[{{ trim (print " " (slice "é" 0 1) " ") }}]', bytes: '5bc35d' },
  { name: 'join of a non-string slice fails', input: '{{ join .Nums "," }}', data: dot, tpl, error: at(8, '.Nums', 'wrong type for value; expected []string; got []interface {}') },

  // Integers.
  { name: 'int trims and parses a decimal', input: '{{ int (get "vars/job/app" "spaced") }} {{ int "+5" }} {{ int "-3" }} {{ int "007" }}', output: '42 5 -3 7' },
  { name: 'int rejects a decimal fraction', input: '{{ int "1.5" }}', tpl, error: at(3, 'int "1.5"', 'error calling int: strconv.Atoi: parsing "1.5": invalid syntax') },
  { name: 'int rejects hex', input: '{{ int "0x10" }}', tpl, error: at(3, 'int "0x10"', 'error calling int: strconv.Atoi: parsing "0x10": invalid syntax') },
  { name: 'int rejects underscores', input: '{{ int "1_000" }}', tpl, error: at(3, 'int "1_000"', 'error calling int: strconv.Atoi: parsing "1_000": invalid syntax') },
  { name: 'int rejects an empty string', input: '{{ int "" }}', tpl, error: at(3, 'int ""', 'error calling int: strconv.Atoi: parsing "": invalid syntax') },
  { name: 'int rejects an out-of-range number', input: '{{ int "99999999999999999999" }}', tpl, error: at(3, 'int "99999999999999999999"', 'error calling int: strconv.Atoi: parsing "99999999999999999999": value out of range') },
  { name: 'int rejects a float literal', input: '{{ int 1.5 }}', tpl, error: at(3, 'int 1.5', 'error calling int: int: expected string or integer') },
  { name: 'int rejects a missing value', input: '{{ int .Missing }}', data: new Map(), tpl, error: at(3, 'int .Missing', 'error calling int: int: expected string or integer') },
  { name: 'div truncates toward zero', input: '{{ div -7 2 }} {{ div 7 -2 }} {{ div 7 2 }}', output: '-3 -3 3' },
  { name: 'div by zero fails', input: '{{ div 1 0 }}', tpl, error: at(3, 'div 1 0', 'error calling div: runtime error: integer divide by zero') },
  { name: 'int64 arithmetic wraps around', input: '{{ add 9223372036854775807 1 }} {{ sub -9223372036854775808 1 }} {{ mul 4294967296 4294967296 }}', output: '-9223372036854775808 9223372036854775807 0' },
  { name: 'min and max of negatives', input: '{{ min -3 -8 }} {{ max -3 -8 }}', output: '-8 -3' },
  { name: 'a string from get is not an int', input: '{{ div (get "vars/job/app" "mem") 4 }}', tpl, error: at(27, '"mem"', 'wrong type for value; expected int; got string') },
  { name: 'int converts a string from get', input: '{{ div (int (get "vars/job/app" "mem")) 4 }}', output: '2048' },
  { name: 'printf %02d of an int from a string', input: '{{ printf "%02d" (int "7") }}', output: '07' },

  // The set is closed: no sprig.
  { name: 'sprig functions are not defined', input: '{{ "x" | default "y" }}', tpl, error: `template: ${tpl}:1: function "default" not defined` },
  { name: 'the build-time set has no trim', input: '{{ trim " x " }}', funcs: api, error: 'template: t:1: function "trim" not defined' },
  { name: 'the build-time set has no getOptional', input: '{{ getOptional "vars/job/api" "x" }}', funcs: api, error: 'template: t:1: function "getOptional" not defined' },
  { name: 'build-time int does not trim', input: '{{ int " 5" }}', funcs: api, error: 'template: t:1:3: executing "t" at <int " 5">: error calling int: strconv.Atoi: parsing " 5": invalid syntax' },
  { name: 'build-time int rejects a float', input: '{{ int 1.5 }}', funcs: api, error: 'template: t:1:3: executing "t" at <int 1.5>: error calling int: expected a string or an int' },
  { name: 'build-time reads have their own read set', input: '{{ get "maand/worker" "x" }}', funcs: api, error: 'template: t:1:3: executing "t" at <get "maand/worker" "x">: error calling get: maand/worker namespace is not available for job api scrape template' },
], app);

test('an untaken branch never reads a namespace the job may not read', () => {
  const kv = fakeKv({}, ['vars/job/app'], 'app');
  const t = parseTemplate(tpl, '{{ if eq .Job "clickhouse" }}{{ get "maand/job/clickhouse" "workers" }}{{ end }}ok', maandFuncs({ job: 'app', kv }));
  assert.equal(render(t, dot), 'ok');
  assert.deepEqual(kv.reads, []);
});

test('and stops before reading a forbidden namespace', () => {
  const kv = fakeKv({}, [], 'app');
  const t = parseTemplate(tpl, '{{ if and false (get "secrets/job/clickhouse" "pw") }}x{{ end }}done', maandFuncs({ job: 'app', kv }));
  assert.equal(render(t, dot), 'done');
  assert.deepEqual(kv.reads, []);
});

test('scrapeConfigs and ruleFiles insert the fragments the caller builds', () => {
  const kv = fakeKv({}, [], 'prometheus');
  const funcs = maandFuncs({ job: 'prometheus', kv, scrapeConfigs: () => '\n  - job_name: api', ruleFiles: () => 'rule_files:\n  - rules/api/slo.yaml\n' });
  const t = parseTemplate('prometheus.yml.tpl', 'scrape_configs:{{ scrapeConfigs }}\n{{ ruleFiles }}', funcs);
  assert.equal(render(t, {}), 'scrape_configs:\n  - job_name: api\nrule_files:\n  - rules/api/slo.yaml\n');
});

test('scrapeConfigs and ruleFiles are empty when the caller gives no fragments', () => {
  const t = parseTemplate('p.tpl', '[{{ scrapeConfigs }}][{{ ruleFiles }}]', maandFuncs({ job: 'p', kv: fakeKv({}, [], 'p') }));
  assert.equal(render(t, {}), '[][]');
});

test('maandFuncs has exactly the 18 functions of the spec', () => {
  assert.deepEqual(Object.keys(maandFuncs({ job: 'j', kv: fakeKv({}, [], 'j') })).sort(), [
    'add', 'div', 'get', 'getOptional', 'getSecret', 'int', 'join', 'keys', 'lower', 'max', 'min', 'mul',
    'ruleFiles', 'scrapeConfigs', 'split', 'sub', 'trim', 'upper',
  ]);
});

test('scrapeTemplateFuncs has the 12 build-time functions', () => {
  assert.deepEqual(Object.keys(scrapeTemplateFuncs({ job: 'j', kv: fakeKv({}, [], 'j') })).sort(), [
    'add', 'div', 'get', 'getSecret', 'int', 'join', 'keys', 'lower', 'mul', 'split', 'sub', 'upper',
  ]);
});
