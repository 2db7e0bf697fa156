'use strict';
// `require('path/posix')`: the same object as `require('path').posix`.

module.exports = require('path').posix;
