'use strict';
// Node's legacy module id for http.IncomingMessage (internal/http/incoming).
const { IncomingMessage, readStart, readStop } = require('internal/http/incoming');

module.exports = { IncomingMessage, readStart, readStop };
