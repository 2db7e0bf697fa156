'use strict';
// Deprecated since Node 6 (use os.constants, fs.constants, crypto.constants), still
// required by old packages such as graceful-fs: one frozen flat object of all of them.

const { constants: os } = require('os');
const { constants: fs } = require('fs');
const { constants: crypto } = require('crypto');

module.exports = Object.freeze(
  Object.assign({}, os.dlopen, os.errno, os.priority, os.signals, fs, crypto));
