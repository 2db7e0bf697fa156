'use strict';
// Worker stdio goes through the parent (stdout/stderr/stdin options), data: URL workers
// run as ES modules, non-file/data URLs are refused, Node error instances are plain
// instances of their base class, and transfer lists are validated with Node's messages.
const assert = require('assert');
const { Worker, MessageChannel } = require('worker_threads');

const errorCtor = (() => {
  try { new MessageChannel().port1.postMessage(1, 0); } catch (err) { return err; }
})();
assert.strictEqual(errorCtor.constructor, TypeError);
assert.strictEqual(Object.getPrototypeOf(errorCtor), TypeError.prototype);
assert.strictEqual(errorCtor.code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(errorCtor.message, 'Optional transferList argument must be an iterable');
{
  const { port1 } = new MessageChannel();
  assert.throws(() => port1.postMessage(1, { transfer: {} }), {
    constructor: TypeError,
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'Optional options.transfer argument must be an iterable',
  });
  port1.close();
}

assert.throws(() => new Worker(new URL('https://example.com/')), {
  name: 'TypeError', code: 'ERR_INVALID_URL_SCHEME',
});

let pending = 4;
const done = () => { pending--; };
process.on('exit', () => assert.strictEqual(pending, 0));

// stdout: true keeps the output for worker.stdout.
{
  const w = new Worker('process.stdout.write("out!"); console.error("err!")',
                       { eval: true, stdout: true, stderr: true });
  let out = '';
  let err = '';
  w.stdout.setEncoding('utf8').on('data', (c) => { out += c; });
  w.stderr.setEncoding('utf8').on('data', (c) => { err += c; });
  w.stdout.on('end', () => {
    assert.strictEqual(out, 'out!');
    assert.strictEqual(err, 'err!\n');
    done();
  });
  assert.strictEqual(w.stdin, null);
}

// stdin: true feeds the worker's process.stdin.
{
  const w = new Worker('let s = ""; process.stdin.setEncoding("utf8");' +
    'process.stdin.on("data", (c) => { s += c; });' +
    'process.stdin.on("end", () => process.stdout.write(s.toUpperCase()));',
  { eval: true, stdin: true, stdout: true });
  let out = '';
  w.stdout.setEncoding('utf8').on('data', (c) => { out += c; });
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out, 'HELLO WORKER');
    done();
  });
  w.stdin.write('hello ');
  w.stdin.end('worker');
}

// data: URL workers are ES modules.
new Worker(new URL('data:text/javascript,import { parentPort } from "worker_threads";' +
  'parentPort.postMessage(typeof require)'))
  .on('message', (m) => { assert.strictEqual(m, 'undefined'); done(); })
  .on('error', assert.fail);
new Worker(new URL('data:text/plain,hi'))
  .on('error', (err) => { assert.ok(err instanceof Error); done(); });
