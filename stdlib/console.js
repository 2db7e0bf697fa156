'use strict';
// The global console: a Console on process.stdout / process.stderr. The streams are
// looked up at each write, since they are created later during bootstrap.

const { Console, initConsole } = require('internal/console/constructor');

const globalConsole = Object.create(Console.prototype);
initConsole(globalConsole, () => process.stdout, () => process.stderr, {
  ignoreErrors: true, colorMode: 'auto', inspectOptions: undefined, groupIndentation: 2,
});
globalConsole.Console = Console;

module.exports = globalConsole;
