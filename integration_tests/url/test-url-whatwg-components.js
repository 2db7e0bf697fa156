'use strict';
// WHATWG URL: parsing, every getter, relative resolution and serialization.
const assert = require('assert');

const u = new URL('HTTPS://us er:p%41ss@EXAMPLE.com:443/a/./b/../c?q=1 2#frag ment');
assert.strictEqual(u.href, 'https://us%20er:p%41ss@example.com/a/c?q=1%202#frag%20ment');
assert.strictEqual(u.origin, 'https://example.com');
assert.strictEqual(u.protocol, 'https:');
assert.strictEqual(u.username, 'us%20er');
assert.strictEqual(u.password, 'p%41ss');
assert.strictEqual(u.host, 'example.com');
assert.strictEqual(u.hostname, 'example.com');
assert.strictEqual(u.port, '');
assert.strictEqual(u.pathname, '/a/c');
assert.strictEqual(u.search, '?q=1%202');
assert.strictEqual(u.hash, '#frag%20ment');
assert.strictEqual(String(u), u.href);
assert.strictEqual(JSON.stringify({ u }), `{"u":"${u.href}"}`);

// Relative references against a base, string or URL.
assert.strictEqual(new URL('../x?y', 'http://h/a/b/c').href, 'http://h/a/x?y');
assert.strictEqual(new URL('//other/p', new URL('ftp://h:21/')).href, 'ftp://other/p');
assert.strictEqual(new URL('?q', 'http://h/p#f').href, 'http://h/p?q');

// Hosts: IPv4 forms, IPv6 compression, IDNA.
assert.strictEqual(new URL('http://0x7f.1/').host, '127.0.0.1');
assert.strictEqual(new URL('http://[0:0:0:0:0:ffff:1.2.3.4]:8080/').host, '[::ffff:102:304]:8080');
assert.strictEqual(new URL('http://Bücher.example/').hostname, 'xn--bcher-kva.example');
assert.strictEqual(new URL('non-special://Host%20X/').host, 'Host%20X');

// Opaque paths and origins.
const mail = new URL('mailto:Someone@Example.com');
assert.strictEqual(mail.pathname, 'Someone@Example.com');
assert.strictEqual(mail.origin, 'null');
assert.strictEqual(new URL('blob:https://a.com:8443/uuid').origin, 'https://a.com:8443');
assert.strictEqual(new URL('file:///C|/x').href, 'file:///C:/x');

// Static helpers.
assert.strictEqual(URL.canParse('http://x'), true);
assert.strictEqual(URL.canParse('x'), false);
assert.strictEqual(URL.canParse('x', 'http://y/'), true);
assert.throws(() => URL.canParse(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(Object.prototype.toString.call(u), '[object URL]');
