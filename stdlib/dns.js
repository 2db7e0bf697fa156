'use strict';
// node:dns — lookup/lookupService (getaddrinfo/getnameinfo on libuv's thread pool),
// resolve*/reverse and Resolver (c-ares, internal/dns/callback_resolver), the error-code
// constants and dns.promises.

const impl = require('internal/dns/lookup');
const { bindDefaultResolver, errorCodes, setDefaultServers } = require('internal/dns/utils');
const { Resolver } = require('internal/dns/callback_resolver');

const { lookup, lookupService } = impl;
Object.defineProperty(lookup, Symbol.for('nodejs.util.promisify.custom'), {
  value: impl.lookupPromise, configurable: true,
});
Object.defineProperty(lookupService, Symbol.for('nodejs.util.promisify.custom'), {
  value: impl.lookupServicePromise, configurable: true,
});

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  setServers: setDefaultServers,
  ADDRCONFIG: impl.ADDRCONFIG,
  ALL: impl.ALL,
  V4MAPPED: impl.V4MAPPED,
  ...errorCodes,
};
bindDefaultResolver(Resolver, module.exports);

let promises;
Object.defineProperty(module.exports, 'promises', {
  get() {
    promises ??= require('dns/promises');
    return promises;
  },
  configurable: true,
  enumerable: true,
});
