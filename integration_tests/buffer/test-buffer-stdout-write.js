'use strict';
// process.stdout.write accepts Buffers and encodings.
const assert = require('assert');

assert.strictEqual(process.stdout.write(Buffer.from('buffer ok\n')), true);
assert.strictEqual(process.stdout.write('6865780a', 'hex'), true);
