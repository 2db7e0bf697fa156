'use strict';
// resourceLimits: an old generation of 0 MB is raised to Node's 2 MB minimum rather
// than ignored, so a worker that keeps allocating ends with ERR_WORKER_OUT_OF_MEMORY
// while the parent goes on.
const assert = require('assert');
const { Worker } = require('worker_threads');

const worker = new Worker(`
  const keep = [];
  for (;;) keep.push(new Array(1000).fill({}));
`, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 0, maxOldGenerationSizeMb: 0 } });

const errors = [];
worker.on('error', (err) => errors.push(err.code));
worker.on('exit', () => {
  assert.deepStrictEqual(errors, ['ERR_WORKER_OUT_OF_MEMORY']);
});
