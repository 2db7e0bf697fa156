'use strict';
// node:dns/promises — the promise forms of lookup and lookupService.

const impl = require('internal/dns/lookup');
const { addUnimplemented } = require('internal/dns/unimplemented');

module.exports = {
  lookup: impl.lookupPromise,
  lookupService: impl.lookupServicePromise,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
};
addUnimplemented(module.exports, 'dnsPromises.');
