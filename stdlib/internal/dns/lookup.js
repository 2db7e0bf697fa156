'use strict';
// dns.lookup and dns.lookupService over cares_wrap's getaddrinfo/getnameinfo (libuv's
// thread pool), with Node's argument checks, result order and error shapes.

const {
  GetAddrInfoReqWrap, GetNameInfoReqWrap, getaddrinfo, getnameinfo, AI_ADDRCONFIG, AI_ALL,
  AI_V4MAPPED, DNS_ORDER_VERBATIM, DNS_ORDER_IPV4_FIRST, DNS_ORDER_IPV6_FIRST,
} = internalBinding('cares_wrap');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const {
  validateBoolean, validateFunction, validateNumber, validateOneOf, validateString,
} = require('internal/validators');
const { isIP } = require('internal/net/is_ip');
const { dnsException } = require('internal/net/exceptions');
const { validatePort } = require('internal/net/normalize');

const validHints = AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED;
let defaultOrder = 'verbatim';
let invalidHostnameWarned = false;

function orderCode(order) {
  if (order === 'ipv4first') return DNS_ORDER_IPV4_FIRST;
  if (order === 'ipv6first') return DNS_ORDER_IPV6_FIRST;
  return DNS_ORDER_VERBATIM;
}

function toASCII(hostname) {
  // Non-ASCII names go through IDNA, as Node's lookup does.
  if (/^[\x00-\x7f]*$/.test(hostname)) return hostname;
  return require('internal/url').domainToASCII(hostname) || hostname;
}

// Validates lookup()'s options into { family, hints, all, order }.
function parseLookupOptions(options) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    family = options;
  } else if (options !== undefined && options !== null) {
    if (options.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      if ((hints & ~validHints) !== 0) {
        throw new ERR_INVALID_ARG_VALUE('hints', hints);
      }
    }
    if (options.family != null) {
      switch (options.family) {
        case 'IPv4': family = 4; break;
        case 'IPv6': family = 6; break;
        default:
          validateOneOf(options.family, 'options.family', [0, 4, 6]);
          family = options.family;
      }
    }
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      order = options.order;
    }
  }
  return { family, hints, all, order };
}

function onlookup(err, addresses) {
  if (err) return this.callback(dnsException(err, 'getaddrinfo', this.hostname));
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
}

function onlookupall(err, addresses) {
  if (err) return this.callback(dnsException(err, 'getaddrinfo', this.hostname));
  const family = this.family;
  this.callback(null, addresses.map((address) => ({ address, family: family || isIP(address) })));
}

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (options !== undefined && options !== null && typeof options !== 'number' &&
             typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  validateFunction(callback, 'callback');
  const { family, hints, all, order } = parseLookupOptions(options);

  if (!hostname) {
    if (!invalidHostnameWarned) {
      invalidHostnameWarned = true;
      process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, ` +
        'and is supported in the dns module solely for compatibility.',
      'DeprecationWarning', 'DEP0118');
    }
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matchedFamily }]);
    else process.nextTick(callback, null, hostname, matchedFamily);
    return {};
  }
  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = getaddrinfo(req, toASCII(hostname), family, hints, orderCode(order));
  if (err) {
    process.nextTick(callback, dnsException(err, 'getaddrinfo', hostname));
    return {};
  }
  return req;
}

function onlookupservice(err, hostname, service) {
  if (err) return this.callback(dnsException(err, 'getnameinfo', this.hostname));
  this.callback(null, hostname, service);
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = +port;
  req.oncomplete = onlookupservice;
  const err = getnameinfo(req, address, +port);
  if (err) throw dnsException(err, 'getnameinfo', address);
  return req;
}

// Promise forms for dns/promises.
function lookupPromise(hostname, options) {
  // Argument errors throw synchronously, as in Node; only resolution failures reject.
  if (hostname) validateString(hostname, 'hostname');
  if (options !== undefined && options !== null && typeof options !== 'number' &&
      typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  parseLookupOptions(options);
  return new Promise((resolve, reject) => {
    const all = options !== null && typeof options === 'object' && options.all === true;
    lookup(hostname, options, (err, address, family) => {
      if (err) reject(err);
      else resolve(all ? address : { address, family });
    });
  });
}

function lookupServicePromise(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return new Promise((resolve, reject) => {
    lookupService(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

module.exports = {
  lookup,
  lookupService,
  lookupPromise,
  lookupServicePromise,
  ADDRCONFIG: AI_ADDRCONFIG,
  ALL: AI_ALL,
  V4MAPPED: AI_V4MAPPED,
  getDefaultResultOrder() { return defaultOrder; },
  setDefaultResultOrder(order) {
    validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
    defaultOrder = order;
  },
};
