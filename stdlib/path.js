'use strict';
// The `path` module: posix and win32 flavours; `path` itself is the posix one.

const posix = require('internal/path/posix');
const win32 = require('internal/path/win32');

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

module.exports = posix;
