'use strict';
// One stdlib benchmark case, timed inside the runtime: `cases.js CASE` prints the
// elapsed milliseconds of the case's work (start-up excluded).
const util = require('util');
const EventEmitter = require('events');

function largeObject() {
  const rows = [];
  for (let i = 0; i < 2000; i++) {
    rows.push({
      id: i, name: `row ${i}`, tags: ['a', 'b', 'c'], nested: { when: new Date(0), n: i / 3 },
      map: new Map([['k', i]]), set: new Set([i, i + 1]),
    });
  }
  return { rows, meta: { count: rows.length, ok: true } };
}

const cases = {
  'util.inspect large object (x20)': () => {
    const value = largeObject();
    let length = 0;
    for (let i = 0; i < 20; i++) length += util.inspect(value, { depth: 4 }).length;
    return length;
  },
  'util.format %s %d %j (x200k)': () => {
    let length = 0;
    for (let i = 0; i < 200000; i++) length += util.format('%s=%d %j', 'key', i, { i }).length;
    return length;
  },
  'EventEmitter emit, 1 listener (x5M)': () => {
    const emitter = new EventEmitter();
    let count = 0;
    emitter.on('tick', (a, b) => { count += a + b; });
    for (let i = 0; i < 5e6; i++) emitter.emit('tick', 1, 2);
    return count;
  },
  'EventEmitter emit, 3 listeners (x2M)': () => {
    const emitter = new EventEmitter();
    let count = 0;
    for (let l = 0; l < 3; l++) emitter.on('tick', (a) => { count += a; });
    for (let i = 0; i < 2e6; i++) emitter.emit('tick', 1);
    return count;
  },
};

const [name] = process.argv.slice(2);
const fn = cases[name];
if (!fn) {
  console.log(Object.keys(cases).join('\n'));
  process.exit(name ? 1 : 0);
}
const start = process.hrtime.bigint();
fn();
console.log(Number(process.hrtime.bigint() - start) / 1e6);
