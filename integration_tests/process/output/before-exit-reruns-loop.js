'use strict';
// 'beforeExit' fires when the loop runs out of work, with process.exitCode as
// its argument. Scheduling work from the listener runs the loop again, and
// 'beforeExit' fires again once that work is done. 'exit' fires exactly once.
let count = 0;
process.on('beforeExit', (code) => {
  count++;
  console.log(`beforeExit #${count} code=${code} exitCode=${process.exitCode}`);
  if (count === 1) {
    process.exitCode = 7;
    setTimeout(() => console.log('timer scheduled from beforeExit'), 1);
  } else if (count === 2) {
    Promise.resolve().then(() => console.log('microtask from beforeExit'));
    process.nextTick(() => console.log('tick from beforeExit'));
    setImmediate(() => {
      console.log('immediate from beforeExit');
      process.exitCode = 0;
    });
  }
});
process.on('exit', (code) => {
  console.log(`exit code=${code} beforeExit count=${count}`);
});
console.log('main done');
