'use strict';
// Setting process.exitCode makes the process exit with that code once the
// loop is empty. 'beforeExit' and 'exit' receive it.
process.on('beforeExit', (code) => console.log(`beforeExit ${code}`));
process.on('exit', (code) => {
  console.log(`exit ${code} exitCode=${process.exitCode}`);
});
setTimeout(() => {
  process.exitCode = 3;
  console.log('timer set exitCode');
}, 1);
console.error('to stderr');
