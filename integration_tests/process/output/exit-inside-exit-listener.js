'use strict';
// Calling process.exit(9) inside an 'exit' listener terminates at once with
// the new code: 'exit' is not emitted again, the rest of the listener and the
// remaining listeners do not run.
let calls = 0;
process.on('exit', (code) => {
  calls++;
  console.log(`listener 1: code=${code} exitCode=${process.exitCode} calls=${calls}`);
  process.exit(9);
  console.log('after process.exit (must not run)');
});
process.on('exit', () => console.log('listener 2 (must not run)'));
setTimeout(() => process.exit(2), 1);
