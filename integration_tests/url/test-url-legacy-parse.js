'use strict';
// Legacy url.parse / url.format / url.resolve.
const assert = require('assert');
const url = require('url');

const parsed = url.parse('HTTP://user:pw@Host.COM:8080/p/a/t/h?query=string#hash');
assert.deepStrictEqual({ ...parsed }, {
  protocol: 'http:', slashes: true, auth: 'user:pw', host: 'host.com:8080', port: '8080',
  hostname: 'host.com', hash: '#hash', search: '?query=string', query: 'query=string',
  pathname: '/p/a/t/h', path: '/p/a/t/h?query=string',
  href: 'http://user:pw@host.com:8080/p/a/t/h?query=string#hash',
});
assert.ok(parsed instanceof url.Url);
assert.strictEqual(url.parse(parsed), parsed);

assert.strictEqual(url.parse('/just/a/path?x').pathname, '/just/a/path');
assert.strictEqual(url.parse('//h/p').host, null);
assert.strictEqual(url.parse('//h/p', false, true).host, 'h');
assert.strictEqual(url.parse('mailto:a@b.c').href, 'mailto:a@b.c');
assert.strictEqual(url.parse('http://x\\y/z').href, 'http://x/y/z');
assert.strictEqual(url.parse('http://[::1]:80/').hostname, '::1');
assert.strictEqual(url.parse('http://ex.com/a b<>').pathname, '/a%20b%3C%3E');
assert.strictEqual(url.parse('  http://trim.me/  ').href, 'http://trim.me/');
assert.strictEqual(url.parse('http://bücher.de/').hostname, 'xn--bcher-kva.de');
assert.strictEqual(url.parse('javascript:alert(1) "x"').pathname, 'alert(1) "x"');
assert.throws(() => url.parse(1), { code: 'ERR_INVALID_ARG_TYPE' });

assert.strictEqual(url.format({ protocol: 'https', hostname: 'h.com', pathname: 'a#b',
                                search: 'x' }), 'https://h.com/a%23b?x');
assert.strictEqual(url.format({ protocol: 'mailto', auth: 'a b', hostname: 'h' }),
                   'mailto:a%20b@h');
assert.strictEqual(url.format('http://a.com/x?y'), 'http://a.com/x?y');
assert.strictEqual(url.format(new URL('http://u:p@xn--bcher-kva.de/?s#f'),
                              { auth: false, search: false, fragment: false, unicode: true }),
                   'http://bücher.de/');
assert.throws(() => url.format(null), { code: 'ERR_INVALID_ARG_TYPE' });

const resolves = [
  ['/one/two/three', 'four', '/one/two/four'],
  ['http://example.com/', '/one', 'http://example.com/one'],
  ['http://example.com/one', '/two', 'http://example.com/two'],
  ['http://a/b/c/d;p?q', '../../../g', 'http://a/g'],
  ['http://a/b/c/d;p?q', '?y', 'http://a/b/c/d;p?y'],
  ['http://a/b/c/d;p?q', '//g', 'http://g/'],
  ['http://a/b/c/d;p?q', 'https:g', 'https://g/'],
  ['mailto:a@b.com', 'mailto:c@d.com', 'mailto:c@d.com'],
  ['http://a/b/', '.', 'http://a/b/'],
];
for (const [from, to, want] of resolves) assert.strictEqual(url.resolve(from, to), want);

// Tabs and newlines vanish from the auth and host, but are escaped in the path.
assert.strictEqual(url.parse('http://u\ts@h\nx:8\r0/x\ty').href, 'http://us@hx:80/x%09y');
