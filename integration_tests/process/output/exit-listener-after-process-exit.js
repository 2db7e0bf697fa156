'use strict';
// When 'exit' is emitted by an explicit process.exit(), the process
// terminates right after the listeners: unlike a natural exit, even promise
// reactions queued in an 'exit' listener never run.
process.on('exit', (code) => {
  console.log(`exit ${code}`);
  Promise.resolve().then(() => console.log('promise.then (must not run)'));
  queueMicrotask(() => console.log('queueMicrotask (must not run)'));
  process.nextTick(() => console.log('nextTick (must not run)'));
  setTimeout(() => console.log('timeout (must not run)'), 0);
  console.log('exit listener end');
});
setTimeout(() => process.exit(2), 1);
