'use strict';
// node:trace_events: Tracing objects and the union of enabled categories.
const assert = require('assert');
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createTracing, getEnabledCategories } = require('trace_events');

// Node writes node_trace.*.log into the working directory while tracing is enabled.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-trace-'));
process.chdir(dir);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

assert.strictEqual(getEnabledCategories(), undefined);

const a = createTracing({ categories: ['node.perf', 'v8'] });
assert.strictEqual(a.enabled, false);
assert.strictEqual(a.categories, 'node.perf,v8');
assert.strictEqual(util.inspect(a), "Tracing { enabled: false, categories: 'node.perf,v8' }");
assert.strictEqual(getEnabledCategories(), undefined);

a.enable();
a.enable();  // Enabling twice counts once.
assert.strictEqual(a.enabled, true);
assert.strictEqual(getEnabledCategories(), 'node.perf,v8');

const b = createTracing({ categories: ['v8', 'node'] });
b.enable();
assert.strictEqual(getEnabledCategories(), 'node,node.perf,v8');

a.disable();
assert.strictEqual(a.enabled, false);
assert.strictEqual(getEnabledCategories(), 'node,v8');
b.disable();
assert.strictEqual(getEnabledCategories(), undefined);

assert.throws(() => createTracing(), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => createTracing({ categories: 'v8' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => createTracing({ categories: [1] }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => createTracing({ categories: [] }), {
  code: 'ERR_TRACE_EVENTS_CATEGORY_REQUIRED',
  name: 'TypeError',
  message: 'At least one category is required',
});
console.log('ok');
