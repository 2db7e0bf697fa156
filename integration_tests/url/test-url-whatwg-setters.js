'use strict';
// WHATWG URL setters with the standard's state-override rules.
const assert = require('assert');

const u = new URL('http://example.com:8080/path?x=1#h');
u.protocol = 'https';
assert.strictEqual(u.href, 'https://example.com:8080/path?x=1#h');
u.protocol = 'foo';  // Special to non-special is ignored.
assert.strictEqual(u.protocol, 'https:');
u.port = '443';  // The default port disappears.
assert.strictEqual(u.port, '');
u.port = '99abc';  // Digits before anything else are taken.
assert.strictEqual(u.port, '99');
u.port = '70000';  // Out of range: unchanged.
assert.strictEqual(u.port, '99');
u.hostname = 'other.org:1';  // ':' stops the hostname setter altogether.
assert.strictEqual(u.host, 'example.com:99');
u.host = 'other.org:1';
assert.strictEqual(u.host, 'other.org:1');
u.username = 'a b';
u.password = 'p@ss';
assert.strictEqual(u.href, 'https://a%20b:p%40ss@other.org:1/path?x=1#h');
u.pathname = 'x y/../z';
assert.strictEqual(u.pathname, '/z');
u.search = 'a=#b';
assert.strictEqual(u.search, '?a=%23b');
u.hash = '#';
assert.strictEqual(u.hash, '');
assert.ok(u.href.endsWith('#'));
u.search = '';
assert.strictEqual(u.href, 'https://a%20b:p%40ss@other.org:1/z#');

// Non-special URLs without a host cannot take credentials or ports.
const f = new URL('file:///tmp/x');
f.username = 'me';
f.port = '12';
assert.strictEqual(f.href, 'file:///tmp/x');

// The href setter throws on invalid input and keeps the URL.
assert.throws(() => { u.href = 'not a url'; },
              { name: 'TypeError', code: 'ERR_INVALID_URL', input: 'not a url' });
assert.strictEqual(u.hostname, 'other.org');
u.href = 'ws://w/';
assert.strictEqual(u.origin, 'ws://w');
