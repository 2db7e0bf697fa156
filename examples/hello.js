// A first script for skua: timers, microtasks and process.nextTick in Node's order.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

console.log('hello from skua %s (Node.js %s API)', process.versions.skua, process.version);
setImmediate(() => console.log('4. setImmediate'));
Promise.resolve().then(() => console.log('2. promise'));
process.nextTick(() => console.log('1. nextTick'));
sleep(5).then(() => console.log('5. after 5 ms'));
queueMicrotask(() => console.log('3. queueMicrotask'));
process.on('exit', (code) => console.log(`exit with code ${code}`));
