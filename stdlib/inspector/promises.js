'use strict';
// node:inspector/promises — the promise form of node:inspector; like it, unavailable in
// skua (see inspector.js), so loading it throws ERR_INSPECTOR_NOT_AVAILABLE.

module.exports = require('inspector');
