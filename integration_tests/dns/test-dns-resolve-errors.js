'use strict';
// resolve* failures carry Node's codes (ENOTFOUND, ENODATA, ESERVFAIL, EREFUSED, ETIMEOUT,
// ECONNREFUSED, ECANCELLED, EBADRESP); malformed and hostile answers from the server give
// EBADRESP without harming the process, and the resolver keeps working afterwards.
const assert = require('assert');
const dgram = require('dgram');
const dns = require('dns');
const { startDnsServer, u16 } = require('./fixtures/dns_server');

function hostile(q, kind) {
  const header = (ancount) => Buffer.concat([u16(q.id), u16(0x8180), u16(1), u16(ancount),
                                             u16(0), u16(0)]);
  const fixed = (type, rdlength) => Buffer.concat([u16(type), u16(1), Buffer.alloc(4),
                                                   u16(rdlength)]);
  switch (kind) {
    case 'loop': {
      // The answer's name is a compression pointer to itself.
      const self = 12 + q.raw.length;
      return Buffer.concat([header(1), q.raw, u16(0xc000 | self), fixed(1, 4),
                            Buffer.from([1, 2, 3, 4])]);
    }
    case 'overlong':  // rdlength runs far past the end of the packet.
      return Buffer.concat([header(1), q.raw, Buffer.from([0]), fixed(1, 0xffff),
                            Buffer.from([1, 2, 3, 4])]);
    case 'missing':  // Claims five answers, carries none.
      return Buffer.concat([header(5), q.raw]);
    case 'badmx':  // An MX whose rdata is too short to hold the preference and a name.
      return Buffer.concat([header(1), q.raw, Buffer.from([0]), fixed(15, 1),
                            Buffer.from([7])]);
  }
  throw new Error(kind);
}

(async () => {
  const { server, address } = await startDnsServer((q) => {
    const [label] = q.name.split('.');
    switch (label) {
      case 'nx': return { rcode: 3 };
      case 'empty': return { answers: [] };
      case 'servfail': return { rcode: 2 };
      case 'refused': return { rcode: 5 };
      case 'silent': return null;
      case 'loop': case 'overlong': case 'missing': case 'badmx': return hostile(q, label);
      default: return { answers: [{ type: 'A', address: '192.0.2.1' }] };
    }
  });
  const resolver = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([address]);

  const expectCode = (promise, code, syscall, hostname) =>
    assert.rejects(promise, (err) => {
      assert.strictEqual(err.code, code);
      assert.strictEqual(err.syscall, syscall);
      assert.strictEqual(err.hostname, hostname);
      assert.strictEqual(err.errno, undefined);
      assert.strictEqual(err.message, `${syscall} ${code} ${hostname}`);
      return true;
    });
  await expectCode(resolver.resolve4('nx.test'), 'ENOTFOUND', 'queryA', 'nx.test');
  await expectCode(resolver.resolve4('empty.test'), 'ENODATA', 'queryA', 'empty.test');
  await expectCode(resolver.resolveTxt('servfail.test'), 'ESERVFAIL', 'queryTxt', 'servfail.test');
  await expectCode(resolver.resolveNs('refused.test'), 'EREFUSED', 'queryNs', 'refused.test');
  await expectCode(resolver.resolve4('silent.test'), 'ETIMEOUT', 'queryA', 'silent.test');
  await expectCode(resolver.resolve4('loop.test'), 'EBADRESP', 'queryA', 'loop.test');
  await expectCode(resolver.resolve4('overlong.test'), 'EBADRESP', 'queryA', 'overlong.test');
  await expectCode(resolver.resolve4('missing.test'), 'EBADRESP', 'queryA', 'missing.test');
  await expectCode(resolver.resolveMx('badmx.test'), 'EBADRESP', 'queryMx', 'badmx.test');
  await expectCode(resolver.resolveAny('loop.test'), 'EBADRESP', 'queryAny', 'loop.test');
  // Still serving after the hostile answers.
  assert.deepStrictEqual(await resolver.resolve4('ok.test'), ['192.0.2.1']);

  // cancel() fails every pending query with ECANCELLED.
  const pending = [resolver.resolve4('silent.test'), resolver.resolveMx('silent.test')];
  resolver.cancel();
  await expectCode(pending[0], 'ECANCELLED', 'queryA', 'silent.test');
  await expectCode(pending[1], 'ECANCELLED', 'queryMx', 'silent.test');

  // setServers while a query is pending is refused; bad addresses are rejected up front.
  const callbackResolver = new dns.Resolver({ timeout: 200, tries: 1 });
  callbackResolver.setServers([address]);
  const done = new Promise((resolve) => {
    callbackResolver.resolve4('silent.test', (err) => resolve(err));
  });
  assert.throws(() => callbackResolver.setServers([address]),
                { code: 'ERR_DNS_SET_SERVERS_FAILED' });
  assert.strictEqual((await done).code, 'ETIMEOUT');
  assert.throws(() => callbackResolver.setServers(['not-an-ip']),
                { code: 'ERR_INVALID_IP_ADDRESS', name: 'TypeError' });
  assert.throws(() => callbackResolver.setServers(['1.2.3.4:x']),
                { code: 'ERR_INVALID_IP_ADDRESS' });
  assert.throws(() => callbackResolver.resolve('x.test', 'BOGUS', () => {}),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new dns.Resolver({ tries: 0 }), { code: 'ERR_OUT_OF_RANGE' });

  // A port nobody listens on: the ICMP error surfaces as ECONNREFUSED.
  const closed = dgram.createSocket('udp4');
  await new Promise((resolve) => closed.bind(0, '127.0.0.1', resolve));
  const closedPort = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const refused = new dns.promises.Resolver({ timeout: 2000, tries: 1 });
  refused.setServers([`127.0.0.1:${closedPort}`]);
  await expectCode(refused.resolve4('ok.test'), 'ECONNREFUSED', 'queryA', 'ok.test');

  server.close();
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
