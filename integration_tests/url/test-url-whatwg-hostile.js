'use strict';
// Hostile inputs: huge, deeply dotted, control characters, lone surrogates.
const assert = require('assert');

// A 1 MB path parses and round-trips.
const long = 'a'.repeat(1 << 20);
assert.strictEqual(new URL(`http://h/${long}`).pathname.length, long.length + 1);
// Many dot segments collapse without blowing up.
assert.strictEqual(new URL(`http://h/${'../'.repeat(100000)}x`).pathname, '/x');
assert.strictEqual(new URL(`http://h/${'a/'.repeat(50000)}${'../'.repeat(50000)}`).pathname, '/');
// Tabs and newlines vanish; leading/trailing C0 controls and spaces are trimmed.
assert.strictEqual(new URL('\u0000\t h\nttp://ex\tample.com/\r\n \u001f').href,
                   'http://example.com/');
// Lone surrogates become U+FFFD (percent-encoded UTF-8).
assert.strictEqual(new URL('http://h/\ud800?\udc00#\ud800').href,
                   'http://h/%EF%BF%BD?%EF%BF%BD#%EF%BF%BD');
// Hosts that decode to forbidden code points are rejected.
assert.throws(() => new URL('http://a%2fb/'), { code: 'ERR_INVALID_URL' });
assert.throws(() => new URL('http://%zz/'), { code: 'ERR_INVALID_URL' });
// Ports with many leading zeros are still ports.
assert.strictEqual(new URL(`http://h:${'0'.repeat(1000)}80/`).port, '');
// Long numeric hosts do not overflow the IPv4 parser.
assert.throws(() => new URL(`http://${'9'.repeat(1000)}/`), { code: 'ERR_INVALID_URL' });
// A very long label is accepted (no DNS length check in the URL Standard).
assert.strictEqual(new URL(`http://${'b'.repeat(300)}.com/`).hostname.length, 304);
// Objects are stringified once, through toString.
let calls = 0;
const input = { toString() { calls++; return 'http://o/'; } };
assert.strictEqual(new URL(input).href, 'http://o/');
assert.strictEqual(calls, 1);
