'use strict';
// node:v8: heap statistics, V8 flags, the value serializer, and the startup-snapshot
// queries (skua never builds a snapshot).

const { Buffer } = require('buffer');
const { codes, E } = require('internal/errors');
const { validateString } = require('internal/validators');

const binding = internalBinding('v8_utils');

if (codes.ERR_NOT_BUILDING_SNAPSHOT === undefined) {
  E('ERR_NOT_BUILDING_SNAPSHOT',
    'Operation cannot be invoked when not building startup snapshot', Error);
}
const { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED, ERR_NOT_BUILDING_SNAPSHOT } = codes;

const heapKeys = [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit', 'malloced_memory',
  'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
  'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
  'external_memory',
];
const codeKeys = [
  'code_and_metadata_size', 'bytecode_and_metadata_size', 'external_script_source_size',
  'cpu_profiler_metadata_size',
];

function toObject(keys, fields) {
  const result = {};
  for (let i = 0; i < keys.length; i++) result[keys[i]] = fields[i];
  return result;
}

function getHeapStatistics() {
  const fields = new Float64Array(heapKeys.length);
  binding.heapStatistics(fields);
  return toObject(heapKeys, fields);
}

function getHeapSpaceStatistics() {
  const names = binding.heapSpaceNames();
  const fields = new Float64Array(4 * names.length);
  binding.heapSpaceStatistics(fields);
  return names.map((space_name, i) => ({
    space_name,
    space_size: fields[4 * i],
    space_used_size: fields[4 * i + 1],
    space_available_size: fields[4 * i + 2],
    physical_space_size: fields[4 * i + 3],
  }));
}

function getHeapCodeStatistics() {
  const fields = new Float64Array(codeKeys.length);
  binding.heapCodeStatistics(fields);
  return toObject(codeKeys, fields);
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

// Differs from Node 20: views are written in skua's host-object layout (the one its
// 'advanced' IPC serialization uses), so the bytes round-trip through skua but are not
// Node's for Buffers and typed arrays. Plain values use V8's format, as in Node.
function serialize(value) {
  const { serialize: write } = internalBinding('serdes');
  return Buffer.from(write(value, Buffer.prototype));
}

function deserialize(buffer) {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  const { deserialize: read } = internalBinding('serdes');
  const bytes = new Uint8Array(buffer.byteLength);
  bytes.set(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  return read(bytes.buffer, Buffer.prototype);
}

function notBuildingSnapshot() {
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}

const startupSnapshot = {
  // Node 20 answers with the flag's number (0), not a boolean.
  isBuildingSnapshot: () => 0,
  addSerializeCallback: notBuildingSnapshot,
  addDeserializeCallback: notBuildingSnapshot,
  setDeserializeMainFunction: notBuildingSnapshot,
};

// TODO(compat): heap snapshots, Serializer/Deserializer classes, GCProfiler.
function getHeapSnapshot() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('v8.getHeapSnapshot()');
}

function writeHeapSnapshot() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('v8.writeHeapSnapshot()');
}

// Coverage is only collected under NODE_V8_COVERAGE, which skua does not support; Node
// makes both calls no-ops in that case.
function takeCoverage() {}
function stopCoverage() {}

module.exports = {
  cachedDataVersionTag: binding.cachedDataVersionTag,
  promiseHooks: require('internal/promise_hooks').promiseHooks,
  getHeapCodeStatistics,
  getHeapSnapshot,
  getHeapSpaceStatistics,
  getHeapStatistics,
  setFlagsFromString,
  serialize,
  deserialize,
  startupSnapshot,
  stopCoverage,
  takeCoverage,
  writeHeapSnapshot,
};
