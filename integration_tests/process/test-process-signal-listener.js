// A 'SIGUSR2' listener receives the signal (name and number) instead of the default
// action, and removing the last listener restores the default.
const assert = require('node:assert');

const seen = [];
function onSignal(name, number) {
  seen.push([name, number]);
  if (seen.length === 2) {
    process.removeListener('SIGUSR2', onSignal);
    clearInterval(keepAlive);
  }
}
process.on('SIGUSR2', onSignal);
const keepAlive = setInterval(() => {}, 1000);

process.kill(process.pid, 'SIGUSR2');
setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 10);

process.on('exit', () => {
  assert.deepStrictEqual(seen, [['SIGUSR2', 12], ['SIGUSR2', 12]]);
  assert.strictEqual(process.listenerCount('SIGUSR2'), 0);
});
