'use strict';
// Node's legacy module id for the HTTP parser pool and helpers (internal/http/common).
module.exports = require('internal/http/common');
