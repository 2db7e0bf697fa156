'use strict';
// The c-ares half of node:dns (resolve*, reverse, Resolver) is not built yet; each
// entry point fails loudly instead of pretending.
// TODO(compat): c-ares resolver in cares_wrap.

const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');

const resolveMethods = [
  'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt',
  'reverse',
];

function readServers() {
  try {
    const text = require('fs').readFileSync('/etc/resolv.conf', 'latin1');
    return text.split('\n').map((l) => l.trim().split(/\s+/))
      .filter((f) => f[0] === 'nameserver' && f[1]).map((f) => f[1]);
  } catch {
    return [];
  }
}

function makeResolverClass(prefix) {
  class Resolver {
    constructor(options = undefined) { this._servers = null; this._options = options; }
    cancel() {}
    getServers() { return this._servers ?? readServers(); }
    setServers(servers) { this._servers = [...servers]; }
    setLocalAddress() {}
  }
  for (const name of resolveMethods) {
    Resolver.prototype[name] = function() {
      throw new ERR_METHOD_NOT_IMPLEMENTED(`${prefix}${name}()`);
    };
  }
  return Resolver;
}

function addUnimplemented(target, prefix) {
  const Resolver = makeResolverClass(prefix);
  const defaultResolver = new Resolver();
  for (const name of resolveMethods) target[name] = Resolver.prototype[name];
  target.Resolver = Resolver;
  target.getServers = () => defaultResolver.getServers();
  target.setServers = (servers) => defaultResolver.setServers(servers);
}

module.exports = { addUnimplemented };
