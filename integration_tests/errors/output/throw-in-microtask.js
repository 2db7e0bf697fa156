'use strict';
// An error thrown inside a queueMicrotask callback is an uncaught exception
// (not an unhandled rejection).
queueMicrotask(() => {
  console.log('in microtask');
  throw new Error('microtask boom');
});
setTimeout(() => console.log('timer (must not run)'), 1);
