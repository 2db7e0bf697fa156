'use strict';
// node:_stream_wrap — JSStreamSocket (internal/js_stream_socket) under its legacy module
// name; deprecated (DEP0125), and loading it emits the warning.

module.exports = require('internal/js_stream_socket').JSStreamSocket;

process.emitWarning('The _stream_wrap module is deprecated.', 'DeprecationWarning', 'DEP0125');
