'use strict';
// Every resolve* record type, reverse and resolveAny through a dns.promises.Resolver and a
// callback dns.Resolver pointed at a loopback DNS responder (no internet needed).
const assert = require('assert');
const dns = require('dns');
const { startDnsServer } = require('./fixtures/dns_server');

const records = {
  A: [{ type: 'A', address: '10.1.2.3', ttl: 60 },
      { type: 'A', address: '10.1.2.4', ttl: 3333333333 }],
  AAAA: [{ type: 'AAAA', address: '2001:db8::42', ttl: 120 }],
  CNAME: [{ type: 'CNAME', value: 'target.example.test' }],
  MX: [{ type: 'MX', priority: 10, exchange: 'mx1.example.test' },
       { type: 'MX', priority: 20, exchange: 'mx2.example.test' }],
  NS: [{ type: 'NS', value: 'ns1.example.test' }, { type: 'NS', value: 'ns2.example.test' }],
  TXT: [{ type: 'TXT', entries: ['v=spf1', ' -all'] }, { type: 'TXT', entries: ['hello'] }],
  SRV: [{ type: 'SRV', priority: 1, weight: 5, port: 5060, name: 'sip.example.test' }],
  PTR: [{ type: 'PTR', value: 'host.example.test' }],
  NAPTR: [{ type: 'NAPTR', order: 100, preference: 10, flags: 'S', service: 'SIP+D2U',
            regexp: '', replacement: '_sip._udp.example.test' }],
  SOA: [{ type: 'SOA', nsname: 'ns1.example.test', hostmaster: 'admin.example.test',
          serial: 3210987654, refresh: 900, retry: 600, expire: 86400, minttl: 3600 }],
  CAA: [{ type: 'CAA', critical: 0, tag: 'issue', value: 'ca.example.net' }],
};
const anyAnswers = [...records.A, ...records.AAAA, ...records.MX, ...records.TXT];

function strip(record, keep = []) {
  const out = { ...record };
  for (const key of ['type', 'ttl']) if (!keep.includes(key)) delete out[key];
  return out;
}

(async () => {
  const { server, address, questions } = await startDnsServer((q) => {
    if (q.name === '4.3.2.1.in-addr.arpa' && q.type === 'PTR') return { answers: records.PTR };
    if (q.type === 'ANY') return { answers: anyAnswers };
    return { answers: records[q.type] ?? [] };
  });
  const resolver = new dns.promises.Resolver();
  resolver.setServers([address]);
  assert.deepStrictEqual(resolver.getServers(), [address]);
  const name = 'example.test';

  assert.deepStrictEqual(await resolver.resolve4(name), ['10.1.2.3', '10.1.2.4']);
  assert.deepStrictEqual(await resolver.resolve4(name, { ttl: true }),
                         records.A.map((r) => strip(r, ['ttl'])));
  assert.deepStrictEqual(await resolver.resolve6(name, { ttl: true }),
                         [{ address: '2001:db8::42', ttl: 120 }]);
  assert.deepStrictEqual(await resolver.resolve(name, 'AAAA'), ['2001:db8::42']);
  assert.deepStrictEqual(await resolver.resolveCname(name), ['target.example.test']);
  assert.deepStrictEqual(await resolver.resolveMx(name), records.MX.map((r) => strip(r)));
  const nsNames = ['ns1.example.test', 'ns2.example.test'];
  assert.deepStrictEqual(await resolver.resolveNs(name), nsNames);
  assert.deepStrictEqual(await resolver.resolveTxt(name), [['v=spf1', ' -all'], ['hello']]);
  assert.deepStrictEqual(await resolver.resolveSrv(name), records.SRV.map((r) => strip(r)));
  assert.deepStrictEqual(await resolver.resolvePtr(name), ['host.example.test']);
  assert.deepStrictEqual(await resolver.resolveNaptr(name), records.NAPTR.map((r) => strip(r)));
  assert.deepStrictEqual(await resolver.resolveSoa(name), strip(records.SOA[0]));
  assert.deepStrictEqual(await resolver.resolveCaa(name),
                         [{ critical: 0, issue: 'ca.example.net' }]);
  assert.deepStrictEqual(await resolver.reverse('1.2.3.4'), ['host.example.test']);
  assert.deepStrictEqual(await resolver.resolveAny(name), [
    ...records.A, ...records.AAAA, ...records.MX.map((r) => strip(r, ['type'])),
    ...records.TXT.map((r) => strip(r, ['type'])),
  ]);

  // The callback Resolver gives the same results; its timeout/tries options are accepted.
  const callbackResolver = new dns.Resolver({ timeout: 2000, tries: 2 });
  callbackResolver.setServers([address]);
  const viaCallback = await new Promise((resolve, reject) => {
    callbackResolver.resolve(name, 'MX', (err, result) => (err ? reject(err) : resolve(result)));
  });
  assert.deepStrictEqual(viaCallback, records.MX.map((r) => strip(r)));
  await new Promise((resolve) => {
    callbackResolver.resolve4(name, { ttl: true }, (err, result) => {
      assert.ifError(err);
      assert.deepStrictEqual(result, records.A.map((r) => strip(r, ['ttl'])));
      resolve();
    });
  });

  // dns.setServers sets the default channel that dns.* and dns.promises.* share.
  dns.setServers([address]);
  assert.deepStrictEqual(dns.promises.getServers(), [address]);
  assert.deepStrictEqual(await dns.promises.resolve(name, 'NS'), nsNames);
  await new Promise((resolve) => {
    dns.resolveSoa(name, (err, soa) => {
      assert.ifError(err);
      assert.deepStrictEqual(soa, strip(records.SOA[0]));
      resolve();
    });
  });

  // Every query reached our server with the expected type.
  assert.ok(questions.some((q) => q.type === 'NAPTR' && q.name === name));
  assert.ok(questions.some((q) => q.type === 'CAA'));
  server.close();
  console.log('ok');
})().catch((err) => { console.error(err); process.exit(1); });
