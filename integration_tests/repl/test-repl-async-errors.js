// Errors thrown later by work that REPL input scheduled reach the REPL's domain and are
// printed as "Uncaught ..."; the session goes on.
const assert = require('node:assert');
const { PassThrough } = require('node:stream');
const repl = require('node:repl');

const input = new PassThrough();
const output = new PassThrough();
output.setEncoding('utf8');
let text = '';
const waiters = [];
output.on('data', (chunk) => {
  text += chunk;
  for (const waiter of waiters.splice(0)) waiter();
});
function waitFor(pattern) {
  return new Promise((resolve) => {
    const check = () => (pattern.test(text) ? resolve(text) : waiters.push(check));
    check();
  });
}

const server = repl.start({ prompt: '> ', input, output, terminal: false, useColors: false });
assert.strictEqual(typeof server._domain.on, 'function');
assert.strictEqual(typeof server._domain.run, 'function');

(async () => {
  input.write('process.nextTick(() => { throw null; })\n');
  await waitFor(/Uncaught null\n> $/);
  input.write('setTimeout(() => { throw new RangeError("later") }, 1); "scheduled"\n');
  await waitFor(/Uncaught RangeError: later\n> $/);
  input.write('Promise.reject(new TypeError("rejected")); "done"\n');
  await waitFor(/Uncaught TypeError: rejected\n> $/);

  // Listening for 'uncaughtException' from the REPL would hide its errors: refused.
  const before = process.listenerCount('uncaughtException');
  text = '';
  input.write('process.on("uncaughtException", () => {})\n');
  await waitFor(/> $/);
  assert.match(text, /^Uncaught:\nTypeError \[ERR_INVALID_REPL_INPUT\]: Listeners for `uncaughtException` cannot be used in the REPL\n/);
  assert.strictEqual(process.listenerCount('uncaughtException'), before);

  text = '';
  input.write('1 + 1\n');
  await waitFor(/^2\n> $/);
  assert.ok(server.lastError instanceof TypeError);
  input.end();
  console.log('ok');
})();
