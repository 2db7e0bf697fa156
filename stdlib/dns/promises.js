'use strict';
// node:dns/promises — the promise forms of lookup, lookupService, resolve*/reverse and
// Resolver; they share dns's default channel, so dns.setServers applies to both.

const impl = require('internal/dns/lookup');
const { bindDefaultResolver, errorCodes, setDefaultServers } = require('internal/dns/utils');
const { Resolver } = require('internal/dns/promises_resolver');

module.exports = {
  lookup: impl.lookupPromise,
  lookupService: impl.lookupServicePromise,
  Resolver,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  setServers: setDefaultServers,
  ...errorCodes,
};
bindDefaultResolver(Resolver, module.exports);
