'use strict';
// What dns.Resolver and dns.promises.Resolver share: the c-ares channel (ChannelWrap) behind
// `_handle`, server list parsing, local address, cancel, and the process-wide default
// channel that dns.resolve* and dns.promises.resolve* both use.

const { ChannelWrap, strerror } = internalBinding('cares_wrap');
const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const { validateArray, validateInt32, validateString } = require('internal/validators');
const { isIP } = require('internal/net/is_ip');

const IANA_DNS_PORT = 53;

function validateOptions(options) {
  const { timeout = -1, tries = 4 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  validateInt32(tries, 'options.tries', 1);
  return { timeout, tries };
}

// 'ip', 'ipv4:port', '[ipv6]' or '[ipv6]:port' -> [family, ip, port]. Scans by index,
// without backtracking regular expressions, so hostile strings cost linear time.
function parseServer(server) {
  let family = isIP(server);
  if (family !== 0) return [family, server, IANA_DNS_PORT];
  let host;
  let portText = '';
  if (server[0] === '[') {
    const close = server.indexOf(']');
    if (close === -1) throw new ERR_INVALID_IP_ADDRESS(server);
    host = server.slice(1, close);
    const rest = server.slice(close + 1);
    if (rest !== '') {
      if (rest[0] !== ':') throw new ERR_INVALID_IP_ADDRESS(server);
      portText = rest.slice(1);
    }
  } else {
    const colon = server.lastIndexOf(':');
    if (colon === -1) throw new ERR_INVALID_IP_ADDRESS(server);
    host = server.slice(0, colon);
    portText = server.slice(colon + 1);
  }
  family = isIP(host);
  if (family === 0 || (portText !== '' && !/^[0-9]{1,5}$/.test(portText))) {
    throw new ERR_INVALID_IP_ADDRESS(server);
  }
  return [family, host, portText === '' ? IANA_DNS_PORT : Number(portText) || IANA_DNS_PORT];
}

function formatServer([ip, port]) {
  if (!port || port === IANA_DNS_PORT) return ip;
  return `${isIP(ip) === 6 ? `[${ip}]` : ip}:${port}`;
}

function setHandleServers(handle, servers) {
  validateArray(servers, 'servers');
  const entries = [];
  // forEach (not for-of): holes are skipped and a shrinking array ends the walk, as in Node.
  servers.forEach((server, index) => {
    validateString(server, `servers[${index}]`);
    entries.push(parseServer(server));
  });
  const previous = handle.getServers().map(([ip, port]) => [isIP(ip), ip, port]);
  const status = handle.setServers(entries);
  if (status !== 0) {
    // c-ares may have dropped the old list on failure: put it back.
    handle.setServers(previous);
    throw new ERR_DNS_SET_SERVERS_FAILED(strerror(status), servers.join(','));
  }
}

class ResolverBase {
  constructor(options = undefined) {
    const { timeout, tries } = validateOptions(options);
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(formatServer);
  }

  setServers(servers) {
    setHandleServers(this._handle, servers);
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    const first = isIP(ipv4);
    if (first === 0) throw new ERR_INVALID_ARG_VALUE('ipv4', ipv4, 'is not a valid IP address');
    let v4 = first === 4 ? ipv4 : undefined;
    let v6 = first === 6 ? ipv4 : undefined;
    if (ipv6 !== undefined) {
      const second = isIP(ipv6);
      if (second === 0 || second === first) {
        throw new ERR_INVALID_ARG_VALUE('ipv6', ipv6,
                                        `must be an IPv${first === 4 ? 6 : 4} address`);
      }
      if (second === 4) v4 = ipv6;
      else v6 = ipv6;
    }
    this._handle.setLocalAddress(v4, v6);
  }
}

// The default channel, created on first use (reading /etc/resolv.conf) and replaced by
// dns.setServers, so queries already running keep the servers they started with.
let defaultHandle;

function getDefaultHandle() {
  defaultHandle ??= new ChannelWrap(-1, 4);
  return defaultHandle;
}

function setDefaultServers(servers) {
  const handle = new ChannelWrap(-1, 4);
  setHandleServers(handle, servers);
  defaultHandle = handle;
}

// An object that behaves as a `Resolver` of the given class over the default channel.
function defaultResolverOf(ResolverClass) {
  return Object.create(ResolverClass.prototype, {
    _handle: { get: getDefaultHandle, configurable: true },
  });
}

function toASCII(name) {
  // Non-ASCII names go through IDNA, as Node's resolver does.
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  return require('internal/url').domainToASCII(name) || name;
}

// The resolve* methods and the binding method behind each; `resolve(name, rrtype)` maps
// rrtype to one of them.
const resolveMethods = {
  resolveAny: 'queryAny',
  resolve4: 'queryA',
  resolve6: 'queryAaaa',
  resolveCaa: 'queryCaa',
  resolveCname: 'queryCname',
  resolveMx: 'queryMx',
  resolveNs: 'queryNs',
  resolveTxt: 'queryTxt',
  resolveSrv: 'querySrv',
  resolvePtr: 'queryPtr',
  resolveNaptr: 'queryNaptr',
  resolveSoa: 'querySoa',
  reverse: 'getHostByAddr',
};
const rrtypeMethods = {
  __proto__: null,
  ANY: 'resolveAny', A: 'resolve4', AAAA: 'resolve6', CAA: 'resolveCaa',
  CNAME: 'resolveCname', MX: 'resolveMx', NS: 'resolveNs', TXT: 'resolveTxt',
  SRV: 'resolveSrv', PTR: 'resolvePtr', NAPTR: 'resolveNaptr', SOA: 'resolveSoa',
};

// Gives ResolverClass one method per resolveMethods entry, made by makeQuery(bindingName)
// (the callback and promise forms differ only in how a query answers).
function addQueryMethods(ResolverClass, makeQuery) {
  for (const [method, bindingName] of Object.entries(resolveMethods)) {
    const query = makeQuery(bindingName);
    Object.defineProperty(query, 'name', { value: bindingName });
    ResolverClass.prototype[method] = query;
  }
}

// Copies every resolve method of ResolverClass onto `target` (a dns module), bound to the
// default channel.
function bindDefaultResolver(ResolverClass, target) {
  const resolver = defaultResolverOf(ResolverClass);
  for (const method of ['resolve', ...Object.keys(resolveMethods)]) {
    target[method] = ResolverClass.prototype[method].bind(resolver);
  }
  target.getServers = () => resolver.getServers();
}

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

module.exports = {
  ResolverBase,
  addQueryMethods,
  bindDefaultResolver,
  defaultResolverOf,
  getDefaultHandle,
  setDefaultServers,
  toASCII,
  resolveMethods,
  rrtypeMethods,
  errorCodes,
};
