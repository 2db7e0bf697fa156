'use strict';
// An Error thrown inside a timer callback is uncaught: the process dies with
// exit code 1 and later timers never run.
setTimeout(() => console.log('second timer (must not run)'), 10);
setTimeout(function myTimer() {
  console.log('in timer');
  throw new TypeError('bad timer');
}, 1);
