'use strict';
// node:sys — the old name of node:util, kept for compatibility; loading it emits DEP0025
// once (the module is cached, so the warning is too).

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');

module.exports = require('util');
