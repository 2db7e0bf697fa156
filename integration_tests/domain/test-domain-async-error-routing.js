'use strict';
// node:domain: work started inside a domain runs inside it again (timers, immediates,
// ticks, promises, fs callbacks), and what it throws goes to the domain's 'error' event.
const assert = require('assert');
const domain = require('domain');
const fs = require('fs');

const d = domain.create();
const caught = [];
d.on('error', (err) => {
  // The listener runs outside the domain that failed.
  assert.notStrictEqual(process.domain, d);
  caught.push(err.message);
  assert.strictEqual(err.domain, d);
  assert.strictEqual(err.domainThrown, true);
});

process.on('uncaughtException', () => assert.fail('the domain should take every error'));

const seen = [];
d.run(() => {
  setTimeout(() => {
    seen.push(['timeout', process.domain === d]);
    throw new Error('timeout');
  }, 1);
  setImmediate(() => {
    seen.push(['immediate', process.domain === d]);
    throw new Error('immediate');
  });
  process.nextTick(() => {
    seen.push(['tick', process.domain === d]);
    throw new Error('tick');
  });
  Promise.resolve().then(() => seen.push(['promise', process.domain === d]));
  fs.stat(__filename, () => {
    seen.push(['fs', process.domain === d]);
    throw new Error('fs');
  });
});
assert.strictEqual(process.domain, undefined);

// A rejection nobody handles, made inside a domain, is an 'error' of that domain.
const rejected = domain.create();
rejected.on('error', (reason) => caught.push(`rejection: ${reason.message}`));
rejected.run(() => {
  Promise.reject(new Error('unhandled'));
});

process.on('exit', () => {
  assert.deepStrictEqual(seen.map(([name]) => name).sort(),
                         ['fs', 'immediate', 'promise', 'tick', 'timeout']);
  for (const [name, inDomain] of seen) assert.ok(inDomain, name);
  assert.deepStrictEqual(caught.sort(),
                         ['fs', 'immediate', 'rejection: unhandled', 'tick', 'timeout']);
  assert.strictEqual(domain._stack.length, 0);
  console.log('ok');
});
