'use strict';
// A promise rejected with an Error and never handled: the default
// unhandled-rejections=throw mode raises it as an uncaught exception.
// Pending timers do not run; exit code 1.
setTimeout(() => console.log('timer (must not run)'), 50);
function fail() {
  return Promise.reject(new RangeError('rejected!'));
}
fail();
console.log('main done');
