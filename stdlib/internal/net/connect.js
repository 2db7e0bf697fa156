'use strict';
// Resolving a host name for Socket#connect and trying its addresses. With autoSelectFamily
// (Node 20's default) every address lookup returned is tried in turn, families
// interleaved, until one connects.
// Differs from Node 20: attempts are sequential without the per-attempt timeout
// (autoSelectFamilyAttemptTimeout is stored but not applied); a refused or unreachable
// address fails fast on loopback and LANs, a black-holed one waits for the OS timeout.

const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS,
    ERR_INVALID_ADDRESS_FAMILY,
  },
} = require('internal/errors');
const { validateFunction, validateNumber, validateBoolean, validateInt32 } =
  require('internal/validators');
const { isIP } = require('internal/net/is_ip');
const { validatePort } = require('internal/net/normalize');

const defaults = { autoSelectFamily: true, attemptTimeout: 250 };

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
    default: return family;
  }
}

function lookupAndConnect(self, options) {
  const { internalConnect } = require('internal/net/socket');
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamily } = options;
  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (port !== undefined) {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = defaults.autoSelectFamily;
  if (options.autoSelectFamilyAttemptTimeout != null) {
    validateInt32(options.autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout',
                  1);
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, addressType, localAddress, localPort);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const dns = require('dns');
  const dnsopts = { family: socketToDnsFamily(options.family), hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dns.ADDRCONFIG;
  }
  const lookup = options.lookup || dns.lookup;
  self._host = host;
  const multiple = autoSelectFamily && dnsopts.family !== 4 && dnsopts.family !== 6 &&
    !localAddress;
  if (multiple) dnsopts.all = true;

  lookup(host, dnsopts, function emitLookup(err, ip, family) {
    let addresses = null;
    if (!err && Array.isArray(ip)) {
      // All addresses: one is connected to directly, several are tried in turn.
      const list = ip;
      addresses = list.length > 1 ? interleave(list) : null;
      const first = addresses && addresses.length > 0 ? addresses[0] : list[0];
      if (first === undefined) err = new ERR_INVALID_IP_ADDRESS(undefined);
      else ({ address: ip, family } = first);
    }
    self.emit('lookup', err, ip, family, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(() => self.destroy(err));
    } else if (!isIP(ip)) {
      process.nextTick(() => self.destroy(new ERR_INVALID_IP_ADDRESS(ip)));
    } else if (family !== 4 && family !== 6) {
      const error = new ERR_INVALID_ADDRESS_FAMILY(family, options.host, options.port);
      error.host = options.host;
      error.port = options.port;
      process.nextTick(() => self.destroy(error));
    } else if (addresses !== null && addresses.length > 1) {
      self._unrefTimer();
      connectMultiple(self, addresses, port);
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, family, localAddress, localPort);
    }
  });
}

// Alternates families, starting with the family of the first address.
function interleave(list) {
  const valid = list.filter((a) => a.family === 4 || a.family === 6);
  if (valid.length === 0) return valid;
  const first = valid.filter((a) => a.family === valid[0].family);
  const other = valid.filter((a) => a.family !== valid[0].family);
  const out = [];
  for (let i = 0; i < Math.max(first.length, other.length); i++) {
    if (i < first.length) out.push(first[i]);
    if (i < other.length) out.push(other[i]);
  }
  return out;
}

function connectMultiple(self, addresses, port) {
  const { internalConnect, kOwner } = require('internal/net/socket');
  const errors = [];
  self.autoSelectFamilyAttemptedAddresses = [];
  let index = 0;
  function attempt() {
    const { address, family } = addresses[index++];
    self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
    self.emit('connectionAttempt', address, port, family);
    internalConnect(self, address, port, family, undefined, undefined, onfailure);
  }
  function onfailure(status) {
    const { exceptionWithHostPort } = require('internal/net/exceptions');
    const address = addresses[index - 1].address;
    const error = exceptionWithHostPort(status, 'connect', address, port);
    errors.push(error);
    self.emit('connectionAttemptFailed', address, port, addresses[index - 1].family, error);
    if (index >= addresses.length || self.destroyed) {
      if (errors.length === 1) return false;
      const aggregate = new AggregateError(errors);
      aggregate.code = errors[0].code;
      self.destroy(aggregate);
      return true;
    }
    // A failed connect leaves the handle unusable: continue on a fresh one.
    self._handle.close();
    self._handle = new TCP(TCPConstants.SOCKET);
    self._handle[kOwner] = self;
    self._handle.onread = require('internal/stream_base_commons').onStreamRead;
    attempt();
    return true;
  }
  attempt();
}

module.exports = {
  lookupAndConnect,
  getDefaultAutoSelectFamily() { return defaults.autoSelectFamily; },
  setDefaultAutoSelectFamily(value) {
    validateBoolean(value, 'value');
    defaults.autoSelectFamily = value;
  },
  getDefaultAutoSelectFamilyAttemptTimeout() { return defaults.attemptTimeout; },
  setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateInt32(value, 'value', 1);
    // Node rounds values below 10 up to 10.
    defaults.attemptTimeout = value < 10 ? 10 : value;
  },
  ERR_INVALID_ARG_VALUE,
};
