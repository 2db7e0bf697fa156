'use strict';
// os.tmpdir() reads TMPDIR, TMP, TEMP in that order and drops one trailing slash.
const assert = require('assert');
const os = require('os');

const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
delete process.env.TMPDIR;
delete process.env.TMP;
delete process.env.TEMP;
assert.strictEqual(os.tmpdir(), '/tmp');
process.env.TEMP = '/temp';
assert.strictEqual(os.tmpdir(), '/temp');
process.env.TMP = '/tmpvar/';
assert.strictEqual(os.tmpdir(), '/tmpvar');
process.env.TMPDIR = '/';
assert.strictEqual(os.tmpdir(), '/');
process.env.TMPDIR = '/a/b//';
assert.strictEqual(os.tmpdir(), '/a/b/');
for (const [k, v] of Object.entries(saved)) {
  if (v === undefined) delete process.env[k];
  else process.env[k] = v;
}
