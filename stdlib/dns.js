'use strict';
// node:dns — lookup/lookupService (getaddrinfo/getnameinfo), the error-code constants and
// dns.promises. resolve*/reverse/Resolver are not implemented yet (internal/dns/unimplemented).

const impl = require('internal/dns/lookup');
const { addUnimplemented } = require('internal/dns/unimplemented');

const errorCodes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

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
  ADDRCONFIG: impl.ADDRCONFIG,
  ALL: impl.ALL,
  V4MAPPED: impl.V4MAPPED,
  getDefaultResultOrder: impl.getDefaultResultOrder,
  setDefaultResultOrder: impl.setDefaultResultOrder,
  ...errorCodes,
};
addUnimplemented(module.exports, 'dns.');

let promises;
Object.defineProperty(module.exports, 'promises', {
  get() {
    promises ??= require('dns/promises');
    return promises;
  },
  configurable: true,
  enumerable: true,
});
