'use strict';
// process.exit(5) inside a timer stops immediately: the rest of the callback,
// later timers, immediates, pending nextTicks and microtasks never run, and
// 'beforeExit' does not fire. 'exit' listeners get 5, and run only once.
process.on('beforeExit', () => console.log('beforeExit (must not run)'));
process.on('exit', (code) => console.log(`exit listener 1: ${code}`));
process.on('exit', (code) => console.log(`exit listener 2: ${code} ${process.exitCode}`));
setTimeout(() => {
  console.log('first timer');
  process.nextTick(() => console.log('tick (must not run)'));
  Promise.resolve().then(() => console.log('promise (must not run)'));
  setImmediate(() => console.log('immediate (must not run)'));
  process.exit(5);
  console.log('after exit (must not run)');
}, 1);
setTimeout(() => console.log('second timer (must not run)'), 1);
setTimeout(() => console.log('later timer (must not run)'), 100);
