// The remote-write WriteRequest encoder against hand-computed bytes and an independent decoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeWriteRequest } from '../../src/metrics/protobuf.ts';
import { decodeWriteRequest } from './decode.ts';

test('one series with one label and one sample encodes to the protobuf wire bytes', () => {
  const bytes = encodeWriteRequest([{ labels: [{ name: 'a', value: 'b' }], samples: [{ value: 1, timestampMs: 1000 }] }]);
  // WriteRequest.timeseries(1) { labels(1) { name(1) "a", value(2) "b" }, samples(2) { value(1) 1.0, timestamp(2) 1000 } }
  const label = [0x0a, 0x01, 0x61, 0x12, 0x01, 0x62];
  const sample = [0x09, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x10, 0xe8, 0x07];
  const series = [0x0a, label.length, ...label, 0x12, sample.length, ...sample];
  assert.deepEqual([...bytes], [0x0a, series.length, ...series]);
});

test('labels are written sorted by name, whatever order they are given in', () => {
  const bytes = encodeWriteRequest([
    { labels: [{ name: 'job', value: 'api' }, { name: '__name__', value: 'up' }, { name: 'cert', value: 'tls' }], samples: [{ value: 1, timestampMs: 5 }] },
  ]);
  assert.deepEqual(decodeWriteRequest(bytes)[0]!.labels, [['__name__', 'up'], ['cert', 'tls'], ['job', 'api']]);
});

test('several series keep their order, values and millisecond timestamps', () => {
  const ts = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
  const bytes = encodeWriteRequest([
    { labels: [{ name: '__name__', value: 'x' }], samples: [{ value: 1893456000, timestampMs: ts }] },
    { labels: [{ name: '__name__', value: 'y' }], samples: [{ value: 0.25, timestampMs: ts }, { value: -3, timestampMs: ts + 1 }] },
  ]);
  assert.deepEqual(decodeWriteRequest(bytes), [
    { labels: [['__name__', 'x']], samples: [{ value: 1893456000, timestampMs: ts }] },
    { labels: [['__name__', 'y']], samples: [{ value: 0.25, timestampMs: ts }, { value: -3, timestampMs: ts + 1 }] },
  ]);
});

test('zero values, empty label values and negative timestamps survive the round trip', () => {
  const bytes = encodeWriteRequest([{ labels: [{ name: 'job', value: '' }], samples: [{ value: 0, timestampMs: -1 }] }]);
  assert.deepEqual(decodeWriteRequest(bytes), [{ labels: [['job', '']], samples: [{ value: 0, timestampMs: -1 }] }]);
});

test('non-ASCII label values are UTF-8 encoded', () => {
  const bytes = encodeWriteRequest([{ labels: [{ name: 'common_name', value: 'café ✓' }], samples: [] }]);
  assert.deepEqual(decodeWriteRequest(bytes), [{ labels: [['common_name', 'café ✓']], samples: [] }]);
});

test('an empty request encodes to no bytes', () => {
  assert.equal(encodeWriteRequest([]).length, 0);
});
