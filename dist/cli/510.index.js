export const id = 510;
export const ids = [510];
export const modules = {

/***/ 4528:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
// The MIT License (MIT)
//
// Copyright (c) 2016 Zhipeng Jia
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.



function isNode () {
  if (typeof process === 'object') {
    if (typeof process.versions === 'object') {
      if (typeof process.versions.node !== 'undefined') {
        return true
      }
    }
  }
  return false
}

function isUint8Array (object) {
  return object instanceof Uint8Array && (!isNode() || !Buffer.isBuffer(object))
}

function isArrayBuffer (object) {
  return object instanceof ArrayBuffer
}

function isBuffer (object) {
  if (!isNode()) {
    return false
  }
  return Buffer.isBuffer(object)
}

var SnappyDecompressor = (__webpack_require__(422)/* .SnappyDecompressor */ .c)
var SnappyCompressor = (__webpack_require__(8437)/* .SnappyCompressor */ .d)

var TYPE_ERROR_MSG = 'Argument compressed must be type of ArrayBuffer, Buffer, or Uint8Array'

function uncompress (compressed, maxLength) {
  if (!isUint8Array(compressed) && !isArrayBuffer(compressed) && !isBuffer(compressed)) {
    throw new TypeError(TYPE_ERROR_MSG)
  }
  var uint8Mode = false
  var arrayBufferMode = false
  if (isUint8Array(compressed)) {
    uint8Mode = true
  } else if (isArrayBuffer(compressed)) {
    arrayBufferMode = true
    compressed = new Uint8Array(compressed)
  }
  var decompressor = new SnappyDecompressor(compressed)
  var length = decompressor.readUncompressedLength()
  if (length === -1) {
    throw new Error('Invalid Snappy bitstream')
  }
  if (length > maxLength) {
    throw new Error(`The uncompressed length of ${length} is too big, expect at most ${maxLength}`)
  }
  var uncompressed, uncompressedView
  if (uint8Mode) {
    uncompressed = new Uint8Array(length)
    if (!decompressor.uncompressToBuffer(uncompressed)) {
      throw new Error('Invalid Snappy bitstream')
    }
  } else if (arrayBufferMode) {
    uncompressed = new ArrayBuffer(length)
    uncompressedView = new Uint8Array(uncompressed)
    if (!decompressor.uncompressToBuffer(uncompressedView)) {
      throw new Error('Invalid Snappy bitstream')
    }
  } else {
    uncompressed = Buffer.alloc(length)
    if (!decompressor.uncompressToBuffer(uncompressed)) {
      throw new Error('Invalid Snappy bitstream')
    }
  }
  return uncompressed
}

function compress (uncompressed) {
  if (!isUint8Array(uncompressed) && !isArrayBuffer(uncompressed) && !isBuffer(uncompressed)) {
    throw new TypeError(TYPE_ERROR_MSG)
  }
  var uint8Mode = false
  var arrayBufferMode = false
  if (isUint8Array(uncompressed)) {
    uint8Mode = true
  } else if (isArrayBuffer(uncompressed)) {
    arrayBufferMode = true
    uncompressed = new Uint8Array(uncompressed)
  }
  var compressor = new SnappyCompressor(uncompressed)
  var maxLength = compressor.maxCompressedLength()
  var compressed, compressedView
  var length
  if (uint8Mode) {
    compressed = new Uint8Array(maxLength)
    length = compressor.compressToBuffer(compressed)
  } else if (arrayBufferMode) {
    compressed = new ArrayBuffer(maxLength)
    compressedView = new Uint8Array(compressed)
    length = compressor.compressToBuffer(compressedView)
  } else {
    compressed = Buffer.alloc(maxLength)
    length = compressor.compressToBuffer(compressed)
  }
  if (!compressed.slice) { // ie11
    var compressedArray = new Uint8Array(Array.prototype.slice.call(compressed, 0, length))
    if (uint8Mode) {
      return compressedArray
    } else if (arrayBufferMode) {
      return compressedArray.buffer
    } else {
      throw new Error('Not implemented')
    }
  }

  return compressed.slice(0, length)
}

__webpack_unused_export__ = uncompress
exports.B = compress


/***/ }),

/***/ 8437:
/***/ ((__unused_webpack_module, exports) => {

// The MIT License (MIT)
//
// Copyright (c) 2016 Zhipeng Jia
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.



var BLOCK_LOG = 16
var BLOCK_SIZE = 1 << BLOCK_LOG

var MAX_HASH_TABLE_BITS = 14
var globalHashTables = new Array(MAX_HASH_TABLE_BITS + 1)

function hashFunc (key, hashFuncShift) {
  return (key * 0x1e35a7bd) >>> hashFuncShift
}

function load32 (array, pos) {
  return array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24)
}

function equals32 (array, pos1, pos2) {
  return array[pos1] === array[pos2] &&
         array[pos1 + 1] === array[pos2 + 1] &&
         array[pos1 + 2] === array[pos2 + 2] &&
         array[pos1 + 3] === array[pos2 + 3]
}

function copyBytes (fromArray, fromPos, toArray, toPos, length) {
  var i
  for (i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i]
  }
}

function emitLiteral (input, ip, len, output, op) {
  if (len <= 60) {
    output[op] = (len - 1) << 2
    op += 1
  } else if (len < 256) {
    output[op] = 60 << 2
    output[op + 1] = len - 1
    op += 2
  } else {
    output[op] = 61 << 2
    output[op + 1] = (len - 1) & 0xff
    output[op + 2] = (len - 1) >>> 8
    op += 3
  }
  copyBytes(input, ip, output, op, len)
  return op + len
}

function emitCopyLessThan64 (output, op, offset, len) {
  if (len < 12 && offset < 2048) {
    output[op] = 1 + ((len - 4) << 2) + ((offset >>> 8) << 5)
    output[op + 1] = offset & 0xff
    return op + 2
  } else {
    output[op] = 2 + ((len - 1) << 2)
    output[op + 1] = offset & 0xff
    output[op + 2] = offset >>> 8
    return op + 3
  }
}

function emitCopy (output, op, offset, len) {
  while (len >= 68) {
    op = emitCopyLessThan64(output, op, offset, 64)
    len -= 64
  }
  if (len > 64) {
    op = emitCopyLessThan64(output, op, offset, 60)
    len -= 60
  }
  return emitCopyLessThan64(output, op, offset, len)
}

function compressFragment (input, ip, inputSize, output, op) {
  var hashTableBits = 1
  while ((1 << hashTableBits) <= inputSize &&
         hashTableBits <= MAX_HASH_TABLE_BITS) {
    hashTableBits += 1
  }
  hashTableBits -= 1
  var hashFuncShift = 32 - hashTableBits

  if (typeof globalHashTables[hashTableBits] === 'undefined') {
    globalHashTables[hashTableBits] = new Uint16Array(1 << hashTableBits)
  }
  var hashTable = globalHashTables[hashTableBits]
  var i
  for (i = 0; i < hashTable.length; i++) {
    hashTable[i] = 0
  }

  var ipEnd = ip + inputSize
  var ipLimit
  var baseIp = ip
  var nextEmit = ip

  var hash, nextHash
  var nextIp, candidate, skip
  var bytesBetweenHashLookups
  var base, matched, offset
  var prevHash, curHash
  var flag = true

  var INPUT_MARGIN = 15
  if (inputSize >= INPUT_MARGIN) {
    ipLimit = ipEnd - INPUT_MARGIN

    ip += 1
    nextHash = hashFunc(load32(input, ip), hashFuncShift)

    while (flag) {
      skip = 32
      nextIp = ip
      do {
        ip = nextIp
        hash = nextHash
        bytesBetweenHashLookups = skip >>> 5
        skip += 1
        nextIp = ip + bytesBetweenHashLookups
        if (ip > ipLimit) {
          flag = false
          break
        }
        nextHash = hashFunc(load32(input, nextIp), hashFuncShift)
        candidate = baseIp + hashTable[hash]
        hashTable[hash] = ip - baseIp
      } while (!equals32(input, ip, candidate))

      if (!flag) {
        break
      }

      op = emitLiteral(input, nextEmit, ip - nextEmit, output, op)

      do {
        base = ip
        matched = 4
        while (ip + matched < ipEnd && input[ip + matched] === input[candidate + matched]) {
          matched += 1
        }
        ip += matched
        offset = base - candidate
        op = emitCopy(output, op, offset, matched)

        nextEmit = ip
        if (ip >= ipLimit) {
          flag = false
          break
        }
        prevHash = hashFunc(load32(input, ip - 1), hashFuncShift)
        hashTable[prevHash] = ip - 1 - baseIp
        curHash = hashFunc(load32(input, ip), hashFuncShift)
        candidate = baseIp + hashTable[curHash]
        hashTable[curHash] = ip - baseIp
      } while (equals32(input, ip, candidate))

      if (!flag) {
        break
      }

      ip += 1
      nextHash = hashFunc(load32(input, ip), hashFuncShift)
    }
  }

  if (nextEmit < ipEnd) {
    op = emitLiteral(input, nextEmit, ipEnd - nextEmit, output, op)
  }

  return op
}

function putVarint (value, output, op) {
  do {
    output[op] = value & 0x7f
    value = value >>> 7
    if (value > 0) {
      output[op] += 0x80
    }
    op += 1
  } while (value > 0)
  return op
}

function SnappyCompressor (uncompressed) {
  this.array = uncompressed
}

SnappyCompressor.prototype.maxCompressedLength = function () {
  var sourceLen = this.array.length
  return 32 + sourceLen + Math.floor(sourceLen / 6)
}

SnappyCompressor.prototype.compressToBuffer = function (outBuffer) {
  var array = this.array
  var length = array.length
  var pos = 0
  var outPos = 0

  var fragmentSize

  outPos = putVarint(length, outBuffer, outPos)
  while (pos < length) {
    fragmentSize = Math.min(length - pos, BLOCK_SIZE)
    outPos = compressFragment(array, pos, fragmentSize, outBuffer, outPos)
    pos += fragmentSize
  }

  return outPos
}

exports.d = SnappyCompressor


/***/ }),

/***/ 422:
/***/ ((__unused_webpack_module, exports) => {

// The MIT License (MIT)
//
// Copyright (c) 2016 Zhipeng Jia
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.



var WORD_MASK = [0, 0xff, 0xffff, 0xffffff, 0xffffffff]

function copyBytes (fromArray, fromPos, toArray, toPos, length) {
  var i
  for (i = 0; i < length; i++) {
    toArray[toPos + i] = fromArray[fromPos + i]
  }
}

function selfCopyBytes (array, pos, offset, length) {
  var i
  for (i = 0; i < length; i++) {
    array[pos + i] = array[pos - offset + i]
  }
}

function SnappyDecompressor (compressed) {
  this.array = compressed
  this.pos = 0
}

SnappyDecompressor.prototype.readUncompressedLength = function () {
  var result = 0
  var shift = 0
  var c, val
  while (shift < 32 && this.pos < this.array.length) {
    c = this.array[this.pos]
    this.pos += 1
    val = c & 0x7f
    if (((val << shift) >>> shift) !== val) {
      return -1
    }
    result |= val << shift
    if (c < 128) {
      return result
    }
    shift += 7
  }
  return -1
}

SnappyDecompressor.prototype.uncompressToBuffer = function (outBuffer) {
  var array = this.array
  var arrayLength = array.length
  var pos = this.pos
  var outPos = 0

  var c, len, smallLen
  var offset

  while (pos < array.length) {
    c = array[pos]
    pos += 1
    if ((c & 0x3) === 0) {
      // Literal
      len = (c >>> 2) + 1
      if (len > 60) {
        if (pos + 3 >= arrayLength) {
          return false
        }
        smallLen = len - 60
        len = array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24)
        len = (len & WORD_MASK[smallLen]) + 1
        pos += smallLen
      }
      if (pos + len > arrayLength) {
        return false
      }
      copyBytes(array, pos, outBuffer, outPos, len)
      pos += len
      outPos += len
    } else {
      switch (c & 0x3) {
        case 1:
          len = ((c >>> 2) & 0x7) + 4
          offset = array[pos] + ((c >>> 5) << 8)
          pos += 1
          break
        case 2:
          if (pos + 1 >= arrayLength) {
            return false
          }
          len = (c >>> 2) + 1
          offset = array[pos] + (array[pos + 1] << 8)
          pos += 2
          break
        case 3:
          if (pos + 3 >= arrayLength) {
            return false
          }
          len = (c >>> 2) + 1
          offset = array[pos] + (array[pos + 1] << 8) + (array[pos + 2] << 16) + (array[pos + 3] << 24)
          pos += 4
          break
        default:
          break
      }
      if (offset === 0 || offset > outPos) {
        return false
      }
      selfCopyBytes(outBuffer, outPos, offset, len)
      outPos += len
    }
  }
  return true
}

exports.c = SnappyDecompressor


/***/ }),

/***/ 3510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/build/index.js + 27 modules
var build = __webpack_require__(316);
// EXTERNAL MODULE: ./lib/bucket/paths.js
var bucket_paths = __webpack_require__(7462);
// EXTERNAL MODULE: ./lib/bucket/maand-conf.js
var maand_conf = __webpack_require__(3788);
// EXTERNAL MODULE: ./lib/catalog/db.js
var catalog_db = __webpack_require__(8917);
// EXTERNAL MODULE: ./lib/catalog/gate.js
var gate = __webpack_require__(156);
// EXTERNAL MODULE: ./lib/catalog/queries.js
var queries = __webpack_require__(5167);
// EXTERNAL MODULE: ./lib/kv/index.js + 12 modules
var lib_kv = __webpack_require__(8787);
// EXTERNAL MODULE: ./lib/deploy/context.js + 1 modules
var context = __webpack_require__(6110);
// EXTERNAL MODULE: ./lib/deploy/glob-match.js
var glob_match = __webpack_require__(3333);
// EXTERNAL MODULE: ./lib/util/go-json.js
var go_json = __webpack_require__(6495);
;// CONCATENATED MODULE: ./lib/deploy/tree-hash.js
// Plan hashes (deploy spec §9.2-9.3; computed by job-tree.ts) and per-file manifests.

function parseFilesJson(text) {
    if (text === null || text === undefined || text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Paths added, changed or deleted between two manifests, sorted byte-wise (§13.2). */
function changedPaths(previous, current) {
    const prev = previous ?? {};
    const cur = current ?? {};
    const out = new Set();
    for (const [p, d] of Object.entries(cur))
        if (prev[p] !== d)
            out.add(p);
    for (const p of Object.keys(prev))
        if (!(p in cur))
            out.add(p);
    return [...out].sort(go_json/* byteCompare */.U6);
}

;// CONCATENATED MODULE: ./lib/deploy/lifecycle.js
// Which lifecycle an updated allocation gets (deploy spec §13.1): restart, reload or sync (files only).


function decideLifecycle(i) {
    if (i.syncOnly)
        return { action: 'sync', matched: [], reason: '--sync-only' };
    const policy = i.policy === '' ? 'always' : i.policy;
    if (policy === 'never')
        return { action: 'sync', matched: [], reason: 'restart_policy never' };
    if (policy === 'always')
        return { action: 'restart', matched: [], reason: i.versionOnly ? 'version changed' : 'files changed' };
    if (policy !== 'reload')
        return { action: 'restart', matched: [], reason: `restart_policy ${policy}` };
    if (i.versionOnly && !i.hashChanged)
        return { action: 'reload', matched: [], reason: 'version changed' };
    if (i.previousFiles === undefined && i.hashChanged)
        return { action: 'reload', matched: [], reason: 'files changed (no previous manifest)' };
    if (i.globs.length === 0)
        return { action: 'reload', matched: [], reason: 'files changed' };
    const matched = (0,glob_match/* matchAny */.eM)(i.globs, changedPaths(i.previousFiles, i.currentFiles));
    if (matched.length > 0)
        return { action: 'restart', matched, reason: `restart_globs matched ${matched.join(',')}` };
    return { action: 'reload', matched: [], reason: 'files changed, no restart_globs matched' };
}

// EXTERNAL MODULE: ./lib/deploy/state.js
var state = __webpack_require__(3626);
;// CONCATENATED MODULE: ./lib/deploy/plan.js
// What a deploy would do to each allocation of a job, and why (deploy spec §10, §12.2, §16.3 with our
// decisions: disabled allocations are only stopped (Q4, Q9), unfinished work is carried (Q30, S3)).



/** `staged`: the tree hash of each active allocation staged in this run, by alloc id. */
function planJob(job, seq, allocs, staged, marker, flags) {
    const plans = [];
    for (const a of allocs) {
        if (a.removed)
            continue;
        const current = staged.get(a.allocId);
        const base = {
            allocId: a.allocId,
            workerIp: a.workerIp,
            disabled: a.disabled,
            previousHash: a.previousHash ?? '',
            currentHash: current?.hash ?? a.currentHash ?? '',
            matched: [],
            currentVersion: a.currentVersion,
            newVersion: a.newVersion,
        };
        if (!(0,state/* isActive */.$m)(a)) {
            plans.push({ ...base, action: (0,state/* wasDeployed */.wZ)(a) ? 'stop' : 'skip', reason: (0,state/* wasDeployed */.wZ)(a) ? 'disabled, still running' : 'disabled' });
            continue;
        }
        if (!(0,state/* wasDeployed */.wZ)(a)) {
            plans.push({ ...base, action: 'start', reason: a.hasHashRow ? 'not started yet' : 'new allocation' });
            continue;
        }
        const hashChanged = base.previousHash !== base.currentHash;
        const versionPending = a.currentVersion !== a.newVersion;
        if (!hashChanged && !flags.force && !versionPending) {
            plans.push({ ...base, action: 'skip', reason: 'up to date' });
            continue;
        }
        const d = decideLifecycle({
            policy: job.restartPolicy,
            globs: job.restartGlobs,
            syncOnly: flags.syncOnly,
            hashChanged,
            versionOnly: !hashChanged && versionPending,
            previousFiles: parseFilesJson(a.previousFiles),
            currentFiles: current?.files ?? parseFilesJson(a.currentFiles),
        });
        const why = hashChanged ? d.reason : versionPending ? `version ${a.currentVersion} → ${a.newVersion}` : '--force';
        plans.push({ ...base, action: d.action, matched: d.matched, reason: d.action === 'sync' && !flags.syncOnly ? `${why}; restart_policy never` : why });
    }
    const work = plans.some((p) => p.action !== 'skip') || marker !== undefined;
    const reason = plans.length === 0 ? 'no allocations' : marker ? `unfinished ${marker === 'post_deploy' ? 'post_deploy' : 'rollout'} from an earlier deploy` : work ? '' : 'already promoted on all allocations';
    return { job: job.name, seq, needsRollout: work, reason, marker, allocations: plans };
}

// EXTERNAL MODULE: ./lib/deploy/prometheus.js + 2 modules
var prometheus = __webpack_require__(1967);
;// CONCATENATED MODULE: ./lib/metrics/errors.js
// Errors of the metrics push. Their messages are the reference texts (kv spec §9: `remote write
// status <code> <text>[: <body>]`), so they are not MaandErrors, which prefix a sentinel code.
/** The push could not be set up or did not go through; the deploy reports it as a warning. */
class MetricsError extends Error {
    name = 'MetricsError';
}
/** One remote-write attempt failed: a bad HTTP status, a network error or a timeout. */
class RemoteWriteError extends MetricsError {
    name = 'RemoteWriteError';
    /** The HTTP status; absent when no response arrived. */
    status;
    /** Network errors, timeouts, 429 and 5xx are worth another attempt. */
    retryable;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.retryable = status === undefined || status === 429 || status >= 500;
    }
}

// EXTERNAL MODULE: ./lib/certs/inspect.js
var inspect = __webpack_require__(9783);
;// CONCATENATED MODULE: ./lib/certs/metrics.js




const PROMETHEUS_JOB = 'prometheus';
const PROMETHEUS_PORT = 'prometheus_port_http';
const ALLOCATION_NS = /^maand\/job\/([^/]+)\/worker\/([^/]+)$/;
/** The CA (when its PEM is given) first, then every live `certs/*.crt` by namespace and key. */
function listCertMetrics(kv, caPem, renewalBufferDays, now) {
    const out = [];
    if (caPem !== undefined)
        out.push(metric('ca', '', '', 'ca', caPem, renewalBufferDays, now));
    for (const ns of kv.namespaces()) {
        const m = ALLOCATION_NS.exec(ns);
        if (!m)
            continue;
        for (const key of kv.keys(ns)) {
            if (!key.startsWith(lib_kv/* CERTS_KEY_PREFIX */.$x) || !key.endsWith('.crt'))
                continue;
            const cert = key.slice(lib_kv/* CERTS_KEY_PREFIX */.$x.length, -'.crt'.length);
            out.push(metric('job', m[1], m[2], cert, kv.get(ns, key), renewalBufferDays, now));
        }
    }
    return out;
}
function metric(scope, job, worker, cert, pem, bufferDays, now) {
    const s = (0,inspect/* certStatus */.xC)(pem, bufferDays, now);
    const base = { scope, job, worker, cert, commonName: s.commonName ?? '', status: s.status };
    return s.status === 'invalid' || s.notAfter === undefined ? base : { ...base, notAfter: s.notAfter };
}
/**
 * Per certificate, in the order given: maand_cert_not_after_seconds (left out for invalid certs),
 * maand_cert_expiring and maand_cert_expired, each one sample at `now`.
 */
function certSeries(metrics, now) {
    const timestampMs = now.getTime();
    const out = [];
    for (const m of metrics) {
        const labels = [
            { name: 'cert', value: m.cert },
            { name: 'common_name', value: m.commonName },
            { name: 'job', value: m.job },
            { name: 'scope', value: m.scope },
            { name: 'status', value: m.status },
            { name: 'worker', value: m.worker },
        ];
        const gauge = (name, value) => ({
            labels: [{ name: '__name__', value: name }, ...labels],
            samples: [{ value, timestampMs }],
        });
        if (m.notAfter !== undefined)
            out.push(gauge('maand_cert_not_after_seconds', Math.floor(m.notAfter.getTime() / 1000)));
        out.push(gauge('maand_cert_expiring', m.status === 'expiring' ? 1 : 0));
        out.push(gauge('maand_cert_expired', m.status === 'expired' ? 1 : 0));
    }
    return out;
}
/**
 * The remote-write URL of the bucket's Prometheus: the first non-removed allocation (by IP) of the
 * job named `prometheus`, when that job ships prometheus.yml(.tpl); undefined when there is none.
 */
function prometheusWriteUrl(db) {
    if (!(0,prometheus/* hasPrometheusServer */.q8)(db))
        return undefined;
    const ips = db.prepare('SELECT worker_ip FROM allocations WHERE job = ? AND removed = 0').all(PROMETHEUS_JOB)
        .map((r) => r.worker_ip)
        .sort();
    if (ips.length === 0)
        return undefined;
    const row = db
        .prepare('SELECT p.port AS port FROM job_ports p JOIN job j ON j.job_id = p.job_id WHERE j.name = ? AND p.name = ?')
        .get(PROMETHEUS_JOB, PROMETHEUS_PORT);
    if (row === undefined) {
        throw new MetricsError(`job ${PROMETHEUS_JOB} has no port ${PROMETHEUS_PORT}: declare it under resources.ports in its manifest.json and run maand build`);
    }
    return `http://${ips[0]}:${row.port}/api/v1/write`;
}
/** Basic auth from `secrets/job/prometheus` admin_username + admin_password; neither → none. */
function prometheusBasicAuth(kv) {
    const ns = (0,lib_kv/* jobSecretsNamespace */.WM)(PROMETHEUS_JOB);
    const secret = (key) => (kv.tryGet(ns, key) === undefined ? undefined : kv.getSecret(ns, key));
    const username = secret('admin_username');
    const password = secret('admin_password');
    if (username === undefined && password === undefined)
        return undefined;
    if (username === undefined || password === undefined) {
        throw new MetricsError(`prometheus remote write requires both admin_username and admin_password in ${ns}`);
    }
    return { username, password };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/snappyjs/index.js
var snappyjs = __webpack_require__(4528);
;// CONCATENATED MODULE: ./lib/metrics/protobuf.js
// Protobuf encoding of a Prometheus remote-write 0.1.0 `WriteRequest` (prompb/remote.proto,
// prompb/types.proto), by hand: four messages do not justify a protobuf dependency.
//   WriteRequest { repeated TimeSeries timeseries = 1; }
//   TimeSeries   { repeated Label labels = 1; repeated Sample samples = 2; }
//   Label        { string name = 1; string value = 2; }
//   Sample       { double value = 1; int64 timestamp = 2; }   // timestamp in ms
// Proto3 rules: fields holding their default (0, "") are not written.
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const utf8 = new TextEncoder();
class Writer {
    #bytes = [];
    #tag(field, wireType) {
        this.#varint(BigInt((field << 3) | wireType));
    }
    /** Unsigned LEB128 of the 64-bit two's complement (negative int64 takes 10 bytes). */
    #varint(n) {
        let v = BigInt.asUintN(64, n);
        while (v >= 0x80n) {
            this.#bytes.push(Number(v & 0x7fn) | 0x80);
            v >>= 7n;
        }
        this.#bytes.push(Number(v));
    }
    int64(field, n) {
        if (n === 0)
            return;
        this.#tag(field, VARINT);
        this.#varint(BigInt(Math.trunc(n)));
    }
    double(field, n) {
        if (n === 0 && !Object.is(n, -0))
            return;
        this.#tag(field, FIXED64);
        const buf = new DataView(new ArrayBuffer(8));
        buf.setFloat64(0, n, true);
        for (let i = 0; i < 8; i++)
            this.#bytes.push(buf.getUint8(i));
    }
    bytes(field, data) {
        this.#tag(field, LENGTH_DELIMITED);
        this.#varint(BigInt(data.length));
        for (const b of data)
            this.#bytes.push(b);
    }
    string(field, s) {
        if (s === '')
            return;
        this.bytes(field, utf8.encode(s));
    }
    /** Embedded messages are always written, also when empty (they are list elements here). */
    message(field, build) {
        const inner = new Writer();
        build(inner);
        this.bytes(field, inner.finish());
    }
    finish() {
        return Uint8Array.from(this.#bytes);
    }
}
function byName(a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
/** The serialized `WriteRequest` carrying `series` in the given order. */
function encodeWriteRequest(series) {
    const w = new Writer();
    for (const ts of series) {
        w.message(1, (tw) => {
            for (const l of [...ts.labels].sort(byName)) {
                tw.message(1, (lw) => {
                    lw.string(1, l.name);
                    lw.string(2, l.value);
                });
            }
            for (const s of ts.samples) {
                tw.message(2, (sw) => {
                    sw.double(1, s.value);
                    sw.int64(2, s.timestampMs);
                });
            }
        });
    }
    return w.finish();
}

;// CONCATENATED MODULE: ./lib/metrics/remote-write.js
// Prometheus remote-write 0.1.0 client (kv spec §6.7): one snappy-compressed protobuf POST, retried
// with backoff because Prometheus may not accept writes right after its own rollout.





const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 15_000;
/** Enough of an error body to explain a rejection (the reference reads 4 KiB too). */
const ERROR_BODY_LIMIT = 4096;
/** The wait after failed attempt `attempt` (1-based): 2 s doubling, capped at 15 s. */
function backoffMs(attempt) {
    return Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
}
/** Pushes `series`; throws the last RemoteWriteError, or a MetricsError when cancelled. */
async function remoteWrite(series, opts) {
    const body = (0,snappyjs/* compress */.B)(encodeWriteRequest(series));
    const attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS);
    const sleep = opts.sleep ?? ((ms, signal) => (0,promises_.setTimeout)(ms, undefined, signal ? { signal } : {}));
    for (let attempt = 1;; attempt++) {
        if (opts.signal?.aborted)
            throw cancelled();
        try {
            await postOnce(body, opts);
            return { attempts: attempt };
        }
        catch (e) {
            if (opts.signal?.aborted)
                throw cancelled();
            if (!(e instanceof RemoteWriteError) || !e.retryable || attempt >= attempts)
                throw e;
            const delayMs = backoffMs(attempt);
            opts.onRetry?.({ attempt, attempts, error: e.message, delayMs });
            try {
                await sleep(delayMs, opts.signal);
            }
            catch {
                throw cancelled();
            }
        }
    }
}
function cancelled() {
    return new MetricsError('remote write cancelled');
}
async function postOnce(body, opts) {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers = {
        'Content-Type': 'application/x-protobuf',
        'Content-Encoding': 'snappy',
        'X-Prometheus-Remote-Write-Version': '0.1.0',
    };
    if (opts.basicAuth)
        headers['Authorization'] = `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64')}`;
    let res;
    try {
        res = await fetch(opts.url, { method: 'POST', headers, body, signal });
    }
    catch (e) {
        if (timeout.aborted)
            throw new RemoteWriteError(`remote write request: no response within ${timeoutMs / 1000}s from ${opts.url}`);
        throw new RemoteWriteError(`remote write request: ${networkText(e)}`);
    }
    if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return;
    }
    const text = await readLimited(res, ERROR_BODY_LIMIT);
    const status = `${res.status} ${external_node_http_.STATUS_CODES[res.status] ?? ''}`.trimEnd();
    throw new RemoteWriteError(`remote write status ${status}${text ? `: ${text}` : ''}`, res.status);
}
/** fetch hides the socket error in `cause` ("fetch failed" alone says nothing). */
function networkText(e) {
    const cause = e instanceof Error ? e.cause : undefined;
    if (cause instanceof Error && cause.message)
        return cause.message;
    return e instanceof Error ? e.message : String(e);
}
/** The first `limit` bytes of the body, trimmed; a body that breaks off yields what arrived. */
async function readLimited(res, limit) {
    if (!res.body)
        return '';
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    try {
        while (size < limit) {
            const { done, value } = await reader.read();
            if (done)
                break;
            chunks.push(value);
            size += value.length;
        }
    }
    catch {
        // keep the partial body
    }
    finally {
        await reader.cancel().catch(() => undefined);
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8').trim();
}

;// CONCATENATED MODULE: ./lib/deploy/cert-metrics-step.js
// The last step of a real deploy (deploy spec §3 step 13): push certificate expiry gauges to the
// bucket's Prometheus. Best effort: a failure becomes a warning and never changes the exit status.




/** Pushes the gauges when the bucket runs a Prometheus server; records the outcome in ctx.result. */
async function pushCertMetrics(ctx, conf, opts = {}) {
    let url;
    let series = 0;
    try {
        url = prometheusWriteUrl(ctx.db);
        if (url === undefined)
            return;
        const basicAuth = prometheusBasicAuth(ctx.kv);
        const now = opts.now ?? new Date();
        const data = certSeries(listCertMetrics(ctx.kv, readCa(ctx.paths.caCrt), conf.certs_renewal_buffer, now), now);
        series = data.length;
        if (series === 0)
            return;
        const worker = new URL(url).hostname;
        await remoteWrite(data, {
            url,
            ...(basicAuth ? { basicAuth } : {}),
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
            ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
            onRetry: (n) => ctx.emit({ type: 'output', job: 'prometheus', worker, stream: 'stderr', text: `cert metrics: attempt ${n.attempt}/${n.attempts} failed: ${n.error}; retrying in ${n.delayMs / 1000}s` }),
        });
        ctx.result.certMetrics = { url, series };
    }
    catch (e) {
        ctx.result.certMetrics = { url: url ?? '', series, error: (0,errors/* errorText */.kc)(e) };
        ctx.emit({ type: 'warning', message: `cert metrics: ${(0,errors/* errorText */.kc)(e)}` });
    }
}
/** The bucket CA as the push reports it; a missing file just leaves the CA out (as the reference). */
function readCa(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./lib/deploy/commands.js
var commands = __webpack_require__(6477);
;// CONCATENATED MODULE: ./lib/deploy/reconcile.js
// Reconcile (seed S4, deploy spec §6 with decisions Q9, Q10): stop removed/disabled allocations that
// still run, run after_allocation_stopped, clean removed job files (keeping data/ and logs/), purge the
// KV of fully removed jobs, then health-check jobs that lost a running allocation. Failures are recorded
// per job (Q10) and the deploy goes on.







async function reconcile(ctx, conf) {
    const failures = new Map();
    const all = (0,state/* allAllocations */.hR)(ctx.db);
    const stopped = all.filter((a) => a.removed || a.disabled);
    if (stopped.length === 0)
        return failures;
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    const lostRunning = new Set();
    const offCatalog = new Set();
    const record = (r) => {
        ctx.result.reconcile.push(r);
        ctx.emit({ type: 'reconcile', result: r });
        if (r.outcome === 'failed' && r.error && !failures.has(r.job))
            failures.set(r.job, r.error);
    };
    for (const a of stopped) {
        const running = (0,state/* wasDeployed */.wZ)(a);
        const assumeDead = a.removed && !ctx.workers.has(a.workerIp);
        if (running) {
            lostRunning.add(a.job);
            const err = await stopAllocation(ctx, a, useSudo);
            if (err && !assumeDead) {
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: stop failed: ${err}` });
                continue;
            }
            if (err)
                ctx.emit({ type: 'warning', message: `removed worker ${a.workerIp} unreachable, assuming dead: ${err}` });
            else
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'ok' });
            const hook = await ctx.hooks.run(a.job, 'after_allocation_stopped', [{ allocId: a.allocId, workerIp: a.workerIp }], {
                concurrency: 1,
                env: { BATCH_ALLOCATIONS: a.workerIp, BATCH_INDEX: '0', BATCH_COUNT: '1', DEPLOY_PHASE: 'stop', ROLLOUT_ORDER: '', ROLLOUT_ORDER_SOURCE: '' },
            });
            if (!hook.ok)
                record({ job: a.job, workerIp: a.workerIp, action: 'stop', outcome: 'failed', error: `job ${a.job}: ${hook.error}` });
            if (a.removed) {
                const c = err ? err : await cleanup(ctx, a);
                if (c && !assumeDead)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'failed', error: `job ${a.job} worker ${a.workerIp}: cleanup failed: ${c}` });
                else if (!c)
                    record({ job: a.job, workerIp: a.workerIp, action: 'cleanup', outcome: 'ok' });
                if (assumeDead)
                    offCatalog.add(a.workerIp);
            }
        }
        ctx.checkpoint(() => {
            if (a.removed)
                (0,state/* deleteHash */.mD)(ctx.db, a.job, a.allocId);
            else if (running)
                (0,state/* markStopped */.fP)(ctx.db, a.job, a.allocId);
        });
    }
    for (const ip of [...offCatalog].sort()) {
        const r = await ctx.remote.run(ip, (0,commands/* removeBucketCommand */.eG)(ctx.bucketId), { onLine: ctx.output(undefined, ip) });
        if (r.exitCode === 0)
            record({ job: '', workerIp: ip, action: 'remove-bucket', outcome: 'ok' });
        else
            ctx.emit({ type: 'warning', message: `removed worker ${ip} unreachable, assuming dead: ${(0,context/* failureText */.kY)(ip, r)}` });
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', ip), { recursive: true, force: true });
    }
    purgeRemovedJobs(ctx, all, stopped);
    for (const job of [...lostRunning].sort()) {
        if (failures.has(job) || !all.some((a) => a.job === job && (0,state/* isActive */.$m)(a)))
            continue;
        const h = await ctx.health.check(job);
        if (!h.ok)
            failures.set(job, `job ${job}: health check after stopping allocations failed: ${h.error ?? ''}`);
    }
    return failures;
}
async function stopAllocation(ctx, a, useSudo) {
    if (ctx.workers.has(a.workerIp)) {
        const notReady = await ctx.ensureWorker(a.workerIp, useSudo);
        if (notReady)
            return notReady;
    }
    const r = await ctx.remote.run(a.workerIp, (0,commands/* runnerCommand */.Qf)(ctx.bucketId, 'stop', a.job), { onLine: ctx.output(a.job, a.workerIp) });
    return r.exitCode === 0 ? undefined : (0,context/* failureText */.kY)(a.workerIp, r);
}
async function cleanup(ctx, a) {
    const r = await ctx.remote.run(a.workerIp, (0,commands/* cleanupJobCommand */.z8)(ctx.bucketId, a.job), { onLine: ctx.output(a.job, a.workerIp) });
    (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.paths.tmpDir, 'stage', a.workerIp, 'jobs', a.job), { recursive: true, force: true });
    return r.exitCode === 0 ? undefined : (0,context/* failureText */.kY)(a.workerIp, r);
}
/** KV of jobs left without any non-removed allocation (§6.5). */
function purgeRemovedJobs(ctx, all, stopped) {
    const jobs = [...new Set(stopped.map((a) => a.job))].sort();
    let changed = false;
    for (const job of jobs) {
        const rows = all.filter((a) => a.job === job);
        if (rows.some((a) => !a.removed))
            continue;
        for (const ns of [(0,lib_kv/* jobNamespace */.xd)(job), (0,lib_kv/* bucketJobVarsNamespace */.ro)(job), (0,lib_kv/* jobVarsNamespace */.po)(job), (0,lib_kv/* jobSecretsNamespace */.WM)(job)])
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, ns) || changed;
        for (const a of rows)
            changed = (0,lib_kv/* purge */.OU)(ctx.kv, (0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp)) || changed;
    }
    if (changed)
        ctx.checkpoint();
}

// EXTERNAL MODULE: ./lib/deploy/staging.js + 1 modules
var staging = __webpack_require__(898);
// EXTERNAL MODULE: ./lib/deploy/rollout-order.js
var rollout_order = __webpack_require__(5163);
// EXTERNAL MODULE: ./lib/hooks/catalog.js
var catalog = __webpack_require__(2763);
;// CONCATENATED MODULE: ./lib/deploy/rollout.js




class JobFailure extends Error {
    name = 'JobFailure';
}
async function rolloutJob(ctx, plan, allocs, staged) {
    const started = Date.now();
    const res = { job: plan.job, seq: plan.seq, status: 'deployed', reason: plan.reason, durationMs: 0, allocations: [] };
    ctx.emit({ type: 'job-started', job: plan.job, seq: plan.seq });
    try {
        await rollout(ctx, plan, allocs, staged, res);
    }
    catch (e) {
        res.status = 'failed';
        res.error = e instanceof JobFailure ? e.message : `job ${plan.job}: ${e.message}`;
    }
    res.durationMs = Date.now() - started;
    ctx.emit({ type: 'job-finished', result: res });
    return res;
}
async function rollout(ctx, plan, allocs, staged, res) {
    const job = plan.job;
    const fail = (msg) => {
        throw new JobFailure(`job ${job}: ${msg}`);
    };
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
    if (!info)
        fail('the job is no longer in the catalog; run maand build');
    const active = plan.allocations.filter((a) => !a.disabled);
    const byIp = new Map(allocs.map((a) => [a.workerIp, a]));
    const work = active.filter((a) => a.action !== 'skip');
    const newAllocs = work.filter((a) => a.action === 'start');
    if (ctx.flags.syncOnly && newAllocs.length > 0)
        fail(`sync-only deploy cannot start new allocations on job "${job}": ${newAllocs.map((a) => a.workerIp).join(',')} (deploy without --sync-only first)`);
    if (plan.marker === 'post_deploy' && work.length === 0) {
        await postDeploy(ctx, job, active, res);
        ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
        return;
    }
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'rollout'));
    // Files first, only where something changes (Q4: only workers with an active allocation of the job).
    for (const a of work)
        void ctx.ensureWorker(a.workerIp); // connect while the trees are written
    const written = new Set();
    for (const a of work) {
        const t = staged.get(a.allocId);
        if (t)
            (0,staging/* placeTree */.Mv)(ctx.paths.root, a.workerIp, job, t, written);
    }
    const rsyncErrors = await Promise.all(work.map((a) => ctx.sendJobFiles(a.workerIp, job)));
    const bad = rsyncErrors.filter((e) => e !== undefined);
    if (bad.length > 0) {
        for (const a of work)
            res.allocations.push(allocResult(a, 'failed', 0, rsyncErrors[work.indexOf(a)]));
        fail(bad.join('; '));
    }
    const syncs = work.filter((a) => a.action === 'sync');
    if (syncs.length > 0) {
        ctx.checkpoint(() => syncs.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
        for (const a of syncs)
            res.allocations.push(allocResult(a, 'ok', 0));
    }
    const jobControl = (0,catalog/* commandsFor */.Au)(ctx.db, job, 'job_control');
    if (jobControl.length > 0 && !ctx.flags.syncOnly) {
        await jobControlPath(ctx, job, active, res);
    }
    else if (!ctx.flags.syncOnly) {
        const defaultOrder = allocs.filter((a) => !a.removed).map((a) => a.workerIp);
        await phase(ctx, job, 'new', 'start', newAllocs, info.maxConcurrentStarts, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'reload', work.filter((a) => a.action === 'reload'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        await phase(ctx, job, 'update', 'restart', work.filter((a) => a.action === 'restart'), info.maxConcurrentUpgrades, defaultOrder, byIp, res);
        if (plan.marker === 'rollout' && newAllocs.length + work.filter((a) => a.action === 'reload' || a.action === 'restart').length === 0) {
            await healthGate(ctx, job);
        }
    }
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, 'post_deploy'));
    await postDeploy(ctx, job, active, res);
    ctx.checkpoint(() => (0,state/* setJobMarker */.Y9)(ctx.db, job, undefined));
    if (work.length === 0 && !plan.marker)
        res.status = 'unchanged';
}
function allocResult(a, outcome, durationMs, error, batch) {
    return { workerIp: a.workerIp, allocId: a.allocId, action: a.action, reason: a.reason, outcome, durationMs, ...(error ? { error } : {}), ...(batch !== undefined ? { batch } : {}) };
}
async function phase(ctx, job, phaseName, target, candidates, batchSize, defaultOrder, byIp, res) {
    if (candidates.length === 0)
        return;
    const kvOrder = ctx.kv.tryGet(`maand/job/${job}`, 'rollout_order');
    const order = (0,rollout_order/* rolloutOrder */.Y)(candidates.map((a) => a.workerIp), defaultOrder, kvOrder);
    if (order.ignored.length > 0)
        ctx.emit({ type: 'warning', message: `job ${job}: rollout_order lists ${order.ignored.join(',')} which ${order.ignored.length === 1 ? 'is' : 'are'} not part of this ${target}; ignored` });
    const plansByIp = new Map(candidates.map((a) => [a.workerIp, a]));
    const groups = (0,rollout_order/* batches */.X)(order.order, batchSize);
    for (const [index, ips] of groups.entries()) {
        if (ctx.cancelled)
            throw new JobFailure(`job ${job}: cancelled before ${target} batch ${index + 1}/${groups.length} (${ips.join(',')}); run maand deploy again to continue`);
        ctx.emit({ type: 'batch-started', job, phase: phaseName, action: target, index, count: groups.length, workers: ips });
        const t0 = Date.now();
        const outcomes = await Promise.all(ips.map((ip) => {
            const a = byIp.get(ip);
            return ctx.runTarget(ip, { job, target, currentVersion: a.currentVersion, newVersion: a.newVersion });
        }));
        const failed = outcomes.filter((o) => o !== undefined);
        if (failed.length > 0) {
            ips.forEach((ip, i) => res.allocations.push(allocResult(plansByIp.get(ip), outcomes[i] ? 'failed' : 'ok', Date.now() - t0, outcomes[i], index)));
            throw new JobFailure(`job ${job}: ${target} batch ${index + 1}/${groups.length} failed: ${failed.join('; ')}`);
        }
        const hook = await ctx.hooks.run(job, 'after_allocation_started', ips.map((ip) => ({ allocId: byIp.get(ip).allocId, workerIp: ip })), {
            concurrency: ips.length,
            env: { BATCH_ALLOCATIONS: ips.join(','), BATCH_INDEX: String(index), BATCH_COUNT: String(groups.length), DEPLOY_PHASE: phaseName, ROLLOUT_ORDER: order.full, ROLLOUT_ORDER_SOURCE: order.source },
        });
        if (!hook.ok) {
            ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'failed', Date.now() - t0, hook.error, index)));
            throw new JobFailure(`job ${job}: ${hook.error}`);
        }
        // Promote the batch: the workers now run this tree (seed S2); committed before anything else can fail.
        ctx.checkpoint(() => ips.forEach((ip) => (0,state/* promote */.IQ)(ctx.db, job, byIp.get(ip).allocId)));
        ctx.emit({ type: 'batch-promoted', job, workers: ips });
        ips.forEach((ip) => res.allocations.push(allocResult(plansByIp.get(ip), 'ok', Date.now() - t0, undefined, index)));
        await healthGate(ctx, job);
    }
}
async function healthGate(ctx, job) {
    const h = await ctx.health.check(job);
    if (!h.ok)
        throw new JobFailure(`job ${job}: health check failed: ${h.error ?? 'unknown error'} (the next deploy retries it)`);
}
async function jobControlPath(ctx, job, active, res) {
    const news = active.filter((a) => a.action === 'start').map((a) => a.workerIp);
    const updated = active.filter((a) => a.action === 'restart' || a.action === 'reload' || (ctx.flags.force && a.action !== 'start')).map((a) => a.workerIp);
    const t0 = Date.now();
    const hook = await ctx.hooks.run(job, 'job_control', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), {
        concurrency: Math.max(1, active.length),
        env: { NEW_ALLOCATIONS: news.join(','), UPDATED_ALLOCATIONS: updated.join(',') },
    });
    if (!hook.ok)
        throw new JobFailure(`job ${job}: ${hook.error}`);
    ctx.checkpoint(() => active.forEach((a) => (0,state/* promote */.IQ)(ctx.db, job, a.allocId)));
    for (const a of active)
        if (a.action !== 'skip' && a.action !== 'sync')
            res.allocations.push(allocResult(a, 'ok', Date.now() - t0));
    await healthGate(ctx, job);
}
async function postDeploy(ctx, job, active, res) {
    const hook = await ctx.hooks.run(job, 'post_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!hook.ok) {
        res.reason = 'post_deploy failed; the next deploy runs post_deploy again';
        throw new JobFailure(`job ${job}: ${hook.error}`);
    }
}

;// CONCATENATED MODULE: ./lib/deploy/engine.js
// `maand deploy`: the seed's pipeline. Reconcile once, then per deployment_seq wave: pre_deploy →
// stage → plan hash; only when some job has work: bump update_seq once (S1), then roll each job out.
// After all waves every touched or active worker gets the bucket-level files (Q27). Every step that
// changes workers is checkpointed in the catalog as it happens (Q6).















async function deploy(opts) {
    const paths = (0,bucket_paths/* bucketPaths */.Z)(opts.root);
    const conf = (0,maand_conf/* readMaandConf */.MC)(paths.maandConf);
    const db = (0,catalog_db/* openDb */.bI)(paths.db);
    const emit = opts.onEvent ?? (() => { });
    const t0 = Date.now();
    try {
        (0,gate/* checkSchema */._)(db);
        const flags = { dryRun: opts.dryRun ?? false, force: opts.force ?? false, syncOnly: opts.syncOnly ?? false, jobs: opts.jobs ?? [] };
        const known = new Set(db.prepare('SELECT name FROM job').all().map((r) => r.name));
        const unknown = flags.jobs.filter((j) => !known.has(j));
        if (unknown.length > 0)
            throw new errors/* MaandError */.Ob('invalid argument', `--jobs: unknown job ${unknown.join(', ')} (known: ${[...known].sort().join(', ') || 'none'}); nothing was deployed`);
        const bucket = (0,queries/* bucketRow */.P5)(db);
        const labels = (0,queries/* workerLabels */.wH)(db);
        const workers = (0,queries/* workersByPosition */.gw)(db).map((w) => ({ workerId: w.worker_id, ip: w.worker_ip, position: w.position, labels: labels.get(w.worker_ip) ?? [] }));
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(paths.tmpDir, { recursive: true });
        const kv = lib_kv/* KvStore */.f$.load(db, { key: () => (0,lib_kv/* loadKvKey */.nW)(paths.root) });
        const result = {
            dryRun: flags.dryRun, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, updateSeqBumped: false, startedAt: new Date(t0).toISOString(),
            durationMs: 0, reconcile: [], jobs: [], plans: [], failedJobs: [], errors: [], cancelled: false,
        };
        const links = await opts.connect({ root: paths.root, conf, db, kv, bucketId: bucket.bucket_id, emit, ...(opts.signal ? { signal: opts.signal } : {}) });
        const ctx = new context/* DeployContext */.pY({
            paths, db, kv, bucketId: bucket.bucket_id, updateSeq: bucket.update_seq, workers, flags,
            remote: links.remote, hooks: links.hooks, health: links.health, result, emit, ...(opts.signal ? { signal: opts.signal } : {}),
        });
        try {
            await run(ctx, conf);
        }
        finally {
            await links.close();
        }
        result.updateSeq = ctx.updateSeq;
        result.updateSeqBumped = ctx.updateSeqBumped;
        result.cancelled = ctx.cancelled;
        result.durationMs = Date.now() - t0;
        return result;
    }
    finally {
        db.close();
        (0,external_node_fs_.rmSync)(paths.tmpDir, { recursive: true, force: true });
    }
}
async function run(ctx, conf) {
    const failed = new Map();
    ctx.setUseSudo((0,maand_conf/* sshSettings */.OA)(conf).useSudo);
    if (!ctx.flags.dryRun) {
        ctx.emit({ type: 'phase', phase: 'reconcile' });
        for (const [job, err] of await reconcile(ctx, conf))
            failed.set(job, err);
    }
    const selected = (job) => ctx.flags.jobs.length === 0 || ctx.flags.jobs.includes(job);
    for (const [seq, jobs] of [...(0,state/* waves */.Lp)(ctx.db)].sort(([a], [b]) => a - b)) {
        const wave = jobs.filter(selected);
        if (wave.length === 0)
            continue;
        ctx.emit({ type: 'phase', phase: 'wave', seq });
        const planned = [];
        for (const job of wave) {
            if (ctx.cancelled)
                break;
            const blockedBy = (0,lib_kv/* upstreamJobs */.oZ)(ctx.db, job).filter((u) => failed.has(u));
            if (blockedBy.length > 0) {
                pushJob(ctx, { job, seq, status: 'blocked', reason: `upstream ${blockedBy.join(', ')} failed in this deploy`, error: `job ${job}: not deployed because upstream job ${blockedBy.join(', ')} failed`, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            const p = await planOne(ctx, job, seq);
            if ('error' in p) {
                pushJob(ctx, { job, seq, status: 'failed', reason: 'plan failed', error: p.error, durationMs: 0, allocations: [] }, failed);
                continue;
            }
            ctx.emit({ type: 'job-planned', plan: p.plan });
            if (ctx.flags.dryRun) {
                ctx.result.plans.push(p.plan);
                continue;
            }
            // Open the connections to the workers this job will touch while the other jobs are planned.
            if (p.plan.needsRollout)
                for (const a of p.plan.allocations)
                    if (a.action !== 'skip' && !a.disabled)
                        void ctx.ensureWorker(a.workerIp);
            if (!p.plan.needsRollout) {
                ctx.emit({ type: 'job-skipped', job, reason: p.plan.reason });
                ctx.result.jobs.push({ job, seq, status: 'unchanged', reason: p.plan.reason, durationMs: 0, allocations: [] });
                continue;
            }
            planned.push(p);
        }
        if (planned.length > 0 && !ctx.updateSeqBumped && !ctx.cancelled) {
            ctx.checkpoint(() => (ctx.updateSeq = (0,state/* bumpUpdateSeq */.VF)(ctx.db)));
            ctx.updateSeqBumped = true;
        }
        // Jobs of one wave do not depend on each other: they roll out together, and their rsyncs and
        // lifecycle commands for the same worker are merged into one ssh round trip (see DeployContext).
        const results = await Promise.all(planned.map(async ({ plan, allocs, staged }) => {
            if (ctx.cancelled)
                return { job: plan.job, seq, status: 'failed', reason: 'cancelled', error: `job ${plan.job}: cancelled before its rollout; run maand deploy again`, durationMs: 0, allocations: [] };
            return rolloutJob(ctx, plan, allocs, staged);
        }));
        for (const r of results)
            pushJob(ctx, r, failed);
    }
    if (!ctx.flags.dryRun && ctx.updateSeqBumped)
        await finalSync(ctx, conf);
    if (!ctx.flags.dryRun && !ctx.cancelled)
        await pushCertMetrics(ctx, conf);
}
function pushJob(ctx, r, failed) {
    ctx.result.jobs.push(r);
    if (r.status === 'failed' || r.status === 'blocked') {
        failed.set(r.job, r.error ?? `job ${r.job} failed`);
        if (!ctx.result.failedJobs.includes(r.job))
            ctx.result.failedJobs.push(r.job);
    }
    if (r.status === 'blocked')
        ctx.emit({ type: 'job-finished', result: r });
}
/** pre_deploy, then stage + hash every active allocation; the hashes are stored (not in dry-run). */
async function planOne(ctx, job, seq) {
    let allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    const active = allocs.filter(state/* isActive */.$m);
    const pre = await ctx.hooks.run(job, 'pre_deploy', active.map((a) => ({ allocId: a.allocId, workerIp: a.workerIp })), { concurrency: 1 });
    if (!pre.ok)
        return { error: `job ${job}: ${pre.error}` };
    ctx.checkpoint();
    const info = (0,state/* jobInfo */.ec)(ctx.db, job);
    let staged;
    try {
        staged = (0,staging/* stageActive */.bU)(ctx.db, ctx.kv, ctx.workers, ctx.bucketId, ctx.updateSeq, job, active);
    }
    catch (e) {
        return { error: e.message };
    }
    if (!ctx.flags.dryRun) {
        ctx.checkpoint(() => {
            for (const a of active) {
                const h = staged.get(a.allocId);
                if (h)
                    (0,state/* storeHash */.YE)(ctx.db, job, a.allocId, h.hash, h.filesJson);
                ctx.kv.put((0,lib_kv/* allocationNamespace */.QE)(job, a.workerIp), 'version', a.newVersion);
            }
        });
        allocs = (0,state/* jobAllocations */.pt)(ctx.db, job);
    }
    const marker = (0,state/* jobMarker */.qB)(ctx.db, job);
    return { plan: planJob(info, seq, allocs, staged, marker, { force: ctx.flags.force, syncOnly: ctx.flags.syncOnly }), allocs, staged };
}
/** Q27: after an update_seq bump, every reachable worker with an active allocation gets the new worker files. */
async function finalSync(ctx, conf) {
    ctx.emit({ type: 'phase', phase: 'final-sync' });
    const ips = [...new Set(ctx.db.prepare('SELECT DISTINCT worker_ip FROM allocations WHERE removed = 0 AND disabled = 0 ORDER BY worker_ip').all().map((r) => r.worker_ip))];
    const todo = ips.filter((ip) => ctx.workers.has(ip) && !ctx.refreshed.has(ip));
    const useSudo = (0,maand_conf/* sshSettings */.OA)(conf).useSudo;
    await Promise.all(todo.map(async (ip) => {
        const err = (await ctx.ensureWorker(ip, useSudo)) ?? (await ctx.rsyncTo(ip, []));
        if (err)
            ctx.emit({ type: 'warning', message: `${err} (worker.json on ${ip} keeps the previous update_seq until the next deploy)` });
    }));
}

// EXTERNAL MODULE: ./lib/deploy/connect.js + 13 modules
var connect = __webpack_require__(141);
;// CONCATENATED MODULE: ./lib/report/dry-run.js
const LABEL = { start: 'start  ', restart: 'restart', reload: 'reload ', sync: 'sync   ', skip: 'skip   ', stop: 'stop   ' };
function formatDryRun(plans, failures = []) {
    if (plans.length === 0 && failures.length === 0)
        return 'deploy dry-run: no jobs matched\n';
    const required = plans.some((p) => p.needsRollout);
    const lines = [`deploy dry-run: ${required ? 'deployment required' : 'no deployment required'}`, ''];
    let seq;
    for (const p of plans) {
        if (p.seq !== seq) {
            seq = p.seq;
            lines.push(`deployment sequence ${seq}:`);
        }
        if (!p.needsRollout) {
            lines.push(`  job ${JSON.stringify(p.job)}: skip (${p.reason || 'no rollout needed'})`);
            continue;
        }
        lines.push(`  job ${JSON.stringify(p.job)}: deploy required${p.marker ? ` (${p.reason})` : ''}`);
        for (const a of p.allocations) {
            const label = LABEL[a.action] ?? a.action;
            let detail;
            if (a.action === 'start')
                detail = a.currentHash ? `current_hash=${a.currentHash}` : '(no hash row yet)';
            else if (a.action === 'skip')
                detail = `hash=${a.currentHash}`;
            else if (a.action === 'stop')
                detail = `previous_hash=${a.previousHash}`;
            else
                detail = `previous_hash=${a.previousHash} current_hash=${a.currentHash}${a.matched.length > 0 ? ` matched=${a.matched.join(',')}` : ''}`;
            lines.push(`    ${a.workerIp}  ${label} ${detail}  # ${a.reason}`);
        }
    }
    for (const f of failures)
        lines.push(`  job ${JSON.stringify(f.job)}: plan failed: ${f.error}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./lib/report/console.js
var console = __webpack_require__(7243);
;// CONCATENATED MODULE: ./lib/report/log-file.js
// Run logs under logs/ (deploy spec §26.2): every event of a run appended to logs/<ip>.log (or
// logs/maand.log when no worker) and to logs/runs/<run>/<same file>, as key=value or JSON lines.


function kvValue(v) {
    return /[\s="]/.test(v) ? `"${v.replaceAll('"', '\\"')}"` : v;
}
class RunLog {
    dir;
    runDir;
    base;
    format;
    /** Open append descriptors by file name (a deploy writes thousands of lines). */
    fds = new Map();
    constructor(logsDir, run) {
        this.dir = logsDir;
        this.runDir = (0,external_node_path_.join)(logsDir, 'runs', run.id);
        this.format = run.format === 'json' || run.format === 'jsonl' ? 'json' : 'kv';
        this.base = { level: 'INFO', run: run.id, maand: run.command };
        (0,external_node_fs_.mkdirSync)(this.runDir, { recursive: true });
    }
    write(fields) {
        const worker = typeof fields['worker'] === 'string' && fields['worker'] !== '' ? fields['worker'] : '-';
        const record = { ts: new Date().toISOString(), ...this.base };
        for (const [k, v] of Object.entries({ ...fields, worker }))
            if (v !== undefined && v !== '')
                record[k] = v;
        const line = this.format === 'json'
            ? JSON.stringify(record)
            : Object.entries(record).map(([k, v]) => `${k}=${kvValue(String(v))}`).join(' ');
        const file = worker === '-' ? 'maand.log' : `${worker}.log`;
        let fds = this.fds.get(file);
        if (!fds) {
            fds = [(0,external_node_fs_.openSync)((0,external_node_path_.join)(this.dir, file), 'a', 0o644), (0,external_node_fs_.openSync)((0,external_node_path_.join)(this.runDir, file), 'a', 0o644)];
            this.fds.set(file, fds);
        }
        (0,external_node_fs_.writeSync)(fds[0], `${line}\n`);
        (0,external_node_fs_.writeSync)(fds[1], `${line}\n`);
    }
    close() {
        for (const [a, b] of this.fds.values()) {
            (0,external_node_fs_.closeSync)(a);
            (0,external_node_fs_.closeSync)(b);
        }
        this.fds.clear();
    }
    event(e) {
        switch (e.type) {
            case 'output':
                return this.write({ event: 'output', worker: e.worker, job: e.job, stream: e.stream, msg: e.text });
            case 'batch-started':
                for (const w of e.workers)
                    this.write({ event: 'batch_started', worker: w, job: e.job, phase: e.phase, action: e.action, batch: `${e.index + 1}/${e.count}` });
                return;
            case 'batch-promoted':
                for (const w of e.workers)
                    this.write({ event: 'promoted', worker: w, job: e.job });
                return;
            case 'job-finished':
                return this.write({ event: 'job_finished', job: e.result.job, status: e.result.status, duration_ms: e.result.durationMs, msg: e.result.error });
            case 'reconcile':
                return this.write({ event: 'reconcile', worker: e.result.workerIp, job: e.result.job, action: e.result.action, status: e.result.outcome, msg: e.result.error });
            case 'job-skipped':
                return this.write({ event: 'deploy_skip', job: e.job, reason: e.reason });
            case 'warning':
                return this.write({ event: 'warning', msg: e.message });
            default:
                return;
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/cli/io.js
var cli_io = __webpack_require__(8908);
// EXTERNAL MODULE: ./lib/cli/ssh-access.js
var ssh_access = __webpack_require__(4887);
;// CONCATENATED MODULE: ./lib/cli/commands/deploy.js













async function deployCommand(io, opts) {
    if (opts.build)
        await (0,build/* build */.j)({ root: io.cwd, env: io.env });
    const ssh = (0,ssh_access/* sshAccess */.v)(io, opts);
    const log = opts.dryRun ? undefined : new RunLog((0,external_node_path_.join)(io.cwd, 'logs'), { id: (0,external_node_crypto_.randomUUID)(), command: 'deploy', format: (0,maand_conf/* readMaandConf */.MC)((0,external_node_path_.join)(io.cwd, 'maand.conf')).log_format });
    const controller = new AbortController();
    let interrupts = 0;
    const onSignal = (sig) => {
        interrupts++;
        if (interrupts === 1) {
            io.stderr.write(`\n${sig}: finishing the running batch, then stopping (send it again to stop at once)\n`);
            controller.abort(new Error(sig));
        }
        else
            process.exit(130);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        const result = await deploy({
            root: io.cwd,
            jobs: (0,cli_io/* splitList */.r)(opts.jobs),
            dryRun: opts.dryRun,
            force: opts.force,
            syncOnly: opts.syncOnly,
            signal: controller.signal,
            onEvent: (e) => {
                log?.event(e);
                if (opts.dryRun && e.type !== 'output' && e.type !== 'warning')
                    return;
                if (e.type === 'output' && e.source === 'rsync' && !opts.verbose)
                    return;
                const line = (0,console/* formatEvent */.qF)(e);
                if (line !== undefined)
                    io.stderr.write(`${line}\n`);
            },
            connect: (0,connect/* connectRun */.Y)({ ssh, hookEnv: io.env }),
        });
        if (opts.output)
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(io.cwd, opts.output), `${JSON.stringify(result, null, 2)}\n`);
        if (opts.dryRun) {
            const failures = result.jobs.filter((j) => j.status === 'failed').map((j) => ({ job: j.job, error: j.error ?? '' }));
            io.stdout.write(formatDryRun(result.plans, failures));
        }
        else
            io.stdout.write((0,console/* formatSummary */.kq)(result));
        if (result.failedJobs.length > 0 || result.cancelled) {
            const errs = result.jobs.filter((j) => j.error).map((j) => j.error);
            const recon = result.reconcile.filter((r) => r.error).map((r) => r.error);
            throw new errors/* PartialFailureError */.ax(result.cancelled ? 'deploy cancelled' : 'deploy failed', [...recon, ...errs, ...result.errors]);
        }
    }
    finally {
        log?.close();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ })

};
