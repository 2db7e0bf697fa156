'use strict';
// net.SocketAddress and net.BlockList. Addresses are kept as 128-bit BigInts in IPv6
// space, IPv4 ones as IPv4-mapped (::ffff:a.b.c.d), so an IPv4 rule also matches the
// mapped form of its addresses and the reverse, as in Node.
// Differs from Node 20: a BlockList is plain JS state, so it cannot be shared with a
// worker or another port through postMessage.

const { isIPv4, isIPv6 } = require('internal/net/is_ip');
const { validatePort } = require('internal/net/normalize');
const {
  validateInt32, validateObject, validateString, validateUint32,
} = require('internal/validators');
const {
  ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;

const kMapped = 0xffffn << 32n;
const kAll128 = (1n << 128n) - 1n;
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

function parseIPv4(text) {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text) {
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  let v4 = null;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    v4 = parseIPv4(text.slice(lastColon + 1));
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const [head, tail] = text.split('::');
  const groups = (s) => (s ? s.split(':').filter((g) => g !== '') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array(8 - left.length - right.length).fill('0'), ...right];
  let value = all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
  if (v4 !== null) value = (value & ~0xffffffffn) | v4;
  return value;
}

function formatIPv4(value) {
  const parts = [];
  for (let shift = 24n; shift >= 0n; shift -= 8n) parts.push(Number((value >> shift) & 0xffn));
  return parts.join('.');
}

// Canonical text, as inet_ntop writes it: lower case, the longest run of two or more zero
// groups as "::", IPv4-mapped addresses with a dotted tail.
function formatIPv6(value) {
  if ((value >> 32n) === 0xffffn) return `::ffff:${formatIPv4(value & 0xffffffffn)}`;
  const groups = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

const kState = Symbol('kState');

class SocketAddress {
  static isSocketAddress(value) {
    return value != null && typeof value === 'object' && kState in value;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    const {
      address = family === 'ipv4' ? '127.0.0.1' : '::',
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    let value;
    if (family === 'ipv4') {
      if (!isIPv4(address)) throw new ERR_INVALID_ADDRESS();
      value = kMapped | parseIPv4(address);
    } else {
      if (!isIPv6(address)) throw new ERR_INVALID_ADDRESS();
      value = parseIPv6(address);
    }
    const text = family === 'ipv4' ? formatIPv4(value & 0xffffffffn) : formatIPv6(value);
    this[kState] = { address: text, port: port | 0, family, flowlabel: flowlabel >>> 0, value };
  }

  get address() { return this[kState].address; }
  get port() { return this[kState].port; }
  get family() { return this[kState].family; }
  get flowlabel() { return this[kState].flowlabel; }

  toJSON() {
    const { address, port, family, flowlabel } = this[kState];
    return { address, port, family, flowlabel };
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return '[SocketAddress]';
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

function toAddress(value, family, name) {
  if (SocketAddress.isSocketAddress(value)) return value;
  validateString(value, name);
  validateString(family, 'family');
  return new SocketAddress({ address: value, family });
}

function familyLabel(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

class BlockList {
  #rules = [];  // Newest first: { low, high, family, text }

  addAddress(address, family = 'ipv4') {
    const sa = toAddress(address, family, 'address');
    this.#rules.unshift({
      low: sa[kState].value, high: sa[kState].value,
      text: `Address: ${familyLabel(sa.family)} ${sa.address}`,
    });
  }

  addRange(start, end, family = 'ipv4') {
    const first = toAddress(start, family, 'start');
    const last = toAddress(end, family, 'end');
    if (first[kState].value > last[kState].value) {
      throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    }
    this.#rules.unshift({
      low: first[kState].value, high: last[kState].value,
      text: `Range: ${familyLabel(first.family)} ${first.address}-${last.address}`,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const sa = toAddress(network, family, 'network');
    const bits = sa.family === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, bits);
    const hostBits = BigInt(bits - prefix);
    const hostMask = (1n << hostBits) - 1n;
    const low = sa[kState].value & (kAll128 ^ hostMask);
    this.#rules.unshift({
      low, high: low | hostMask,
      text: `Subnet: ${familyLabel(sa.family)} ${sa.address}/${prefix}`,
    });
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        address = new SocketAddress({ address, family });
      } catch {
        return false;
      }
    }
    const { value } = address[kState];
    return this.#rules.some((rule) => value >= rule.low && value <= rule.high);
  }

  get rules() {
    return this.#rules.map((rule) => rule.text);
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return '[BlockList]';
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }
}

module.exports = { BlockList, SocketAddress };
