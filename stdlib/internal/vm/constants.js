'use strict';
// Internal option values of node:vm that only stdlib may pass.

// importModuleDynamically: leave import() in the compiled code to the main ES module
// loader (the REPL's code imports relative to the working directory, as in Node).
const kUseMainLoader = Symbol('kUseMainLoader');

module.exports = { kUseMainLoader };
