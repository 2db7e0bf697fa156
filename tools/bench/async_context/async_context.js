'use strict';
// Async context overhead: 1M awaited promises and 100k chained setImmediate callbacks,
// either with no AsyncLocalStorage in the process (argv[2] === 'none': async_hooks is
// never loaded) or inside an active AsyncLocalStorage.run() ('als'). Prints one JSON
// line: best-of-5 milliseconds per case.

const mode = process.argv[2];
const awaits = 1e6;
const immediates = 1e5;

async function awaitLoop(check) {
  let sum = 0;
  for (let i = 0; i < awaits; i++) sum += await i;
  if (check) check();
  return sum;
}

function immediateLoop(check) {
  return new Promise((resolve) => {
    let left = immediates;
    function step() {
      if (--left === 0) {
        if (check) check();
        resolve();
      } else {
        setImmediate(step);
      }
    }
    setImmediate(step);
  });
}

async function best(fn) {
  let min = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return min;
}

async function main() {
  let wrap = (fn) => fn();
  let check;
  if (mode === 'als') {
    const { AsyncLocalStorage } = require('async_hooks');
    const als = new AsyncLocalStorage();
    const store = { id: 1 };
    wrap = (fn) => als.run(store, fn);
    check = () => {
      if (als.getStore() !== store) throw new Error('store lost');
    };
  } else if (mode !== 'none') {
    throw new Error('usage: async_context.js none|als');
  }
  const results = {
    [`await 1M (${mode})`]: await best(() => wrap(() => awaitLoop(check))),
    [`setImmediate 100k (${mode})`]: await best(() => wrap(() => immediateLoop(check))),
  };
  console.log(JSON.stringify(results));
}

main();
