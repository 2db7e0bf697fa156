'use strict';
// node:fs/promises: the promise API of node:fs (implemented in internal/fs/promises).

module.exports = require('internal/fs/promises').exports;
