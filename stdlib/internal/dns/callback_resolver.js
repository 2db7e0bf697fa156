'use strict';
// dns.Resolver and dns.resolve*/reverse: callback forms over the c-ares channel. Each call
// sends a QueryReqWrap; the binding answers req.oncomplete(status, result, ttls), where
// status is 0 or Node's error code string ('ENOTFOUND', 'EBADRESP' ...).

const { QueryReqWrap } = internalBinding('cares_wrap');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const { dnsException } = require('internal/net/exceptions');
const {
  ResolverBase, addQueryMethods, toASCII, rrtypeMethods,
} = require('internal/dns/utils');

function onresolve(status, result, ttls) {
  if (status) {
    this.callback(dnsException(status, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) result = result.map((address, i) => ({ address, ttl: ttls[i] }));
  this.callback(null, result);
}

function makeQuery(bindingName) {
  function query(name, options, callback) {
    if (arguments.length <= 2) {
      callback = options;
      options = undefined;
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    const err = this._handle[bindingName](req, toASCII(name));
    if (err) throw dnsException(err, bindingName, name);
    return req;
  }
  return query;
}

class Resolver extends ResolverBase {}

addQueryMethods(Resolver, makeQuery);

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypeMethods[rrtype];
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return this[method](hostname, callback);
};

module.exports = { Resolver };
