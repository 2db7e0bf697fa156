'use strict';
// node:module: the CommonJS Module class with createRequire, builtinModules, isBuiltin.

module.exports = require('internal/modules/cjs/loader');
