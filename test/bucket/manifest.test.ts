// manifest.json decoding (Go encoding/json semantics) and its semantic rules (build-and-catalog §6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeManifest } from '../../src/bucket/manifest.ts';
import { effectiveSelectors, healthCheckJson, resourceBounds, restartPolicy, validateHealthCheck, checkMinAllocations } from '../../src/bucket/manifest-rules.ts';
import { checkRestartGlob } from '../../src/bucket/glob.ts';
import { goJson } from '../../src/util/go-json.ts';

const decode = (m: object | string) => decodeManifest('a', typeof m === 'string' ? m : JSON.stringify(m));
const failure = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a failure');
};

test('a truncated manifest fails with Go\'s decoder text after a newline', () => {
  assert.equal(failure(() => decode('{"version":"1.1"')), 'invalid manifest.json: job a\nunexpected end of JSON input');
  assert.equal(failure(() => decode('')), 'invalid manifest.json: job a\nunexpected end of JSON input');
});

test('keys match field names case-insensitively, the last duplicate wins, unknown keys are ignored', () => {
  const m = decode('{"VERSION":"1.0","Selectors":["x"],"version":"2.0","whatever":[1,2]}');
  assert.equal(m.version, '2.0');
  assert.deepEqual(m.selectors, ['x']);
});

test('null leaves the default', () => {
  const m = decode({ version: null, selectors: null, resources: null, commands: null, max_concurrent_upgrades: null });
  assert.equal(m.version, '');
  assert.equal(m.selectors, undefined);
  assert.equal(m.max_concurrent_upgrades, 0);
  assert.equal(m.ports.size, 0);
});

test('a value of the wrong JSON type is a decode error', () => {
  for (const bad of [{ version: 1 }, { max_concurrent_upgrades: '2' }, { max_concurrent_upgrades: 2.5 }, { selectors: [1] }, { certs: { a: { pkcs8: 'yes' } } }]) {
    const msg = failure(() => decode(bad));
    assert.ok(msg.startsWith('invalid manifest.json: job a\njson: cannot unmarshal '), msg);
  }
  assert.equal(
    failure(() => decode({ version: 1 })),
    'invalid manifest.json: job a\njson: cannot unmarshal number into Go struct field Manifest.version of type string',
  );
});

test('ports: {} is provisioned, an integer is fixed, names are kept in sorted order later', () => {
  const m = decode('{"resources":{"ports":{"b_port":{},"a_port":31000,"c":65535}}}');
  assert.deepEqual(m.ports.get('b_port'), { kind: 'provisioned' });
  assert.deepEqual(m.ports.get('a_port'), { kind: 'fixed', port: 31000 });
  assert.deepEqual(m.ports.get('c'), { kind: 'fixed', port: 65535 });
  assert.equal(decode('{"resources":{"ports":null}}').ports.size, 0);
});

test('a port value that is not {} or an integer fails with both sentinels and the raw value', () => {
  const cases: Array<[string, string]> = [['"30000"', '"30000"'], ['3.0e4', '3.0e4'], ['31000.0', '31000.0'], ['true', 'true'], ['[]', '[]'], ['{"a":1}', '{"a":1}']];
  for (const [raw, shown] of cases) {
    const msg = failure(() => decode(`{"resources":{"ports":{"p":${raw}}}}`));
    assert.equal(msg, `invalid manifest.json: job a\ninvalid manifest port declaration: port "p" must be {} or an integer, not ${shown}`);
  }
  try {
    decode('{"resources":{"ports":{"p":"x"}}}');
  } catch (e) {
    assert.deepEqual((e as { codes: string[] }).codes, ['invalid manifest.json', 'invalid manifest port declaration']);
  }
});

test('given a fixed port outside 1-65535 (negative, 0, past 65535, past 2^64), decoding fails naming the port and the number', () => {
  for (const raw of ['-5', '0', '65536', '99999999999999999999']) {
    assert.equal(
      failure(() => decode(`{"resources":{"ports":{"p":${raw}}}}`)),
      `invalid manifest.json: job a\ninvalid manifest port declaration: port "p" must be between 1 and 65535, not ${raw}`,
    );
  }
});

test('port names must match ^[a-z][a-z0-9_]*$ after trimming', () => {
  assert.ok(failure(() => decode({ resources: { ports: { 'Bad-Port': {} } } })).startsWith('invalid manifest.json: job a\ninvalid port key format: port name "Bad-Port"'));
  assert.ok(failure(() => decode({ resources: { ports: { '1port': {} } } })).startsWith('invalid manifest.json: job a\ninvalid port key format: port name "1port"'));
  assert.equal(failure(() => decode({ resources: { ports: { ' ': {} } } })), 'invalid manifest.json: job a\ninvalid port key format: port name cannot be empty');
  assert.ok(decode({ resources: { ports: { ' web_port ': {} } } }).ports.has('web_port'));
});

test('selectors: absent, null or [] mean the job name; otherwise empty strings and duplicates are dropped, case and spaces kept', () => {
  assert.deepEqual(effectiveSelectors('a', decode({})), ['a']);
  assert.deepEqual(effectiveSelectors('a', decode({ selectors: [] })), ['a']);
  assert.deepEqual(effectiveSelectors('a', decode({ selectors: ['', 'Web', 'web', 'Web', ' x '] })), ['Web', 'web', ' x ']);
  assert.deepEqual(effectiveSelectors('a', decode({ selectors: [''] })), []);
});

test('resource bounds: max defaults to min, min > max fails, CPU is checked before memory', () => {
  assert.deepEqual(resourceBounds('a', decode({ resources: { memory: { min: '1GB' } } }), 'memory'), { min: 1024, max: 1024 });
  assert.deepEqual(resourceBounds('a', decode({}), 'cpu'), { min: 0, max: 0 });
  assert.equal(failure(() => resourceBounds('a', decode({ resources: { cpu: { min: '500', max: '100' } } }), 'cpu')), 'invalid manifest.json: job a minCPUMhz > maxCPUMhz');
  assert.equal(failure(() => resourceBounds('a', decode({ resources: { memory: { min: '2gb', max: '1gb' } } }), 'memory')), 'invalid manifest.json: job a minMemoryMb > maxMemoryMb');
  assert.equal(failure(() => resourceBounds('a', decode({ resources: { memory: { min: '1 KB' } } }), 'memory')), 'invalid manifest.json: job a unsupported memory unit "KB"');
});

test('restart_policy must be always, reload or never; restart_globs need reload', () => {
  assert.deepEqual(restartPolicy('a', decode({})), { policy: 'always', globsJson: '[]' });
  assert.equal(
    failure(() => restartPolicy('a', decode({ restart_policy: 'Always' }))),
    'invalid manifest.json: job a invalid manifest.json: restart_policy must be one of always, reload, never (got "Always")',
  );
  assert.equal(
    failure(() => restartPolicy('a', decode({ restart_policy: 'always', restart_globs: ['*.conf'] }))),
    'invalid manifest.json: job a restart_globs requires restart_policy reload',
  );
  assert.equal(failure(() => restartPolicy('a', decode({ restart_globs: ['*.conf'] }))), 'invalid manifest.json: job a restart_globs requires restart_policy reload');
});

test('restart_globs are validated as globs and stored as Go JSON with HTML escapes', () => {
  const ok = restartPolicy('a', decode({ restart_policy: 'reload', restart_globs: ['*.conf', '**/x.yml', 'conf/**', 'a/**/b', '[a-c]?.txt', '<a>&'] }));
  assert.equal(ok.globsJson, '["*.conf","**/x.yml","conf/**","a/**/b","[a-c]?.txt","\\u003ca\\u003e\\u0026"]');
  assert.equal(
    failure(() => restartPolicy('a', decode({ restart_policy: 'reload', restart_globs: ['[abc'] }))),
    'invalid manifest.json: job a restart_globs: invalid manifest.json: invalid glob pattern "[abc": syntax error in pattern',
  );
  assert.equal(
    failure(() => restartPolicy('a', decode({ restart_policy: 'reload', restart_globs: ['  '] }))),
    'invalid manifest.json: job a restart_globs: invalid manifest.json: empty glob pattern',
  );
  assert.equal(checkRestartGlob('**/[x'), 'invalid glob pattern "**/[x": syntax error in pattern');
  assert.equal(checkRestartGlob('**/dir/[x]'), undefined);
  assert.equal(checkRestartGlob('a\\'), 'invalid glob pattern "a\\": syntax error in pattern');
});

test('min_allocations_count must not be negative', () => {
  assert.equal(failure(() => checkMinAllocations('a', decode({ min_allocations_count: -1 }))), 'invalid manifest.json: job a min_allocations_count must be >= 0');
  checkMinAllocations('a', decode({ min_allocations_count: 0 }));
});

test('health checks are validated only when there are checks, with the reference texts', () => {
  const hc = (checks: object[], ports: object = {}) => decode({ resources: { ports }, health_check: { checks } });
  validateHealthCheck('a', decode({ health_check: { checks: [] } }));
  const cases: Array<[object[], string]> = [
    [[{ type: 'udp' }], 'health_check.checks[0] type "udp" (want tcp, http, or ssh)'],
    [[{ type: 'SSH', command: '  ' }], 'health_check.checks[0] ssh probe requires command'],
    [[{ type: 'tcp' }], 'health_check.checks[0] missing port'],
    [[{ type: 'http', port: 'web_port' }], 'health_check.checks[0] port "web_port" not in resources.ports'],
  ];
  for (const [checks, text] of cases) assert.equal(failure(() => validateHealthCheck('a', hc(checks))), `invalid manifest.json: job a ${text}`);
  assert.equal(
    failure(() => validateHealthCheck('a', hc([{ type: 'tcp', port: 'p' }, { type: ' Http ', port: 'p', path: 'health' }], { p: {} }))),
    'invalid manifest.json: job a health_check.checks[1] path must start with /',
  );
  validateHealthCheck('a', hc([{ type: 'ssh', command: 'true' }, { type: 'http', port: ' p ' }], { p: {} }));
});

test('the stored health check is Go JSON with fields in struct order and empty fields omitted', () => {
  const m = decode({ resources: { ports: { http_port: {} } }, health_check: { checks: [{ path: '/health', port: 'http_port', type: 'http' }] } });
  assert.equal(healthCheckJson(m.health_check), '{"checks":[{"type":"http","port":"http_port","path":"/health"}],"timeout_seconds":0,"wait":null}');
  const full = decode({ health_check: { wait: { interval_seconds: 2, attempts: 5 }, timeout_seconds: 3, checks: [{ type: 'http', port: 'p', path: '/', expect_status: 204, scheme: 'https', command: 'c' }] } });
  assert.equal(
    healthCheckJson(full.health_check),
    '{"checks":[{"type":"http","port":"p","command":"c","path":"/","expect_status":204,"scheme":"https"}],"timeout_seconds":3,"wait":{"attempts":5,"interval_seconds":2}}',
  );
  assert.equal(healthCheckJson(decode({ health_check: { checks: [] } }).health_check), '');
  assert.equal(healthCheckJson(decode({}).health_check), '');
});

test('demand config is stored as Go JSON: sorted keys, shortest numbers, HTML escapes', () => {
  const m = decode('{"commands":{"command_x":{"executed_on":["cli"],"demands":{"job":"b","command":"command_y","config":{"z":1.50,"a":1e21,"m":"<&>","n":[1.0,{"y":2,"x":null}]}}}}}');
  assert.equal(goJson(m.commands.get('command_x')!.demands.config), '{"a":1e+21,"m":"\\u003c\\u0026\\u003e","n":[1,{"x":null,"y":2}],"z":1.5}');
  assert.equal(goJson(decode({ commands: { command_x: { executed_on: ['cli'] } } }).commands.get('command_x')!.demands.config), '{}');
});
