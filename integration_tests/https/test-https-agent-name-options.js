'use strict';
// https.Agent's pool key, in Node's format: the http key, then one ':'-separated field
// per TLS option, where rejectUnauthorized, honorCipherOrder and secureOptions count
// whenever given and the others only when truthy. Keys asked for one after another
// must follow every change of option, host or buffer contents.
const assert = require('assert');
const https = require('https');

const agent = new https.Agent();
const empty = ':'.repeat(20);

assert.strictEqual(agent.getName({}), `localhost::${empty}`);
assert.strictEqual(agent.getName({
  host: 'a.example', port: 8443, rejectUnauthorized: false, servername: 'b.example',
  ciphers: 'HIGH', secureOptions: 0, honorCipherOrder: false, ca: null,
}), 'a.example:8443:::::HIGH:::false:b.example:::::false:::0::::');
assert.strictEqual(agent.getName({ host: 'x', port: 1, ca: ['A', 'B'], minVersion: 'TLSv1.2' }),
                   'x:1::A,B::::::::TLSv1.2:::::::::::');

// Falsy values other than undefined: only the three "when given" options show them.
for (const value of [null, 0, false, '']) {
  for (const key of ['ca', 'cert', 'ciphers', 'servername', 'sigalgs']) {
    assert.strictEqual(agent.getName({ host: 'h', [key]: value }), `h::${empty}`);
  }
  const shown = value === '' ? '' : String(value);
  assert.strictEqual(agent.getName({ host: 'h', rejectUnauthorized: value }),
                     `h::${':'.repeat(7)}${shown}${':'.repeat(13)}`);
}

// The same request twice, then one option changed: the key follows.
const options = { host: 'h', port: 443, servername: 'h', rejectUnauthorized: true };
const first = agent.getName(options);
assert.strictEqual(agent.getName(options), first);
assert.strictEqual(first, `h:443:${':'.repeat(7)}true${':'.repeat(13)}`);
options.rejectUnauthorized = false;
assert.strictEqual(agent.getName(options), `h:443:${':'.repeat(7)}false${':'.repeat(13)}`);
// Same servername, other host: the servername now counts.
options.host = 'g';
assert.strictEqual(agent.getName(options), `g:443:${':'.repeat(7)}false:h${':'.repeat(12)}`);
options.host = 'h';
assert.strictEqual(agent.getName(options), `h:443:${':'.repeat(7)}false${':'.repeat(13)}`);

// A buffer changed in place between requests changes the key.
const ca = Buffer.from('one');
assert.strictEqual(agent.getName({ host: 'h', ca }), `h:::one${':'.repeat(19)}`);
ca.write('two');
assert.strictEqual(agent.getName({ host: 'h', ca }), `h:::two${':'.repeat(19)}`);
