'use strict';
// `assert/strict`: the strict-mode assert (nodejs.org/api/assert.html#strict-assertion-mode).

module.exports = require('assert').strict;
