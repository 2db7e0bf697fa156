'use strict';
// fs streams as Node 20 builds them: calls go through the public fs module (so patching
// fs.write reaches them) or options.fs (validated); autoClose: false leaves the stream
// and its fd alone; a subclass's old-style open() is honoured; options may be inherited.
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const tmp = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || '/tmp', 'skua-fsstream-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const file = path.join(tmp, 'f');
fs.writeFileSync(file, 'xyz\n');

assert.throws(() => fs.createReadStream(file, { fs: { ...fs, read: null } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.fs.read" property must be of type function. Received null',
});
assert.throws(() => fs.createWriteStream(file, { fs: { ...fs, writev: 'x' } }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fs.createWriteStream(file, { flush: 'yes' }), { code: 'ERR_INVALID_ARG_TYPE' });

// Inherited options and `new` on the factory.
const r = new fs.createReadStream(file, { __proto__: { start: 1, end: 2 } });
assert.strictEqual(r.start, 1);
let text = '';
r.on('data', (d) => { text += d; });
r.on('end', () => assert.strictEqual(text, 'yz'));

// A patched fs.write is what the stream calls.
const write = fs.write;
let patched = 0;
fs.write = function(...args) {
  patched++;
  return Reflect.apply(write, this, args);
};
const w = fs.createWriteStream(path.join(tmp, 'w'), { autoClose: false });
w.end('hello', () => {
  fs.write = write;
  assert.ok(patched > 0);
  setImmediate(() => {
    assert.strictEqual(w.closed, false);
    assert.strictEqual(typeof w.fd, 'number');
    fs.closeSync(w.fd);
  });
});

// graceful-fs style subclass: its open() replaces the stream's own.
function OldStream(...args) { fs.ReadStream.call(this, ...args); }
Object.setPrototypeOf(OldStream.prototype, fs.ReadStream.prototype);
let opened = 0;
OldStream.prototype.open = function() {
  opened++;
  fs.open(this.path, 'r', (err, fd) => {
    this.fd = fd;
    this.emit('open', fd);
  });
};
const old = new OldStream(file);
old.on('open', () => old.destroy());
old.on('close', () => assert.strictEqual(opened, 1));
