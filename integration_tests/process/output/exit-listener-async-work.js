'use strict';
// Inside an 'exit' listener the event loop is gone: timers, immediates and
// nextTicks scheduled there never run. Promise reactions do run, because the
// microtask queue is drained once more after the listener returns.
process.on('exit', (code) => {
  console.log(`exit ${code}`);
  setTimeout(() => console.log('timeout (must not run)'), 0);
  setImmediate(() => console.log('immediate (must not run)'));
  process.nextTick(() => console.log('nextTick (must not run)'));
  Promise.resolve().then(() => console.log('promise.then runs'));
  queueMicrotask(() => console.log('queueMicrotask runs'));
  console.log('exit listener end');
});
console.log('main');
