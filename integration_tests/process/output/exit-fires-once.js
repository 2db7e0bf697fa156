'use strict';
// 'exit' fires exactly once, after 'beforeExit', with the exit code; the
// once() and on() listeners run in registration order.
process.on('exit', (code) => console.log(`on exit ${code}`));
process.once('exit', (code) => console.log(`once exit ${code}`));
process.on('beforeExit', (code) => console.log(`beforeExit ${code}`));
setImmediate(() => console.log('immediate'));
console.log('main');
