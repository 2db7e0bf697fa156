'use strict';
// util.inspect output of URL, URLSearchParams and its iterators, as Node prints them.
const assert = require('assert');
const util = require('util');

assert.strictEqual(util.inspect(new URL('http://u:p@h:1/p?a=b#c')), `URL {
  href: 'http://u:p@h:1/p?a=b#c',
  origin: 'http://h:1',
  protocol: 'http:',
  username: 'u',
  password: 'p',
  host: 'h:1',
  hostname: 'h',
  port: '1',
  pathname: '/p',
  search: '?a=b',
  searchParams: URLSearchParams { 'a' => 'b' },
  hash: '#c'
}`);
assert.strictEqual(util.inspect(new URLSearchParams()), 'URLSearchParams {}');
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2')),
                   "URLSearchParams { 'a' => '1', 'b' => '2' }");
const long = new URLSearchParams({ a: 'x'.repeat(40), b: 'y'.repeat(40) });
assert.strictEqual(util.inspect(long),
                   `URLSearchParams {\n  'a' => '${'x'.repeat(40)}',\n  'b' => '${'y'.repeat(40)}' }`);
const it = new URLSearchParams('a=1&b=2').keys();
it.next();
assert.strictEqual(util.inspect(it), "URLSearchParams Iterator { 'b' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1').entries()),
                   "URLSearchParams Iterator { [ 'a', '1' ] }");
assert.strictEqual(util.inspect({ u: new URLSearchParams('a=1') }, { depth: -1 }), '[Object]');
