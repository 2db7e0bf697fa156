'use strict';
// node:process: the process object itself.

module.exports = process;
