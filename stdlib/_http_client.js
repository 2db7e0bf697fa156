'use strict';
// Node's legacy module id for http.ClientRequest (internal/http/client).
module.exports = require('internal/http/client');
