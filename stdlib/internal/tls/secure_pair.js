'use strict';
// tls.createSecurePair() (deprecated, DEP0064): a TLSSocket over one end of an in-memory
// duplex pair. `encrypted` is the other end (ciphertext in and out), `cleartext` the
// TLSSocket.

const EventEmitter = require('events');
const { Duplex } = require('stream');
const { createSecureContext } = require('internal/tls/secure_context');
const { TLSSocket } = require('internal/tls/socket');

const kPeer = Symbol('kPeer');
const kWaiting = Symbol('kWaiting');

// One end of the pair: what it writes becomes readable on its peer.
class PairSide extends Duplex {
  constructor() {
    super();
    this[kPeer] = null;
    this[kWaiting] = null;
  }

  _read() {
    const cb = this[kWaiting];
    if (cb) {
      this[kWaiting] = null;
      cb();
    }
  }

  _write(chunk, encoding, cb) {
    const peer = this[kPeer];
    if (chunk.length === 0) return process.nextTick(cb);
    if (peer.push(chunk)) cb();
    else peer[kWaiting] = cb;
  }

  _final(cb) {
    this[kPeer].push(null);
    cb();
  }
}

class SecurePair extends EventEmitter {
  constructor(secureContext = createSecureContext(), isServer = false,
              requestCert = !isServer, rejectUnauthorized = false, options = {}) {
    super();
    const a = new PairSide();
    const b = new PairSide();
    a[kPeer] = b;
    b[kPeer] = a;
    this.server = options.server;
    this.credentials = secureContext;
    this.encrypted = a;
    this.cleartext = new TLSSocket(b, {
      secureContext, isServer, requestCert, rejectUnauthorized, ...options,
    });
    this.cleartext.once('secure', () => this.emit('secure'));
    this.cleartext._start();
  }

  destroy() {
    this.cleartext.destroy();
    this.encrypted.destroy();
  }
}

module.exports = { SecurePair };
