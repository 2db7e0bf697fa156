'use strict';
// node:v8 loads (also as an ES module, as prettier imports it) and answers the
// statistics, flag, serializer and startup-snapshot queries with Node's shapes.
const assert = require('node:assert');
const v8 = require('node:v8');

const heap = v8.getHeapStatistics();
assert.deepStrictEqual(Object.keys(heap), [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit', 'malloced_memory',
  'peak_malloced_memory', 'does_zap_garbage', 'number_of_native_contexts',
  'number_of_detached_contexts', 'total_global_handles_size', 'used_global_handles_size',
  'external_memory',
]);
assert.ok(heap.used_heap_size > 0 && heap.used_heap_size <= heap.total_heap_size);
assert.ok(heap.heap_size_limit > heap.total_heap_size);
assert.ok(heap.number_of_native_contexts >= 1);

const spaces = v8.getHeapSpaceStatistics();
assert.ok(spaces.some((s) => s.space_name === 'old_space'));
for (const s of spaces) {
  assert.deepStrictEqual(Object.keys(s), ['space_name', 'space_size', 'space_used_size',
    'space_available_size', 'physical_space_size']);
}
assert.deepStrictEqual(Object.keys(v8.getHeapCodeStatistics()), ['code_and_metadata_size',
  'bytecode_and_metadata_size', 'external_script_source_size', 'cpu_profiler_metadata_size']);

assert.strictEqual(typeof v8.cachedDataVersionTag(), 'number');
assert.strictEqual(v8.cachedDataVersionTag(), v8.cachedDataVersionTag());
v8.setFlagsFromString('--allow-natives-syntax');
assert.throws(() => v8.setFlagsFromString(1), { code: 'ERR_INVALID_ARG_TYPE' });

const value = { a: [1, 'two', { three: 3n }], m: new Map([[1, 2]]), b: Buffer.from('hi') };
const bytes = v8.serialize(value);
assert.ok(Buffer.isBuffer(bytes));
const back = v8.deserialize(bytes);
assert.deepStrictEqual(back.a, value.a);
assert.deepStrictEqual(back.m, value.m);
assert.strictEqual(Buffer.from(back.b).toString(), 'hi');
assert.throws(() => v8.deserialize('x'), { code: 'ERR_INVALID_ARG_TYPE' });

assert.ok(!v8.startupSnapshot.isBuildingSnapshot());
assert.throws(() => v8.startupSnapshot.addSerializeCallback(() => {}),
              { code: 'ERR_NOT_BUILDING_SNAPSHOT' });
v8.takeCoverage();
v8.stopCoverage();

import('v8').then((ns) => {
  assert.strictEqual(ns.default, v8);
  assert.strictEqual(ns.startupSnapshot, v8.startupSnapshot);
});
