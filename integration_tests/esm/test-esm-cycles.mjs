// A cycle between two modules: both see each other's bindings once evaluated.
import assert from 'node:assert';
import { a, readB } from './fixtures/cycle-a.mjs';
import { b, callA } from './fixtures/cycle-b.mjs';

assert.strictEqual(a, 'a');
assert.strictEqual(b, 'b');
assert.strictEqual(readB(), 'b');
assert.strictEqual(callA(), 'b');
