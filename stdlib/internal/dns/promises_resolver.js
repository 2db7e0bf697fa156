'use strict';
// dns.promises.Resolver and dns.promises.resolve*/reverse: each query settles a promise
// through the QueryReqWrap's oncomplete.

const { QueryReqWrap } = internalBinding('cares_wrap');
const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
const { validateString } = require('internal/validators');
const { dnsException } = require('internal/net/exceptions');
const {
  ResolverBase, addQueryMethods, toASCII, rrtypeMethods,
} = require('internal/dns/utils');

function onresolve(status, result, ttls) {
  if (status) {
    this.reject(dnsException(status, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) result = result.map((address, i) => ({ address, ttl: ttls[i] }));
  this.resolve(result);
}

function makeQuery(bindingName) {
  function query(name, options) {
    validateString(name, 'name');
    const handle = this._handle;
    return new Promise((resolve, reject) => {
      const req = new QueryReqWrap();
      req.bindingName = bindingName;
      req.hostname = name;
      req.oncomplete = onresolve;
      req.resolve = resolve;
      req.reject = reject;
      req.ttl = !!(options && options.ttl);
      const err = handle[bindingName](req, toASCII(name));
      if (err) reject(dnsException(err, bindingName, name));
    });
  }
  return query;
}

class Resolver extends ResolverBase {}

addQueryMethods(Resolver, makeQuery);

Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method = 'resolve4';
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    method = rrtypeMethods[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return this[method](hostname);
};

module.exports = { Resolver };
