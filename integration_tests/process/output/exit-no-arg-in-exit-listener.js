'use strict';
// process.exit() without an argument inside an 'exit' listener uses
// process.exitCode, which an earlier listener may have changed.
process.on('exit', (code) => {
  console.log(`listener 1: code=${code}`);
  process.exitCode = 4;
});
process.on('exit', (code) => {
  // The argument stays what it was when 'exit' was emitted.
  console.log(`listener 2: code=${code} exitCode=${process.exitCode}`);
  process.exit();
});
process.on('exit', () => console.log('listener 3 (must not run)'));
console.log('main');
