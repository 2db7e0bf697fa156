'use strict';
// The primary's side of a listening address that workers share.
// - RoundRobinHandle (SCHED_RR, TCP and pipes): the primary listens, accepts, and hands
//   each connection to the next free worker ({ act: 'newconn', key } with the handle);
//   a worker answers { accepted } and asks for the next one by being free again.
// - SharedHandle (SCHED_NONE, and always for UDP): the primary binds once and sends the
//   bound handle to every worker, which listens/receives on it itself.
// Each has add(worker, send) — `send(errno, reply, handle)` answers the worker's
// queryServer — and remove(worker), true once no worker uses it (then it is closed).

const { sendHelper } = require('internal/cluster/utils');

const UV_EINVAL = -22;

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
    const net = require('net');
    this.key = key;
    this.all = new Map();
    this.free = new Map();
    this.handles = [];
    this.handle = null;
    this.server = net.createServer(() => {
      throw new Error('RoundRobinHandle: the primary must not accept connections itself');
    });
    if (typeof fd === 'number' && fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({
        port, host: address || undefined, backlog,
        ipv6Only: Boolean(flags & 1),  // UV_TCP_IPV6ONLY
      });
    } else {
      this.server.listen({ path: address, backlog, readableAll, writableAll });
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.handle.onconnection = (err, handle) => this.distribute(err, handle);
      this.server._handle = null;
      this.server = null;
    });
  }

  add(worker, send) {
    this.all.set(worker.id, worker);
    const done = () => {
      if (this.handle.getsockname) {
        const out = {};
        this.handle.getsockname(out);
        send(0, { sockname: out }, null);
      } else {
        send(0, null, null);
      }
      this.handoff(worker);
    };
    if (this.server === null) {
      done();
      return;
    }
    this.server.once('listening', done);
    this.server.once('error', (err) => send(err.errno || UV_EINVAL, null));
  }

  remove(worker) {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const handle of this.handles) handle.close();
    this.handles = [];
    if (this.handle) this.handle.close();
    this.handle = null;
    if (this.server) this.server.close();
    return true;
  }

  distribute(err, handle) {
    if (err) return;
    this.handles.push(handle);
    const first = this.free.entries().next();
    if (!first.done) {
      const [id, worker] = first.value;
      this.free.delete(id);
      this.handoff(worker);
    }
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return;  // The worker went away.
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const message = { act: 'newconn', key: this.key };
    const sent = sendHelper(worker.process, message, handle, (reply) => {
      if (reply.accepted) handle.close();
      else this.distribute(0, handle);  // The worker closed its server: try another.
      this.handoff(worker);
    });
    if (!sent && !worker.process.connected) {
      this.all.delete(worker.id);
      this.distribute(0, handle);
    }
  }
}

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    let rval;
    if (addressType === 'udp4' || addressType === 'udp6') {
      rval = createUdpHandle(address, port, addressType, fd, flags);
    } else {
      const { createServerHandle } = require('internal/net/server');
      rval = createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') this.errno = rval;
    else this.handle = rval;
  }

  add(worker, send) {
    this.workers.set(worker.id, worker);
    send(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle) this.handle.close();
    this.handle = null;
    return true;
  }
}

// A bound UDP handle, or a negative uv error.
function createUdpHandle(address, port, addressType, fd, flags) {
  const { UDP } = internalBinding('udp_wrap');
  const handle = new UDP();
  let err;
  if (typeof fd === 'number' && fd > 0) err = handle.open(fd);
  else if (addressType === 'udp6') err = handle.bind6(address || '::', port || 0, flags);
  else err = handle.bind(address || '0.0.0.0', port || 0, flags);
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = { RoundRobinHandle, SharedHandle };
