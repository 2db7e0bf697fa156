// Static imports: named, default and live bindings; CommonJS named exports; builtins.
import assert from 'node:assert';
import { strictEqual } from 'assert';
import lib, { answer, counter, increment } from './fixtures/lib.mjs';
import cjs, { named, other, fn } from './fixtures/cjs.js';
import * as ns from './fixtures/lib.mjs';
import EventEmitter, { once } from 'node:events';

strictEqual(lib, 'lib default');
strictEqual(answer, 42);
strictEqual(counter, 0);
increment();
strictEqual(counter, 1, 'imports are live bindings');
strictEqual(named, 'from cjs');
strictEqual(other, 2);
strictEqual(fn(), 'called');
assert.deepStrictEqual(Object.keys(cjs).sort(), ['fn', 'named', 'other']);
strictEqual(ns[Symbol.toStringTag], 'Module');
assert.deepStrictEqual(Object.keys(ns), ['answer', 'counter', 'default', 'increment']);
strictEqual(typeof EventEmitter, 'function');
strictEqual(typeof once, 'function');
