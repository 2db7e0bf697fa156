'use strict';
// Node's legacy module id for http.Agent and the global agent (internal/http/agent).
module.exports = require('internal/http/agent');
